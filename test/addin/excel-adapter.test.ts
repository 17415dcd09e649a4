// The Office.js adapter against a faithful fake of the Excel API: what it reads and writes, and how many
// syncs and bytes it needs for 100, 10,000 and 50,000-row sheets.
import { describe, expect, it } from 'vitest';
import type { OwnedColumnWrite, StaffSheetWrite, ReportSheetWrite, WritePlan, WriteValue } from '../../shared/report/write-plan';
import { OWNED_HEADERS } from '../../shared/sheet/owned-columns';
import { isoToSerial } from '../../addin/src/excel/cells';
import { PAYLOAD_BUDGET } from '../../addin/src/excel/payload';
import { readHostSheet } from '../../addin/src/excel/read';
import { listSheets, removeOwned, selectCell } from '../../addin/src/excel/sheets';
import { explainAccessDenied, HostError } from '../../addin/src/excel/types';
import { identityColumns, sheetSnapshot, type SheetSnapshot } from '../../addin/src/excel/snapshot';
import { applyWritePlan } from '../../addin/src/excel/write';
import { checkSheet, localEvaluator, readStaffSheet } from '../../addin/src/pipeline';
import { createFakeExcel, PAYLOAD_LIMIT } from '../support/fake-office/excel';
import { emptySheet, getValue, workbookState, type FakeSheet, type FakeValue } from '../support/fake-office/workbook';

const STATUSES = ['Niet in orde', 'Actie nodig', 'Gegevens controleren', 'In orde'];

/** A staff sheet: a title row, an empty row, the header on row 3, then `n` people. */
function staffValues(n: number): FakeValue[][] {
  const rows: FakeValue[][] = [['Personeel BOOR 2026'], [], ['Personeelsnummer', 'Naam', 'Rol', 'Scholing WPB', 'Aantal studenten', 'Opmerking']];
  for (let i = 0; i < n; i++) rows.push([10000 + i, `Medewerker ${i}`, i % 3 === 0 ? 'WPB' : 'SO', 45000 + (i % 500), i % 4, i % 7 === 0 ? 'ziek' : '']);
  return rows;
}

function column(header: (typeof OWNED_HEADERS)[number], index: number, values: WriteValue[], existing = false): OwnedColumnWrite {
  const letter = String.fromCharCode(64 + index);
  const numberFormat = header === 'Opfrissen vóór' ? 'dd-mm-yyyy' : header === 'Normuren' ? '0.##' : '@';
  return { header, column: index, letter, existing, numberFormat, width: 14, values };
}

/** The write plan for `n` people on the staff sheet above (owned columns G..K). */
function staffPlan(n: number, existing = false): StaffSheetWrite {
  const firstRow = 4;
  const lastRow = 3 + n;
  const status: WriteValue[] = [];
  const actions: WriteValue[] = [];
  const due: WriteValue[] = [];
  const hours: WriteValue[] = [];
  const notes: WriteValue[] = [];
  for (let i = 0; i < n; i++) {
    status.push({ kind: 'text', text: STATUSES[i % 4]! });
    actions.push(i % 4 === 3 ? { kind: 'empty' } : { kind: 'text', text: 'Scholing werkplekbegeleiders volgen; certificaat aanvragen' });
    due.push(i % 5 === 0 ? { kind: 'empty' } : { kind: 'date', iso: `2028-03-${String((i % 28) + 1).padStart(2, '0')}` });
    hours.push(i % 6 === 0 ? { kind: 'empty' } : { kind: 'number', number: (i % 4) * 20 });
    notes.push({ kind: 'text', text: i === 0 ? '=SUM(A1:A3) is geen formule' : `Scholing werkplekbegeleiders ontbreekt (§4). Opfrissen vóór 12-03-2028 (§4, driejaarlijks). Regel ${i}.` });
  }
  const columns = [
    column('OS-status', 7, status, existing),
    column('Acties', 8, actions, existing),
    column('Opfrissen vóór', 9, due, existing),
    column('Normuren', 10, hours, existing),
    column('Toelichting', 11, notes, existing),
  ];
  return {
    sheet: 'Personeel',
    headerRow: 3,
    firstRow,
    lastRow,
    columns,
    statusFormat: { range: `G${firstRow}:G${lastRow}`, colours: STATUSES.map((s, i) => ({ status: s, fill: ['#F8D7DA', '#FFE5CC', '#FFF3CD', '#D4EDDA'][i]!, font: '#000000' })) },
  };
}

