// Known boards (interfaces.md §3, spec v2; issue 12): a board in a path that the app does not know is a
// 404 problem naming the known boards, on every board route, for every caller, before 401/403; names
// like `__proto__` are ordinary names; the combined need counts known boards only. Real HTTP, real Azurite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOARDS } from '../../shared/plan/boards';
import { NeedsRepository } from '../../functions/src/storage/needs-repository';
import { createStorage } from '../../functions/src/storage/tables';
import { startTestApi, type TestApi, type TestCaller } from '../support/api-server';
import { expectProblem, send } from './http';

let api: TestApi;
beforeAll(async () => {
  // BOSSPO_BOARDS empty: the default, the partnership's table of boards.
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

const YEAR = '2026-2027';
const WHO: (TestCaller | 'none' | 'wrong')[] = ['none', 'wrong', 'boor', 'wijzer', 'pabo', 'stuurgroep'];
const UNKNOWN = ['anything', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'BOOR2', 'Pabo'];

const routes = (board: string) => {
  const b = encodeURIComponent(board);
  return [
    { method: 'PUT', path: `/api/needs/${YEAR}/${b}`, body: { needs: { WPB: { initial: 1 } } } },
    { method: 'GET', path: `/api/needs/${YEAR}/${b}` },
    { method: 'PUT', path: `/api/register/${b}/records`, body: { records: [{ personId: '1', training: 'WPB', date: '2025-01-01' }] } },
    { method: 'GET', path: `/api/register/${b}/records` },
    { method: 'DELETE', path: `/api/register/${b}/people/1` },
  ];
};

describe('known boards', () => {
  it('the default is the five boards and Pabo HR (shared/plan/boards.ts)', async () => {
    expect(BOARDS.map((b) => b.name)).toEqual(['BOOR', 'Wijzer', 'OZHW', 'Primo Schiedam', 'SIKO', 'Pabo HR']);
    const all = await api.client('pabo').getNeeds('2040-2041');
    expect(all.missing).toEqual([...BOARDS.map((b) => b.name)].sort());
  });

  for (const name of UNKNOWN)
    it(`"${name}" is an unknown board: 404 naming the known boards on every board route, for every caller`, async () => {
      for (const route of routes(name))
        for (const who of WHO) {
          const options = who === 'none' ? {} : who === 'wrong' ? { key: 'not-a-key' } : { who };
          const answer = await send(api.url, route.method, route.path, { ...options, ...(route.body ? { body: route.body } : {}) });
          expectProblem(answer, 404);
          const detail = (answer.json as { detail: string }).detail;
          for (const b of BOARDS) expect(detail, `${route.method} ${route.path} as ${who}`).toContain(b.name);
        }
    });

  it('an unknown board is 404 even with a body that would be 400, 413 or 415', async () => {
    expectProblem(await send(api.url, 'PUT', `/api/needs/${YEAR}/junk`, { who: 'pabo', raw: '{', contentType: 'text/plain' }), 404);
    expectProblem(await send(api.url, 'PUT', '/api/register/junk/records', { who: 'pabo', body: { records: 'x' } }), 404);
  });

  it('a known board in another spelling is that board, answered in its configured spelling', async () => {
    const put = await send(api.url, 'PUT', `/api/needs/2041-2042/${encodeURIComponent('  pabo   HR ')}`, { who: 'pabo', body: { needs: { OB: { initial: 2 } } } });
    expect(put.status).toBe(201);
    expect(put.json).toMatchObject({ board: 'Pabo HR', version: 1 });
    const own = await api.client('pabo').getBoardNeeds('2041-2042', 'PABO HR');
    expect(own.board).toBe('Pabo HR');
    expect(Object.keys((await api.client('stuurgroep').getNeeds('2041-2042')).boards)).toEqual(['Pabo HR']);
  });

  it('no junk board enters the combined need: 9 + 7 WPB are 16 in 1 group, whatever was stored under other names', async () => {
    const year = '2042-2043';
    // Needs stored under unknown names straight into the table (as before boards were checked).
    const storage = createStorage(api.azurite.connectionString);
    const repo = new NeedsRepository(await storage.table('needs'));
    for (const junk of ['anything', '__proto__', 'constructor']) await repo.put(year, junk, { needs: { WPB: { initial: 1 } } });

    expectProblem(await send(api.url, 'PUT', `/api/needs/${year}/anything`, { who: 'pabo', body: { needs: { WPB: { initial: 1 } } } }), 404);
    await api.client('boor').putNeeds(year, 'BOOR', { needs: { WPB: { initial: 9 } } });
    await api.client('wijzer').putNeeds(year, 'Wijzer', { needs: { WPB: { initial: 7 } } });
    for (const who of ['pabo', 'stuurgroep'] as const) {
      const answer = await send(api.url, 'GET', `/api/needs/${year}`, { who });
      expect(answer.status).toBe(200);
      const body = answer.json as { boards: Record<string, unknown>; combined: { needs: { WPB: { initial: number; groups: number } } } };
      expect(Object.keys(body.boards).sort()).toEqual(['BOOR', 'Wijzer']);
      expect(body.combined.needs.WPB).toMatchObject({ initial: 16, groups: 1 });
    }
  });
});

describe('boards named like Object.prototype members, when configured', () => {
  let named: TestApi;
  beforeAll(async () => {
    named = await startTestApi({ azurite: api.azurite, env: { BOSSPO_BOARDS: '["__proto__","constructor","BOOR"]', BOSSPO_TABLE_PREFIX: 'protonames' } });
  });
  afterAll(async () => {
    await named?.stop();
  });

  it('are boards like any other: stored, listed and counted (no prototype lookups)', async () => {
    const pabo = named.client('pabo');
    await pabo.putNeeds(YEAR, '__proto__', { needs: { WPB: { initial: 4 } } });
    await pabo.putNeeds(YEAR, 'constructor', { needs: { WPB: { initial: 5 } } });
    const answer = await send(named.url, 'GET', `/api/needs/${YEAR}`, { who: 'pabo' });
    const text = answer.text;
    const body = JSON.parse(text) as { boards: object; combined: { needs: { WPB: { initial: number } } }; missing: string[] };
    expect(Object.keys(body.boards).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(body.boards, '__proto__')?.value).toMatchObject({ needs: { WPB: { initial: 4 } } });
    expect(body.combined.needs.WPB.initial).toBe(9);
    expect(body.missing).toEqual(['BOOR', 'Wijzer']);
    expectProblem(await send(named.url, 'GET', '/api/register/toString/records', { who: 'pabo' }), 404);
  });
});

describe('register records under a board in another spelling', () => {
  it('are listed under the configured spelling', async () => {
    await api.client('pabo').putRegister('  primo   schiedam ', [{ personId: 'SP-1', training: 'WPB', date: '2025-01-01' }]);
    const listed = await api.client('pabo').listRegister('PRIMO SCHIEDAM', { personId: 'SP-1' });
    expect(listed.records.map((r) => r.board)).toEqual(['Primo Schiedam']);
  });
});
