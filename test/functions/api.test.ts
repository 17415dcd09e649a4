// The function app over real HTTP with a real Azurite: every route with every role, needs, register,
// evaluate with the register, CORS, and a request log without bodies or names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person, PersonInput, RuleField } from '../../shared/model/person';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { evaluateSheet } from '../../shared/rules/evaluate';
import { summarize } from '../../shared/summary/summarize';
import { ApiError } from '../../shared/api/client';
import { startTestApi, TEST_KEYS, type TestApi, type TestCaller } from '../support/api-server';
import { expectProblem, send } from './http';

let api: TestApi;
beforeAll(async () => {
  // Known boards: these and the boards of the test keys (BOOR, Wijzer).
  api = await startTestApi({ env: { BOSSPO_BOARDS: JSON.stringify(['OZHW', 'Primo Schiedam', 'SIKO', ODD_BOARD]) } });
});
afterAll(async () => {
  await api?.stop();
});

const ODD_BOARD = `A/B\\C#D?E'F "G" % 100`;
const YEAR = '2026-2027';
const NEED = { needs: { WPB: { initial: 3 } } };
const RECORD = { personId: 'M-1', training: 'WPB', date: '2025-03-12', certificate: true };
const EVALUATE = { referenceDate: '2026-11-28', fields: ['training.WPB'], people: [{ ref: '2', roles: ['WPB'] }] };

type Who = TestCaller | 'none' | 'wrong';
const WHO: Who[] = ['none', 'wrong', 'boor', 'wijzer', 'pabo', 'stuurgroep'];

// Expected status per caller for each route (the target board is BOOR): interfaces.md §3's "who" column.
const MATRIX: { method: string; path: string; body?: unknown; allowed: TestCaller[]; ok: number[] }[] = [
  { method: 'GET', path: '/api/plan', allowed: ['boor', 'wijzer', 'pabo', 'stuurgroep'], ok: [200] },
  { method: 'POST', path: '/api/evaluate', body: EVALUATE, allowed: ['boor', 'wijzer', 'pabo', 'stuurgroep'], ok: [200] },
  { method: 'PUT', path: `/api/needs/${YEAR}/BOOR`, body: NEED, allowed: ['boor', 'pabo'], ok: [200, 201] },
  { method: 'GET', path: `/api/needs/${YEAR}/BOOR`, allowed: ['boor', 'pabo'], ok: [200] },
  { method: 'GET', path: `/api/needs/${YEAR}`, allowed: ['pabo', 'stuurgroep'], ok: [200] },
  { method: 'PUT', path: '/api/register/BOOR/records', body: { records: [RECORD] }, allowed: ['pabo'], ok: [200] },
  { method: 'GET', path: '/api/register/BOOR/records', allowed: ['boor', 'pabo'], ok: [200] },
  { method: 'DELETE', path: '/api/register/BOOR/people/M-1', allowed: ['pabo'], ok: [200] },
];

describe('every route with every role', () => {
  it('health answers anyone', async () => {
    for (const who of WHO) {
      const r = await send(api.url, 'GET', '/api/health', who === 'wrong' ? { key: 'nope' } : who === 'none' ? {} : { who });
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ status: 'ok' });
    }
  });

  for (const route of MATRIX)
    it(`${route.method} ${route.path}: ${route.allowed.join(', ')} allowed; no key or a wrong key 401; others 403`, async () => {
      for (const who of WHO) {
        const options = who === 'none' ? {} : who === 'wrong' ? { key: 'not-a-key' } : { who };
        const r = await send(api.url, route.method, route.path, { ...options, body: route.body });
        if (who === 'none' || who === 'wrong') expectProblem(r, 401);
        else if (route.allowed.includes(who)) expect(route.ok, `${who}: ${r.text}`).toContain(r.status);
        else expectProblem(r, 403);
      }
    });

  it('a board cannot write or read another board: Wijzer on BOOR', async () => {
    expectProblem(await send(api.url, 'PUT', `/api/needs/${YEAR}/BOOR`, { who: 'wijzer', body: NEED }), 403);
    expectProblem(await send(api.url, 'GET', `/api/needs/${YEAR}/BOOR`, { who: 'wijzer' }), 403);
    expectProblem(await send(api.url, 'GET', '/api/register/BOOR/records', { who: 'wijzer' }), 403);
    // A board's own name in another spelling is still its own board.
    expect((await send(api.url, 'GET', '/api/register/%20boor%20/records', { who: 'boor' })).status).toBe(200);
  });
});

