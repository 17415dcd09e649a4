// Where the writer's time goes (issue 14's CLI row: most of a check's time is writing), at 5,000 rows (a
// large board) and 20,000: the patch of the staff sheet, the report sheets' XML, and the whole write
// (patch, report sheets, UTF-8, deflate, zip). The CLI writes once, in a fresh process, so each stage is
// measured on its first call in this process ("first", code not yet optimised: what the CLI pays) and as
// the median of later calls ("later"). CPU time of this process (user + system): on a busy machine it is the
// steadier figure. Prints figures; asserts nothing.
import { checkWorkbook } from '../shared/check';
import { bossPoPlan } from '../shared/plan/bosspo';
import { nodeCodec } from '../xlsx/codec-node';
import { openWorkbook } from '../xlsx/load';
import { patchStaffSheet, type OwnedStyles } from '../xlsx/sheet-patch';
import { EMPTY_STYLES, StyleBook } from '../xlsx/styles';
import { summaryWorksheetXml } from '../xlsx/summary-xml';
import { writeWorkbook } from '../xlsx/write';
import { bytesOf, generatedWorkbook } from '../test/fixtures/workbooks';
import { median } from './goals';

const SIZES = [5_000, 20_000];
const OPTIONS = { plan: bossPoPlan, referenceDate: '2026-11-28', planningYear: '2026-2027' } as const;
const LATER_RUNS = 7;

/** CPU milliseconds of `fn`'s first call and the median of the later ones. */
async function cpu(fn: () => unknown): Promise<{ first: number; later: number }> {
  const times: number[] = [];
  for (let i = 0; i <= LATER_RUNS; i++) {
    const c0 = process.cpuUsage();
    await fn();
    const c = process.cpuUsage(c0);
    times.push((c.user + c.system) / 1000);
  }
  return { first: times[0]!, later: median(times.slice(1)) };
}

/** Fixed style ids: the patch asks the writer's StyleBook for them; here only the XML work is timed. */
const STYLES: OwnedStyles = { data: (kind) => (kind === 'text' ? 1 : kind === 'date' ? 2 : 3), statusDxf: {} };

export async function run(): Promise<void> {
  for (const rowCount of SIZES) {
    const bytes = await bytesOf(generatedWorkbook(rowCount));
    const opened = await openWorkbook(bytes, { codec: nodeCodec });
    const checked = await checkWorkbook({ file: 'bench.xlsx', sheets: opened.sheets, date1904: opened.date1904 }, OPTIONS);
    const plan = checked.workbooks[0]!.writePlan!;
    const sheetXml = opened.package.read(opened.parts.sheets[0]!.path)!;
    const line = (label: string, t: { first: number; later: number }) =>
      console.log(`  ${label.padEnd(34)} first ${t.first.toFixed(0).padStart(4)} ms, later ${t.later.toFixed(0).padStart(4)} ms`);
    console.log(`${rowCount.toLocaleString('en')} rows (CPU time):`);
    line('patch of the staff sheet', await cpu(() => patchStaffSheet(sheetXml, plan.sheets[0]!, STYLES, false)));
    line('report sheets XML', await cpu(() => plan.reportSheets.map((r) => summaryWorksheetXml(r, new StyleBook(EMPTY_STYLES), false))));
    line('whole write (writeWorkbook)', await cpu(() => writeWorkbook(opened, plan)));
  }
}
