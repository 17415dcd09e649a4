// What every command of the command line shares: its streams and environment (injectable for tests),
// one-line error texts, and the start when the file is run as a script.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
}

export const nodeIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
};

/** The message of anything thrown, without a stack trace. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Runs `main` with the process's arguments when `moduleUrl` is the script node was started with, and
 * sets the exit code. An unexpected error becomes one line on stderr and exit 1, never a stack trace.
 */
export function runAsScript(moduleUrl: string, main: (argv: readonly string[]) => Promise<number>): void {
  const script = process.argv[1];
  if (script === undefined || moduleUrl !== pathToFileURL(resolve(script)).href) return;
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`Onverwachte fout: ${errorText(e)}\n`);
      process.exitCode = 1;
    },
  );
}
