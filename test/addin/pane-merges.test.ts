// The task pane on a sheet whose header and data rows merge a column to the right (the remarks header I2
// merged over I2:K2, test/fixtures/other-writers/openpyxl-merged-header.xlsx opened in the fake Excel host):
// the owned columns go right of the merge (L–P), never into J and K under it, and a rerun finds them again
// (shared/sheet/read.ts `pastMerges`, shared/report/write.ts `ownedColumnPositions`). With ExcelApi 1.13 the pane lists
// the merged areas; on an older host the used range with formatted cells stands in (addin/src/excel/read.ts).
import { describe, expect, it } from 'vitest';
import { createPaneFlow } from '../../addin/src/pane-flow';
import { parseAddress, parseAreas } from '../../addin/src/excel/address';
import { readHostSheet } from '../../addin/src/excel/read';
import type { Cell } from '../../shared/sheet/types';
import { OWNED_HEADERS } from '../../shared/sheet/owned-columns';
import { openWorkbook } from '../../xlsx/load';
import { nodeCodec } from '../../xlsx/codec-node';
import { fixtureBytes } from '../fixtures/other-writers';
import { createFakeExcel } from '../support/fake-office/excel';
import { emptySheet, getValue, workbookState, type FakeSheet, type FakeValue } from '../support/fake-office/workbook';

const options = { referenceDate: '2026-11-28', planningYear: '2026-2027', board: null } as const;

