// End-to-end in Debian's Chromium: the built task pane (a) in browser mode checks an example workbook
// and offers the same workbook the CLI writes; (b) in Office mode, inside a fake Excel host, runs the full
// flow against the local function app and Azurite, writes the owned columns and the summary sheet, and
// sends no names to the API.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parseAnyEvaluateRequest } from '../../shared/api/compact';
import { checkWorkbook } from '../../shared/check';
import { bossPoPlan } from '../../shared/plan/bosspo';
import type { Cell } from '../../shared/sheet/types';
import type { WriteValue } from '../../shared/report/write-plan';
import { openWorkbook } from '../../xlsx/load';
import { writeWorkbook } from '../../xlsx/write';
import { isoToSerial } from '../../addin/src/excel/cells';
import { startTestApi, TEST_KEYS, type TestApi } from '../support/api-server';
import { fakeOfficeScript } from '../support/fake-office/bundle';
import type { FakeOfficeOptions } from '../support/fake-office/office';
import { emptySheet, getValue, workbookState, type FakeValue, type FakeWorkbookState } from '../support/fake-office/workbook';
import { artifacts, buildAndServePane, expectFits, launchChromium, root, sheetPicture, type BuiltPane } from './harness';

const EXAMPLE = join(root, 'examples', 'boor-personeel.xlsx');
const DATE = '2026-11-28';
const YEAR = '2026-2027';

let browser: Browser;
let pane: BuiltPane;
let api: TestApi;

beforeAll(async () => {
  pane = await buildAndServePane('addin-e2e-');
  api = await startTestApi({ env: { BOSSPO_CORS_ORIGINS: pane.url } });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await pane?.close();
});

/** Every cell of every sheet as text (value and number format), for comparing two workbooks. */
async function cellsOf(bytes: Uint8Array): Promise<Record<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: Record<string, string> = {};
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        out[`${ws.name}!${r},${c}`] = `${JSON.stringify(cell.value)} ${cell.numFmt ?? ''}`;
      }),
    );
  });
  return out;
}