const summary: ReportSheetWrite = {
  name: 'Scholingsbehoefte 2026-2027',
  cells: [
    { row: 1, column: 1, value: { kind: 'text', text: 'Scholingsbehoefte 2026-2027' }, style: 'title' },
    { row: 2, column: 1, value: { kind: 'text', text: 'Peildatum' }, style: 'label' },
    { row: 2, column: 2, value: { kind: 'date', iso: '2026-11-28' }, style: 'date' },
    { row: 4, column: 1, value: { kind: 'text', text: 'Scholing' }, style: 'heading' },
    { row: 4, column: 2, value: { kind: 'text', text: 'Aantal' }, style: 'heading' },
    { row: 5, column: 1, value: { kind: 'text', text: 'WPB' }, style: 'text' },
    { row: 5, column: 2, value: { kind: 'number', number: 3 }, style: 'number' },
    { row: 6, column: 1, value: { kind: 'text', text: 'REFRESH' }, style: 'text' },
    { row: 6, column: 2, value: { kind: 'number', number: 5 }, style: 'number' },
    { row: 8, column: 1, value: { kind: 'text', text: '-3 is een tekst' }, style: 'text' },
    { row: 9, column: 1, value: { kind: 'text', text: "'s-Hertogenbosch" }, style: 'label' },
    { row: 9, column: 2, value: { kind: 'text', text: '- per bestuur' }, style: 'label' },
  ],
  columnWidths: [30, 12],
  charts: [{ title: 'Scholingsbehoefte', type: 'columnClustered', range: 'A4:B6', anchor: 'D2' }],
};

function workbook(n: number, options: { date1904?: boolean } = {}) {
  const staff = emptySheet('Personeel', staffValues(n));
  const other = emptySheet('Notities', [['niet aankomen']]);
  return createFakeExcel(workbookState([staff, other], { date1904: options.date1904 }));
}

const sheetOf = (fake: ReturnType<typeof workbook>, name: string) => fake.state.sheets.find((s) => s.name === name)!;

/** What the pane hands the write: the staff sheet as read now (header row, personnel numbers), without counting its syncs. */
async function snapshotsFor(fake: ReturnType<typeof workbook>, sheet = 'Personeel'): Promise<Record<string, SheetSnapshot>> {
  const before = fake.syncs.length;
  const host = await readHostSheet(fake.run, sheet);
  fake.syncs.length = before;
  const read = readStaffSheet({ grid: host.grid, merges: host.merges, sheet, date1904: host.date1904, board: 'BOOR', overrides: {} });
  return { [sheet]: sheetSnapshot(read, host.grid) };
}

