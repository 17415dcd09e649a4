// rules.md §5.4 and interfaces.md §1: `summary.perSchool` and the sheet `Per school YYYY-YYYY`, on real
// .xlsx files: rows without a school, schools spelled differently in two sheets, a sheet without a school
// column beside one with, BRIN codes as school values; the sheet written by the CLI's xlsx writer and by the
// task pane's Office.js writer holds the same cells; a second run replaces it; a rerun is byte-identical.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { isoToSerial } from '../../addin/src/excel/cells';
import { removeOwned } from '../../addin/src/excel/sheets';
import { applyWritePlan } from '../../addin/src/excel/write';
import { checkWorkbook, checkWorkbooks, type CheckResult } from '../../shared/check';
import type { PerSchoolEntry } from '../../shared/model/summary';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { perSchoolSheetName } from '../../shared/report/per-school-sheet';
import { readSheet } from '../../shared/sheet/read';
import { isProductSheet } from '../../shared/sheet/synonyms';
import type { ReportSheetWrite, WritePlan } from '../../shared/report/write-plan';
import { compareCodePoints } from '../../shared/summary/per-school';
import { openWorkbook } from '../../xlsx/load';
import { writeWorkbook } from '../../xlsx/write';
import { bytesOf, d } from '../fixtures/workbooks';
import { createFakeExcel } from '../support/fake-office/excel';
import { emptySheet, getValue, workbookState } from '../support/fake-office/workbook';

const R = '2026-11-28';
const YEAR = '2026-2027';
const OPTIONS = { plan: bossPoPlan, referenceDate: R, planningYear: YEAR } as const;
const SHEET = perSchoolSheetName(YEAR);

/** The plan's `Per school …` sheet, written after the summary. */
function perSchoolOf(plan: WritePlan): ReportSheetWrite {
  const sheet = plan.reportSheets.find((s) => s.name === SHEET);
  expect(plan.reportSheets.map((s) => s.name)).toEqual([`Scholingsbehoefte ${YEAR}`, SHEET]);
  return sheet!;
}

/**
 * Three staff sheets: `Personeel` (school column `School`, names split as the BOOR sample does: last name
 * first), `Noord` (school column `BRIN`, one school spelled as in `Personeel` but in capitals) and
 * `Invallers` (no school column at all).
 */
function staffWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const p = wb.addWorksheet('Personeel');
  p.addRow(['Personeelsnummer', 'Achternaam', 'Tussenvoegsel', 'Voornaam', 'School', 'Rol', 'Scholing werkplekbegeleiders', 'Certificaat', 'Scholing schoolopleiders', 'VELON', 'Aantal studenten', 'Training trainer']);
  p.addRow([101, 'Jansen', null, 'Anna', 'De Kameleon', 'WPB', d(2025, 3, 12), 'ja', null, null, 2]); // In orde
  p.addRow([102, 'Wit', 'de', 'Bram', ' de kameleon ', 'WPB', null, null, null, null, 1]); // Niet in orde
  p.addRow([103, 'Smit', null, 'Cor', 'Het Anker', 'SO', null, null, d(2024, 1, 10), null]); // Actie nodig, due 10-01-2027
  p.addRow([104, 'Kaya', null, 'Dilan', '   ', 'WPB', d(2025, 3, 12), 'ja', null, null, 0]); // no school
  p.addRow([105, 'Visser', null, 'Eva', 'Het Anker', 'SO', null, null, d(2026, 5, 1), d(2023, 1, 20)]); // In orde, VELON due 20-01-2027
  p.addRow([106, 'Amrani', null, 'Fatima', 'HET ANKER', 'Trainer', null, null, null, null, null, null]); // In orde, TRAINER advised
  p.addRow([107, 'Geenrol', null, 'Gijs', 'Het Anker', null]); // Geen OS-rol: not counted
  p.addRow([108, 'Onbekend', null, 'Ot', 'Het Anker', 'vertrouwenspersoon']); // no recognised role: not counted
  p.addRow([109, 'Zon', null, 'Kees', 'Zonnebloem', 'WPB', d(2025, 3, 12), 'ja', null, null, 0]);
  p.addRow([110, 'Zola', null, 'Lotte', 'Émile Zola school', 'WPB', d(2025, 3, 12), 'ja', null, null, 0]);
  const n = wb.addWorksheet('Noord');
  n.addRow(['Naam', 'BRIN', 'Rol', 'Scholing WPB', 'Certificaat WPB', 'Aantal studenten']);
  n.addRow(['Hanna Bakker', '12AB', 'WPB', d(2025, 3, 12), 'ja', 1]); // In orde
  n.addRow(['Ivo Peters', '12ab ', 'WPB', null, null, 1]); // Niet in orde
  n.addRow(['Jan Mulder', 'DE KAMELEON', 'WPB', d(2024, 1, 15), 'ja', 1]); // Actie nodig, due 15-01-2027
  const i = wb.addWorksheet('Invallers');
  i.addRow(['Naam', 'Rol', 'Scholing WPB']);
  i.addRow(['Mo Haddou', 'WPB', null]); // Actie nodig, no school column
  return wb;
}