describe('the task pane in Chromium', () => {
  it('browser mode: choose a workbook, Controleer, Download gives what the CLI writes', async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 360, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${pane.url}/taskpane.html`);
      await page.getByLabel('Werkmap kiezen').setInputFiles(EXAMPLE);
      await page.getByLabel('Peildatum').fill(DATE);
      await page.getByRole('button', { name: 'Controleer' }).click();
      const download = page.getByRole('button', { name: 'Download' });
      await download.waitFor({ timeout: 60_000 });
      await expect(page.getByTestId('status-counts').textContent()).resolves.toMatch(/In orde/);
      const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
      expect(file.suggestedFilename()).toBe('boor-personeel.gecontroleerd.xlsx');
      const downloaded = readFileSync((await file.path())!);
      await page.screenshot({ path: join(artifacts, 'addin-browser-mode.png'), fullPage: true });

      // What the CLI writes for the same file and date: the same orchestrator and exceljs adapter.
      const opened = await openWorkbook(readFileSync(EXAMPLE));
      const result = await checkWorkbook(
        { file: 'boor-personeel.xlsx', sheets: opened.sheets.map((s) => ({ name: s.name, grid: s.grid })), date1904: opened.date1904 },
        { plan: bossPoPlan, referenceDate: DATE, planningYear: YEAR, board: null },
      );
      const cli = await writeWorkbook(opened, result.workbooks[0]!.writePlan!);
      const [got, want] = await Promise.all([cellsOf(downloaded), cellsOf(cli)]);
      expect(Object.keys(got).some((k) => k.startsWith('Scholingsbehoefte 2026-2027!'))).toBe(true);
      expect(got).toEqual(want);
      // The overview shows the count per status, and the counts agree with the report.
      const people = result.report.sheets.flatMap((s) => s.people);
      const inOrder = people.filter((p) => p.status === 'In orde').length;
      await expect(page.getByLabel(`In orde: ${inOrder}`).count()).resolves.toBe(1);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('Office mode: the full flow in a fake Excel host writes the owned columns and the summary, and sends no names', async () => {
    const opened = await openWorkbook(readFileSync(EXAMPLE));
    const state = fakeState(opened.sheets, opened.date1904);
    const staffSheet = opened.sheets[0]!.name;
    const context = await browser.newContext({ viewport: { width: 360, height: 1000 } });
    const page = await context.newPage();
    const bodies: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/evaluate')) bodies.push(r.postData() ?? '');
    });
    try {
      await inFakeExcel(page, state, { apiUrl: api.url, apiKey: TEST_KEYS.boor });
      await page.goto(`${pane.url}/taskpane.html`);
      await page.getByText('Kopregel gevonden op rij 4.').waitFor({ timeout: 30_000 });
      await page.getByLabel('Peildatum').fill(DATE);
      await page.getByRole('button', { name: 'Controleer' }).click();
      await page.getByRole('button', { name: 'Samenvatting maken' }).waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Samenvatting maken' }).click();
      await page.getByText("Het blad 'Scholingsbehoefte 2026-2027' is geschreven.").waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(artifacts, 'addin-office-mode.png'), fullPage: true });
      const after = (await page.evaluate(() => (window as unknown as { __fakeExcel: { state: unknown } }).__fakeExcel.state)) as FakeWorkbookState;

      // Expected: the in-process check of the same sheet (the API applies no register records here).
      const result = await checkWorkbook(
        { file: 'boor-personeel.xlsx', sheets: [{ name: staffSheet, grid: opened.sheets[0]!.grid }], date1904: opened.date1904 },
        { plan: bossPoPlan, referenceDate: DATE, planningYear: YEAR, board: null },
      );
      const plan = result.workbooks[0]!.writePlan!;
      const sheet = after.sheets.find((s) => s.name === staffSheet)!;
      const write = plan.sheets[0]!;
      for (const col of write.columns) {
        expect(getValue(sheet, write.headerRow - 1, col.column - 1)).toBe(col.header);
        col.values.forEach((v, i) => expect(getValue(sheet, write.firstRow - 1 + i, col.column - 1), `${col.letter}${write.firstRow + i}`).toEqual(fakeValue(v, opened.date1904)));
      }
      expect(sheet.conditionalFormats).toHaveLength(4);
      const summary = after.sheets.find((s) => s.name === 'Scholingsbehoefte 2026-2027')!;
      expect(summary).toBeTruthy();
      const [summaryPlan, perSchoolPlan] = plan.reportSheets;
      expect([summaryPlan?.name, perSchoolPlan?.name]).toEqual(['Scholingsbehoefte 2026-2027', 'Per school 2026-2027']);
      for (const cell of summaryPlan!.cells) expect(getValue(summary, cell.row - 1, cell.column - 1)).toEqual(fakeValue(cell.value, opened.date1904));
      expect(summary.charts).toHaveLength(summaryPlan!.charts.length);
      // The example has a School column: Samenvatting maken writes `Per school …` beside the summary, with
      // the cells the CLI writes (names from the sheet, which the API never saw).
      expect(after.sheets.map((s) => s.name).slice(-2)).toEqual(['Scholingsbehoefte 2026-2027', 'Per school 2026-2027']);
      const perSchool = after.sheets.find((s) => s.name === 'Per school 2026-2027')!;
      expect(perSchoolPlan!.cells.length).toBeGreaterThan(40);
      for (const cell of perSchoolPlan!.cells) expect(getValue(perSchool, cell.row - 1, cell.column - 1)).toEqual(fakeValue(cell.value, opened.date1904));
      await sheetPicture(browser, perSchool, opened.date1904, 'sheet-per-school.png');
      // The user's own cells are as they were.
      const before = state.sheets.find((s) => s.name === staffSheet)!;
      before.values.forEach((row, r) => row.forEach((v, c) => expect(getValue(sheet, r, c)).toEqual(v)));

      // One evaluate request, with people but without a single name from the sheet.
      expect(bodies).toHaveLength(1);
      const names = opened.sheets[0]!.grid.slice(4).map((row) => row[1]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
      expect(names.length).toBeGreaterThan(5);
      // The pane sends the compact form (shared/api/compact.ts); decoded, it is the documented request.
      const sent = parseAnyEvaluateRequest(JSON.parse(bodies[0]!));
      expect(sent.success).toBe(true);
      expect(sent.data!.people.length).toBeGreaterThan(5);
      for (const name of names) {
        expect(bodies[0]).not.toContain(name);
        for (const part of name.split(/[ ,]+/).filter((p) => p.length > 3)) expect(bodies[0]).not.toContain(part);
      }
    } finally {
      await context.close();
    }
  }, 120_000);

  it('Office mode without a reachable API: evaluates in the pane on request, says so on the summary, and removes everything after confirmation', async () => {
    const opened = await openWorkbook(readFileSync(EXAMPLE));
    const state = fakeState(opened.sheets, opened.date1904);
    const staffSheet = opened.sheets[0]!.name;
    const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
    const page = await context.newPage();
    try {
      await inFakeExcel(page, state, { apiUrl: 'http://127.0.0.1:9', apiKey: 'x' });
      await page.goto(`${pane.url}/taskpane.html`);
      await page.getByText('Kopregel gevonden op rij 4.').waitFor({ timeout: 30_000 });
      await page.getByLabel('Peildatum').fill(DATE);
      await page.getByRole('button', { name: 'Controleer' }).click();
      await page.getByText('De server is niet bereikbaar.', { exact: false }).waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Beoordeel in het taakvenster' }).click();
      await page.getByRole('button', { name: 'Samenvatting maken' }).click();
      await page.getByText("Het blad 'Scholingsbehoefte 2026-2027' is geschreven.").waitFor({ timeout: 30_000 });
      let after = (await page.evaluate(() => (window as unknown as { __fakeExcel: { state: unknown } }).__fakeExcel.state)) as FakeWorkbookState;
      const summary = after.sheets.find((s) => s.name === 'Scholingsbehoefte 2026-2027')!;
      expect(summary.values.flat().some((v) => typeof v === 'string' && v.includes('in het taakvenster uitgevoerd omdat de server niet bereikbaar was'))).toBe(true);
      expect(getValue(after.sheets.find((s) => s.name === staffSheet)!, 3, 16)).toBe('OS-status');

      // Keyboard only: focus the remove button, confirm in the dialog that warns Ctrl+Z cannot undo it.
      await page.getByRole('button', { name: 'Verwijder statuskolommen' }).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await expect(dialog.textContent()).resolves.toContain('Ctrl+Z');
      await page.screenshot({ path: join(artifacts, 'addin-remove-dialog.png') });
      await dialog.getByRole('button', { name: 'Verwijderen' }).click();
      // The owned columns, the summary and the Per school sheet.
      await page.getByText('5 kolommen en 2 bladen verwijderd.').waitFor({ timeout: 30_000 });
      after = (await page.evaluate(() => (window as unknown as { __fakeExcel: { state: unknown } }).__fakeExcel.state)) as FakeWorkbookState;
      expect(after.sheets.map((s) => s.name)).toEqual(state.sheets.map((s) => s.name));
      const sheet = after.sheets.find((s) => s.name === staffSheet)!;
      const original = state.sheets.find((s) => s.name === staffSheet)!;
      original.values.forEach((row, r) => row.forEach((v, c) => expect(getValue(sheet, r, c)).toEqual(v)));
      for (let r = 0; r < sheet.values.length; r++) for (let c = 0; c < 16; c++) expect(getValue(sheet, r, c)).toEqual(getValue(original, r, c));
      expect(sheet.values.every((row) => row.slice(16).every((v) => v === ''))).toBe(true);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('Office mode: a late onReady still opens Excel mode, owned columns are not offered for mapping, and the pane fits 320–450 px without horizontal scrolling', async () => {
    const opened = await openWorkbook(readFileSync(EXAMPLE));
    const state = fakeState(opened.sheets, opened.date1904);
    const context = await browser.newContext({ viewport: { width: 450, height: 1000 } });
    const page = await context.newPage();
    try {
      // A cold Excel: onReady answers after 4 s (the pane used to give up after 3 s and show a file picker).
      await inFakeExcel(page, state, { apiUrl: '', apiKey: '' }, { onReadyDelayMs: 4000 });
      await page.addInitScript(() => {
        const w = window as unknown as Record<string, unknown>;
        w.__sawFilePicker = false;
        new MutationObserver(() => {
          if (document.body?.textContent?.includes('Werkmap kiezen')) w.__sawFilePicker = true;
        }).observe(document, { childList: true, subtree: true, characterData: true });
      });
      // Office opens the pane with its host information in the address, as office.js reads it.
      await page.goto(`${pane.url}/taskpane.html?_host_Info=Excel$Win32$16.01$nl-NL$$$$0`);
      await page.getByText('Kopregel gevonden op rij 4.').waitFor({ timeout: 30_000 });
      expect(await page.evaluate(() => (window as unknown as { __sawFilePicker: boolean }).__sawFilePicker)).toBe(false);

      // Check twice: the second read sees the owned columns the first wrote.
      await page.getByLabel('Peildatum').fill(DATE);
      for (let i = 0; i < 2; i++) {
        await page.getByRole('button', { name: 'Controleer' }).click();
        await page.getByText(/rijen gecontroleerd/).waitFor({ timeout: 60_000 });
      }
      const mapping = (await page.locator('section[aria-labelledby="mapping-title"]').textContent()) ?? '';
      expect(mapping).toContain('Kopregel gevonden op rij 4.');
      for (const owned of ['OS-status', 'Acties', 'Opfrissen vóór', 'Normuren', 'Toelichting']) expect(mapping).not.toContain(owned);
      const after = (await page.evaluate(() => (window as unknown as { __fakeExcel: { state: unknown } }).__fakeExcel.state)) as FakeWorkbookState;
      expect(getValue(after.sheets.find((x) => x.name === opened.sheets[0]!.name)!, 3, 16)).toBe('OS-status');

      await expectFits(page, 'office');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('Office mode: a sheet sorted while the API evaluates gets no statuses, and the pane says to check again', async () => {
    const opened = await openWorkbook(readFileSync(EXAMPLE));
    const state = fakeState(opened.sheets, opened.date1904);
    const staffSheet = opened.sheets[0]!.name;
    const context = await browser.newContext({ viewport: { width: 360, height: 1000 } });
    const page = await context.newPage();
    try {
      await inFakeExcel(page, state, { apiUrl: api.url, apiKey: TEST_KEYS.boor });
      // While the request is on its way, the user sorts the people (rows 5 and below) the other way round.
      await page.route('**/api/evaluate', async (route) => {
        await page.evaluate((name) => {
          const sheet = (window as unknown as { __fakeExcel: { state: FakeWorkbookState } }).__fakeExcel.state.sheets.find((x) => x.name === name)!;
          sheet.values.splice(4, sheet.values.length - 4, ...sheet.values.slice(4).reverse());
        }, staffSheet);
        await route.continue();
      });
      await page.goto(`${pane.url}/taskpane.html`);
      await page.getByText('Kopregel gevonden op rij 4.').waitFor({ timeout: 30_000 });
      await page.getByLabel('Peildatum').fill(DATE);
      await page.getByRole('button', { name: 'Controleer' }).click();
      await page.getByRole('alert').getByText('Het werkblad is gewijzigd tijdens de controle; controleer opnieuw.').waitFor({ timeout: 60_000 });
      const after = (await page.evaluate(() => (window as unknown as { __fakeExcel: { state: unknown } }).__fakeExcel.state)) as FakeWorkbookState;
      const sheet = after.sheets.find((x) => x.name === staffSheet)!;
      expect(sheet.values.flat()).not.toContain('OS-status');
      expect(sheet.conditionalFormats).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('browser mode fits 320–450 px without horizontal scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${pane.url}/taskpane.html`);
      await page.getByLabel('Werkmap kiezen').waitFor({ timeout: 30_000 });
      await expectFits(page, 'browser');
    } finally {
      await context.close();
    }
  }, 60_000);
});