describe('reading a staff sheet with Office.js', () => {
  it('gives the used range from A1 as cells, dates as serial numbers and errors as error cells, in two syncs', async () => {
    const fake = workbook(100);
    sheetOf(fake, 'Personeel').values[5]![3] = '#N/A';
    const read = await readHostSheet(fake.run, null);
    expect(read.sheet).toBe('Personeel');
    expect(read.date1904).toBe(false);
    expect(read.grid[0]).toEqual(['Personeel BOOR 2026', null, null, null, null, null]);
    expect(read.grid[2]).toEqual(['Personeelsnummer', 'Naam', 'Rol', 'Scholing WPB', 'Aantal studenten', 'Opmerking']);
    expect(read.grid[3]).toEqual([10000, 'Medewerker 0', 'WPB', 45000, 0, 'ziek']);
    expect(read.grid[4]![5]).toBeNull();
    expect(read.grid[5]![3]).toEqual({ error: '#N/A' });
    expect(read.grid).toHaveLength(103);
    expect(fake.syncs).toHaveLength(2);
    expect(read.syncs).toBe(2);
  });

  it('reads a formula cell as its cached value: 0, FALSE and "" in number, boolean and date columns', async () => {
    const sheet = emptySheet('Personeel', [
      ['Personeelsnummer', 'Naam', 'Rol', 'Scholing WPB', 'Certificaat WPB', 'Aantal studenten'],
      [1, 'An', 'WPB', 45728, false, 0],
      [2, 'Bo', 'WPB', '', true, 2],
    ]);
    // The user's formulas: a sum that is 0, a test that is FALSE, a date lookup that gives "".
    sheet.formulas = { '1,5': '=SUM(H2:H3)', '1,4': '=I2="ja"', '2,3': '=IFERROR(VLOOKUP(A3,Scholing!A:B,2,FALSE),"")' };
    const fake = createFakeExcel(workbookState([sheet]));
    const host = await readHostSheet(fake.run, 'Personeel');
    expect(host.grid[1]!.slice(3)).toEqual([45728, false, 0]);
    expect(host.grid[2]![3]).toBeNull();
    const read = readStaffSheet({ grid: host.grid, merges: host.merges, sheet: 'Personeel', date1904: false, board: 'BOOR', overrides: {} });
    const outcome = await checkSheet(read, { referenceDate: '2026-11-28', planningYear: '2026-2027', evaluate: localEvaluator });
    const [an, bo] = outcome.evaluation.people;
    expect(an!.normHours).toBe(0);
    expect(an!.findings.map((f) => f.code)).toContain('CERTIFICATE_MISSING');
    expect(bo!.findings.map((f) => f.code)).toContain('TRAINING_MISSING');
    expect(bo!.normHours).toBe(40);
  });

  it('pads a used range that does not start at A1', async () => {
    const sheet = emptySheet('Blad1', []);
    sheet.values[4] = ['', '', 'Rol', 'Naam'];
    sheet.values[5] = ['', '', 'WPB', 'An'];
    const fake = createFakeExcel(workbookState([sheet]));
    const read = await readHostSheet(fake.run, 'Blad1');
    expect(read.grid).toEqual([[], [], [], [], [null, null, 'Rol', 'Naam'], [null, null, 'WPB', 'An']]);
  });

  it('tells the 1904 date system apart from the 1900 one', async () => {
    expect((await readHostSheet(workbook(3, { date1904: true }).run, null)).date1904).toBe(true);
    expect((await readHostSheet(workbook(3).run, null)).date1904).toBe(false);
  });

  it('finds the Excel tables of the sheet with their bounds', async () => {
    const fake = workbook(10);
    sheetOf(fake, 'Personeel').tables.push({ name: 'Tabel1', r0: 2, c0: 0, r1: 12, c1: 5, showHeaders: true });
    const read = await readHostSheet(fake.run, 'Personeel');
    expect(read.tables).toEqual([{ name: 'Tabel1', firstRow: 3, lastRow: 13, firstColumn: 1, lastColumn: 6, showHeaders: true }]);
    expect(fake.syncs).toHaveLength(2);
  });

  it('an empty sheet is an empty grid', async () => {
    const fake = createFakeExcel(workbookState([emptySheet('Leeg')]));
    expect((await readHostSheet(fake.run, null)).grid).toEqual([]);
  });

  it('a sheet that is not there is a clear host error', async () => {
    await expect(readHostSheet(workbook(3).run, 'Bestaat niet')).rejects.toMatchObject({ code: 'sheetNotFound', sheet: 'Bestaat niet' });
  });

  for (const n of [10_000, 50_000]) {
    it(`reads ${n.toLocaleString('en')} rows with every response under the 4 MB budget`, async () => {
      const fake = workbook(n);
      const read = await readHostSheet(fake.run, null);
      expect(read.grid).toHaveLength(n + 3);
      expect(read.grid[n + 2]![0]).toBe(10000 + n - 1);
      for (const s of fake.syncs) expect(s.responseBytes).toBeLessThan(PAYLOAD_BUDGET);
      if (n === 10_000) expect(fake.syncs).toHaveLength(2);
      else expect(fake.syncs.length).toBeGreaterThan(2);
    });
  }
});

