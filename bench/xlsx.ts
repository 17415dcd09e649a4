// Issue 14's reading and writing rows, in this process, side by side with exceljs on the same workbook:
// - reading (xlsx/load.ts, node:zlib) against exceljs's load: goal ≤ 0.1×, tens of milliseconds where
//   exceljs takes about a second. Printed beside it: the floor, inflating every part and one pass over
//   its characters, and the reader's ratio to that floor.
// - writing (xlsx/write.ts: patch the package, deflate only the parts that change) against exceljs
//   writing the whole workbook: goal ≤ 0.5×.
// At 5,000 rows (a large board) and 20,000 (the size).
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../shared/check';
import { bossPoPlan } from '../shared/plan/bosspo';
import { nodeCodec } from '../xlsx/codec-node';
import { openWorkbook } from '../xlsx/load';
import { XlsxPackage } from '../xlsx/package';
import { writeWorkbook } from '../xlsx/write';
import { bytesOf, generatedWorkbook } from '../test/fixtures/workbooks';
import { ms, ratioRow, sideBySide, type GoalRow } from './goals';

export const XLSX_SIZES = [5_000, 20_000];
const OPTIONS = { plan: bossPoPlan, referenceDate: '2026-11-28', planningYear: '2026-2027' } as const;

/** Inflate every part and touch every character once: what any reader must at least do. */
function floor(bytes: Uint8Array): number {
  const pkg = XlsxPackage.open(bytes, nodeCodec);
  let n = 0;
  for (const path of pkg.paths()) {
    const text = pkg.read(path) ?? '';
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 60) n++;
  }
  return n;
}

export async function rows(log: (line: string) => void = () => undefined): Promise<GoalRow[]> {
  const out: GoalRow[] = [];
  for (const rowCount of XLSX_SIZES) {
    const size = rowCount.toLocaleString('en');
    const bytes = await bytesOf(generatedWorkbook(rowCount));
    const exceljsBook = new ExcelJS.Workbook();
    await exceljsBook.xlsx.load(bytes.slice().buffer as ArrayBuffer);

    const read = await sideBySide(7, () => openWorkbook(bytes, { codec: nodeCodec }), async () => {
      await new ExcelJS.Workbook().xlsx.load(bytes.slice().buffer as ArrayBuffer);
    });
    const toFloor = await sideBySide(7, () => openWorkbook(bytes, { codec: nodeCodec }), () => floor(bytes));
    log(`reading ${size} rows: ${ms(read.a)}; the floor (inflate + one pass) ${ms(toFloor.b)}, reader / floor ${toFloor.ratio.toFixed(1)}×`);
    out.push(ratioRow(`reading, ${size} rows / exceljs reading`, read, ['reader', 'exceljs'], 0.1));

    const opened = await openWorkbook(bytes, { codec: nodeCodec });
    const checked = await checkWorkbook({ file: 'bench.xlsx', sheets: opened.sheets, date1904: opened.date1904 }, OPTIONS);
    const plan = checked.workbooks[0]!.writePlan!;
    const write = await sideBySide(7, () => writeWorkbook(opened, plan), () => exceljsBook.xlsx.writeBuffer());
    out.push(ratioRow(`writing, ${size} rows / exceljs writing the whole workbook`, write, ['patch', 'exceljs'], 0.5));
  }
  return out;
}

export async function run(): Promise<void> {
  for (const r of await rows((line) => console.log(line))) console.log(`| ${r.what} | ${r.figure} | ${r.goal} | ${r.met ? 'met' : 'NOT met'} |`);
}
