// Issue 10 item 9: formula cells whose cached value is 0, FALSE or "" are values, not empty cells. exceljs
// dropped falsy results, so `Aantal studenten` = SUM(…) giving 0 read as unknown (Normuren empty). Through the
// command line and through browser mode (the same reader), in a number, a yes/no and a date column.
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../addin/src/browser/check-file';
import { main } from '../../cli/check';
import { ReportSchema, type Report } from '../../shared/check';
import { tempDir } from '../fixtures/workbooks';
import { captureIo } from '../support/cli-io';
import { oneSheetWorkbook, textCells } from '../support/xlsx-package';

// Row 2: certificate =FALSE, students =SUM(…) giving 0. Row 3: training date =IF(…) giving "".
// Row 4: training date (date-formatted) =IF(…) giving 0, which Excel shows as 00-01-1900 and Office.js as 0.
const SHEET = [
  `<row r="1">${textCells(1, ['Rol', 'Scholing WPB', 'Certificaat WPB', 'Aantal studenten'])}</row>`,
  `<row r="2">${textCells(2, ['WPB'])}<c r="B2" s="1"><v>45728</v></c><c r="C2" t="b"><f>1=2</f><v>0</v></c><c r="D2"><f>SUM(E2:E3)</f><v>0</v></c></row>`,
  `<row r="3">${textCells(3, ['WPB'])}<c r="B3" s="1" t="str"><f>IF(E3="","",E3)</f><v></v></c><c r="C3" t="inlineStr"><is><t>ja</t></is></c><c r="D3"><v>1</v></c></row>`,
  `<row r="4">${textCells(4, ['WPB'])}<c r="B4" s="1"><f>IF(E4="",0,E4)</f><v>0</v></c><c r="C4" t="inlineStr"><is><t>ja</t></is></c></row>`,
].join('');

const OPTIONS = ['--date', '2026-11-28', '--year', '2026-2027'];

let dir: Awaited<ReturnType<typeof tempDir>>;
let input: string;
beforeAll(async () => {
  dir = await tempDir();
  input = join(dir.dir, 'formules.xlsx');
  await writeFile(input, oneSheetWorkbook(SHEET));
});
afterAll(() => dir.cleanup());

function expectCachedValuesRead(report: Report): void {
  const [zero, empty, zeroDate] = report.sheets[0]!.people;
  // 0 students: a WPB without students is owed 0 hours (not "unknown"); FALSE: the certificate is missing.
  expect(zero).toMatchObject({ row: 2, normHours: 0, refresherDue: '2028-03-12', status: 'Actie nodig' });
  expect(zero!.findings.map((f) => f.code)).toEqual(['CERTIFICATE_MISSING']);
  // "": no training date, as an empty cell.
  expect(empty).toMatchObject({ row: 3, normHours: 20 });
  expect(empty!.findings.map((f) => f.code)).toContain('TRAINING_MISSING');
  // 0 in a date column is not a date: the same finding as Office.js's value 0 gives.
  expect(zeroDate!.row).toBe(4);
  expect(zeroDate!.findings.find((f) => f.code === 'INVALID_DATE')?.message).toMatch(/B4/);
}

describe('cached formula results 0, FALSE and ""', () => {
  it('through the command line', async () => {
    const io = captureIo({});
    expect(await main([input, ...OPTIONS, '--json'], io)).toBe(0);
    expectCachedValuesRead(ReportSchema.parse(JSON.parse(io.out)));
  });

  it('through browser mode', async () => {
    const checked = await checkFile(
      { name: 'formules.xlsx', bytes: oneSheetWorkbook(SHEET) },
      { referenceDate: '2026-11-28', planningYear: '2026-2027', board: null },
    );
    expectCachedValuesRead(checked.report);
  });
});
