// Azurite (Table service only) as a child process: started on 127.0.0.1 at a given or free port, in
// memory or persisted to a folder, and stopped by its PID. Used by `npm run start:api`, `npm start`,
// the tests and the benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect, createServer } from 'node:net';
import { dirname, join } from 'node:path';

/** Azurite's well-known development account (public, documented by Microsoft). */
export const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
export const AZURITE_DEFAULT_PORT = 10002;

export function tableConnectionString(port: number, host = '127.0.0.1'): string {
  return `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};TableEndpoint=http://${host}:${port}/${DEV_ACCOUNT};`;
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function portAcceptsConnections(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function waitForPort(port: number, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child && child.exitCode !== null) throw new Error(`the process exited with code ${child.exitCode}`);
    if (await portAcceptsConnections(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
}

/** Signal a child by PID (default SIGTERM), then SIGKILL if it has not exited within `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 5_000, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(child.pid, signal);
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, graceMs);
  await exited;
  clearTimeout(timer);
}

function azuriteTableScript(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('azurite/package.json');
  const script = join(dirname(pkg), 'dist', 'src', 'table', 'main.js');
  if (!existsSync(script)) throw new Error('azurite is not installed: run npm install');
  return script;
}

export interface AzuriteOptions {
  /** Default: a free port. */
  port?: number;
  /** A folder to persist to; default in memory. */
  location?: string;
  /** Echo Azurite's own output (default: discard). */
  verbose?: boolean;
}

export interface AzuriteHandle {
  port: number;
  pid: number;
  connectionString: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<AzuriteHandle> {
  const port = options.port ?? (await freePort());
  const args = [
    azuriteTableScript(),
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(port),
    '--skipApiVersionCheck',
    '--loose',
    '--silent',
    '--disableTelemetry',
    ...(options.location ? ['--location', options.location] : ['--inMemoryPersistence']),
  ];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', options.verbose ? 'inherit' : 'ignore', options.verbose ? 'inherit' : 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2_000);
  });
  try {
    await waitForPort(port, 20_000, child);
  } catch (e) {
    await stopProcess(child, 2_000, 'SIGINT');
    throw new Error(`Azurite did not start on port ${port}: ${(e as Error).message}${stderr ? `\n${stderr}` : ''}`, { cause: e });
  }
  return {
    port,
    pid: child.pid!,
    connectionString: tableConnectionString(port),
    child,
    // Azurite saves its database on SIGINT only (SIGTERM exits without the last autosave).
    stop: () => stopProcess(child, 10_000, 'SIGINT'),
  };
}
