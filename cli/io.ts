// What every command of the command line shares: its streams and environment (injectable for tests),
// one-line error texts, and the start when the file is run as a script.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';

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

/** Wrong usage of a command: its message is shown with the usage text, and the exit code is 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** node:util parseArgs in strict mode; an unknown or malformed option is a UsageError. */
export function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs<T>({ ...config, strict: true });
  } catch (e) {
    throw new UsageError(errorText(e));
  }
}

/** The option values checked against their schema; every problem in one UsageError. */
export function checkedOptions<S extends z.ZodType>(schema: S, values: unknown): z.infer<S> {
  const checked = schema.safeParse(values);
  if (!checked.success) throw new UsageError(checked.error.issues.map((i) => i.message).join('; '));
  return checked.data;
}

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
