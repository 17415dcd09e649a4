// The task pane's plain logic: cell conversion, host detection, settings, result panel, offline note, file names.
import { describe, expect, it, vi } from 'vitest';
import { isoToSerial, needsTextGuard, officeCell, officeValue } from '../../addin/src/excel/cells';
import { packBatches, OPERATION_OVERHEAD } from '../../addin/src/excel/payload';
import { parseAddress } from '../../addin/src/excel/address';
import { hostError, HostError, type HostErrorCode } from '../../addin/src/excel/types';
import { loadSettings, saveSettings } from '../../addin/src/config';
import { officeHostHint, watchHost, type HostScope } from '../../addin/src/host';
import { mappableHeaders } from '../../addin/src/fields';
import { hostErrorText, languageFor, MESSAGES } from '../../addin/src/i18n';
import { resultPanelOf } from '../../addin/src/result-panel';
import { evaluatorFor, checkSheet, localEvaluator, readStaffSheet, withLocalNote, ApiError } from '../../addin/src/pipeline';
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

  it('guards text that Excel would turn into a formula, number or date with an apostrophe where the cell is not text-formatted', () => {
    for (const text of ['=1+1', '+31 10', '-', '@home', '12', '1,5', '12-03-2025', "'quoted", 'WAAR', '50%', '2025-03-12', '1e5', '12:30'])
      expect(officeValue({ kind: 'text', text }, false, false), text).toBe(`'${text}`);
    expect(officeValue({ kind: 'text', text: 'In orde' }, false, false)).toBe('In orde');
    expect(needsTextGuard('Scholing volgen')).toBe(false);
    expect(officeValue({ kind: 'empty' }, false, false)).toBe('');
  });

  it('writes text as it is into a text-formatted cell, where an apostrophe would stay visible', () => {
    for (const text of ["'s-Hertogenbosch", '- geen opmerking', '=1+1', '12']) expect(officeValue({ kind: 'text', text }, false, true), text).toBe(text);
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
    // AccessDenied alone does not say whether the sheet is protected or the workbook read-only: looked into later.
    expect(hostError(Object.assign(new Error('x'), { code: 'AccessDenied' }), 'Blad1')).toMatchObject({ code: 'accessDenied', sheet: 'Blad1' });
    for (const code of ['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'RangeExceedsLimit'])
      expect(hostError(Object.assign(new Error('x'), { code }), 'Blad1'), code).toMatchObject({ code: 'sheetTooLarge', sheet: 'Blad1' });
    expect(hostError(Object.assign(new Error('x'), { code: 'ItemNotFound' }), 'Blad1')).toMatchObject({ code: 'sheetNotFound' });
    expect(hostError(Object.assign(new Error('x'), { code: 'InvalidOperationInCellEditMode' }), null)).toMatchObject({ code: 'busy' });
  });
});

describe('what the pane says about a host problem', () => {
  const codes: HostErrorCode[] = ['sheetProtected', 'workbookProtected', 'readOnly', 'accessDenied', 'sheetNotFound', 'sheetHidden', 'sheetChanged', 'sheetTooLarge', 'busy', 'hostFailed'];

  it('has a Dutch sentence for each that says what to do', () => {
    const texts = codes.map((code) => hostErrorText(new HostError(code, 'Personeel', 'detail'), MESSAGES.nl, 'Personeel'));
    expect(new Set(texts).size).toBe(codes.length);
    for (const text of texts) expect(text).toMatch(/probeer|controleer|kies/i);
    expect(hostErrorText(new HostError('sheetChanged', 'Personeel', ''), MESSAGES.nl, 'x')).toBe('Het werkblad is gewijzigd tijdens de controle; controleer opnieuw.');
    expect(hostErrorText(new HostError('readOnly', null, ''), MESSAGES.nl, 'x')).toMatch(/alleen-lezen.*Bewerken/);
    expect(hostErrorText(new HostError('sheetTooLarge', 'Personeel', ''), MESSAGES.nl, 'x')).toMatch(/'Personeel' is te groot.*Verwijder lege rijen/);
    expect(hostErrorText(new HostError('sheetProtected', 'Personeel', ''), MESSAGES.nl, 'x')).toMatch(/beveiligd.*Beveiliging blad opheffen/);
  });
});

