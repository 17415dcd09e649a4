// `npm run bench`: first issue 14's table, every row a ratio measured in this run (each module below
// exports `rows()` and runs in a process of its own, bench/goal-module.ts), then every bench/*.bench.ts in turn with its own figures.
// `npm run bench -- NAME …` runs only the goal modules and bench files whose name contains a NAME;
// `npm run bench -- goals` only the table.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { load, ROWS_MARKER, type GoalRow } from './goals';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.some((o) => o === 'goals' || name.includes(o));

/** The modules of issue 14's table, in the table's order (api.ts: the API rows, from the API's branch). */
const GOAL_MODULES = ['cli.ts', 'xlsx.ts', 'api.ts', 'evaluate.bench.ts'].filter((f) => existsSync(join(here, f)));

/** One goal module in a node process of its own (bench/goal-module.ts): its log lines pass through, its rows come back. */
async function goalRows(file: string): Promise<GoalRow[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'goal-module.ts'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
  let rows: GoalRow[] | null = null;
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith(ROWS_MARKER)) rows = JSON.parse(line.slice(ROWS_MARKER.length)) as GoalRow[];
    else console.log(line);
  }
  const code = await new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('close', resolve)));
  if (code !== 0 || rows === null) throw new Error(`bench/${file} failed (exit ${code})`);
  return rows;
}

const table: GoalRow[] = [];
for (const file of GOAL_MODULES.filter(wanted)) {
  console.log(`\n## ${file} (load ${load()})`);
  table.push(...(await goalRows(file)));
}
if (table.length > 0) {
  console.log('\n## Issue 14: every goal, measured in this run\n');
  console.log('| what | measured | goal | |\n|---|---|---|---|');
  for (const r of table) console.log(`| ${r.what} | ${r.figure} | ${r.goal} | ${r.met ? 'met' : 'NOT met'} |`);
}

if (!only.includes('goals')) {
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter(wanted)
    .sort();
  for (const file of files) {
    console.log(`\n## ${file}`);
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { run: () => Promise<void> };
    await mod.run();
  }
}
