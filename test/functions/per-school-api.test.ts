// rules.md §5.4 through the API (interfaces.md §3): POST /api/evaluate answers `summary.perSchool`, over
// real HTTP with a real Azurite; a check through the API (the CLI's --api) gives the same perSchool as
// in-process and sends no names.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiEvaluator } from '../../shared/api/evaluator';
import { apiClient } from '../../cli/api';
import { checkWorkbook } from '../../shared/check';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { openWorkbook } from '../../xlsx/load';
import { bytesOf, d } from '../fixtures/workbooks';
import { startTestApi, TEST_KEYS, type TestApi } from '../support/api-server';
import { send } from './http';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

const R = '2026-11-28';
const none = { 'Geen OS-rol': 0, 'Niet in orde': 0, 'Actie nodig': 0, 'Gegevens controleren': 0, 'In orde': 0 };

describe('POST /api/evaluate: summary.perSchool', () => {
  const people = [
    { ref: '2', school: '12AB', roles: ['WPB'], trainings: { WPB: '2025-03-12' }, certificates: { WPB: true }, students: 1 },
    { ref: '3', school: ' 12ab', roles: ['WPB'], students: 1 },
    { ref: '4', school: 'Het Anker', roles: ['SO'], trainings: { SOIO: '2024-01-10' } },
    { ref: '5', school: 'het anker ', roles: ['TRAINER'] },
    { ref: '6', school: 'Het Anker', roles: [] },
    { ref: '7', school: '', roles: ['WPB'], trainings: { WPB: 'done' }, certificates: { WPB: true } },
    { ref: '8', roles: ['WPB'] },
  ];
  const fields = ['school', 'training.WPB', 'certificate.WPB', 'training.SOIO', 'training.TRAINER', 'students'];

  it('answers it letter by letter as interfaces.md §2 writes it', async () => {
    const r = await send(api.url, 'POST', '/api/evaluate', { who: 'boor', body: { referenceDate: R, fields, people, register: false } });
    expect(r.status).toBe(200);
    const summary = (r.json as { summary: Record<string, unknown> }).summary;
    expect(summary.perSchool).toEqual([
      { school: '12AB', people: 2, statuses: { ...none, 'Niet in orde': 1, 'In orde': 1 }, needs: { WPB: 1 }, dueSoon: 0 },
      { school: 'Het Anker', people: 2, statuses: { ...none, 'Actie nodig': 1, 'In orde': 1 }, needs: { TRAINER: 1, REFRESH: 1 }, dueSoon: 1 },
      { school: null, people: 2, statuses: { ...none, 'Actie nodig': 1, 'Gegevens controleren': 1 }, needs: { WPB: 1 }, dueSoon: 0 },
    ]);
    // The raw text has the key exactly so, once.
    expect(r.text.match(/"perSchool":/g)).toHaveLength(1);
  });

  it('is null when the sheet has no school column, whatever the people carry', async () => {
    const r = await send(api.url, 'POST', '/api/evaluate', {
      who: 'boor',
      body: { referenceDate: R, fields: fields.filter((f) => f !== 'school'), people, register: false },
    });
    expect(r.status).toBe(200);
    expect((r.json as { summary: { perSchool: unknown } }).summary.perSchool).toBeNull();
  });
});

describe('a check through the API', () => {
  it('gives the same perSchool and Per school sheet as in-process, and sends no names', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Personeel').addRows([
      ['Naam', 'School', 'Rol', 'Scholing WPB', 'Certificaat WPB', 'Aantal studenten'],
      ['Anna Jansen', 'De Kameleon', 'WPB', d(2024, 1, 15), 'ja', 1],
      ['Bram de Wit', 'de kameleon', 'WPB', null, null, 1],
      ['Cor Smit', null, 'WPB', d(2025, 3, 12), 'ja', 0],
    ]);
    wb.addWorksheet('Invallers').addRows([['Naam', 'Rol', 'Scholing WPB'], ['Dilan Kaya', 'WPB', null]]);
    const opened = await openWorkbook(await bytesOf(wb));
    const input = { file: 'werkmap.xlsx', sheets: opened.sheets, date1904: false };
    const options = { plan: bossPoPlan, referenceDate: R, planningYear: '2026-2027' } as const;

    const bodies: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (url, init) => {
      if (typeof init?.body === 'string') bodies.push(init.body);
      return realFetch(url, init);
    };
    try {
      const remote = await checkWorkbook(input, { ...options, evaluate: apiEvaluator(apiClient(api.url, TEST_KEYS.boor)) });
      const local = await checkWorkbook(input, options);
      expect(remote.report.summary.perSchool).toEqual(local.report.summary.perSchool);
      expect(remote.report.summary.perSchool!.map((e) => [e.school, e.people, e.dueSoon])).toEqual([
        ['De Kameleon', 2, 1],
        [null, 2, 0],
      ]);
      expect(remote.workbooks[0]!.writePlan!.reportSheets).toEqual(local.workbooks[0]!.writePlan!.reportSheets);
      expect(remote.workbooks[0]!.writePlan!.reportSheets.map((s) => s.name)).toEqual(['Scholingsbehoefte 2026-2027', 'Per school 2026-2027']);
      expect(JSON.stringify(remote.workbooks[0]!.writePlan!.reportSheets[1])).toContain('Bram de Wit');
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(bodies).toHaveLength(2);
    for (const body of bodies) for (const name of ['Anna', 'Jansen', 'Bram', 'de Wit', 'Smit', 'Dilan', 'Kaya']) expect(body).not.toContain(name);
  });
});