describe('host detection', () => {
  /** An Office global whose onReady answers `host` after `ms` (never, when ms is null). */
  const office = (host: string | null, ms: number | null, displayLanguage = 'en-GB') =>
    ({
      HostType: { Excel: 'Excel' },
      context: { displayLanguage },
      onReady: () => (ms === null ? new Promise(() => undefined) : new Promise((resolve) => setTimeout(() => resolve({ host }), ms))),
    }) as unknown as typeof Office;
  const top = { parent: 1, self: 1 };

  /** The decisions watchHost reports within `ms` of (fake, so deterministic) time. */
  async function decisions(scope: HostScope, ms: number, graceMs = 30): Promise<string[]> {
    vi.useFakeTimers();
    try {
      const seen: string[] = [];
      const stop = watchHost((h) => seen.push(h.kind === 'excel' ? `excel:${h.displayLanguage}` : 'browser'), { scope, graceMs });
      await vi.advanceTimersByTimeAsync(ms);
      stop();
      return seen;
    } finally {
      vi.useRealTimers();
    }
  }

  it('is browser mode at once when office.js did not load', async () => {
    expect(await decisions({ ...top }, 5)).toEqual(['browser']);
  });

  it('is Excel when onReady reports Excel, and browser mode when it reports no host', async () => {
    expect(await decisions({ ...top, Office: office('Excel', 0) }, 20)).toEqual(['excel:en-GB']);
    expect(await decisions({ ...top, Office: office(null, 0) }, 20)).toEqual(['browser']);
  });

  it('inside Office waits for onReady however late it comes, and never shows browser mode meanwhile', async () => {
    const framed = { parent: 1, self: 2, Office: office('Excel', 60_000) };
    expect(await decisions(framed, 59_000)).toEqual([]);
    expect(await decisions(framed, 61_000)).toEqual(['excel:en-GB']);
    const desktop = { ...top, location: { search: '?_host_Info=Excel$Win32$16.01$nl-NL$$$$0' }, Office: office('Excel', 60_000) };
    expect(await decisions(desktop, 61_000)).toEqual(['excel:en-GB']);
  });

  it('outside any sign of Office shows browser mode after the grace period, and switches to Excel when onReady answers late', async () => {
    expect(await decisions({ ...top, Office: office('Excel', 10_000) }, 11_000, 3_000)).toEqual(['browser', 'excel:en-GB']);
    expect(await decisions({ ...top, Office: office('Excel', null) }, 11_000, 3_000)).toEqual(['browser']);
  });

  it('reads the signs office.js itself reads', () => {
    expect(officeHostHint({ ...top })).toBe(false);
    expect(officeHostHint({ ...top, location: { search: '?_host_Info=Excel|Mac|16.00' } })).toBe(true);
    expect(officeHostHint({ ...top, sessionStorage: { getItem: (k) => (k === 'hostInfoValue' ? 'Excel$Mac$16.00' : null) } })).toBe(true);
    expect(officeHostHint({ ...top, external: { GetHostInfo: () => 'Excel$Win32' } })).toBe(true);
    expect(officeHostHint({ parent: {}, self: {} })).toBe(true);
  });

  it('speaks Dutch unless Office says another language', () => {
    expect(languageFor('nl-NL')).toBe('nl');
    expect(languageFor('en-US')).toBe('en');
    expect(languageFor(null)).toBe('nl');
  });
});

describe('the column-mapping panel', () => {
  it('offers every header but the product’s own columns, however they are written', () => {
    const headers = { A: 'Naam', B: 'Rol', C: 'Opmerking', D: 'OS-status', E: 'Acties', F: 'Opfrissen vóór', G: 'Normuren', H: 'Toelichting', I: 'os-status ', J: 'OPFRISSEN VOOR' };
    expect(mappableHeaders(headers)).toEqual([['A', 'Naam'], ['B', 'Rol'], ['C', 'Opmerking']]);
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

describe('the pane pipeline and result panel', () => {
  const read = readStaffSheet({ grid, merges: [], sheet: 'Personeel', date1904: false, board: 'BOOR', overrides: {} });

  it('counts people per status, lists the common actions and the cells with data problems', async () => {
    const outcome = await checkSheet(read, { referenceDate: '2026-11-28', planningYear: '2026-2027', evaluate: localEvaluator });
    const overview = resultPanelOf([{ read, evaluation: outcome.evaluation }]);
    expect(overview.total).toBe(4);
    expect(overview.counts.find((c) => c.status === 'Niet in orde')?.count).toBe(1);
    expect(overview.counts.find((c) => c.status === 'Geen OS-rol')?.count).toBe(1);
    expect(overview.topActions.length).toBeGreaterThan(0);
    expect(overview.problems.some((p) => p.cell === 'D6')).toBe(true);
    expect(outcome.writePlan.sheets[0]!.columns.map((c) => c.header)).toEqual(['OS-status', 'Acties', 'Opfrissen vóór', 'Normuren', 'Toelichting']);
    expect(outcome.writePlan.reportSheets.map((s) => s.name)).toEqual(['Scholingsbehoefte 2026-2027']);
  });

  it('an unreachable API is reported as such, so the pane can offer the bundled engine', async () => {
    const evaluate = evaluatorFor({ baseUrl: 'http://127.0.0.1:9', apiKey: 'x' });
    const error = await checkSheet(read, { referenceDate: '2026-11-28', planningYear: '2026-2027', evaluate }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).unreachable).toBe(true);
  });

  it('adds a labelled note below the summary when the pane evaluated without the server', async () => {
    const outcome = await checkSheet(read, { referenceDate: '2026-11-28', planningYear: '2026-2027', evaluate: localEvaluator });
    const summary = outcome.writePlan.reportSheets[0]!;
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
