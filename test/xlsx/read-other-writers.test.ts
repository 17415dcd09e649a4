// The reader on workbooks that other programs wrote (test/fixtures/other-writers): every sheet, the values a
// user sees (cached formula results 0, FALSE and "" among them), and the staff sheet's header and people.
// exceljs rejected several of these as damaged or empty (issue 10): openpyxl files with a table, a comment
// or a chart, x:-prefixed SpreadsheetML, part names with capitals.
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../shared/check';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { nodeCodec } from '../../xlsx/codec-node';
import { openWorkbook } from '../../xlsx/load';
import { parseRef } from '../../xlsx/xml';
import { fixtureBytes, OTHER_WRITER_FIXTURES } from '../fixtures/other-writers';

const OPTIONS = { plan: bossPoPlan, referenceDate: '2026-11-28', planningYear: '2026-2027' } as const;

describe.each(OTHER_WRITER_FIXTURES.map((f) => [f.file, f] as const))('%s', (file, fixture) => {
  it('every sheet, and the cells as the user sees them', async () => {
    const wb = await openWorkbook(await fixtureBytes(file), { codec: nodeCodec });
    expect(wb.sheets.map((s) => s.name)).toEqual(fixture.sheets);
    for (const cell of fixture.cells) {
      const at = parseRef(cell.ref)!;
      const grid = wb.sheets.find((s) => s.name === cell.sheet)!.grid;
      expect({ ref: cell.ref, value: grid[at.row - 1]?.[at.column - 1] ?? null }).toEqual({ ref: cell.ref, value: cell.value });
    }
  });

  it('the staff sheet: its header row and every person', async () => {
    const wb = await openWorkbook(await fixtureBytes(file));
    const result = await checkWorkbook({ file, sheets: wb.sheets, date1904: wb.date1904 }, OPTIONS);
    const sheet = result.report.sheets.find((s) => s.name === fixture.staffSheet)!;
    expect(sheet.headerRow).toBe(fixture.headerRow);
    expect(sheet.people).toHaveLength(fixture.people);
  });
});

describe('tables and merged ranges', () => {
  it('an Excel table with its part, name and range (openpyxl, exceljs); merged ranges as written (x: prefix too)', async () => {
    const sheet = async (file: string) => (await openWorkbook(await fixtureBytes(file))).sheets[0]!;
    expect((await sheet('openpyxl-rich.xlsx')).tables).toEqual([{ path: 'xl/tables/table1.xml', name: 'Medewerkers', ref: { c1: 1, r1: 2, c2: 7, r2: 7 } }]);
    expect((await sheet('exceljs-staff.xlsx')).tables).toEqual([{ path: 'xl/tables/table1.xml', name: 'Staf', ref: { c1: 1, r1: 2, c2: 7, r2: 6 } }]);
    expect((await sheet('openpyxl-merged-header.xlsx')).merges).toContainEqual({ c1: 9, r1: 2, c2: 11, r2: 2 });
    expect((await sheet('sdk-x-prefix.xlsx')).merges).toEqual([{ c1: 1, r1: 1, c2: 3, r2: 1 }]);
  });
});