function fakeValue(cell: Cell): FakeValue {
  if (cell === null) return '';
  if (cell instanceof Date) return Math.round((cell.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
  if (typeof cell === 'object') return cell.error;
  return cell;
}

/** The fixture's staff sheet as Excel would hold it: its values and its merged areas. */
async function mergedHeaderSheet(): Promise<FakeSheet> {
  const opened = await openWorkbook(await fixtureBytes('openpyxl-merged-header.xlsx'), { codec: nodeCodec });
  const source = opened.sheets.find((s) => s.name === 'Personeel')!;
  const sheet = emptySheet('Personeel', source.grid.map((row) => Array.from(row, (c) => fakeValue(c ?? null))));
  sheet.merges = source.merges.map((m) => ({ r0: m.r1 - 1, c0: m.c1 - 1, r1: m.r2 - 1, c1: m.c2 - 1 }));
  return sheet;
}

function memorySettings() {
  const values: Record<string, unknown> = {};
  return { get: (k: string) => values[k], set: (k: string, v: unknown) => void (values[k] = v), saveAsync: (cb?: (r: { status: string }) => void) => cb?.({ status: 'succeeded' }) };
}

async function checkTwice(sheet: FakeSheet, host: { excelApi: string; mergedAreasSupported: boolean }) {
  const fake = createFakeExcel(workbookState([sheet]), { requirementSets: { ExcelApi: host.excelApi } });
  const settings = memorySettings();
  const flow = createPaneFlow({ run: fake.run, documentSettings: () => settings, notesSupported: () => false, mergedAreasSupported: () => host.mergedAreasSupported });
  await flow.start(null);
  await flow.check({ options, api: null, local: false });
  const first = flow.getState();
  expect(first.notice).toMatchObject({ kind: 'written' });
  const firstColumns = first.outcome!.check.writePlan.sheets[0]!.columns;
  await flow.check({ options, api: null, local: false });
  const second = flow.getState();
  expect(second.notice).toMatchObject({ kind: 'written' });
  return { fake, first, firstColumns, secondColumns: second.outcome!.check.writePlan.sheets[0]!.columns, headerRow: first.outcome!.check.writePlan.sheets[0]!.headerRow };
}

/** Header cells from column A (0-based row). */
const header = (sheet: FakeSheet, row: number, width: number) => Array.from({ length: width }, (_, c) => getValue(sheet, row, c));

describe('the pane on a header merged over I2:K2', () => {
  for (const host of [
    { name: 'ExcelApi 1.13: the merged areas', excelApi: '1.17', mergedAreasSupported: true },
    { name: 'ExcelApi 1.8: the formatted used range stands in', excelApi: '1.8', mergedAreasSupported: false },
  ]) {
    it(`${host.name} → owned columns at L–P, and a rerun finds them there`, async () => {
      const sheet = await mergedHeaderSheet();
      expect(sheet.merges[0]).toEqual({ r0: 1, c0: 8, r1: 1, c1: 10 });
      const { fake, first, firstColumns, secondColumns, headerRow } = await checkTwice(sheet, host);
      expect(headerRow).toBe(2);
      expect(first.host!.merges.length).toBeGreaterThan(0);
      const written = fake.state.sheets[0]!;
      // J2 and K2, under the merge, stay empty; L2..P2 hold the owned headers; nothing beyond.
      const row = header(written, 1, 17);
      expect(row[8]).toBe('Opmerkingen');
      expect(row.slice(9)).toEqual(['', '', ...OWNED_HEADERS, '']);
      expect(firstColumns.map((c) => [c.column, c.existing])).toEqual([12, 13, 14, 15, 16].map((c) => [c, false]));
      expect(secondColumns.map((c) => [c.column, c.existing])).toEqual([12, 13, 14, 15, 16].map((c) => [c, true]));
    });
  }

  it('without the merges the owned columns would land in J and K (what the fix is for)', async () => {
    const sheet = await mergedHeaderSheet();
    sheet.merges = [];
    const { firstColumns } = await checkTwice(sheet, { excelApi: '1.17', mergedAreasSupported: true });
    expect(firstColumns.map((c) => c.column)).toEqual([10, 11, 12, 13, 14]);
  });

  it('reads the merged areas in the same syncs as before: two for an ordinary sheet', async () => {
    const withMerges = await readHostSheet(createFakeExcel(workbookState([await mergedHeaderSheet()])).run, 'Personeel', { mergedAreas: true });
    expect(withMerges.syncs).toBe(2);
    expect(withMerges.merges[0]).toEqual({ r1: 2, c1: 9, r2: 2, c2: 11 });
    expect(withMerges.merges).toHaveLength(withMerges.grid.length - 1);
    const older = await readHostSheet(createFakeExcel(workbookState([await mergedHeaderSheet()]), { requirementSets: { ExcelApi: '1.8' } }).run, 'Personeel', { mergedAreas: false });
    expect(older.syncs).toBe(2);
    expect(older.grid).toEqual(withMerges.grid);
    // The formatted used range, A1 to K at the last row, as one area that may be merged.
    expect(older.merges).toEqual([{ r1: 1, c1: 1, r2: withMerges.grid.length, c2: 11 }]);
  });

  it('a host that fails the merged areas (no 1.13 after all, or over 512 areas) is read again as an older host', async () => {
    const lacking = await readHostSheet(createFakeExcel(workbookState([await mergedHeaderSheet()]), { requirementSets: { ExcelApi: '1.12' } }).run, 'Personeel', { mergedAreas: true });
    expect(lacking.merges).toEqual([{ r1: 1, c1: 1, r2: lacking.grid.length, c2: 11 }]);

    const many = emptySheet('Personeel', [['Naam', 'Rol', 'Opmerkingen'], ...Array.from({ length: 600 }, (_, i) => [`Persoon ${i}`, 'WPB', 'x'])]);
    many.merges = Array.from({ length: 601 }, (_, r) => ({ r0: r, c0: 2, r1: r, c1: 4 }));
    const read = await readHostSheet(createFakeExcel(workbookState([many])).run, 'Personeel', { mergedAreas: true });
    expect(read.syncs).toBe(2);
    expect(read.merges).toEqual([{ r1: 1, c1: 1, r2: 601, c2: 5 }]);
    expect(read.grid).toHaveLength(601);
  });

  it('a sheet without merges gives none with ExcelApi 1.13, and its values-only extent without', async () => {
    const plain = () => emptySheet('Personeel', [['Naam', 'Rol'], ['An', 'WPB']]);
    expect((await readHostSheet(createFakeExcel(workbookState([plain()])).run, null, { mergedAreas: true })).merges).toEqual([]);
    expect((await readHostSheet(createFakeExcel(workbookState([plain()])).run, null, { mergedAreas: false })).merges).toEqual([{ r1: 1, c1: 1, r2: 2, c2: 2 }]);
  });
});

describe('Office.js addresses', () => {
  it('parses a RangeAreas address into its blocks, with or without spaces, dollars and quoted sheet names', () => {
    expect(parseAreas('Personeel!I2:K2,Personeel!I3:K3')).toEqual([
      { c1: 9, r1: 2, c2: 11, r2: 2 },
      { c1: 9, r1: 3, c2: 11, r2: 3 },
    ]);
    expect(parseAreas('Sheet1!A1:B4, Sheet1!D1:D4')).toEqual([
      { c1: 1, r1: 1, c2: 2, r2: 4 },
      { c1: 4, r1: 1, c2: 4, r2: 4 },
    ]);
    expect(parseAreas("'Blad, 1!'!$I$2:$K$2,'Blad, 1!'!B7")).toEqual([
      { c1: 9, r1: 2, c2: 11, r2: 2 },
      { c1: 2, r1: 7, c2: 2, r2: 7 },
    ]);
    expect(parseAreas("'Juf''s lijst'!AA10:AB12")).toEqual([{ c1: 27, r1: 10, c2: 28, r2: 12 }]);
    expect(parseAreas('Blad1!I:K,Blad1!3:4')).toEqual([
      { c1: 9, r1: 1, c2: 11, r2: 1_048_576 },
      { c1: 1, r1: 3, c2: 16_384, r2: 4 },
    ]);
    expect(parseAddress("'Blad 1'!$B$3:$K$120")).toEqual({ firstRow: 3, lastRow: 120, firstColumn: 2, lastColumn: 11 });
  });

  it('refuses what is not an address', () => {
    expect(() => parseAreas('Blad1!I2:K2,Blad1!')).toThrow(/unexpected range address/);
    expect(() => parseAreas('Blad1!#REF!')).toThrow(/unexpected range address/);
    expect(() => parseAreas('Blad1!I2:K')).toThrow(/unexpected range address/);
  });
});
