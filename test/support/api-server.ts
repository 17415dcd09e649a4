// A real function app for tests: Azurite plus the local host, each a child process on a free port,
// with a fixed key set (a key per board, pabo, stuurgroep). Call stop() in afterAll: it stops both by
// PID whatever happened in the tests. Other suites (CLI, add-in e2e) reuse this.
import type { ApiKeys } from '../../functions/src/auth/keys';
import { startLocalHostProcess, type LocalHostProcess } from '../../scripts/api-host';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { startAzurite, type AzuriteHandle } from './azurite';

export const TEST_KEYS = {
  boor: 'test-key-board-boor-0123456789',
  wijzer: 'test-key-board-wijzer-0123456789',
  pabo: 'test-key-pabo-0123456789',
  stuurgroep: 'test-key-stuurgroep-0123456789',
} as const;
export type TestCaller = keyof typeof TEST_KEYS;

export const TEST_KEY_CONFIG: ApiKeys = {
  [TEST_KEYS.boor]: { name: 'HR BOOR', role: 'board', board: 'BOOR' },
  [TEST_KEYS.wijzer]: { name: 'HR Wijzer', role: 'board', board: 'Wijzer' },
  [TEST_KEYS.pabo]: { name: 'Pabo', role: 'pabo' },
  [TEST_KEYS.stuurgroep]: { name: 'Stuurgroep', role: 'stuurgroep' },
};

export interface TestApi {
  url: string;
  azurite: AzuriteHandle;
  host: LocalHostProcess;
  /** The host's log lines so far. */
  logs: string[];
  /** A typed client with the key of `who` (or none). */
  client(who?: TestCaller): ApiClient;
  /** Stop the local host, and Azurite when this call started it (both by PID). */
  stop(): Promise<void>;
}

export interface TestApiOptions {
  /** Extra app settings (e.g. BOSSPO_BOARDS, WEBSITE_AUTH_ENABLED). */
  env?: Record<string, string>;
  keys?: ApiKeys;
  /** Use this Azurite instead of starting one (it is then not stopped by stop()). */
  azurite?: AzuriteHandle;
}

export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const ownAzurite = !options.azurite;
  const azurite = options.azurite ?? (await startAzurite());
  let host: LocalHostProcess;
  try {
    host = await startLocalHostProcess({
      env: {
        BOSSPO_API_KEYS: JSON.stringify(options.keys ?? TEST_KEY_CONFIG),
        BOSSPO_STORAGE: azurite.connectionString,
        BOSSPO_BOARDS: '',
        WEBSITE_AUTH_ENABLED: '',
        ...options.env,
      },
    });
  } catch (e) {
    if (ownAzurite) await azurite.stop();
    throw e;
  }
  return {
    url: host.url,
    azurite,
    host,
    logs: host.logs,
    client: (who) => createApiClient({ baseUrl: host.url, ...(who ? { apiKey: TEST_KEYS[who] } : {}) }),
    async stop() {
      await host.stop();
      if (ownAzurite) await azurite.stop();
    },
  };
}
