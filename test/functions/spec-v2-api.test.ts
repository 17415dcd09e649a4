// Spec v2 through the real function app (local host + Azurite): exemptions travel as
// `{"exempt": {"date": …}}` without their reason, yet the CLI with --api, browser mode and the task pane
// give the same results and the same Toelichting as in-process; register REFRESH records (an
// opfrisbijeenkomst) count as lastRefresher for a board's check through the API (rules.md §4.12, §4.13).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../addin/src/browser/check-file';
import { evaluatorFor, checkSheet, localEvaluator, readStaffSheet } from '../../addin/src/pipeline';
import { main } from '../../cli/check';
import { ReportSchema, type Report } from '../../shared/check';
import { demandSheet } from '../../shared/report/trainer-demand-sheet';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { openWorkbook } from '../../xlsx/load';
import { d, save, tempDir } from '../fixtures/workbooks';
import { startTestApi, TEST_KEYS, type TestApi } from '../support/api-server';
import { expectProblem, send } from './http';

const DATE = ['--date', '2026-11-28'];
const R = '2026-11-28';
const YEAR = '2026-2027';

let api: TestApi;
let dir: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  api = await startTestApi();
  dir = await tempDir();
}, 120_000);
afterAll(async () => {
  await api?.stop();
  await dir?.cleanup();
});

const HEADERS = ['Personeelsnummer', 'Naam', 'Rol', 'Scholing WPB', 'Certificaat WPB', 'Scholing OB', 'Aantal studenten', 'Toegekende uren', 'Laatste opfrisbijeenkomst'];

function exemptionsWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Personeel');
  ws.addRow(HEADERS);
  ws.addRow([301, 'Anna Voorbeeld', 'WPB', 'Vrijgesteld: mentorcursus Inholland 2022', null, null, 2, '-', null]);
  ws.addRow([302, 'Bram Voorbeeld', 'WPB', 'vrijstelling', 'nee', null, 1, 'nvt', null]);
  ws.addRow([303, 'Cor Voorbeeld', 'WPB, OB', d(2025, 3, 12), 'ja', 'Vrijgesteld (eerdere scholing 14-12-2024)', 'geen', 40, null]);
  ws.addRow([304, 'Dina Voorbeeld', 'WPB', d(2022, 6, 1), 'ja', null, 2, 40, d(2023, 5, 1)]);
  ws.addRow([305, 'Eef Voorbeeld', 'WPB', d(2022, 6, 1), 'ja', null, 2, 40, d(2023, 5, 1)]);
  ws.addRow([306, 'Fien Voorbeeld', 'Schoolleider', 'VRIJSTELLING - elders geschoold', null, null, null, null, 'vrijgesteld']);
  return wb;
}

async function cli(argv: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
  return { code, stdout, stderr };
}

async function toelichting(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('Personeel')!;
  const header = ws.getRow(1).values as unknown[];
  const col = header.indexOf('Toelichting');
  const out: string[] = [];
  for (let r = 2; r <= 7; r++) out.push(String(ws.getRow(r).getCell(col).value ?? ''));
  return out;
}

describe('exemptions on the wire (interfaces.md §3)', () => {
  const person = (trainings: unknown, extra: Record<string, unknown> = {}) => ({
    referenceDate: R,
    fields: ['training.WPB', 'certificate.WPB', 'lastRefresher'],
    people: [{ ref: '2', roles: ['WPB'], trainings, certificates: { WPB: false }, ...extra }],
    register: false,
  });

  it('accepts {"exempt": {"date": …}} and {"exempt": {"date": null}}: completed, no certificate, one EXEMPTION without a reason', async () => {
    const dated = await send(api.url, 'POST', '/api/evaluate', { who: 'boor', body: person({ WPB: { exempt: { date: '2025-01-01' } } }) });
    expect(dated.status).toBe(200);
    const p = (dated.json as { people: { status: string; refresherDue: string; findings: { code: string; training?: string; message: string }[] }[] }).people[0]!;
    expect(p.status).toBe('In orde');
    expect(p.refresherDue).toBe('2028-01-01');
    expect(p.findings.map((f) => `${f.code}(${f.training})`)).toEqual(['EXEMPTION(WPB)']);
    expect(p.findings[0]!.message).not.toContain('Reden');
    const undated = await send(api.url, 'POST', '/api/evaluate', { who: 'boor', body: person({ WPB: { exempt: { date: null } } }) });
    expect(undated.status).toBe(200);
    expect((undated.json as { people: { findings: { code: string }[] }[] }).people[0]!.findings.map((f) => f.code).sort()).toEqual(['DATE_UNKNOWN', 'EXEMPTION']);
  });

  it.each([
    ['a reason beside the date', { WPB: { exempt: { date: '2025-01-01', reason: 'mentorcursus' } } }, {}],
    ['an exemption without a date key', { WPB: { exempt: {} } }, {}],
    ['an extra key beside exempt', { WPB: { exempt: { date: null }, invalid: 'x' } }, {}],
    ['a date that does not exist', { WPB: { exempt: { date: '2025-02-30' } } }, {}],
    ['an exemption in lastRefresher', { WPB: null }, { lastRefresher: { exempt: { date: null } } }],
  ])('rejects %s with 400', async (_, trainings, extra) => {
    expectProblem(await send(api.url, 'POST', '/api/evaluate', { who: 'boor', body: person(trainings, extra) }), 400);
  });
});