describe('needs', () => {
  it('combines from summed counts: 9 + 7 WPB make 16 people in 1 group of 16, and lists who has not submitted', async () => {
    const boor = api.client('boor');
    const wijzer = api.client('wijzer');
    await boor.putNeeds('2030-2031', 'BOOR', { needs: { WPB: { initial: 9, groups: 1 }, OB: { initial: 2 } } });
    await wijzer.putNeeds('2030-2031', 'Wijzer', { needs: { WPB: { initial: 7, groups: 1 } } });
    const all = await api.client('stuurgroep').getNeeds('2030-2031');
    expect(all.schoolYear).toBe('2030-2031');
    expect(Object.keys(all.boards).sort()).toEqual(['BOOR', 'Wijzer']);
    expect(all.boards.BOOR!.needs.WPB).toEqual({ initial: 9, groups: 1 });
    expect(all.combined.needs.WPB).toMatchObject({ initial: 16, groups: 1, trainerHours: 18 });
    expect(all.combined.needs.OB).toMatchObject({ initial: 2, groups: 1 });
    expect(all.combined.pools.trainers).toMatchObject({ trainerHours: 18, perTrainer: 3.6 });
    expect(all.missing).toEqual([ODD_BOARD, 'OZHW', 'Primo Schiedam', 'SIKO']);
  });

  it('a PUT equal to the latest answers 200 and stores nothing; a changed one 201 with the next version', async () => {
    const boor = api.client('boor');
    const body = { needs: { SOIO: { initial: 4 } }, keyFigures: undefined, extra: 'ignored' } as never;
    const first = await boor.putNeeds('2031-2032', 'BOOR', body);
    expect(first).toMatchObject({ httpStatus: 201, version: 1, stored: true });
    const again = await boor.putNeeds('2031-2032', 'BOOR', { needs: { SOIO: { initial: 4 } } });
    expect(again).toMatchObject({ httpStatus: 200, version: 1, stored: false, submittedAt: first.submittedAt });
    const changed = await api.client('pabo').putNeeds('2031-2032', 'boor', { needs: { SOIO: { initial: 5 } } });
    expect(changed).toMatchObject({ httpStatus: 201, version: 2 });
    const own = await boor.getBoardNeeds('2031-2032', 'BOOR');
    expect(own.history.map((h) => h.version)).toEqual([1, 2]);
    expect(own.latest?.needs.SOIO).toEqual({ initial: 5 });
    expect(own.latest).not.toHaveProperty('extra');
  });

  it('bounds key figures like the other numbers: 1e308 is a 400 and stores nothing; a real summary\'s figures are stored', async () => {
    const figures = { studentsPlaced: 10, studentsWithCertifiedWpb: 9, wpbTrainedShare: 0.75, soioTrainedShare: 1, schoolsWithTrainedOb: 2, schools: 3, refreshersOverdue: 1, refreshersDue: 4 };
    const ok = await api.client('boor').putNeeds('2032-2033', 'BOOR', { needs: { WPB: { initial: 2 } }, keyFigures: figures });
    expect(ok).toMatchObject({ httpStatus: 201, version: 1 });
    for (const big of [{ studentsPlaced: 1e308 }, { refreshersDue: 1e7 }, { studentsWithCertifiedWpb: 1e10 }]) {
      const answer = await send(api.url, 'PUT', '/api/needs/2032-2033/BOOR', { who: 'boor', body: { needs: { WPB: { initial: 3 } }, keyFigures: { ...figures, ...big } } });
      expectProblem(answer, 400);
      expect((answer.json as { errors: { path: string }[] }).errors[0]!.path).toBe(`/keyFigures/${Object.keys(big)[0]}`);
    }
    expect((await api.client('boor').getBoardNeeds('2032-2033', 'BOOR')).history).toHaveLength(1);
  });

  it('stuurgroep reads combined needs but cannot write; a board cannot read the combined needs', async () => {
    await expect(api.client('stuurgroep').putNeeds(YEAR, 'BOOR', NEED)).rejects.toMatchObject({ status: 403 });
    await expect(api.client('boor').getNeeds(YEAR)).rejects.toMatchObject({ status: 403 });
    await expect(api.client('wijzer').getBoardNeeds(YEAR, 'BOOR')).rejects.toBeInstanceOf(ApiError);
  });
});

