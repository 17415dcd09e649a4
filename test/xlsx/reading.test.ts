// Reading real .xlsx files end to end (exceljs → grid → reader → rules): the layouts boards really use.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkWorkbook, type Report } from '../../shared/check';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { openWorkbook } from '../../xlsx/load';
import { writeWorkbook } from '../../xlsx/write';
import { bytesOf, d, tableStaffWorkbook, WORKED_EXAMPLES, workedExamplesWorkbook } from '../fixtures/workbooks';

const OPTIONS = { plan: bossPoPlan, referenceDate: '2026-11-28', planningYear: '2026-2027' } as const;

async function report(wb: ExcelJS.Workbook, extra: Partial<Parameters<typeof checkWorkbook>[1]> = {}): Promise<Report> {
  const opened = await openWorkbook(await bytesOf(wb));
  return (await checkWorkbook({ file: 't.xlsx', sheets: opened.sheets, date1904: opened.date1904 }, { ...OPTIONS, ...extra })).report;
}

function sheetOf(rows: unknown[][], setup?: (ws: ExcelJS.Worksheet) => void): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Blad1');
  for (const r of rows) ws.addRow(r);
  setup?.(ws);
  return wb;
}

describe('reading board layouts from .xlsx', () => {
  it('one column per role with x (Wijzer style)', async () => {
    const r = await report(sheetOf([
      ['Naam', 'WPB', 'SO', 'OB', 'Training WPB', 'Stagiairs'],
      ['Eva Meijer', 'x', '', 'x', '12-3-2024', '2'],
      ['Gijs Stam', '', 'x', '', '', ''],
    ]));
    const s = r.sheets[0]!;
    expect(s.columns).toMatchObject({ B: 'role.WPB', C: 'role.SO' });
    expect(s.columns.D).toMatch(/^role\.OB/);
    expect(s.people.map((p) => [...p.roles].sort())).toEqual([['OBP', 'WPB'], ['SO']]);
  });

  it('title rows above the header and a merged title', async () => {
    const r = await report(sheetOf([['Overzicht BOOR'], [], ['Personeelsnummer', 'Rol', 'Scholing WPB'], [7, 'WPB', d(2025, 3, 12)]], (ws) => ws.mergeCells('A1:C1')));
    expect(r.sheets[0]!.headerRow).toBe(3);
    expect(r.sheets[0]!.people[0]).toMatchObject({ row: 4, personId: '7', roles: ['WPB'], refresherDue: '2028-03-12' });
  });

  it('merged header cells: the header text sits in the first cell of the merge', async () => {
    const r = await report(sheetOf([['Rol(len) opleidingsschool', null, 'Scholing WPB'], ['WPB', null, d(2025, 3, 12)]], (ws) => ws.mergeCells('A1:B1')));
    expect(r.sheets[0]!.columns).toMatchObject({ A: 'roles', C: 'training.WPB' });
    expect(r.sheets[0]!.people[0]!.roles).toEqual(['WPB']);
  });

  it('hidden rows are read like any other', async () => {
    const r = await report(sheetOf([['Rol', 'Scholing WPB'], ['WPB', d(2025, 3, 12)], ['WPB', null]], (ws) => (ws.getRow(2).hidden = true)));
    expect(r.sheets[0]!.people.map((p) => p.row)).toEqual([2, 3]);
  });

  it('an Excel table with first name, tussenvoegsel and last name', async () => {
    const r = await report(tableStaffWorkbook());
    const s = r.sheets[0]!;
    expect(s.headerRow).toBe(2);
    expect(s.columns).toMatchObject({ A: 'firstName', B: 'tussenvoegsel', C: 'lastName', D: 'roles' });
    expect(s.people.map((p) => p.status)).toEqual(['In orde', 'Niet in orde', 'In orde']);
    expect(JSON.stringify(r)).not.toMatch(/Fenna|Ruiter|Wolters/);
  });

  it('formula cells through their cached result; an error cell is unreadable', async () => {
    const r = await report(sheetOf([
      ['Rol', 'Scholing WPB', 'Aantal studenten'],
      ['WPB', { formula: 'DATE(2025,3,12)', result: d(2025, 3, 12) }, { formula: '1+1', result: 2 }],
      ['WPB', { error: '#N/A' }, 1],
    ], (ws) => (ws.getCell('B2').numFmt = 'dd-mm-yyyy')));
    const [a, b] = r.sheets[0]!.people;
    expect(a).toMatchObject({ refresherDue: '2028-03-12', normHours: 40 });
    expect(b!.findings.map((f) => f.code)).toContain('INVALID_DATE');
    expect(b!.findings.find((f) => f.code === 'INVALID_DATE')!.message).toMatch(/B3/);
  });

  it('a sheet without a header row is skipped with a reason; others are still checked', async () => {
    const wb = sheetOf([['Rol', 'Scholing WPB'], ['WPB', null]]);
    const notes = wb.addWorksheet('Notities');
    notes.addRow(['Alleen wat tekst']);
    const r = await report(wb);
    const skipped = r.sheets.find((s) => s.name === 'Notities')!;
    expect(skipped.skipped).toMatch(/kopregel/);
    expect(skipped.headerRow).toBeNull();
    expect(skipped.people).toEqual([]);
  });

  it('--map: a column the synonyms do not know', async () => {
    const r = await report(sheetOf([['Functie in OS', 'Scholing WPB', 'Rol'], ['WPB', d(2025, 3, 12), 'geen']]), {
      overrides: { 'Functie in OS': 'roles', Rol: null },
    });
    expect(r.sheets[0]!.columns).toMatchObject({ A: 'roles' });
    expect(r.sheets[0]!.people[0]!.roles).toEqual(['WPB']);
  });

  it('emoji and accents in names, and a 5,000-character cell, are read without trouble', async () => {
    const r = await report(sheetOf([
      ['Naam', 'Rol', 'Toelichting HR', 'Scholing WPB'],
      ['Zoë Çelik 🎓', 'WPB', 'x'.repeat(5000), d(2025, 3, 12)],
      ['Åsa Ñúñez', 'Mentor', '🙂', null],
    ]));
    expect(r.sheets[0]!.people.map((p) => p.status)).toEqual(['In orde', 'Actie nodig']);
  });
});