/** The page gets the fake Excel host over `state` instead of office.js, and these pane settings. */
async function inFakeExcel(page: Page, state: FakeWorkbookState, settings: { apiUrl: string; apiKey: string }, options: FakeOfficeOptions = {}): Promise<void> {
  const fake = await fakeOfficeScript();
  await page.route('**/office-js/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: fake }));
  await page.addInitScript(
    ([s, o, stored]) => {
      const w = window as unknown as Record<string, unknown>;
      w.__fakeOfficeState = s;
      w.__fakeOfficeOptions = o;
      localStorage.setItem('bosspo.settings', stored);
    },
    [state, options, JSON.stringify({ ...settings, board: '', language: 'nl' })] as const,
  );
}

/** The example workbook as the fake host's in-memory state (dates as serial numbers, as Office.js gives them). */
function fakeState(sheets: readonly { name: string; grid: readonly (readonly Cell[])[] }[], date1904: boolean): FakeWorkbookState {
  const toFake = (c: Cell): FakeValue => {
    if (c === null) return '';
    if (c instanceof Date) return isoToSerial(c.toISOString().slice(0, 10), date1904);
    if (typeof c === 'object') return c.error;
    return c;
  };
  return workbookState(sheets.map((s) => emptySheet(s.name, s.grid.map((row) => row.map(toFake)))), { date1904 });
}

function fakeValue(v: WriteValue, date1904: boolean): FakeValue {
  switch (v.kind) {
    case 'empty':
      return '';
    case 'number':
      return v.number;
    case 'date':
      return isoToSerial(v.iso, date1904);
    case 'text':
      return v.text;
  }
}
