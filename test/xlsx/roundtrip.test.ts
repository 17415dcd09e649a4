// Read → evaluate → write → read back, on real .xlsx files: the owned columns hold the results, every other
// cell is exactly as it was (value, number format, font, fill, border, formula, width), and a second run
// gives the same workbook.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../shared/check';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { openWorkbook } from '../../xlsx/load';
import { writeWorkbook } from '../../xlsx/write';
import { bytesOf, d, richStaffWorkbook, tableStaffWorkbook, tempDir } from '../fixtures/workbooks';

const OPTIONS = { plan: bossPoPlan, referenceDate: '2026-11-28', planningYear: '2026-2027' } as const;

async function checkBytes(bytes: Uint8Array, file = 'werkmap.xlsx'): Promise<Uint8Array> {
  const wb = await openWorkbook(bytes);
  const result = await checkWorkbook({ file, sheets: wb.sheets, date1904: wb.date1904 }, OPTIONS);
  const plan = result.workbooks[0]!.writePlan;
  if (!plan) throw new Error('nothing to write');
  return writeWorkbook(wb, plan);
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  return wb;
}

/** Everything exceljs knows about each cell, column and row of a sheet, as comparable JSON. */
function snapshot(ws: ExcelJS.Worksheet, skip: (row: number, col: number) => boolean = () => false) {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (skip(r, c)) return;
      const snap = JSON.parse(
        JSON.stringify({
          value: cell.value,
          formula: cell.formula ?? null,
          numFmt: cell.numFmt ?? null,
          font: cell.font ?? null,
          fill: cell.fill ?? null,
          border: cell.border ?? null,
          alignment: cell.alignment ?? null,
          note: cell.note ?? null,
        }),
      ) as Record<string, unknown>;
      // exceljs materialises blank cells up to a row's last cell; only cells with content or style count.
      if (Object.values(snap).some((v) => v !== null && !(typeof v === 'object' && Object.keys(v as object).length === 0)))
        cells[cell.address] = snap;
    });
  });
  const columns: Record<number, unknown> = {};
  for (let c = 1; c <= ws.columnCount; c++) if (!skip(Number.MAX_SAFE_INTEGER, c)) columns[c] = { width: ws.getColumn(c).width ?? null, hidden: ws.getColumn(c).hidden };
  const rows: Record<number, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => (rows[r] = { hidden: row.hidden, height: row.height ?? null }));
  return { cells, columns, rows, merges: [...ws.model.merges].sort(), views: ws.views };
}

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out[name] = await f.async('string');
  return out;
}