const statuses = (s: Partial<PerSchoolEntry['statuses']>): PerSchoolEntry['statuses'] => ({
  'Geen OS-rol': 0,
  'Niet in orde': 0,
  'Actie nodig': 0,
  'Gegevens controleren': 0,
  'In orde': 0,
  ...s,
});

const EXPECTED: PerSchoolEntry[] = [
  { school: '12AB', people: 2, statuses: statuses({ 'Niet in orde': 1, 'In orde': 1 }), needs: { WPB: 1 }, dueSoon: 0 },
  { school: 'De Kameleon', people: 3, statuses: statuses({ 'Niet in orde': 1, 'Actie nodig': 1, 'In orde': 1 }), needs: { WPB: 1, REFRESH: 1 }, dueSoon: 1 },
  { school: 'Het Anker', people: 3, statuses: statuses({ 'Actie nodig': 1, 'In orde': 2 }), needs: { TRAINER: 1, REFRESH: 1 }, dueSoon: 2 },
  { school: 'Zonnebloem', people: 1, statuses: statuses({ 'In orde': 1 }), needs: {}, dueSoon: 0 },
  // É (U+00C9 → é U+00E9) sorts after z in code-point order, unlike a Dutch collation.
  { school: 'Émile Zola school', people: 1, statuses: statuses({ 'In orde': 1 }), needs: {}, dueSoon: 0 },
  { school: null, people: 2, statuses: statuses({ 'Actie nodig': 1, 'In orde': 1 }), needs: { WPB: 1 }, dueSoon: 0 },
];

async function check(bytes: Uint8Array): Promise<{ result: CheckResult; out: Uint8Array }> {
  const wb = await openWorkbook(bytes);
  const result = await checkWorkbook({ file: 'werkmap.xlsx', sheets: wb.sheets, date1904: wb.date1904 }, OPTIONS);
  return { result, out: await writeWorkbook(wb, result.workbooks[0]!.writePlan!) };
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A written report sheet's cells as `A1 → value` (dates as ISO text), read back with our own reader. */
async function xlsxCells(bytes: Uint8Array, name: string): Promise<Record<string, string | number | boolean>> {
  const wb = await openWorkbook(bytes);
  const sheet = wb.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const out: Record<string, string | number | boolean> = {};
  sheet.grid.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === '') return;
      const key = `${String.fromCharCode(65 + c)}${r + 1}`;
      if (v instanceof Date) out[key] = v.toISOString().slice(0, 10);
      else if (typeof v === 'object') out[key] = `#${v.error}`;
      else out[key] = v;
    }),
  );
  return out;
}

/** The same sheet as the task pane writes it into Excel (the fake host), dates as ISO text. */
async function paneCells(sheet: ReportSheetWrite): Promise<Record<string, string | number | boolean>> {
  const fake = createFakeExcel(workbookState([emptySheet('Personeel', [['Naam', 'Rol']])]));
  await applyWritePlan(fake.run, { sheets: [], reportSheets: [sheet] }, { date1904: false });
  const written = fake.state.sheets.find((s) => s.name === sheet.name)!;
  const out: Record<string, string | number | boolean> = {};
  written.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === '' || v === undefined) return;
      const key = `${String.fromCharCode(65 + c)}${r + 1}`;
      const format = written.numberFormats[`${r},${c}`];
      out[key] = typeof v === 'number' && format === 'dd-mm-yyyy' ? serialToIso(v) : v;
    }),
  );
  return out;
}

function serialToIso(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 10);
}

