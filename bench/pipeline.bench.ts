// A 20,000-row staff sheet through the whole flow: in memory (cells → people → evaluate → write plan),
// and with the .xlsx reader (xlsx/load.ts) reading the file and the adapter writing the checked workbook. Goal in memory:
// ≥ 100,000 rows/s. Prints figures; asserts nothing.
import { performance } from 'node:perf_hooks';
import { checkWorkbook } from '../shared/check';
import { bossPoPlan } from '../shared/plan/bosspo';
import type { Cell } from '../shared/sheet/types';
import { nodeCodec } from '../xlsx/codec-node';
import { openWorkbook } from '../xlsx/load';
import { writeWorkbook } from '../xlsx/write';
import { bytesOf, GENERATED_HEADERS, generatedRows, generatedWorkbook } from '../test/fixtures/workbooks';

const ROWS = 20_000;
const OPTIONS = { plan: bossPoPlan, referenceDate: '2026-11-28', planningYear: '2026-2027' } as const;

const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s`;

/** Wall time, and this process's CPU time (user + system): on a busy machine the CPU figure is the steadier one. */
async function time<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = await fn();
  const c = process.cpuUsage(c0);
  return { value, ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
}

export async function run(): Promise<void> {
  const grid: Cell[][] = [GENERATED_HEADERS, ...generatedRows(ROWS)];
  const input = { file: 'bench.xlsx', sheets: [{ name: 'Personeel', grid }], date1904: false };

  for (let i = 0; i < 2; i++) await checkWorkbook(input, OPTIONS); // warm-up
  const runs: { ms: number; cpuMs: number }[] = [];
  for (let i = 0; i < 7; i++) runs.push(await time(() => checkWorkbook(input, OPTIONS)));
  const best = Math.min(...runs.map((r) => r.ms));
  const median = runs.map((r) => r.ms).sort((a, b) => a - b)[3]!;
  const cpu = runs.map((r) => r.cpuMs).sort((a, b) => a - b)[3]!;
  console.log(`in memory (grid → people → evaluate → summary → write plan), ${ROWS} rows:`);
  console.log(`  wall: best ${best.toFixed(0)} ms = ${rate(ROWS, best)}; median ${median.toFixed(0)} ms = ${rate(ROWS, median)}`);
  console.log(`  cpu:  median ${cpu.toFixed(0)} ms = ${rate(ROWS, cpu)} (goal ≥ 100,000 rows/s)`);

  const bytes = await bytesOf(generatedWorkbook(ROWS));
  const opened = await time(() => openWorkbook(bytes, { codec: nodeCodec }));
  const checked = await time(() =>
    checkWorkbook({ file: 'bench.xlsx', sheets: opened.value.sheets, date1904: opened.value.date1904 }, OPTIONS),
  );
  const written = await time(() => writeWorkbook(opened.value, checked.value.workbooks[0]!.writePlan!));
  const total = opened.ms + checked.ms + written.ms;
  console.log(`with the .xlsx file (${(bytes.length / 1024 / 1024).toFixed(1)} MB in, ${(written.value.length / 1024 / 1024).toFixed(1)} MB out):`);
  const line = (label: string, t: { ms: number; cpuMs: number }) =>
    console.log(`  ${label.padEnd(18)} ${t.ms.toFixed(0)} ms = ${rate(ROWS, t.ms)} (cpu ${t.cpuMs.toFixed(0)} ms)`);
  line('read (xlsx/)', opened);
  line('check in memory', checked);
  line('write (patch zip)', written);
  line('end to end', { ms: total, cpuMs: opened.cpuMs + checked.cpuMs + written.cpuMs });
}
