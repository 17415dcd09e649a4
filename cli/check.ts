// `npm run check -- <workbook.xlsx> …` (interfaces.md §2): check staff workbooks without Excel and
// write `<name>.gecontroleerd.xlsx` beside each. Exit 0 when the check ran, 1 when an input cannot be
// read, 2 for wrong usage. The input file is never written.
// This module only reads the command line; the parser (cli/args.ts) is loaded unless `--help` is all there
// is, and the check itself (cli/check-run.ts) when there is one to run, so `--help` and wrong usage answer
// at once.
import { dirname, join, resolve } from 'node:path';
import { checkedFileName } from '../xlsx/file-name';
import { nodeIo, runAsScript, type Io } from './io';
import type { CliArgs } from './args';
import { USAGE } from './usage';

/** `boek.xlsx` → `boek.gecontroleerd.xlsx`, `boek.xlsm` → `boek.gecontroleerd.xlsm`, beside the input. */
export function outputPathFor(input: string): string {
  return join(dirname(input), checkedFileName(input));
}

export async function main(argv: readonly string[], io: Io = nodeIo): Promise<number> {
  // `--help` alone answers before the parser and its schemas load (zod: most of a start's time; issue 14).
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  // Its own errors come with it: in the prebuilt command line it is a bundle of its own (cli/build.mjs).
  const { HelpRequested, parseCliArgs, UsageError } = await import('./args');
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (e) {
    if (e instanceof HelpRequested) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (e instanceof UsageError) {
      io.stderr(`fout: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  const inputPaths = new Set(args.inputs.map((p) => resolve(p)));
  if (args.out && inputPaths.has(resolve(args.out))) {
    io.stderr(`fout: --out is het invoerbestand zelf; de invoer wordt nooit overschreven\n\n${USAGE}\n`);
    return 2;
  }

  const { runCheck } = await import('./check-run');
  return runCheck(args, io);
}

runAsScript(import.meta.url, (argv) => main(argv));