/** Parts of exceljs's worksheet model that its type declarations leave out. */
type SheetModel = { dataValidations: { model: unknown }; conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] };
const model = (ws: ExcelJS.Worksheet) => ws as unknown as SheetModel;

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('round trip of a staff sheet with everything around it', () => {
  let before: Uint8Array;
  let after: Uint8Array;
  let out: ExcelJS.Workbook;
  let dir: { dir: string; cleanup: () => Promise<void> };

  beforeAll(async () => {
    dir = await tempDir();
    const path = join(dir.dir, 'personeel.xlsx');
    await writeFile(path, await bytesOf(richStaffWorkbook()));
    before = new Uint8Array(await readFile(path));
    after = await checkBytes(before);
    out = await load(after);
  });
  afterAll(() => dir.cleanup());

  it('writes the five owned headers in the header row, right of the used range', () => {
    const ws = out.getWorksheet('Personeel')!;
    expect([10, 11, 12, 13, 14].map((c) => ws.getRow(3).getCell(c).value)).toEqual([
      'OS-status', 'Acties', 'Opfrissen vóór', 'Normuren', 'Toelichting',
    ]);
  });

  it('fills the owned columns per row: status, actions, a real date cell, norm hours, explanation', () => {
    const ws = out.getWorksheet('Personeel')!;
    const row = (r: number) => [10, 11, 12, 13, 14].map((c) => ws.getRow(r).getCell(c).value);
    expect(row(4).slice(0, 4)).toEqual(['In orde', null, d(2028, 3, 12), 40]);
    expect(ws.getCell('L4').numFmt).toBe('dd-mm-yyyy');
    expect(ws.getCell('M4').value).toBe(40);
    const bram = row(5);
    expect(bram[0]).toBe('Niet in orde');
    expect(String(bram[1])).toMatch(/Scholing werkplekbegeleiders volgen/);
    expect(bram[3]).toBe(20);
    expect(String(bram[4])).toMatch(/\(§4\)/);
    expect(row(8)[0]).toBe('Geen OS-rol');
    // The Totaal row is not a person: its owned cells stay empty.
    expect(row(10)).toEqual([null, null, null, null, null]);
  });

  it('keeps every other cell exactly: value, formula, number format, font, fill, border, alignment, note', async () => {
    const src = await load(before);
    const user = (r: number, c: number) => r >= 3 && c >= 10;
    expect(snapshot(out.getWorksheet('Personeel')!, user)).toEqual(snapshot(src.getWorksheet('Personeel')!, user));
    expect(snapshot(out.getWorksheet('Notities')!)).toEqual(snapshot(src.getWorksheet('Notities')!));
  });

  it('keeps data validation, the user’s conditional format, defined names and the sheet order', async () => {
    const src = await load(before);
    const ws = out.getWorksheet('Personeel')!;
    expect(model(ws).dataValidations.model).toEqual(model(src.getWorksheet('Personeel')!).dataValidations.model);
    expect(model(ws).dataValidations.model).toHaveProperty('E4');
    const refs = model(ws).conditionalFormattings.map((c) => c.ref);
    expect(refs).toContain('F4:F8');
    expect(refs).toContain('J4:J10');
    expect(out.definedNames.model).toEqual(src.definedNames.model);
    expect(out.worksheets.map((w) => w.name)).toEqual(['Personeel', 'Notities', 'Scholingsbehoefte 2026-2027']);
  });

  it('leaves the user\u2019s own sheet filter as it was (only the owned columns and the summary change)', async () => {
    const filterOf = (xml: string | undefined) => /<autoFilter [^>]*>/.exec(xml ?? '')?.[0];
    const original = filterOf((await parts(before))['xl/worksheets/sheet1.xml']);
    expect(original).toBeDefined();
    expect(filterOf((await parts(after))['xl/worksheets/sheet1.xml'])).toBe(original);
  });

  it('colours the status column only over the used rows', async () => {
    const ours = model(out.getWorksheet('Personeel')!).conditionalFormattings.find((c) => c.ref === 'J4:J10')!;
    expect(ours.rules.map((r) => r.formulae?.[0])).toEqual([
      '"Niet in orde"', '"Actie nodig"', '"Gegevens controleren"', '"In orde"',
    ]);
  });

  it('copies every part it does not own byte for byte', async () => {
    const a = await parts(before);
    const b = await parts(after);
    const owned = new Set(['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml']);
    for (const [name, text] of Object.entries(a)) if (!owned.has(name)) expect(b[name], name).toBe(text);
  });

  it('writes the summary sheet for a reader: title, reference date, need per training, assumptions', () => {
    const ws = out.getWorksheet('Scholingsbehoefte 2026-2027')!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value instanceof Date ? c.value.toISOString() : c.value))));
    expect(ws.getCell('A1').value).toBe('Scholingsbehoefte 2026-2027');
    expect(texts).toContain('Peildatum');
    expect(texts).toContain('2026-11-28T00:00:00.000Z');
    for (const label of ['Scholingsbehoefte per scholing', 'Trainerspools', 'Kerncijfers voor de stuurgroep', 'Aannames', 'groepsgrootte scholing werkplekbegeleiders'])
      expect(texts).toContain(label);
  });

  it('a second run on its own output gives the identical workbook', async () => {
    expect(sha(await checkBytes(after))).toBe(sha(after));
  });

  it('a later run clears the old status of a row whose user cells were emptied', async () => {
    const edited = await load(after);
    const ws = edited.getWorksheet('Personeel')!;
    for (let c = 1; c <= 9; c++) ws.getRow(5).getCell(c).value = null;
    const again = await load(await checkBytes(new Uint8Array(await edited.xlsx.writeBuffer())));
    const row = (r: number) => [10, 11, 12, 13, 14].map((c) => again.getWorksheet('Personeel')!.getRow(r).getCell(c).value);
    expect(row(5)).toEqual([null, null, null, null, null]);
    expect(row(4)[0]).toBe('In orde');
  });

  it('the same input gives the same bytes, and the input is never changed', async () => {
    const hash = sha(before);
    expect(sha(await checkBytes(before))).toBe(sha(after));
    expect(sha(before)).toBe(hash);
  });
});

describe('an Excel table', () => {
  it('grows over the owned columns; the table definition stays valid and the rest of it unchanged', async () => {
    const before = await bytesOf(tableStaffWorkbook());
    const after = await checkBytes(before);
    const a = await parts(before);
    const b = await parts(after);
    const table = b['xl/tables/table1.xml']!;
    expect(table).toMatch(/ref="A2:K5"/);
    expect([...table.matchAll(/<tableColumn [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'Voornaam', 'Tussenvoegsel', 'Achternaam', 'Rol', 'Scholing WPB', 'Aantal studenten',
      'OS-status', 'Acties', 'Opfrissen vóór', 'Normuren', 'Toelichting',
    ]);
    expect(table.replace(/ref="[^"]+"/g, '').replace(/<tableColumns[\s\S]*<\/tableColumns>/, '')).toBe(
      a['xl/tables/table1.xml']!.replace(/ref="[^"]+"/g, '').replace(/<tableColumns[\s\S]*<\/tableColumns>/, ''),
    );
    const out = await load(after);
    const ws = out.getWorksheet('Tabel')!;
    expect(ws.getCell('G3').value).toBe('In orde');
    expect(ws.getRow(4).hidden).toBe(true);
    expect(ws.getCell('G5').value).toBe('In orde');
    expect(sha(await checkBytes(after))).toBe(sha(after));
  });
});
