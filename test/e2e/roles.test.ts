// End-to-end per role (issue 6), in Debian's Chromium with the fake Excel host, against one local function
// app and Azurite for the whole file: HR sends its board's need; the pabo writes `Trainersvraag …`; the
// stuurgroep writes the overview with charts; the Stagebureau registers an attendance sheet and a board's
// next check shows the register date in Toelichting; the pabo erases a person (AVG). Each role sees only
// its own views. Also: `npm run demand` against the same host writes the same cells as the pane.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoToSerial } from '../../addin/src/excel/cells';
import { main as demandMain } from '../../cli/demand';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { trendYears } from '../../shared/report/steering-overview-sheet';
import { startTestApi, TEST_KEYS, type TestApi, type TestCaller } from '../support/api-server';
import { fakeOfficeScript } from '../support/fake-office/bundle';
import { ADDIN_ID, emptySheet, getValue, workbookState, type FakeSheet, type FakeValue, type FakeWorkbookState } from '../support/fake-office/workbook';
import { toPalettePng } from './png-palette';
import { artifacts, buildAndServePane, expectFits, launchChromium, sheetPicture, type BuiltPane } from './harness';

const DATE = '2026-11-28';
const YEAR = '2026-2027';
/** The year the pabo and the stuurgroep tests read (seeded here, so they do not depend on the HR test). */
const NEXT = '2027-2028';
const WPB_NAME = bossPoPlan.trainings.find((t) => t.code === 'WPB')!.name;
const serial = (iso: string) => isoToSerial(iso, false);

let browser: Browser;
let pane: BuiltPane;
let api: TestApi;
let fakeScript: string;

beforeAll(async () => {
  pane = await buildAndServePane('roles-e2e-');
  // SIKO is a board the app knows that never submits: the demand lists it as missing.
  api = await startTestApi({ env: { BOSSPO_CORS_ORIGINS: pane.url, BOSSPO_BOARDS: 'SIKO' } });
  fakeScript = await fakeOfficeScript();
  browser = await launchChromium();

  // Two boards' needs for the next year (9 + 7 WPB), with key figures for the overview, and one earlier
  // year for its trend.
  const figures = (placed: number, certified: number, wpb: number) => ({
    studentsPlaced: placed,
    studentsWithCertifiedWpb: certified,
    wpbTrainedShare: wpb,
    soioTrainedShare: 1,
    schoolsWithTrainedOb: 2,
    schools: 4,
    refreshersOverdue: 1,
    refreshersDue: 3,
  });
  await api.client('boor').putNeeds(NEXT, 'BOOR', {
    needs: { WPB: { initial: 9 }, REFRESH: { initial: 4 } },
    keyFigures: figures(30, 24, 0.7),
    roles: { WPB: { count: 30, plan: 360 }, SO: { count: 3, plan: 25 } },
    facilitation: { WPB: { normHours: 600, hoursGranted: 540 }, total: { normHours: 1080, hoursGranted: 900 } },
  });
  await api.client('wijzer').putNeeds(NEXT, 'Wijzer', {
    needs: { WPB: { initial: 7 }, OB: { initial: 3 } },
    keyFigures: figures(18, 18, 0.9),
    roles: { WPB: { count: 20, plan: 360 } },
    facilitation: { WPB: { normHours: 360, hoursGranted: 360 }, total: { normHours: 360, hoursGranted: 360 } },
  });
  await api.client('boor').putNeeds('2025-2026', 'BOOR', { needs: { WPB: { initial: 14 } }, keyFigures: figures(26, 15, 0.55) });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await pane?.close();
});

/** The pane in the fake Excel host with the key of `who` and this workbook. */
async function openPane(who: TestCaller, state: FakeWorkbookState, board = ''): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 380, height: 1100 } });
  const page = await context.newPage();
  await page.route('**/office-js/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: fakeScript }));
  await page.addInitScript(
    ([s, settings]) => {
      (window as unknown as { __fakeOfficeState: unknown }).__fakeOfficeState = s;
      localStorage.setItem('bosspo.settings', settings);
    },
    [state, JSON.stringify({ apiUrl: api.url, apiKey: TEST_KEYS[who], board, language: 'nl' })] as const,
  );
  await page.goto(`${pane.url}/taskpane.html`);
  await page.getByTestId('role').waitFor({ timeout: 30_000 });
  return { page, close: () => context.close() };
}