describe('writing the owned columns with Office.js', () => {
  for (const n of [100, 10_000, 50_000]) {
    it(`writes ${n.toLocaleString('en')} rows with every request under 4 MB${n < 50_000 ? ' in two syncs' : ''}, calculation suspended`, async () => {
      const fake = workbook(n);
      const plan = staffPlan(n);
      const report = await applyWritePlan(fake.run, { sheets: [plan], reportSheets: [] }, { date1904: false, snapshots: await snapshotsFor(fake) });
      const sheet = sheetOf(fake, 'Personeel');
      expect(getValue(sheet, 2, 6)).toBe('OS-status');
      expect(getValue(sheet, 2, 10)).toBe('Toelichting');
      expect(getValue(sheet, 3 + n - 1, 6)).toBe(STATUSES[(n - 1) % 4]);
      expect(getValue(sheet, 4, 8)).toBe(isoToSerial('2028-03-02', false));
      expect(getValue(sheet, 3, 8)).toBe('');
      for (const s of fake.syncs) expect(s.requestBytes).toBeLessThan(PAYLOAD_BUDGET);
      for (const s of fake.syncs.slice(1)) expect(s.suspendedCalculation).toBe(true);
      if (n < 50_000) expect(fake.syncs).toHaveLength(2);
      else expect(fake.syncs.length).toBeGreaterThan(2);
      expect(report.syncs).toBe(fake.syncs.length);
    });
  }

  it('writes real date cells shown dd-mm-yyyy, numbers as numbers, and formula-like text as text', async () => {
    const fake = workbook(5);
    await applyWritePlan(fake.run, { sheets: [staffPlan(5)], reportSheets: [] }, { date1904: false, snapshots: await snapshotsFor(fake) });
    const sheet = sheetOf(fake, 'Personeel');
    expect(sheet.numberFormats['4,8']).toBe('dd-mm-yyyy');
    expect(typeof getValue(sheet, 4, 8)).toBe('number');
    expect(getValue(sheet, 4, 9)).toBe(20);
    expect(getValue(sheet, 3, 10)).toBe('=SUM(A1:A3) is geen formule');
    expect(sheet.numberFormats['3,10']).toBe('@');
  });

  it('keeps text exactly as written in the text-formatted owned columns: a board name with an apostrophe, a note starting with -', async () => {
    const fake = workbook(3);
    const plan = staffPlan(3);
    const texts = ["'s-Hertogenbosch", '- geen certificaat ontvangen', '=SUM(A1:A3) is geen formule'];
    plan.columns[1]!.values = texts.map((text) => ({ kind: 'text', text }));
    plan.columns[4]!.values = [...texts].reverse().map((text) => ({ kind: 'text', text }));
    await applyWritePlan(fake.run, { sheets: [plan], reportSheets: [] }, { date1904: false, snapshots: await snapshotsFor(fake) });
    const sheet = sheetOf(fake, 'Personeel');
    texts.forEach((text, i) => {
      expect(getValue(sheet, 3 + i, 7)).toBe(text);
      expect(getValue(sheet, 5 - i, 10)).toBe(text);
    });
    expect(sheet.formulas).toEqual({});
  });

  it('sets number formats as a 2-D array of each range’s shape, never one string for many cells', async () => {
    const fake = workbook(40);
    await applyWritePlan(fake.run, { sheets: [staffPlan(40)], reportSheets: [] }, { date1904: false, snapshots: await snapshotsFor(fake), budget: 2_000 });
    const sheet = sheetOf(fake, 'Personeel');
    for (let r = 3; r < 43; r++) {
      expect(sheet.numberFormats[`${r},6`]).toBe('@');
      expect(sheet.numberFormats[`${r},8`]).toBe('dd-mm-yyyy');
    }
    expect(fake.syncs.length).toBeGreaterThan(2);
  });

  it('uses the 1904 date system when the workbook does', async () => {
    const fake = workbook(2, { date1904: true });
    await applyWritePlan(fake.run, { sheets: [staffPlan(2)], reportSheets: [] }, { date1904: true, snapshots: await snapshotsFor(fake) });
    expect(getValue(sheetOf(fake, 'Personeel'), 4, 8)).toBe(isoToSerial('2028-03-02', false) - 1462);
  });

  it('changes no other cell, format or width of the user', async () => {
    const fake = workbook(20);
    const before = JSON.parse(JSON.stringify(sheetOf(fake, 'Personeel')));
    const notes = JSON.parse(JSON.stringify(sheetOf(fake, 'Notities')));
    await applyWritePlan(fake.run, { sheets: [staffPlan(20)], reportSheets: [] }, { date1904: false, snapshots: await snapshotsFor(fake) });
    const after = sheetOf(fake, 'Personeel');
    expect(after.values.map((r) => r.slice(0, 6))).toEqual(before.values.map((r: FakeValue[]) => r.slice(0, 6)));
    for (const key of Object.keys(after.numberFormats)) expect(Number(key.split(',')[1])).toBeGreaterThanOrEqual(6);
    for (const key of Object.keys(after.columnWidths)) expect(Number(key)).toBeGreaterThanOrEqual(6);
    expect(sheetOf(fake, 'Notities')).toEqual(notes);
  });

  it('colours the status column over the used rows only, and a second run replaces its own colours but keeps the user’s', async () => {
    const fake = workbook(30);
    const sheet = sheetOf(fake, 'Personeel');
    sheet.conditionalFormats.push({ id: 999, type: 'CellValue', r0: 0, c0: 0, r1: 100, c1: 20, formula1: '="ziek"', operator: 'EqualTo', fill: '#FF0000', font: null });
    await applyWritePlan(fake.run, { sheets: [staffPlan(30)], reportSheets: [] }, { date1904: false, snapshots: await snapshotsFor(fake) });
    const ours = () => sheet.conditionalFormats.filter((f) => f.id !== 999);
    expect(ours()).toHaveLength(4);
    for (const f of ours()) expect([f.r0, f.r1, f.c0, f.c1]).toEqual([3, 32, 6, 6]);
    expect(ours().map((f) => f.formula1)).toEqual(STATUSES.map((s) => `="${s}"`));
    const once = JSON.parse(JSON.stringify(sheet));
    await applyWritePlan(fake.run, { sheets: [staffPlan(30, true)], reportSheets: [] }, { date1904: false, snapshots: await snapshotsFor(fake) });
    expect(sheet.conditionalFormats.find((f) => f.id === 999)).toBeTruthy();
    expect(ours()).toHaveLength(4);
    const twice = JSON.parse(JSON.stringify(sheet));
    const strip = (s: typeof once) => ({ ...s, conditionalFormats: s.conditionalFormats.map((f: { id: number }) => ({ ...f, id: 0 })) });
    expect(strip(twice)).toEqual(strip(once));
  });

  it('adds the owned columns to an Excel table that ends where they start', async () => {
    const fake = workbook(10);
    const sheet = sheetOf(fake, 'Personeel');
    sheet.tables.push({ name: 'Personeel', r0: 2, c0: 0, r1: 12, c1: 5, showHeaders: true });
    const read = await readHostSheet(fake.run, 'Personeel');
    fake.syncs.length = 0;
    await applyWritePlan(fake.run, { sheets: [staffPlan(10)], reportSheets: [] }, { date1904: false, snapshots: await snapshotsFor(fake), tables: { Personeel: read.tables } });
    expect(sheet.tables[0]).toMatchObject({ c0: 0, c1: 10 });
    expect(getValue(sheet, 2, 6)).toBe('OS-status');
    expect(fake.syncs).toHaveLength(2);
  });

  it('a protected sheet is refused with a clear error and nothing is written', async () => {
    const fake = workbook(10);
    const sheet = sheetOf(fake, 'Personeel');
    sheet.protected = true;
    const before = JSON.stringify(fake.state);
    const error = await applyWritePlan(fake.run, { sheets: [staffPlan(10)], reportSheets: [] }, { date1904: false, snapshots: await snapshotsFor(fake) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ code: 'sheetProtected', sheet: 'Personeel' });
    expect(JSON.stringify(fake.state)).toBe(before);
  });
});

