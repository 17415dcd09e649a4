// The task pane's plain logic: cell conversion, host detection, settings, overview, offline note, file names.
import { describe, expect, it } from 'vitest';
import { isoToSerial, needsTextGuard, officeCell, officeValue } from '../../addin/src/excel/cells';
import { packBatches, OPERATION_OVERHEAD } from '../../addin/src/excel/payload';
import { parseAddress } from '../../addin/src/excel/read';
import { hostError } from '../../addin/src/excel/types';
import { loadSettings, saveSettings } from '../../addin/src/config';
import { detectHost } from '../../addin/src/host';
import { languageFor } from '../../addin/src/i18n';
import { overviewOf } from '../../addin/src/overview';
import { apiEvaluator, checkSheet, localEvaluator, readStaffSheet, withLocalNote, ApiError } from '../../addin/src/pipeline';
import { outputNameFor } from '../../addin/src/browser/check-file';
import { loadMapping, saveMapping, type DocumentSettings } from '../../addin/src/excel/settings';

const grid = [
  ['Personeel'],
  [],
  ['Personeelsnummer', 'Naam', 'Rol', 'Scholing WPB', 'Certificaat WPB', 'Aantal studenten'],
  [1, 'An de Vries', 'WPB', isoToSerial('2025-03-12', false), 'ja', 2],
  [2, 'Bo Smit', 'WPB', null, null, 1],
  [3, 'Cor Jansen', 'WPB', 'gepland', null, null],
  [4, 'Dirk Ali', null, null, null, null],
];

describe('cells between Office.js and the sheet layer', () => {
  it('reads empty strings as empty, error codes as error cells, the rest as they are', () => {
    expect(officeCell('')).toBeNull();
    expect(officeCell('#REF!')).toEqual({ error: '#REF!' });
    expect(officeCell('  ')).toBe('  ');
    expect(officeCell(45000)).toBe(45000);
    expect(officeCell(true)).toBe(true);
  });

  it('turns dates into serial numbers of the 1900 and the 1904 system', () => {
    expect(isoToSerial('1900-03-01', false)).toBe(61);
    expect(isoToSerial('2026-11-28', false)).toBe(46354);
    expect(isoToSerial('2026-11-28', true)).toBe(46354 - 1462);
  });

  it('guards text that Excel would turn into a formula, number or date with an apostrophe', () => {
    for (const text of ['=1+1', '+31 10', '-', '@home', '12', '1,5', '12-03-2025', "'quoted", 'WAAR'])
      expect(officeValue({ kind: 'text', text }, false), text).toBe(`'${text}`);
    expect(officeValue({ kind: 'text', text: 'In orde' }, false)).toBe('In orde');
    expect(needsTextGuard('Scholing volgen')).toBe(false);
    expect(officeValue({ kind: 'empty' }, false)).toBe('');
  });

  it('parses range addresses with sheet names', () => {
    expect(parseAddress("'Blad 1'!$B$3:$K$120")).toEqual({ firstRow: 3, lastRow: 120, firstColumn: 2, lastColumn: 11 });
    expect(parseAddress('Blad1!C7')).toEqual({ firstRow: 7, lastRow: 7, firstColumn: 3, lastColumn: 3 });
  });

  it('packs operations into batches under the budget, an oversized one alone', () => {
    const batches = packBatches([{ bytes: 500 }, { bytes: 400 }, { bytes: 2000 }, { bytes: 10 }], 1000 + 2 * OPERATION_OVERHEAD);
    expect(batches.map((b) => b.map((x) => x.bytes))).toEqual([[500, 400], [2000], [10]]);
  });

  it('maps Office error codes to what the pane explains', () => {
    expect(hostError(Object.assign(new Error('x'), { code: 'AccessDenied' }), 'Blad1')).toMatchObject({ code: 'sheetProtected', sheet: 'Blad1' });
    expect(hostError(Object.assign(new Error('x'), { code: 'ItemNotFound' }), 'Blad1')).toMatchObject({ code: 'sheetNotFound' });
    expect(hostError(Object.assign(new Error('x'), { code: 'InvalidOperationInCellEditMode' }), null)).toMatchObject({ code: 'busy' });
  });
});

