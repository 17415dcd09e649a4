// What every goal benchmark shares: one row of issue 14's table, and timing that alternates the two sides
// of a ratio so both see the same machine load (figures on this shared machine swing ±30 %).
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

/** One row of the table: what, the figure measured, the goal, and whether it is met. */
export interface GoalRow {
  what: string;
  figure: string;
  goal: string;
  met: boolean;
}

/** Before the JSON of a goal module's rows on its process's output (bench/goal-module.ts, bench/run.ts). */
export const ROWS_MARKER = '@@goal-rows ';

export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const ms = (x: number) => `${x.toFixed(0)} ms`;
export const load = () => loadavg()[0]!.toFixed(1);

/** Median wall time of each side over `runs` alternating runs (after one warm-up run of each). */
export async function sideBySide(
  runs: number,
  a: () => unknown | Promise<unknown>,
  b: () => unknown | Promise<unknown>,
): Promise<{ a: number; b: number; ratio: number }> {
  await a();
  await b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    await a();
    ta.push(performance.now() - t0);
    t0 = performance.now();
    await b();
    tb.push(performance.now() - t0);
  }
  const ma = median(ta);
  const mb = median(tb);
  return { a: ma, b: mb, ratio: ma / mb };
}

/** A ratio row: `what`, both medians, and whether the ratio is at most `goal`. */
export function ratioRow(what: string, r: { a: number; b: number; ratio: number }, sides: [string, string], goal: number, goalText?: string): GoalRow {
  return {
    what,
    figure: `${r.ratio.toFixed(2)}× (${sides[0]} ${ms(r.a)}, ${sides[1]} ${ms(r.b)})`,
    goal: goalText ?? `≤ ${goal}×`,
    met: r.ratio <= goal,
  };
}