describe('the sheet may change between reading and writing', () => {
  /** Reads the sheet as the pane does, lets the user change it while the API answers, then writes. */
  async function writeAfter(change: (sheet: FakeSheet) => void, n = 12, budget?: number) {
    const fake = workbook(n);
    const snapshots = await snapshotsFor(fake);
    change(sheetOf(fake, 'Personeel'));
    const before = JSON.stringify(fake.state);
    const outcome = await applyWritePlan(fake.run, { sheets: [staffPlan(n)], reportSheets: [] }, { date1904: false, snapshots, ...(budget ? { budget } : {}) }).catch((e: unknown) => e);
    return { outcome, unchanged: JSON.stringify(fake.state) === before, fake };
  }

  const cases: [string, (sheet: FakeSheet) => void][] = [
    ['sorted by name, descending', (s) => void s.values.splice(3, 12, ...s.values.slice(3, 15).reverse())],
    ['a filtered row deleted', (s) => void s.values.splice(6, 1)],
    ['a row inserted among the people', (s) => void s.values.splice(5, 0, [99999, 'Nieuwe collega', 'WPB'])],
    ['a row inserted above the header', (s) => void s.values.splice(0, 0, [])],
    ['a column inserted left of the owned columns', (s) => s.values.forEach((row) => row && row.splice(1, 0, ''))],
    ['a header renamed', (s) => void (s.values[2]![4] = 'Studenten')],
  ];
  for (const [what, change] of cases) {
    it(`writes nothing when ${what}, and says the sheet changed`, async () => {
      const { outcome, unchanged } = await writeAfter(change);
      expect(outcome).toBeInstanceOf(HostError);
      expect(outcome).toMatchObject({ code: 'sheetChanged', sheet: 'Personeel' });
      expect(unchanged).toBe(true);
    });
  }

  it('writes when only other cells of the people changed', async () => {
    const { outcome, fake } = await writeAfter((s) => void (s.values[5]![5] = 'met verlof'));
    expect(outcome).toMatchObject({ syncs: 2 });
    expect(getValue(sheetOf(fake, 'Personeel'), 2, 6)).toBe('OS-status');
  });

  it('checks every row even when the check takes several blocks: a change on the last row is found', async () => {
    const { outcome, unchanged, fake } = await writeAfter((s) => void (s.values[702]![0] = 1), 700, 2_000);
    expect(outcome).toMatchObject({ code: 'sheetChanged' });
    expect(unchanged).toBe(true);
    // The look and at least two more blocks of personnel numbers, and not a single write.
    expect(fake.syncs.length).toBeGreaterThanOrEqual(3);
    for (const s of fake.syncs) expect(s.responseBytes).toBeLessThan(2_000);
  });

  it('identifies a row by its personnel number, else by its name columns', () => {
    expect(identityColumns({ A: 'personId', B: 'name', C: 'roles' })).toEqual([1]);
    expect(identityColumns({ D: 'lastName', B: 'firstName', C: 'tussenvoegsel', E: 'roles' })).toEqual([2, 3, 4]);
    expect(identityColumns({ C: 'roles', F: 'students' })).toEqual([3, 6]);
  });

  it('finds the snapshot of a sheet by Excel’s rule for names (case does not matter)', async () => {
    const fake = workbook(3);
    const { Personeel: snapshot } = await snapshotsFor(fake);
    await applyWritePlan(fake.run, { sheets: [staffPlan(3)], reportSheets: [] }, { date1904: false, snapshots: { PERSONEEL: snapshot! } });
    expect(getValue(sheetOf(fake, 'Personeel'), 2, 6)).toBe('OS-status');
  });

  it('refuses to write a staff sheet without a snapshot of it', async () => {
    const fake = workbook(3);
    await expect(applyWritePlan(fake.run, { sheets: [staffPlan(3)], reportSheets: [] }, { date1904: false })).rejects.toThrow(/snapshot/);
  });
});

