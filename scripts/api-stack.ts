// Azurite plus the function app, for `npm run start:api` and the lead's `npm start`:
// `func start` when Azure Functions Core Tools are installed, else the project's local host serving
// the same route table. Keys from BOSSPO_API_KEYS, else a generated development key set.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { parseApiKeys, type ApiKeys } from '../functions/src/auth/keys';
import { buildFunctionApp } from './api-build';
import { NODE_ARGUMENTS } from '../functions/src/node-arguments';
import { startLocalHostProcess, PROJECT_ROOT } from './api-host';
import {
  AZURITE_DEFAULT_PORT,
  freePort,
  portAcceptsConnections,
  startAzurite,
  stopProcess,
  waitForPort,
  type AzuriteHandle,
} from './azurite';

export interface StartApiOptions {
  /** Default PORT, else 7071. */
  port?: number;
  /** BOSSPO_API_KEYS as JSON text; default the environment's, else generated development keys. */
  apiKeys?: string;
  /** Persist Azurite's data to this folder (default BOSSPO_AZURITE_LOCATION, else in memory). */
  azuriteLocation?: string;
  /** 'auto' (default): func when installed; 'local': always the local host; 'func': require func. */
  host?: 'auto' | 'local' | 'func';
  /** Where the function app's log lines go (default stdout). */
  log?: (line: string) => void;
  /** Build the deployable package (npm run build:api) and serve that instead of the sources. */
  dist?: boolean;
}

export interface ApiStack {
  url: string;
  /** The keys in use, and whether they were generated for this run. */
  keys: ApiKeys;
  generatedKeys: boolean;
  host: 'local' | 'func';
  /** The deployable package (dist/api) is served, not the sources. */
  dist: boolean;
  azurite: { port: number; pid: number; connectionString: string };
  stop(): Promise<void>;
}

/** A board key for BOOR, a pabo key and a stuurgroep key, fresh each run. */
export function developmentKeys(): ApiKeys {
  const key = (who: string) => `dev-${who}-${randomBytes(16).toString('hex')}`;
  return {
    [key('boor')]: { name: 'HR BOOR (ontwikkeling)', role: 'board', board: 'BOOR' },
    [key('pabo')]: { name: 'Pabo (ontwikkeling)', role: 'pabo' },
    [key('stuurgroep')]: { name: 'Stuurgroep (ontwikkeling)', role: 'stuurgroep' },
  };
}

/** The `func` executable from node_modules/.bin or PATH, or null. */
export function findFunc(): string | null {
  const local = join(PROJECT_ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'func.cmd' : 'func');
  const candidates = [
    local,
    ...(process.env.PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((dir) => join(dir, process.platform === 'win32' ? 'func.cmd' : 'func')),
  ];
  // The npm package installs a `func` shim even when its binary download failed: it must answer.
  return candidates.find((c) => existsSync(c) && funcWorks(c)) ?? null;
}

function funcWorks(func: string): boolean {
  const r = spawnSync(func, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return r.status === 0;
}

export async function startApi(options: StartApiOptions = {}): Promise<ApiStack> {
  const port = options.port ?? (process.env.PORT ? Number(process.env.PORT) : 7071);
  const log = options.log ?? ((line: string) => console.log(line));
  const keysText = options.apiKeys ?? process.env.BOSSPO_API_KEYS;
  const generatedKeys = !keysText;
  const keys = keysText ? parseApiKeys(keysText) : developmentKeys();
  if (await portAcceptsConnections(port)) throw new Error(`Port ${port} is already in use; set PORT to another port.`);

  const location = options.azuriteLocation ?? process.env.BOSSPO_AZURITE_LOCATION;
  const azuritePort = (await portAcceptsConnections(AZURITE_DEFAULT_PORT)) ? await freePort() : AZURITE_DEFAULT_PORT;
  const azurite: AzuriteHandle = await startAzurite({ port: azuritePort, ...(location ? { location } : {}) });

  const env: Record<string, string> = {
    BOSSPO_API_KEYS: JSON.stringify(keys),
    BOSSPO_STORAGE: azurite.connectionString,
    AzureWebJobsStorage: azurite.connectionString,
  };
  const func = options.host === 'local' ? null : findFunc();
  const built = options.dist || func ? await buildFunctionApp() : null;
  if (options.host === 'func' && !func) {
    await azurite.stop();
    throw new Error('Azure Functions Core Tools (func) are not installed.');
  }
  try {
    if (func) {
      const child = await startFunc(func, built!.dir, port, env, log);
      return stack('func', `http://127.0.0.1:${port}`, () => stopProcess(child));
    }
    const host = await startLocalHostProcess({ env, port, echo: log, ...(built ? { bundleHost: built.host, bundleDir: built.dir } : {}) });
    return stack('local', host.url, host.stop);
  } catch (e) {
    await azurite.stop();
    throw e;
  }

  function stack(kind: 'local' | 'func', url: string, stopHost: () => Promise<void>): ApiStack {
    return {
      url,
      keys,
      generatedKeys,
      host: kind,
      dist: built !== null,
      azurite: { port: azurite.port, pid: azurite.pid, connectionString: azurite.connectionString },
      async stop() {
        await stopHost();
        await azurite.stop();
      },
    };
  }
}

async function startFunc(
  func: string,
  appDir: string,
  port: number,
  env: Record<string, string>,
  log: (line: string) => void,
): Promise<ChildProcess> {
  const child = spawn(func, ['start', '--port', String(port), '--cors', process.env.BOSSPO_CORS_ORIGINS ?? 'https://localhost:3000,http://localhost:3000'], {
    cwd: appDir,
    // The worker's Node.js arguments as in Azure (infra/app/api.bicep).
    env: { ...process.env, ...env, FUNCTIONS_WORKER_RUNTIME: 'node', languageWorkers__node__arguments: NODE_ARGUMENTS.join(' ') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => d.toString().split('\n').filter(Boolean).forEach(log));
  child.stderr?.on('data', (d: Buffer) => d.toString().split('\n').filter(Boolean).forEach(log));
  try {
    await waitForPort(port, 120_000, child);
  } catch (e) {
    await stopProcess(child);
    throw e;
  }
  return child;
}
