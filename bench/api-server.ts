// Azurite plus the function app's local host in a child process (as in production), with one pabo key,
// for the API benchmarks; both stopped whatever the benchmark does.
import { startLocalHostProcess } from '../scripts/api-host';
import { startAzurite } from '../scripts/azurite';
import { createApiClient, type ApiClient } from '../shared/api/client';

export interface BenchApi {
  host: Awaited<ReturnType<typeof startLocalHostProcess>>;
  azurite: Awaited<ReturnType<typeof startAzurite>>;
  client: ApiClient;
}

export async function withBenchApi<T>(run: (api: BenchApi) => Promise<T>): Promise<T> {
  const azurite = await startAzurite();
  try {
    const key = 'bench-key-pabo';
    const host = await startLocalHostProcess({
      env: { BOSSPO_STORAGE: azurite.connectionString, BOSSPO_API_KEYS: JSON.stringify({ [key]: { name: 'bench', role: 'pabo' } }) },
    });
    try {
      return await run({ host, azurite, client: createApiClient({ baseUrl: host.url, apiKey: key }) });
    } finally {
      await host.stop();
    }
  } finally {
    await azurite.stop();
  }
}