describe('why Excel refuses a change', () => {
  it('a workbook open read-only is told apart from a protected sheet, and nothing is written', async () => {
    const fake = workbook(5);
    const snapshots = await snapshotsFor(fake);
    fake.state.readOnly = true;
    const before = JSON.stringify(fake.state);
    await expect(applyWritePlan(fake.run, { sheets: [staffPlan(5)], reportSheets: [] }, { date1904: false, snapshots })).rejects.toMatchObject({ code: 'readOnly' });
    await expect(applyWritePlan(fake.run, { sheets: [], reportSheets: [summary] }, { date1904: false })).rejects.toMatchObject({ code: 'readOnly' });
    await expect(removeOwned(fake.run, 'Personeel')).rejects.toMatchObject({ code: 'readOnly' });
    expect(JSON.stringify(fake.state)).toBe(before);
  });

  it('an AccessDenied in the middle of a batch is looked into: read-only, protected sheet or protected structure', async () => {
    const denied = Object.assign(new Error('denied'), { code: 'AccessDenied' });
    const fake = workbook(1);
    expect(await explainAccessDenied(fake.run, denied, 'Personeel')).toMatchObject({ code: 'accessDenied' });
    sheetOf(fake, 'Personeel').protected = true;
    expect(await explainAccessDenied(fake.run, denied, 'Personeel')).toMatchObject({ code: 'sheetProtected', sheet: 'Personeel' });
    fake.state.readOnly = true;
    expect(await explainAccessDenied(fake.run, denied, 'Personeel')).toMatchObject({ code: 'readOnly' });
    const structure = workbook(1);
    structure.state.protected = true;
    expect(await explainAccessDenied(structure.run, denied, 'Personeel')).toMatchObject({ code: 'workbookProtected' });
  });

  it('a response over the 5 MB limit of Excel on the web is the sheet-too-large problem, not a host failure', async () => {
    const fake = workbook(2);
    sheetOf(fake, 'Personeel').values[3]![5] = 'x'.repeat(5_300_000);
    await expect(readHostSheet(fake.run, 'Personeel')).rejects.toMatchObject({ code: 'sheetTooLarge', sheet: 'Personeel' });
  });
});

