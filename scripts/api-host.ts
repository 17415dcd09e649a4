// The local host (functions/src/local/main.ts) as a child process on a free or given port: its log
// lines are collected (and echoed if asked), and it is stopped by its PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { NODE_ARGUMENTS } from '../functions/src/node-arguments';
import { stopProcess } from './azurite';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface LocalHostProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Every line the host wrote on stdout and stderr after it started listening. */
  logs: string[];
  /** The functions the bundle host found registered with app.http (bundle host only). */
  functions: string[];
  stop(): Promise<void>;
}

export async function startLocalHostProcess(options: {
  /** App settings (BOSSPO_API_KEYS, BOSSPO_STORAGE, …), added to this process's environment. */
  env: Record<string, string>;
  /** Default 0: any free port. */
  port?: number;
  /** Print each log line as it comes (npm run start:api). */
  echo?: (line: string) => void;
  /** Serve the built package instead of the sources: the path of dist/api-local/host.js (plain Node, no tsx). */
  bundleHost?: string;
  /** The package folder the bundle host loads (default dist/api beside it). */
  bundleDir?: string;
  /** Node.js arguments of the host; default those the function app has in Azure (functions/src/node-arguments.ts). */
  nodeArguments?: readonly string[];
}): Promise<LocalHostProcess> {
  const args = [
    ...(options.nodeArguments ?? NODE_ARGUMENTS),
    ...(options.bundleHost
      ? [options.bundleHost, ...(options.bundleDir ? [options.bundleDir] : [])]
      : ['--import', 'tsx', join(PROJECT_ROOT, 'functions/src/local/main.ts')]),
  ];
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...options.env, PORT: String(options.port ?? 0) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  let errors = '';
  let functions: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the local host did not start within 60 s')), 60_000);
    let listening = false;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!listening) {
        try {
          const first = JSON.parse(line) as { listening?: string; functions?: string[] };
          if (first.listening) {
            listening = true;
            functions = first.functions ?? [];
            clearTimeout(timer);
            resolve(first.listening);
            return;
          }
        } catch {
          // not the listening line
        }
      }
      logs.push(line);
      options.echo?.(line);
    });
    createInterface({ input: child.stderr! }).on('line', (line) => {
      errors += line + '\n';
      logs.push(line);
      options.echo?.(line);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!listening) reject(new Error(`the local host exited with code ${code}: ${errors.trim()}`));
    });
  });
  return { url, pid: child.pid!, child, logs, functions, stop: () => stopProcess(child) };
}
