// Opening workbooks from bytes: what the user sees as values, and a clear message for what is not a workbook.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../xlsx/load';
import { WorkbookError } from '../../xlsx/errors';
import { bytesOf, d, richStaffWorkbook, tableStaffWorkbook } from '../fixtures/workbooks';

async function problemOf(bytes: Uint8Array): Promise<WorkbookError> {
  const e = await openWorkbook(bytes).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(WorkbookError);
  return e as WorkbookError;
}

/** An OLE compound file header followed by stream names in UTF-16LE, as Excel writes for a password. */
function oleFile(streams: string[]): Uint8Array {
  const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const body = streams.flatMap((s) => Array.from(s).flatMap((ch) => [ch.charCodeAt(0), 0]));
  return new Uint8Array([...header, ...new Array(504).fill(0), ...body, ...new Array(64).fill(0)]);
}

describe('unreadable files get a clear message', () => {
  it('an empty file', async () => {
    const e = await problemOf(new Uint8Array());
    expect(e.problem).toBe('empty');
    expect(e.message).toMatch(/leeg/);
  });

  it('a text file named .xlsx', async () => {
    const e = await problemOf(new TextEncoder().encode('Naam;Rol\nAnouk;WPB\n'));
    expect(e.problem).toBe('not-xlsx');
    expect(e.message).toMatch(/geen Excel-werkmap/);
  });

  it('a truncated zip', async () => {
    const full = await bytesOf(richStaffWorkbook());
    const e = await problemOf(full.slice(0, Math.floor(full.length / 2)));
    expect(e.problem).toBe('truncated');
    expect(e.message).toMatch(/onvolledig|afgekapt/);
  });

  it('an encrypted workbook (OLE container with EncryptedPackage)', async () => {
    const e = await problemOf(oleFile(['EncryptionInfo', 'EncryptedPackage']));
    expect(e.problem).toBe('encrypted');
    expect(e.message).toMatch(/versleuteld of beveiligd met wachtwoord/);
  });

  it('an old binary .xls', async () => {
    const e = await problemOf(oleFile(['Workbook', 'SummaryInformation']));
    expect(e.problem).toBe('old-xls');
    expect(e.message).toMatch(/\.xls/);
  });

  it('a zip that is not a workbook', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'hallo');
    const e = await problemOf(await zip.generateAsync({ type: 'uint8array' }));
    expect(e.problem).toBe('not-xlsx');
  });

  it('a workbook without worksheets', async () => {
    const src = await JSZip.loadAsync(await bytesOf(tableStaffWorkbook()));
    const wbXml = (await src.file('xl/workbook.xml')!.async('string')).replace(/<sheets>[\s\S]*<\/sheets>/, '<sheets/>');
    src.file('xl/workbook.xml', wbXml);
    const e = await problemOf(await src.generateAsync({ type: 'uint8array' }));
    expect(e.problem).toBe('no-sheets');
  });
});

describe('cells as the user sees them', () => {
  it('formulas give their cached result, shared ones too; rich text, hyperlinks and errors as text or error', async () => {
    const wb = await openWorkbook(await bytesOf(richStaffWorkbook()));
    expect(wb.sheets.map((s) => s.name)).toEqual(['Personeel', 'Notities']);
    const g = wb.sheets[0]!.grid;
    expect(g[0]![0]).toBe('Personeel opleidingsschool (voorbeeld)');
    expect(g[0]![1] ?? null).toBeNull(); // the rest of a merged range is empty, as in Office.js
    expect(g[1]![0]).toBe('Bron: HR-administratie');
    expect(g[3]![3]).toEqual(d(2025, 3, 12));
    expect(g[3]![7]).toBe(80);
    expect(g[4]![7]).toBe(40);
    expect(g[3]![8]).toBe('intranet');
    expect(g[4]![8]).toEqual({ error: '#N/A' });
    expect(g[9]![5]).toBe(3);
    expect(wb.date1904).toBe(false);
  });

  it('the 1904 date system: flag from the workbook, date cells converted', async () => {
    const src = new ExcelJS.Workbook();
    src.properties.date1904 = true;
    const ws = src.addWorksheet('Blad1');
    ws.addRow(['Rol', 'Scholing WPB', 'Serieel']);
    ws.addRow(['WPB', d(2024, 9, 16), 44089]);
    ws.getCell('B2').numFmt = 'dd-mm-yyyy';
    const wb = await openWorkbook(await bytesOf(src));
    expect(wb.date1904).toBe(true);
    expect(wb.sheets[0]!.grid[1]).toEqual(['WPB', d(2024, 9, 16), 44089]);
  });

  it('a hidden sheet is still offered, marked hidden', async () => {
    const src = richStaffWorkbook();
    src.getWorksheet('Notities')!.state = 'hidden';
    const wb = await openWorkbook(await bytesOf(src));
    expect(wb.sheets.find((s) => s.name === 'Notities')!.hidden).toBe(true);
  });
});