describe('register', () => {
  it('upserts, counts created, updated and rejected, and pages with continuation', async () => {
    const pabo = api.client('pabo');
    const records = Array.from({ length: 7 }, (_, i) => ({ personId: `P-${i}`, training: 'WPB' as const, date: '2024-09-01' }));
    const first = await pabo.putRegister('Primo Schiedam', [
      ...records,
      { personId: 'P-9', training: 'XYZ', date: '2024-09-01' } as never,
      { personId: 'P-9', training: 'OB', date: '2024-02-30' },
      { personId: 'P-9', training: 'OB', date: '2024-02-01', board: 'BOOR' },
    ]);
    expect(first).toMatchObject({ created: 7, updated: 0, rejected: 3 });
    expect(first.rejections.map((r) => r.index)).toEqual([7, 8, 9]);
    const second = await pabo.putRegister('Primo Schiedam', [{ ...records[0]!, certificate: true }, { personId: 'P-7', training: 'SOIO', date: '2023-01-05' }]);
    expect(second).toMatchObject({ created: 1, updated: 1, rejected: 0 });

    const seen: string[] = [];
    let continuation: string | undefined;
    let pages = 0;
    do {
      const page = await pabo.listRegister('primo schiedam', { pageSize: 3, continuation });
      expect(page.records.length).toBeLessThanOrEqual(3);
      seen.push(...page.records.map((r) => `${r.personId}/${r.training}`));
      continuation = page.continuation ?? undefined;
      pages++;
    } while (continuation);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(seen.sort()).toEqual([...records.map((r) => `${r.personId}/WPB`), 'P-7/SOIO'].sort());
    const one = await pabo.listRegister('Primo Schiedam', { personId: 'P-0' });
    expect(one.records).toEqual([{ personId: 'P-0', training: 'WPB', date: '2024-09-01', certificate: true, board: 'Primo Schiedam' }]);
  });

  it('erases one person (AVG) and leaves the others', async () => {
    const pabo = api.client('pabo');
    await pabo.putRegister('SIKO', [
      { personId: 'E-1', training: 'WPB', date: '2024-09-01' },
      { personId: 'E-1', training: 'OB', date: '2024-10-01' },
      { personId: 'E-10', training: 'OB', date: '2024-10-01' },
    ]);
    expect(await pabo.erasePerson('SIKO', 'E-1')).toEqual({ deleted: 2 });
    expect((await pabo.listAllRegister('SIKO')).map((r) => r.personId)).toEqual(['E-10']);
    expect(await pabo.erasePerson('SIKO', 'E-1')).toEqual({ deleted: 0 });
  });

  it('stores board names and person IDs with / \\ # ? quotes and query-like text verbatim', async () => {
    const pabo = api.client('pabo');
    const board = ODD_BOARD;
    const ids = [`a/b`, `c\\d`, `e#f`, `g?h`, `it's`, `"q"`, `' or PartitionKey ne '`, `1; DROP TABLE register;--`, `ë-ü 名前`];
    const put = await pabo.putRegister(board, ids.map((personId) => ({ personId, training: 'OB' as const, date: '2025-01-01' })));
    expect(put).toMatchObject({ created: ids.length, rejected: 0 });
    const back = await pabo.listAllRegister(board.toLowerCase());
    expect(back.map((r) => r.personId).sort()).toEqual([...ids].sort());
    expect(new Set(back.map((r) => r.board))).toEqual(new Set([board]));
    expect(await pabo.erasePerson(board, `' or PartitionKey ne '`)).toEqual({ deleted: 1 });
    expect((await pabo.listRegister(board, { personId: 'a/b' })).records).toHaveLength(1);
    // A query-like board name is no known board: 404, and no other board's data shows through.
    await expect(pabo.listAllRegister(`${ODD_BOARD}' or '1' eq '1`)).rejects.toMatchObject({ status: 404 });
  });
});

