// Issue 14's command-line rows, measured side by side in one run:
// 1. `npm run --silent check -- --help` against `npm run --silent env` (npm's own start-up): goal ≤ 1.5×.
// 2. The CLI end to end on a generated staff workbook, against reading and writing the same workbook with
//    exceljs; each a fresh node process, as a user runs it (`node cli/start.cjs check`, what `npm run check`
//    starts, and bench/exceljs-roundtrip.mjs): goal ≤ 0.5×. At 5,000 rows (a large board) and 20,000 (the
//    issue's size).
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bytesOf, generatedWorkbook, tempDir } from '../test/fixtures/workbooks';
import { ratioRow, sideBySide, type GoalRow } from './goals';

const exec = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const options = { cwd: process.cwd(), maxBuffer: 64 * 1024 * 1024 };
const npmRun = (args: string[]) => exec(npm, ['run', '--silent', ...args], options);
const node = (args: string[]) => exec(process.execPath, args, options);

export const CLI_SIZES = [5_000, 20_000];

export async function rows(log: (line: string) => void = () => undefined): Promise<GoalRow[]> {
  const out: GoalRow[] = [];
  // The first start builds dist/cli when it is stale and writes the code cache: not measured.
  await npmRun(['check', '--', '--help']);
  const start = await sideBySide(11, () => npmRun(['check', '--', '--help']), () => npmRun(['env']));
  out.push(ratioRow('`npm run --silent check -- --help` / `npm run --silent env`', start, ['check --help', 'env'], 1.5));
  // What no command line written for node can go below: npm's start-up plus node's own.
  const bare = await sideBySide(11, () => node(['-e', '0']), () => npmRun(['env']));
  log(`node's own start (node -e 0): ${bare.a.toFixed(0)} ms; npm run env + node -e 0 would be ${((bare.a + bare.b) / bare.b).toFixed(2)}× npm run env`);

  const dir = await tempDir();
  try {
    for (const rowCount of CLI_SIZES) {
      const input = join(dir.dir, `personeel-${rowCount}.xlsx`);
      const bytes = await bytesOf(generatedWorkbook(rowCount));
      await writeFile(input, bytes);
      const output = join(dir.dir, `uit-${rowCount}.xlsx`);
      const cli = () => node(['cli/start.cjs', 'check', input, '--date', '2026-11-28', '--out', output]);
      const exceljs = () => node(['bench/exceljs-roundtrip.mjs', input, join(dir.dir, `exceljs-${rowCount}.xlsx`)]);
      const r = await sideBySide(rowCount > 10_000 ? 5 : 7, cli, exceljs);
      log(`CLI on ${rowCount.toLocaleString('en')} rows: ${(bytes.length / 1024 / 1024).toFixed(2)} MB in, ${((await readFile(output)).length / 1024 / 1024).toFixed(2)} MB out`);
      out.push(ratioRow(`CLI end to end, ${rowCount.toLocaleString('en')} rows / exceljs read + write`, r, ['CLI', 'exceljs'], 0.5));
    }
  } finally {
    await dir.cleanup();
  }
  return out;
}

export async function run(): Promise<void> {
  for (const r of await rows((line) => console.log(line))) console.log(`| ${r.what} | ${r.figure} | ${r.goal} | ${r.met ? 'met' : 'NOT met'} |`);
}
