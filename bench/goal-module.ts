// One module of issue 14's table, run by bench/run.ts in a process of its own: its log lines as they come,
// then its rows as one JSON line after ROWS_MARKER. A fresh process per module, so that no row is measured
// in a heap that an earlier module filled (the evaluate row came out 1.09 after the API and workbook rows in
// one process, 0.75–0.78 on its own, in the same quiet minutes).
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROWS_MARKER, type GoalRow } from './goals';

const [file] = process.argv.slice(2);
if (file) {
  const mod = (await import(pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), file)).href)) as {
    rows: (log: (line: string) => void) => Promise<GoalRow[]>;
  };
  const rows = await mod.rows((line) => console.log(`  ${line}`));
  console.log(ROWS_MARKER + JSON.stringify(rows));
}