async function workbook(page: Page): Promise<FakeWorkbookState> {
  return (await page.evaluate(() => (window as unknown as { __fakeExcel: { state: unknown } }).__fakeExcel.state)) as FakeWorkbookState;
}

async function tabs(page: Page): Promise<string[]> {
  // A Fluent tab holds its label twice (one copy hidden, reserving the bold width): read what is shown.
  return (await page.getByRole('tab').allInnerTexts()).map((s) => s.trim());
}

/** A palette PNG of the pane (test-artifacts/<file>), small enough for the README. */
async function shoot(page: Page, file: string): Promise<void> {
  writeFileSync(join(artifacts, file), toPalettePng(await page.screenshot({ fullPage: true })));
}

/** A picture of a written sheet (test-artifacts/<file>). */
const picture = (sheet: FakeSheet, file: string) => sheetPicture(browser, sheet, false, file);

const rowsOf = (sheet: FakeSheet) => sheet.values.map((row) => row.map((v) => (v === '' ? null : v)));

/** The staff sheet of a board: a header row and people (names stay in the sheet). */
function staffSheet(rows: FakeValue[][]): FakeWorkbookState {
  return workbookState([emptySheet('Personeel', [['Personeelsnummer', 'Naam', 'Rol', 'Scholing werkplekbegeleiders', 'Certificaat WPB', 'Aantal studenten'], ...rows])]);
}

let paneDemand: FakeSheet | null = null;