describe('evaluate', () => {
  const fields: RuleField[] = ['training.WPB', 'certificate.WPB', 'students'];
  const people: PersonInput[] = [
    { ref: '4', personId: 'R-1', board: 'BOOR', roles: ['WPB'], students: 1 },
    { ref: '5', personId: 'R-2', board: 'Wijzer', roles: ['WPB'], students: 1 },
    { ref: '6', personId: 'R-3', board: 'boor', roles: ['WPB'], students: 2, trainings: { WPB: '2025-03-12' }, certificates: { WPB: true } },
    { ref: '7', roles: [], unknownRoles: ['vertrouwenspersoon'] },
  ];

  it('gives the same results and summary as in-process evaluation (register off)', async () => {
    const request = { referenceDate: '2026-11-28', planningYear: '2026-2027', fields: [...fields], people, register: false };
    const answer = await api.client('boor').evaluate(request);
    const local = evaluateSheet(bossPoPlan, { fields: [...fields], people: people as Person[] }, {
      referenceDate: '2026-11-28',
      planningYear: '2026-2027',
    });
    expect(answer.people).toEqual(local.people);
    expect(answer.findings).toEqual(local.findings);
    expect(answer.summary).toEqual(summarize(bossPoPlan, [{ people: people as Person[], evaluation: local }], { planningYear: '2026-2027' }));
    expect(answer).toMatchObject({ referenceDate: '2026-11-28', planningYear: '2026-2027', plan: { id: bossPoPlan.id }, registerRecords: 0 });
  });

  it('applies stored register records of each person\'s board — for a board key only its own board', async () => {
    await api.client('pabo').putRegister('BOOR', [{ personId: 'R-1', training: 'WPB', date: '2025-03-12', certificate: true }]);
    await api.client('pabo').putRegister('Wijzer', [{ personId: 'R-2', training: 'WPB', date: '2025-04-01', certificate: true }]);
    const request = { referenceDate: '2026-11-28', fields: [...fields], people };
    const status = (a: { people: { ref: string; status: string }[] }) => Object.fromEntries(a.people.map((p) => [p.ref, p.status]));

    const asBoor = await api.client('boor').evaluate(request);
    expect(status(asBoor)).toMatchObject({ '4': 'In orde', '5': 'Niet in orde', '6': 'In orde' });
    expect(asBoor.registerRecords).toBe(1);
    expect(asBoor.people[0]!.refresherDue).toBe('2028-03-12');

    const asPabo = await api.client('pabo').evaluate(request);
    expect(status(asPabo)).toMatchObject({ '4': 'In orde', '5': 'In orde' });
    expect(asPabo.registerRecords).toBe(2);

    const without = await api.client('boor').evaluate({ ...request, register: false });
    expect(status(without)).toMatchObject({ '4': 'Niet in orde', '5': 'Niet in orde' });
    expect(without.registerRecords).toBe(0);
  });

  it('accepts the person keys in fields, as in the spec\'s example request, and they change nothing', async () => {
    const example = {
      referenceDate: '2026-11-28',
      planningYear: '2026-2027',
      fields: ['roles', 'training.WPB', 'certificate.WPB', 'students', 'school'],
      people: [
        { ref: '4', personId: '10234', board: 'BOOR', school: 'De Kameleon', roles: ['WPB', 'OBP'], unknownRoles: ['vertrouwenspersoon'],
          trainings: { WPB: '2025-03-12', OB: 'done', SOIO: { invalid: 'gepland' } }, certificates: { WPB: true },
          lastRefresher: '2024-01-10', roleStart: null, velonRegistration: null, students: 2, graduates: null, secondAssessments: null,
          hoursGranted: 40, meetings: null, pairedWith: false, coach: true },
      ],
      register: false,
    };
    const withKeys = await send(api.url, 'POST', '/api/evaluate', { who: 'boor', body: { ...example, fields: [...example.fields, 'unknownRoles', 'personId', 'board', 'name'] } });
    expect(withKeys.status, withKeys.text).toBe(200);
    const ruleOnly = await send(api.url, 'POST', '/api/evaluate', { who: 'boor', body: { ...example, fields: example.fields.filter((f) => f !== 'roles') } });
    expect(ruleOnly.status).toBe(200);
    expect(withKeys.json).toEqual(ruleOnly.json);
    // Other unknown names stay a 400, and a person never has a name key.
    expectProblem(await send(api.url, 'POST', '/api/evaluate', { who: 'boor', body: { ...example, fields: ['firstName'] } }), 400);
    expectProblem(await send(api.url, 'POST', '/api/evaluate', { who: 'boor', body: { ...example, people: [{ ref: '1', name: 'x' }] } }), 400);
  });

  it('defaults the reference date to today and the planning year to its school year', async () => {
    const answer = await api.client('stuurgroep').evaluate({ fields: [], people: [] });
    expect(answer.referenceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const y = Number(answer.referenceDate.slice(0, 4));
    const start = Number(answer.referenceDate.slice(5, 7)) >= 8 ? y : y - 1;
    expect(answer.planningYear).toBe(`${start}-${start + 1}`);
  });
});

describe('CORS for the task pane', () => {
  it('answers the preflight for an allowed origin and refuses others', async () => {
    const ok = await send(api.url, 'OPTIONS', '/api/evaluate', {
      headers: { origin: 'https://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-api-key' },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://localhost:3000');
    expect(ok.headers.get('access-control-allow-headers')).toContain('x-api-key');
    const evil = await send(api.url, 'OPTIONS', '/api/evaluate', {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expectProblem(evil, 403);
    const get = await send(api.url, 'GET', '/api/plan', { who: 'boor', headers: { origin: 'http://localhost:3000' } });
    expect(get.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    const other = await send(api.url, 'GET', '/api/plan', { who: 'boor', headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the request log', () => {
  it('has one line per request with method, route template, status, duration and role, and no bodies or names', async () => {
    const secretName = 'Marieke van der Secret-Achternaam';
    const secretId = 'PID-SECRET-7731';
    const before = api.logs.length;
    const rejected = await send(api.url, 'POST', '/api/evaluate', {
      who: 'boor',
      body: { fields: [], people: [{ ref: '1', name: secretName, personId: secretId }] },
    });
    expectProblem(rejected, 400);
    await api.client('pabo').putRegister('BOOR', [{ personId: secretId, training: 'OB', date: '2025-01-01' }]);
    await api.client('pabo').erasePerson('BOOR', secretId);
    await api.client('boor').evaluate({ fields: ['school'], people: [{ ref: '1', personId: secretId, school: secretName, roles: ['WPB'], unknownRoles: [secretName] }] });
    await new Promise((r) => setTimeout(r, 200));
    const lines = api.logs.slice(before);
    expect(lines).toHaveLength(4);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.map((p) => [p.method, p.route, p.status, p.role])).toEqual([
      ['POST', '/api/evaluate', 400, 'board'],
      ['PUT', '/api/register/{board}/records', 200, 'pabo'],
      ['DELETE', '/api/register/{board}/people/{personId}', 200, 'pabo'],
      ['POST', '/api/evaluate', 200, 'board'],
    ]);
    for (const p of parsed) expect(Object.keys(p).sort()).toEqual(['method', 'ms', 'role', 'route', 'status', 'time']);
    const all = api.logs.join('\n');
    for (const secret of [secretName, 'Marieke', secretId, TEST_KEYS.boor, TEST_KEYS.pabo, '"people"', '"records"'])
      expect(all).not.toContain(secret);
  });
});