describe('writing the summary sheet with Office.js', () => {
  const plan: WritePlan = { sheets: [], reportSheets: [summary] };

  it('writes the cells, widths and a native chart, and replaces the sheet on the next run', async () => {
    const fake = workbook(3);
    await applyWritePlan(fake.run, plan, { date1904: false, activateReport: true });
    expect(fake.syncs).toHaveLength(2);
    const sheet = sheetOf(fake, 'Scholingsbehoefte 2026-2027');
    expect(getValue(sheet, 0, 0)).toBe('Scholingsbehoefte 2026-2027');
    expect(getValue(sheet, 1, 1)).toBe(isoToSerial('2026-11-28', false));
    expect(sheet.numberFormats['1,1']).toBe('dd-mm-yyyy');
    expect(getValue(sheet, 4, 1)).toBe(3);
    expect(getValue(sheet, 7, 0)).toBe('-3 is een tekst');
    expect(getValue(sheet, 4, 0)).toBe('WPB');
    expect(getValue(sheet, 8, 0)).toBe("'s-Hertogenbosch");
    expect(getValue(sheet, 8, 1)).toBe('- per bestuur');
    expect(sheet.formulas).toEqual({});
    expect(sheet.fonts['0,0']).toMatchObject({ bold: true });
    expect(sheet.charts).toEqual([{ type: 'ColumnClustered', source: 'A4:B6', seriesBy: 'Columns', plottedBy: 'Columns', title: 'Scholingsbehoefte', anchor: 'D2' }]);
    expect(Object.keys(sheet.columnWidths)).toEqual(['0', '1']);
    expect(fake.state.active).toBe('Scholingsbehoefte 2026-2027');
    await applyWritePlan(fake.run, plan, { date1904: false });
    expect(fake.state.sheets.filter((s) => s.name.startsWith('Scholingsbehoefte'))).toHaveLength(1);
    expect(sheetOf(fake, 'Scholingsbehoefte 2026-2027').charts).toHaveLength(1);
  });

  it('plots every chart by columns (categories down, one series per column), also where desktop Excel would guess rows', async () => {
    // More boards than trainings: a range wider than tall, which desktop Excel's `Auto` plots by rows.
    const wide: ReportSheetWrite = {
      name: 'Trainersvraag 2026-2027',
      cells: [
        { row: 1, column: 1, value: { kind: 'text', text: 'Scholing' }, style: 'heading' },
        ...['BOOR', 'Wijzer', 'OZHW'].map((b, i) => ({ row: 1, column: 2 + i, value: { kind: 'text' as const, text: b }, style: 'heading' as const })),
        ...['WPB', 'SOIO'].flatMap((t, r) => [
          { row: 2 + r, column: 1, value: { kind: 'text' as const, text: t }, style: 'text' as const },
          ...[1, 2, 3].map((n, i) => ({ row: 2 + r, column: 2 + i, value: { kind: 'number' as const, number: n + r }, style: 'number' as const })),
        ]),
      ],
      columnWidths: [20, 10, 10, 10],
      charts: [{ title: 'Nog te scholen per scholing en bestuur', type: 'columnClustered', range: 'A1:D3', anchor: 'F2' }],
    };
    const desktop = createFakeExcel(workbookState([emptySheet('Personeel', staffValues(1))]), { platform: 'PC' });
    await applyWritePlan(desktop.run, { sheets: [], reportSheets: [wide] }, { date1904: false });
    expect(sheetOf(desktop, 'Trainersvraag 2026-2027').charts[0]).toMatchObject({ source: 'A1:D3', plottedBy: 'Columns' });
  });

  it('replaces a summary sheet whose name differs only in case (one sheet to Excel), with the product’s spelling', async () => {
    const fake = workbook(3);
    fake.state.sheets.push(emptySheet('scholingsbehoefte 2026-2027', [['oud']]));
    await applyWritePlan(fake.run, plan, { date1904: false });
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Personeel', 'Notities', 'Scholingsbehoefte 2026-2027']);
    const report = await removeOwned(fake.run, 'Personeel');
    expect(report.sheets).toEqual(['Scholingsbehoefte 2026-2027']);
  });

  it('adds a cell note only where the host supports notes', async () => {
    const withNotes = workbook(1);
    await applyWritePlan(withNotes.run, plan, { date1904: false, reportNote: { address: 'A1', text: 'Beoordeeld in het taakvenster' }, notesSupported: true });
    expect(sheetOf(withNotes, 'Scholingsbehoefte 2026-2027').notes).toEqual([{ address: 'A1', text: 'Beoordeeld in het taakvenster' }]);
    const without = workbook(1);
    await applyWritePlan(without.run, plan, { date1904: false, reportNote: { address: 'A1', text: 'x' }, notesSupported: false });
    expect(sheetOf(without, 'Scholingsbehoefte 2026-2027').notes).toEqual([]);
  });

  it('a workbook with protected structure is refused with a clear error', async () => {
    const fake = workbook(1);
    fake.state.protected = true;
    await expect(applyWritePlan(fake.run, plan, { date1904: false })).rejects.toMatchObject({ code: 'workbookProtected' });
  });
});