describe('the same result and Toelichting in-process and through the API', () => {
  it('CLI: --api gives the same report and a byte-identical workbook, reasons included, and sends none', async () => {
    const input = await save(exemptionsWorkbook(), join(dir.dir, 'vrijstellingen.xlsx'));
    const env = { BOSSPO_API_KEY: TEST_KEYS.boor };
    const local = await cli([input, ...DATE, '--board', 'BOOR', '--json']);
    const remote = await cli([input, ...DATE, '--board', 'BOOR', '--json', '--api', api.url], env);
    expect(remote.code, remote.stderr).toBe(0);
    const report: Report = ReportSchema.parse(JSON.parse(local.stdout));
    expect(JSON.parse(remote.stdout)).toEqual(report);
    const exemption = report.sheets[0]!.people.flatMap((p) => p.findings).filter((f) => f.code === 'EXEMPTION');
    expect(exemption.map((f) => [f.training, f.cell])).toEqual([['WPB', 'D2'], ['WPB', 'D3'], ['OB', 'F4'], ['WPB', 'D7']]);
    expect(exemption[0]!.message).toContain('Reden: mentorcursus Inholland 2022');
    expect(exemption[2]!.message).toContain('Reden: eerdere scholing 14-12-2024');
    expect(report.summary.exemptions).toEqual({ WPB: 3, OB: 1 });
    // The row with a Schoolleider role: EXEMPTION, and "vrijgesteld" as a last refresher is no date.
    expect(report.sheets[0]!.people[5]!.findings.map((f) => [f.code, f.cell])).toEqual([['INVALID_DATE', 'I7'], ['EXEMPTION', 'D7']]);

    const localOut = join(dir.dir, 'lokaal.xlsx');
    const remoteOut = join(dir.dir, 'api.xlsx');
    expect((await cli([input, ...DATE, '--board', 'BOOR', '--out', localOut])).code).toBe(0);
    expect((await cli([input, ...DATE, '--board', 'BOOR', '--out', remoteOut, '--api', api.url], env)).code).toBe(0);
    expect(Buffer.compare(await readFile(localOut), await readFile(remoteOut))).toBe(0);
    const notes = await toelichting(remoteOut);
    expect(notes[0]).toContain('Cel D2: Vrijgesteld van Scholing werkplekbegeleiders');
    expect(notes[0]).toContain('Reden: mentorcursus Inholland 2022');
    expect(notes[1]).toContain('Cel D3: Vrijgesteld van');
    expect(notes[1]).not.toContain('Reden');

    const logs = api.logs.join('\n');
    for (const secret of ['mentorcursus', 'Inholland', 'eerdere scholing', 'Anna']) expect(logs).not.toContain(secret);
  });

  it('browser mode and the task pane: the same workbook and write plan with the API as with the bundled engine', async () => {
    const bytes = new Uint8Array(await readFile(await save(exemptionsWorkbook(), join(dir.dir, 'browser.xlsx'))));
    const options = { referenceDate: R, planningYear: YEAR as `${number}-${number}`, board: 'BOOR' };
    const remoteEvaluator = evaluatorFor({ baseUrl: api.url, apiKey: TEST_KEYS.boor });
    const local = await checkFile({ name: 'browser.xlsx', bytes }, options);
    const remote = await checkFile({ name: 'browser.xlsx', bytes }, { ...options, evaluate: remoteEvaluator });
    expect(Buffer.compare(Buffer.from(remote.output), Buffer.from(local.output))).toBe(0);
    expect(remote.report).toEqual(local.report);

    const opened = await openWorkbook(bytes);
    const read = readStaffSheet({ grid: opened.sheets[0]!.grid, sheet: 'Personeel', date1904: opened.date1904, board: 'BOOR', overrides: {} });
    const pane = await checkSheet(read, { referenceDate: R, planningYear: options.planningYear, evaluate: localEvaluator });
    const paneApi = await checkSheet(read, { referenceDate: R, planningYear: options.planningYear, evaluate: remoteEvaluator });
    expect(paneApi.writePlan).toEqual(pane.writePlan);
    expect(paneApi.summary.exemptions).toEqual({ WPB: 3, OB: 1 });
    const notes = pane.writePlan.sheets[0]!.columns.find((c) => c.header === 'Toelichting')!.values;
    expect(notes[0]).toMatchObject({ kind: 'text' });
    expect((notes[0] as { text: string }).text).toContain('Reden: mentorcursus Inholland 2022');
  });
});