describe('the worked examples of rules.md §7 as one workbook', () => {
  it('every row gets the expected status, findings, refresherDue and Normuren, in the report and in the written cells', async () => {
    const opened = await openWorkbook(await bytesOf(workedExamplesWorkbook()));
    const result = await checkWorkbook({ file: 'voorbeelden.xlsx', sheets: opened.sheets, date1904: false }, OPTIONS);
    const people = result.report.sheets[0]!.people;
    expect(people).toHaveLength(WORKED_EXAMPLES.length);
    WORKED_EXAMPLES.forEach((ex, i) => {
      const p = people[i]!;
      expect({ n: ex.n, status: p.status, refresherDue: p.refresherDue, normHours: p.normHours, codes: [...new Set(p.findings.map((f) => f.code))].sort() }).toEqual({
        n: ex.n, status: ex.status, refresherDue: ex.refresherDue, normHours: ex.normHours, codes: ex.codes,
      });
    });
    expect(people[8]!.roles).toEqual(['OBI']);
    expect(people[14]!.roles).toEqual([]);

    const out = new ExcelJS.Workbook();
    await out.xlsx.load((await writeWorkbook(opened, result.workbooks[0]!.writePlan!)).slice().buffer as ArrayBuffer);
    const ws = out.getWorksheet('Voorbeelden')!;
    const header = ws.getRow(1);
    const col = (name: string) => {
      let at = 0;
      header.eachCell((c, n) => (c.value === name ? (at = n) : undefined));
      return at;
    };
    WORKED_EXAMPLES.forEach((ex, i) => {
      const row = ws.getRow(2 + i);
      expect(row.getCell(col('OS-status')).value, `example ${ex.n}`).toBe(ex.status);
      const due = row.getCell(col('Opfrissen vóór'));
      expect(due.value, `example ${ex.n}`).toEqual(ex.refresherDue ? new Date(`${ex.refresherDue}T00:00:00Z`) : null);
      if (ex.refresherDue) expect(due.numFmt).toBe('dd-mm-yyyy');
      expect(row.getCell(col('Normuren')).value, `example ${ex.n}`).toBe(ex.normHours);
    });
    const actions = ws.getRow(3).getCell(col('Acties')).value as string;
    expect(actions.split('; ')).toEqual(expect.arrayContaining(['Scholing werkplekbegeleiders volgen']));
    expect(ws.getRow(9).getCell(col('Toelichting')).value).toMatch(/Cel E9/);
  });
});