describe('other host actions', () => {
  it('lists the sheets with the active one', async () => {
    const fake = workbook(1);
    fake.state.active = 'Notities';
    expect(await listSheets(fake.run)).toEqual({ sheets: ['Personeel', 'Notities'], active: 'Notities' });
  });

  it('leaves hidden and very hidden sheets out of the sheet list', async () => {
    const fake = workbook(1);
    fake.state.sheets.push({ ...emptySheet('Oud personeel', [['Naam', 'Rol']]), visibility: 'Hidden' }, { ...emptySheet('Macro-instellingen'), visibility: 'VeryHidden' });
    expect(await listSheets(fake.run)).toEqual({ sheets: ['Personeel', 'Notities'], active: 'Personeel' });
  });

  it('never activates a sheet hidden since the check: says how to show it instead', async () => {
    const fake = workbook(1);
    sheetOf(fake, 'Personeel').visibility = 'Hidden';
    fake.state.active = 'Notities';
    await expect(selectCell(fake.run, 'Personeel', 'D7')).rejects.toMatchObject({ code: 'sheetHidden', sheet: 'Personeel' });
    expect(fake.state.active).toBe('Notities');
    expect(fake.state.selection).toBeNull();
  });

  it('selects the cell of a data problem', async () => {
    const fake = workbook(1);
    await selectCell(fake.run, 'Personeel', 'D7');
    expect(fake.state.selection).toEqual({ sheet: 'Personeel', address: 'D7' });
    expect(fake.state.active).toBe('Personeel');
  });

  it('removes the owned columns and the summary sheet, leaving the user’s sheet as it was', async () => {
    const fake = workbook(12);
    const before = JSON.parse(JSON.stringify(sheetOf(fake, 'Personeel')));
    await applyWritePlan(fake.run, { sheets: [staffPlan(12)], reportSheets: [summary] }, { date1904: false, snapshots: await snapshotsFor(fake) });
    const report = await removeOwned(fake.run, 'Personeel');
    expect(report.columns).toEqual(['G', 'H', 'I', 'J', 'K']);
    expect(report.sheets).toEqual(['Scholingsbehoefte 2026-2027']);
    const after = sheetOf(fake, 'Personeel');
    expect(after.values).toEqual(before.values);
    expect(after.conditionalFormats).toEqual([]);
    expect(after.numberFormats).toEqual({});
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Personeel', 'Notities']);
  });

  it('the fake itself refuses a request over 5 MB, as Excel on the web does', async () => {
    const fake = workbook(1);
    const big = 'x'.repeat(PAYLOAD_LIMIT);
    await expect(fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Personeel').getRange('A1').values = [[big]];
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });

  it('the fake refuses reading a property that was not loaded', async () => {
    const fake = workbook(1);
    await expect(fake.run(async (ctx) => ctx.workbook.worksheets.getActiveWorksheet().name)).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
  });
});