describe('exemption counts travel with the submitted need (rules.md §5.3)', () => {
  it('--submit stores summary.exemptions; GET /api/needs gives them to the Trainersvraag', async () => {
    const input = await save(exemptionsWorkbook(), join(dir.dir, 'indienen.xlsx'));
    const r = await cli([input, ...DATE, '--board', 'BOOR', '--api', api.url, '--submit'], { BOSSPO_API_KEY: TEST_KEYS.boor });
    expect(r.code, r.stderr).toBe(0);
    const all = await api.client('pabo').getNeeds(YEAR);
    expect(all.boards.BOOR!.exemptions).toEqual({ WPB: 3, OB: 1 });
    const sheet = demandSheet(bossPoPlan, all);
    const wpb = sheet.cells.filter((c) => c.value.kind === 'text' && c.value.text.startsWith('Scholing werkplekbegeleiders'));
    // The need table, the exemption table and the groups table each have a WPB row; the exemption row says 3.
    const exemptionRow = wpb[1]!.row;
    expect(sheet.cells.filter((c) => c.row === exemptionRow && c.value.kind === 'number').map((c) => (c.value as { number: number }).number)).toEqual([3, 3]);
  });
});

describe('register REFRESH records through the API (rules.md §4.12)', () => {
  it('a board\'s check takes the latest register REFRESH date as lastRefresher and says so in Toelichting', async () => {
    const stored = await api.client('pabo').putRegister('BOOR', [
      // 304: newer than the sheet's 01-05-2023; 305: older, so the sheet's date stays the basis.
      { personId: '304', training: 'REFRESH', date: '2024-02-10' },
      { personId: '304', training: 'REFRESH', date: '2023-09-01' },
      { personId: '305', training: 'REFRESH', date: '2023-01-15' },
    ]);
    expect(stored).toMatchObject({ created: 3, rejected: 0 });
    expect((await api.client('boor').listRegister('BOOR', { personId: '304' })).records.map((r) => r.training)).toEqual(['REFRESH', 'REFRESH']);

    const input = await save(exemptionsWorkbook(), join(dir.dir, 'register.xlsx'));
    const out = join(dir.dir, 'register.gecontroleerd.xlsx');
    const env = { BOSSPO_API_KEY: TEST_KEYS.boor };
    const r = await cli([input, ...DATE, '--board', 'BOOR', '--json', '--out', out, '--api', api.url], env);
    expect(r.code, r.stderr).toBe(0);
    const people = ReportSchema.parse(JSON.parse(r.stdout)).sheets[0]!.people;
    const newer = people.find((p) => p.personId === '304')!;
    expect(newer.refresherDue).toBe('2027-02-10');
    expect(newer.dueSoon).toBe('2027-02-10');
    expect(newer.findings.map((f) => f.code)).toEqual(['REFRESHER_DUE']);
    expect(newer.findings[0]!.message).toContain('10-02-2024, volgens het centrale register');
    const older = people.find((p) => p.personId === '305')!;
    expect(older.refresherDue).toBe('2026-05-01');
    expect(older.findings[0]!.message).not.toContain('register');

    const notes = await toelichting(out);
    expect(notes[3]).toContain('volgens het centrale register');
    expect(notes[4]).not.toContain('register');

    // In-process there is no register: the sheet's own date is the basis.
    const local = ReportSchema.parse(JSON.parse((await cli([input, ...DATE, '--board', 'BOOR', '--json'])).stdout));
    expect(local.sheets[0]!.people.find((p) => p.personId === '304')!.refresherDue).toBe('2026-05-01');
  });

  it('counts on a sheet without a lastRefresher column', async () => {
    await api.client('pabo').putRegister('BOOR', [{ personId: '401', training: 'REFRESH', date: '2026-10-01' }]);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Personeel');
    ws.addRow(['Personeelsnummer', 'Rol', 'Scholing WPB', 'Certificaat WPB']);
    ws.addRow([401, 'WPB', d(2024, 1, 1), 'ja']);
    ws.addRow([402, 'WPB', d(2024, 1, 1), 'ja']);
    const input = await save(wb, join(dir.dir, 'zonder-opfris.xlsx'));
    const r = await cli([input, ...DATE, '--board', 'BOOR', '--json', '--api', api.url], { BOSSPO_API_KEY: TEST_KEYS.boor });
    expect(r.code, r.stderr).toBe(0);
    const people = ReportSchema.parse(JSON.parse(r.stdout)).sheets[0]!.people;
    // Worked example 20: In orde, refresherDue 2029-10-01 from the register's REFRESH date.
    expect(people[0]).toMatchObject({ status: 'In orde', refresherDue: '2029-10-01', findings: [] });
    expect(people[1]).toMatchObject({ status: 'Actie nodig', refresherDue: '2027-01-01', dueSoon: '2027-01-01' });
    expect(people[1]!.findings.map((f) => f.code)).toEqual(['REFRESHER_DUE']);
  });
});