describe('summary.perSchool (rules.md §5.4)', () => {
  it('groups rows by school trimmed and lower-cased across sheets, in first spelling, code-point order, school null last', async () => {
    const { result } = await check(await bytesOf(staffWorkbook()));
    expect(result.report.summary.perSchool).toEqual(EXPECTED);
    // The key, letter by letter, in the JSON report.
    expect(JSON.parse(JSON.stringify(result.report)).summary.perSchool[0].school).toBe('12AB');
  });

  it('every entry has all five status keys, Geen OS-rol always 0, and leaves trainings with 0 out', async () => {
    const { result } = await check(await bytesOf(staffWorkbook()));
    for (const e of result.report.summary.perSchool!) {
      expect(Object.keys(e.statuses)).toEqual(['Geen OS-rol', 'Niet in orde', 'Actie nodig', 'Gegevens controleren', 'In orde']);
      expect(e.statuses['Geen OS-rol']).toBe(0);
      expect(Object.values(e.needs).every((n) => n! > 0)).toBe(true);
      expect(Object.values(e.statuses).reduce((a, b) => a + b, 0)).toBe(e.people);
    }
  });

  it('is null, and no Per school sheet is written, when no sheet has a school column', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Personeel').addRows([['Naam', 'Rol', 'Scholing WPB'], ['Mo Haddou', 'WPB', null]]);
    const { result, out } = await check(await bytesOf(wb));
    expect(result.report.summary.perSchool).toBeNull();
    expect(result.workbooks[0]!.writePlan!.reportSheets.map((s) => s.name)).toEqual([`Scholingsbehoefte ${YEAR}`]);
    expect((await openWorkbook(out)).sheets.map((s) => s.name)).toEqual(['Personeel', `Scholingsbehoefte ${YEAR}`]);
  });

  it('is an empty list when the school column is there but nobody has a role', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Personeel').addRows([['Naam', 'School', 'Rol'], ['Gijs', 'De Kameleon', 'geen']]);
    const { result } = await check(await bytesOf(wb));
    expect(result.report.summary.perSchool).toEqual([]);
  });

  it('over several workbooks, the report groups the schools of all of them', async () => {
    const a = await openWorkbook(await bytesOf(staffWorkbook()));
    const b = new ExcelJS.Workbook();
    b.addWorksheet('Personeel').addRows([['Naam', 'School', 'Rol', 'Scholing WPB'], ['Nina', 'zonnebloem', 'WPB', null]]);
    const bb = await openWorkbook(await bytesOf(b));
    const result = await checkWorkbooks(
      [
        { file: 'a.xlsx', sheets: a.sheets, date1904: false },
        { file: 'b.xlsx', sheets: bb.sheets, date1904: false },
      ],
      OPTIONS,
    );
    const zon = result.report.summary.perSchool!.find((e) => e.school === 'Zonnebloem')!;
    expect(zon.people).toBe(2);
    expect(zon.needs).toEqual({ WPB: 1 });
    // Each workbook's own summary covers that workbook only.
    expect(result.workbooks[1]!.summary!.perSchool).toEqual([
      { school: 'zonnebloem', people: 1, statuses: statuses({ 'Actie nodig': 1 }), needs: { WPB: 1 }, dueSoon: 0 },
    ]);
  });

  it('compares by code point, not by UTF-16 unit', () => {
    // U+1F600 (two UTF-16 units starting 0xD83D) is after U+FF21 as a code point, before it as units.
    expect(compareCodePoints('\u{1F600}', '\uFF21')).toBeGreaterThan(0);
    expect('\u{1F600}' < '\uFF21').toBe(true);
    expect(compareCodePoints('abc', 'abd')).toBeLessThan(0);
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
    expect(compareCodePoints('ab', 'ab')).toBe(0);
  });
});