describe('the task pane per role', () => {
  it('HR (board) checks, sends the board need, and sees when it was sent and whether the sheet changed since', async () => {
    const state = staffSheet([
      ['4001', 'Anna Jansen', 'WPB', serial('2025-03-12'), 'ja', 2],
      ['4002', 'Bram de Wit', 'WPB', '', '', 1],
      ['4003', 'Cor Smit', 'WPB', '', '', 0],
    ]);
    const { page, close } = await openPane('boor', state, 'BOOR');
    try {
      await expect(page.getByTestId('role').textContent()).resolves.toBe('Rol: bestuur BOOR (HR BOOR)');
      // A board sees the check only: no tabs, no demand, register or overview.
      expect(await tabs(page)).toEqual([]);
      await expect(page.getByRole('button', { name: 'Trainersvraag maken' }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: 'Registreer deelname' }).count()).resolves.toBe(0);

      await page.getByText('Kopregel gevonden op rij 1.').waitFor({ timeout: 30_000 });
      await page.getByLabel('Peildatum').fill(DATE);
      await page.getByRole('button', { name: 'Controleer' }).click();
      const send = page.getByRole('button', { name: 'Verstuur behoefte' });
      await send.waitFor({ timeout: 60_000 });
      await expect(page.getByTestId('last-submission').textContent()).resolves.toBe(`Voor ${YEAR} is nog geen behoefte verstuurd.`);
      await send.click();
      await page.getByText(`De behoefte van BOOR voor ${YEAR} is verstuurd (versie 1).`).waitFor({ timeout: 30_000 });
      await expect(page.getByTestId('last-submission').textContent()).resolves.toMatch(
        /^Laatst verstuurd op \d{2}-\d{2}-\d{4} \d{2}:\d{2} \(versie 1\); het blad is sindsdien ongewijzigd\.$/,
      );

      // The pabo now reads BOOR's need: the two WPBs without training.
      const needs = await api.client('pabo').getNeeds(YEAR);
      expect(needs.boards.BOOR?.needs.WPB?.initial).toBe(2);
      expect(needs.boards.BOOR?.keyFigures?.studentsPlaced).toBe(3);
      // The workbook remembers the submission (time, version, fingerprint).
      const remembered = (await workbook(page)).settings[ADDIN_ID]!['bosspo.submissions'] as Record<string, { version: number; hash: string }>;
      expect(remembered[`${YEAR}|boor`]).toMatchObject({ version: 1, hash: expect.stringMatching(/^[0-9a-f]{16}$/) });

      // The summary sheet, for the README's picture.
      await page.getByRole('button', { name: 'Samenvatting maken' }).click();
      await page.getByText(`Het blad 'Scholingsbehoefte ${YEAR}' is geschreven.`).waitFor({ timeout: 30_000 });
      await picture((await workbook(page)).sheets.find((s) => s.name === `Scholingsbehoefte ${YEAR}`)!, 'sheet-scholingsbehoefte.png');

      // Anna's training date is removed from the sheet: the next check says the sheet changed since.
      await page.evaluate(() => {
        const s = (window as unknown as { __fakeExcel: { state: FakeWorkbookState } }).__fakeExcel.state.sheets.find((x) => x.name === 'Personeel')!;
        s.values[1]![3] = '';
      });
      await page.getByRole('button', { name: 'Controleer' }).click();
      await page.getByText('3 rijen gecontroleerd', { exact: false }).waitFor({ timeout: 60_000 });
      await expect(page.getByTestId('last-submission').textContent()).resolves.toMatch(/\(versie 1\); het blad is sindsdien gewijzigd\.$/);
      await shoot(page, 'pane-hr-submit.png');
    } finally {
      await close();
    }
  }, 150_000);

  it('every view of the pabo (the most views) fits 320–450 px without horizontal scrolling', async () => {
    const { page, close } = await openPane('pabo', workbookState([emptySheet('Blad1')]));
    try {
      const views: [tab: string, button: string][] = [['Controle', 'Controleer'], ['Trainersvraag', 'Trainersvraag maken'], ['Register', 'Registreer deelname'], ['Overzicht', 'Overzicht maken']];
      for (const [tab, button] of views) {
        await page.getByRole('tab', { name: tab }).click();
        await page.getByRole('button', { name: button }).waitFor({ timeout: 30_000 });
        await expectFits(page, `pabo-${tab.toLowerCase()}`);
      }
    } finally {
      await close();
    }
  }, 120_000);

  it('pabo writes Trainersvraag: 9 and 7 WPB make 16 people in 1 group, with a native chart; SIKO has not submitted', async () => {
    const { page, close } = await openPane('pabo', workbookState([emptySheet('Blad1')]));
    try {
      expect(await tabs(page)).toEqual(['Controle', 'Trainersvraag', 'Register', 'Overzicht']);
      await page.getByRole('tab', { name: 'Trainersvraag' }).click();
      await page.getByLabel('Schooljaar').fill(NEXT);
      await page.getByRole('button', { name: 'Trainersvraag maken' }).click();
      await page.getByText(`Het blad 'Trainersvraag ${NEXT}' is geschreven.`).waitFor({ timeout: 30_000 });
      const result = (await page.getByTestId('demand-result').textContent()) ?? '';
      expect(result).toContain('2 van 3 besturen hebben hun behoefte ingediend.');
      expect(result).toContain('Nog niet ingediend: SIKO.');
      expect(result).toContain('WPB: 16 deelnemers, 1 groep, 18 trainersuren');
      await shoot(page, 'pane-pabo-demand.png');

      const after = await workbook(page);
      const sheet = after.sheets.find((s) => s.name === `Trainersvraag ${NEXT}`)!;
      expect(after.active).toBe(sheet.name);
      const rows = rowsOf(sheet);
      expect(rows).toContainEqual(['Scholing', 'BOOR', 'Wijzer', 'Samen']);
      expect(rows).toContainEqual([WPB_NAME, 9, 7, 16]);
      // Combined from the summed count: 1 group of 16, 6 sessions, 18 trainer hours (not 2 groups).
      expect(rows).toContainEqual([WPB_NAME, 16, 16, 1, 6, 18, 'trainers']);
      expect(rows).toContainEqual(['SIKO', 'nog niet ingediend']);
      // The WPB groups are split over an autumn and a spring round.
      expect(rows.some((r) => typeof r[0] === 'string' && /najaar/i.test(r[0]) && r[1] === 1)).toBe(true);
      expect(sheet.charts).toHaveLength(1);
      expect(sheet.charts[0]).toMatchObject({ type: 'ColumnClustered', title: 'Nog te scholen per scholing en bestuur' });
      paneDemand = sheet;
      await picture(sheet, 'sheet-trainersvraag.png');
    } finally {
      await close();
    }
  }, 120_000);

  it('npm run demand against the same host writes the same cells as the pane', async () => {
    expect(paneDemand, 'the pabo test wrote the sheet first').not.toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'roles-demand-'));
    try {
      const out = join(dir, 'vraag.xlsx');
      let err = '';
      const code = await demandMain(['--api', api.url, '--year', NEXT, '--out', out], {
        stdout: () => undefined,
        stderr: (t) => void (err += t),
        env: { BOSSPO_API_KEY: TEST_KEYS.pabo },
      });
      expect(err).toBe('');
      expect(code).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet(`Trainersvraag ${NEXT}`)!;
      const cli: Record<string, FakeValue> = {};
      ws.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          const v = cell.value;
          cli[`${r},${c}`] = v instanceof Date ? serial(v.toISOString().slice(0, 10)) : (v as FakeValue);
        }),
      );
      const fromPane: Record<string, FakeValue> = {};
      paneDemand!.values.forEach((row, r) => row.forEach((v, c) => v !== '' && (fromPane[`${r + 1},${c + 1}`] = v)));
      expect(cli).toEqual(fromPane);
      expect(Object.values(cli)).toContain(16);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('stuurgroep writes the overview with charts, and sees neither the demand nor the register', async () => {
    const { page, close } = await openPane('stuurgroep', workbookState([emptySheet('Blad1')]));
    try {
      await expect(page.getByTestId('role').textContent()).resolves.toBe('Rol: stuurgroep (Stuurgroep)');
      expect(await tabs(page)).toEqual(['Overzicht', 'Controle']);
      await page.getByLabel('Schooljaar').fill(NEXT);
      await page.getByRole('button', { name: 'Overzicht maken' }).click();
      await page.getByText(`Het blad 'Overzicht OS Boss po ${NEXT}' is geschreven.`).waitFor({ timeout: 30_000 });
      // The trend years that hold data (2025-2026 and NEXT seeded here; 2026-2027 when HR sent it first).
      const stored = (await Promise.all(trendYears(NEXT).map((y) => api.client('stuurgroep').getNeeds(y)))).filter((a) => Object.keys(a.boards).length > 0);
      expect(stored.length).toBeGreaterThanOrEqual(2);
      await expect(page.getByTestId('overview-result').textContent()).resolves.toMatch(new RegExp(`^2 besturen, ${stored.length} schooljaren met gegevens, \\d+ grafieken\\.$`));
      await shoot(page, 'pane-stuurgroep-overview.png');

      const sheet = (await workbook(page)).sheets.find((s) => s.name === `Overzicht OS Boss po ${NEXT}`)!;
      const texts = sheet.values.flat().filter((v): v is string => typeof v === 'string');
      expect(texts).toEqual(expect.arrayContaining(['BOOR', 'Wijzer', '2025-2026', NEXT]));
      // Students with a certified mentor: 24 + 18 of 30 + 18, per board and combined.
      expect(rowsOf(sheet).some((r) => r.includes(24) && r.includes(18) && r.includes(42))).toBe(true);
      expect(sheet.charts.length).toBeGreaterThanOrEqual(2);
      for (const chart of sheet.charts) expect(chart.title).not.toBe('');
      await picture(sheet, 'sheet-overzicht.png');
    } finally {
      await close();
    }
  }, 120_000);

  it('Stagebureau (pabo) registers an attendance sheet, and BOOR\'s next check shows the register date in Toelichting', async () => {
    const attendance = workbookState([
      emptySheet('Deelname', [
        ['Bestuur', 'Personeelsnummer', 'Naam', 'Scholing', 'Datum', 'Certificaat'],
        ['BOOR', '5001', 'Dirk Visser', 'WPB', serial('2024-05-15'), 'ja'],
        ['BOOR', '5002', 'Eva Bos', 'WPB', serial('2023-01-10'), 'ja'],
        ['BOOR', '5003', 'Fien Mol', 'WPB', 'gepland', ''],
      ]),
    ]);
    const pabo = await openPane('pabo', attendance);
    try {
      await pabo.page.getByRole('tab', { name: 'Register' }).click();
      await pabo.page.getByRole('button', { name: 'Registreer deelname' }).click();
      await pabo.page.getByTestId('register-counts').waitFor({ timeout: 30_000 });
      await expect(pabo.page.getByTestId('register-counts').textContent()).resolves.toBe('Nieuw: 2 · Bijgewerkt: 0 · Afgewezen: 0 · Niet verstuurd: 1');
      await expect(pabo.page.getByTestId('register-row-2').textContent()).resolves.toBe('2WPB2024-05-15nieuw');
      await expect(pabo.page.getByTestId('register-row-4').textContent()).resolves.toMatch(/^4niet verstuurd: E4: /);
      // The same sheet again: the records are updated, not doubled.
      await pabo.page.getByRole('button', { name: 'Registreer deelname' }).click();
      await pabo.page.getByText('Nieuw: 0 · Bijgewerkt: 2 · Afgewezen: 0 · Niet verstuurd: 1').waitFor({ timeout: 30_000 });
      await shoot(pabo.page, 'pane-stagebureau-register.png');
    } finally {
      await pabo.close();
    }
    const records = await api.client('pabo').listAllRegister('BOOR');
    expect(records.map((r) => `${r.personId} ${r.training} ${r.date}`).sort()).toEqual(['5001 WPB 2024-05-15', '5002 WPB 2023-01-10']);
    expect(JSON.stringify(records)).not.toMatch(/Dirk|Visser|Eva|Bos/);

    // BOOR's sheet has no WPB date for 5001; the register's 15-05-2024 makes a refresher due in 2027.
    const hr = await openPane('boor', staffSheet([['5001', 'Dirk Visser', 'WPB', '', '', 1]]), 'BOOR');
    try {
      await hr.page.getByText('Kopregel gevonden op rij 1.').waitFor({ timeout: 30_000 });
      await hr.page.getByLabel('Peildatum').fill(DATE);
      await hr.page.getByRole('button', { name: 'Controleer' }).click();
      await hr.page.getByText('1 rijen gecontroleerd', { exact: false }).waitFor({ timeout: 60_000 });
      const sheet = (await workbook(hr.page)).sheets.find((s) => s.name === 'Personeel')!;
      const header = sheet.values[0]!;
      const at = (name: string) => getValue(sheet, 1, header.indexOf(name));
      expect(at('Toelichting')).toMatch(/15-05-2024, volgens het centrale register/);
      expect(at('OS-status')).toBe('Actie nodig');
      expect(at('Opfrissen vóór')).toBe(serial('2027-05-15'));
      // The user's own cell stays empty: register records never change a user's cell.
      expect(at('Scholing werkplekbegeleiders')).toBe('');
    } finally {
      await hr.close();
    }
  }, 180_000);

  it('pabo erases a person (AVG) after confirming, and only that person', async () => {
    const { page, close } = await openPane('pabo', workbookState([emptySheet('Blad1')]));
    try {
      await page.getByRole('tab', { name: 'Register' }).click();
      const erasePart = page.getByRole('region', { name: 'Persoon wissen (AVG)' });
      await erasePart.getByLabel('Bestuur').fill('BOOR');
      await erasePart.getByLabel('Personeelsnummer').fill('5001');
      await page.getByRole('button', { name: 'Persoon wissen' }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.textContent()).resolves.toContain('personeelsnummer 5001 bij BOOR');
      // Cancelling erases nothing.
      await dialog.getByRole('button', { name: 'Annuleren' }).click();
      expect((await api.client('pabo').listAllRegister('BOOR', { personId: '5001' })).length).toBe(1);
      await page.getByRole('button', { name: 'Persoon wissen' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Wissen' }).click();
      await page.getByText('1 registratie gewist.').waitFor({ timeout: 30_000 });
    } finally {
      await close();
    }
    expect(await api.client('pabo').listAllRegister('BOOR', { personId: '5001' })).toEqual([]);
    expect((await api.client('pabo').listAllRegister('BOOR')).map((r) => r.personId)).toEqual(['5002']);
  }, 120_000);
});