describe('host detection', () => {
  it('is browser mode without office.js', async () => {
    expect(await detectHost(50)).toEqual({ kind: 'browser', displayLanguage: null });
  });

  it('is Excel when Office.onReady reports Excel, and browser mode when it reports no host or never answers', async () => {
    const g = globalThis as { Office?: unknown };
    try {
      g.Office = { HostType: { Excel: 'Excel' }, onReady: () => Promise.resolve({ host: 'Excel' }), context: { displayLanguage: 'en-GB' } };
      expect(await detectHost(50)).toEqual({ kind: 'excel', displayLanguage: 'en-GB' });
      g.Office = { HostType: { Excel: 'Excel' }, onReady: () => Promise.resolve({ host: null }) };
      expect((await detectHost(50)).kind).toBe('browser');
      g.Office = { HostType: { Excel: 'Excel' }, onReady: () => new Promise(() => undefined) };
      expect((await detectHost(50)).kind).toBe('browser');
    } finally {
      delete g.Office;
    }
  });

  it('speaks Dutch unless Office says another language', () => {
    expect(languageFor('nl-NL')).toBe('nl');
    expect(languageFor('en-US')).toBe('en');
    expect(languageFor(null)).toBe('nl');
  });
});

describe('settings', () => {
  it('keeps API address, key, board and language in local storage and ignores garbage', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    saveSettings({ apiUrl: 'http://localhost:7071', apiKey: 'k', board: 'BOOR', language: 'en' }, storage);
    expect(loadSettings(storage)).toEqual({ apiUrl: 'http://localhost:7071', apiKey: 'k', board: 'BOOR', language: 'en' });
    store.set('bosspo.settings', '{not json');
    expect(loadSettings(storage).board).toBe('');
  });

  it('remembers a column mapping per sheet in the workbook settings', async () => {
    const data: Record<string, unknown> = {};
    const settings: DocumentSettings = { get: (n) => data[n] ?? null, set: (n, v) => void (data[n] = v), saveAsync: (cb) => cb?.({ status: 'succeeded' }) };
    await saveMapping(settings, 'Personeel', { 'Scholing WPB': 'training.WPB', Opmerking: null });
    await saveMapping(settings, 'Andere', { Rol: 'roles' });
    expect(loadMapping(settings, 'Personeel')).toEqual({ 'Scholing WPB': 'training.WPB', Opmerking: null });
    expect(loadMapping(settings, 'Onbekend')).toEqual({});
  });
});

describe('the pane pipeline and overview', () => {
  const read = readStaffSheet({ grid, sheet: 'Personeel', date1904: false, board: 'BOOR', overrides: {} });

  it('counts people per status, lists the common actions and the cells with data problems', async () => {
    const outcome = await checkSheet(read, { referenceDate: '2026-11-28', planningYear: '2026-2027', evaluate: localEvaluator });
    const overview = overviewOf([{ read, evaluation: outcome.evaluation }]);
    expect(overview.total).toBe(4);
    expect(overview.counts.find((c) => c.status === 'Niet in orde')?.count).toBe(1);
    expect(overview.counts.find((c) => c.status === 'Geen OS-rol')?.count).toBe(1);
    expect(overview.topActions.length).toBeGreaterThan(0);
    expect(overview.problems.some((p) => p.cell === 'D6')).toBe(true);
    expect(outcome.writePlan.sheets[0]!.columns.map((c) => c.header)).toEqual(['OS-status', 'Acties', 'Opfrissen vóór', 'Normuren', 'Toelichting']);
    expect(outcome.writePlan.summary?.name).toBe('Scholingsbehoefte 2026-2027');
  });

  it('an unreachable API is reported as such, so the pane can offer the bundled engine', async () => {
    const evaluate = apiEvaluator({ baseUrl: 'http://127.0.0.1:9', apiKey: 'x' });
    const error = await checkSheet(read, { referenceDate: '2026-11-28', planningYear: '2026-2027', evaluate }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).unreachable).toBe(true);
  });

  it('adds a labelled note below the summary when the pane evaluated without the server', async () => {
    const outcome = await checkSheet(read, { referenceDate: '2026-11-28', planningYear: '2026-2027', evaluate: localEvaluator });
    const summary = outcome.writePlan.summary!;
    const { sheet, address } = withLocalNote(summary, 'Beoordeeld in het taakvenster');
    const last = Math.max(...summary.cells.map((c) => c.row));
    expect(address).toBe(`A${last + 2}`);
    expect(sheet.cells.at(-1)).toEqual({ row: last + 2, column: 1, value: { kind: 'text', text: 'Beoordeeld in het taakvenster' }, style: 'note' });
  });

  it('names the download after the input', () => {
    expect(outputNameFor('C:\\fakepath\\Personeel 2026.xlsx')).toBe('Personeel 2026.gecontroleerd.xlsx');
    expect(outputNameFor('lijst.XLSX')).toBe('lijst.gecontroleerd.xlsx');
    expect(outputNameFor('C:\\fakepath\\macro\'s.xlsm')).toBe('macro\'s.gecontroleerd.xlsm');
  });
});