describe(`the sheet ${SHEET}`, () => {
  it('has an overview row per school and a block per school with figures, need per training and the named list', async () => {
    const { result } = await check(await bytesOf(staffWorkbook()));
    const plan = perSchoolOf(result.workbooks[0]!.writePlan!);
    expect(plan.name).toBe(SHEET);
    const rows = new Map<number, (string | number | null)[]>();
    for (const c of plan.cells) {
      const row = rows.get(c.row) ?? [];
      row[c.column - 1] = c.value.kind === 'text' ? c.value.text : c.value.kind === 'number' ? c.value.number : c.value.kind === 'date' ? c.value.iso : null;
      rows.set(c.row, row);
    }
    const lines = [...rows.entries()].sort(([a], [b]) => a - b).map(([, r]) => Array.from(r, (v) => v ?? null));
    const at = (text: string, from = 0) => lines.findIndex((l, i) => i >= from && l[0] === text);

    // The overview: one row per entry, in the order of summary.perSchool.
    const overview = at('Overzicht per school');
    expect(lines[overview + 1]).toEqual(['School', 'Medewerkers', 'Niet in orde', 'Actie nodig', 'Binnenkort', 'Nog te scholen']);
    expect(lines.slice(overview + 2, overview + 8)).toEqual([
      ['12AB', 2, 1, 0, 0, 'Scholing werkplekbegeleiders: 1'],
      ['De Kameleon', 3, 1, 1, 1, 'Scholing werkplekbegeleiders: 1; Opfrisbijeenkomst: 1'],
      ['Het Anker', 3, 0, 1, 2, 'Inwerken trainer: 1; Opfrisbijeenkomst: 1'],
      ['Zonnebloem', 1, 0, 0, 0, 'geen'],
      ['Émile Zola school', 1, 0, 0, 0, 'geen'],
      ['Zonder school', 2, 0, 1, 0, 'Scholing werkplekbegeleiders: 1'],
    ]);

    // De Kameleon's block: figures, need, and the people to act on (names from the workbook, composed
    // first name, tussenvoegsel, last name), Niet in orde first.
    const kameleon = at('De Kameleon', overview + 8);
    expect(lines.slice(kameleon + 1, kameleon + 7)).toEqual([
      ['Medewerkers met een OS-rol', 3],
      ['Niet in orde', 1],
      ['Actie nodig', 1],
      ['Gegevens controleren', 0],
      ['In orde', 1],
      ['Binnenkort aan de beurt', 1],
    ]);
    expect(lines[kameleon + 7]).toEqual(['Scholing', 'Nog te scholen']);
    expect(lines[kameleon + 8]).toEqual([`${bossPoPlan.trainings[0]!.name} (§4)`, 1]);
    expect(lines[kameleon + 9]![0]).toMatch(/^Opfrisbijeenkomst/);
    expect(lines[kameleon + 10]).toEqual(['Naam', 'Rollen', 'Status', 'Binnenkort', 'Werkblad en rij', 'Acties']);
    expect(lines[kameleon + 11]).toEqual([
      'Bram de Wit', 'werkplekbegeleider', 'Niet in orde', null, 'Personeel, rij 3',
      'Scholing werkplekbegeleiders volgen; Studenten een geschoolde, gecertificeerde werkplekbegeleider geven',
    ]);
    expect(lines[kameleon + 12]).toEqual([
      'Jan Mulder', 'werkplekbegeleider', 'Actie nodig', '2027-01-15', 'Noord, rij 4', 'Opfrisbijeenkomst plannen (vóór 15-01-2027)',
    ]);
    expect(lines[kameleon + 13]).toEqual(['Het Anker']);

    // Het Anker: someone In orde whose VELON registration falls due soon is on the list too; the trainer
    // without the advised training counts in the need but is not listed.
    const anker = kameleon + 13;
    expect(lines[anker + 7]).toEqual(['Scholing', 'Nog te scholen']);
    expect(lines.slice(anker + 8, anker + 10).map((l) => l[1])).toEqual([1, 1]);
    expect(lines.slice(anker + 11, anker + 13).map((l) => [l[0], l[2], l[3]])).toEqual([
      ['Cor Smit', 'Actie nodig', '2027-01-10'],
      ['Eva Visser', 'In orde', '2027-01-20'],
    ]);
    expect(lines[anker + 13]).toEqual(['Zonnebloem']);

    // Zonnebloem: nobody to act on, no need.
    const zon = anker + 13;
    expect(lines[zon + 8]).toEqual(['Geen scholingsbehoefte.']);
    expect(lines[zon + 10]![0]).toMatch(/^Niemand/);

    // The block of rows without a school: the empty school cell and the sheet without a school column.
    const none = lines.findIndex((l, i) => i > zon && typeof l[0] === 'string' && l[0].startsWith('Zonder school ('));
    expect(lines[none + 10]).toEqual(['Mo Haddou', 'werkplekbegeleider', 'Actie nodig', null, 'Invallers, rij 2', 'Scholing werkplekbegeleiders volgen']);
    expect(lines.length).toBe(none + 11);
  });

  it('names stay in the workbook: not in the report, only in the written sheet', async () => {
    const { result, out } = await check(await bytesOf(staffWorkbook()));
    const report = JSON.stringify(result.report);
    for (const name of ['Bram', 'de Wit', 'Mulder', 'Visser', 'Haddou', 'Hanna']) expect(report).not.toContain(name);
    expect(Object.values(await xlsxCells(out, SHEET))).toContain('Eva Visser');
  });

  it('stands right after the summary sheet, with its own sheet id, and is never read as a staff sheet', async () => {
    const { out } = await check(await bytesOf(staffWorkbook()));
    const zip = await JSZip.loadAsync(out);
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    const sheets = [...workbookXml.matchAll(/<sheet\b[^>]*>/g)].map((m) => [/name="([^"]+)"/.exec(m[0])![1], /sheetId="(\d+)"/.exec(m[0])![1]]);
    expect(sheets.map((s) => s[0])).toEqual(['Personeel', 'Noord', 'Invallers', `Scholingsbehoefte ${YEAR}`, SHEET]);
    expect(new Set(sheets.map((s) => s[1])).size).toBe(sheets.length);

    const again = await openWorkbook(out);
    const grid = again.sheets.find((s) => s.name === SHEET)!.grid;
    expect(readSheet(grid, { sheetName: SHEET, date1904: false, plan: bossPoPlan }).skipped).not.toBeNull();
    expect(isProductSheet('per SCHOOL 2026-2027')).toBe(true);
    expect(isProductSheet('Per school')).toBe(false);
    expect(isProductSheet('Per school 2026-2028')).toBe(false);
    expect(isProductSheet('Per school De Kameleon')).toBe(false);
  });

  it('a second run replaces it; a rerun on its own output gives the identical workbook', async () => {
    const { out: first } = await check(await bytesOf(staffWorkbook()));
    // The first run added both sheets (the summary with its chart); a rerun writes the same parts in the same order.
    expect(sha((await check(first)).out)).toBe(sha(first));
    // Someone changed the staff sheet: Bram de Wit has moved to Zonnebloem.
    const edited = new ExcelJS.Workbook();
    await edited.xlsx.load(first.slice().buffer as ArrayBuffer);
    edited.getWorksheet('Personeel')!.getCell('E3').value = 'Zonnebloem';
    const { result, out: second } = await check(new Uint8Array(await edited.xlsx.writeBuffer()));
    expect(result.report.summary.perSchool!.find((e) => e.school === 'Zonnebloem')!.people).toBe(2);
    const names = (await openWorkbook(second)).sheets.map((s) => s.name);
    expect(names.filter((n) => n === SHEET)).toHaveLength(1);
    const cells = await xlsxCells(second, SHEET);
    expect(Object.entries(cells).find(([, v]) => v === 'Bram de Wit')).toBeTruthy();
    const zonRow = Object.entries(cells).find(([k, v]) => k.startsWith('A') && v === 'Zonnebloem')![0];
    expect(cells[`B${zonRow.slice(1)}`]).toBe(2);
    expect(cells[`C${zonRow.slice(1)}`]).toBe(1);

    const { out: rerun } = await check(second);
    expect(sha(rerun)).toBe(sha(second));
  });

  it('the same input gives the same bytes', async () => {
    const input = await bytesOf(staffWorkbook());
    const [a, b] = await Promise.all([check(input), check(input)]);
    expect(sha(a.out)).toBe(sha(b.out));
  });

  it('the CLI writer and the task pane writer put the same cells in it', async () => {
    const { result, out } = await check(await bytesOf(staffWorkbook()));
    const plan = perSchoolOf(result.workbooks[0]!.writePlan!);
    const fromCli = await xlsxCells(out, SHEET);
    const fromPane = await paneCells(plan);
    expect(Object.keys(fromCli).length).toBeGreaterThan(60);
    expect(fromPane).toEqual(fromCli);
    expect(fromCli.B3).toBe(R);
  });

  it('the task pane replaces an old one and removes it with the other product sheets', async () => {
    const { result } = await check(await bytesOf(staffWorkbook()));
    const plan = result.workbooks[0]!.writePlan!;
    const old = emptySheet(SHEET, [['oud']]);
    const fake = createFakeExcel(workbookState([emptySheet('Personeel', [['Naam', 'Rol'], ['Anna', 'WPB']]), old, emptySheet('Per school', [['eigen blad']])]));
    await applyWritePlan(fake.run, { sheets: [], reportSheets: plan.reportSheets }, { date1904: false, activateReport: true });
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Personeel', 'Per school', `Scholingsbehoefte ${YEAR}`, SHEET]);
    const written = fake.state.sheets.find((s) => s.name === SHEET)!;
    expect(getValue(written, 0, 0)).toBe(SHEET);
    expect(getValue(written, 2, 1)).toBe(isoToSerial(R, false));
    expect(fake.state.active).toBe(`Scholingsbehoefte ${YEAR}`);

    const removed = await removeOwned(fake.run, 'Personeel');
    expect(removed.sheets).toEqual([`Scholingsbehoefte ${YEAR}`, SHEET]);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Personeel', 'Per school']);
  });
});
