// The register under hostile input and concurrency (issue 12), real HTTP and a real Azurite: a client's
// input never becomes a 503, a write is all or nothing per record, erasing is idempotent, and the
// created/updated counts are what the storage did, also with parallel writers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterPutResponse } from '../../shared/api/register';
import { RegisterRepository } from '../../functions/src/storage/register-repository';
import { createStorage } from '../../functions/src/storage/tables';
import { startTestApi, type TestApi } from '../support/api-server';
import { expectProblem, send } from './http';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: { BOSSPO_BOARDS: '["Parallel","Erase","Grow","Mixed"]' } });
});
afterAll(async () => {
  await api?.stop();
});

const day = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

describe('characters that grow under NFC', () => {
  // U+0958 (DEVANAGARI QA) and U+FB2C (HEBREW SHIN WITH DAGESH AND SHIN DOT) are 1 UTF-16 unit each and
  // 2 and 3 code points after NFC: 100 of them pass the 100-character check, and their encoded key does not fit.
  const grown = ['\u0958'.repeat(100), '\ufb2c'.repeat(100)];

  it('a register PUT of 300 records with 100 such personIds stores the other 200 and rejects those 100 by index', async () => {
    const records = Array.from({ length: 300 }, (_, i) => ({
      personId: i % 3 === 1 ? grown[i % 2]! : `G-${i}`,
      training: 'WPB',
      date: day(i),
    }));
    const answer = await send(api.url, 'PUT', '/api/register/Grow/records', { who: 'pabo', body: { records } });
    expect(answer.status, answer.text).toBe(200);
    const body = answer.json as RegisterPutResponse;
    expect(body).toMatchObject({ created: 200, updated: 0, rejected: 100 });
    expect(body.rejections.map((r) => r.index)).toEqual(records.flatMap((_, i) => (i % 3 === 1 ? [i] : [])));
    expect(body.rejections[0]!.reason).toMatch(/^personId: /);
    const stored = await api.client('pabo').listAllRegister('Grow', { pageSize: 1000 });
    expect(stored).toHaveLength(200);
    // And the same PUT again: the 200 are updates, nothing is created twice, the 100 still rejected.
    const again = await send(api.url, 'PUT', '/api/register/Grow/records', { who: 'pabo', body: { records } });
    expect(again.json).toMatchObject({ created: 0, updated: 200, rejected: 100 });
  });

  it('evaluate, list and erase with such a personId answer without a 5xx', async () => {
    for (const id of grown) {
      const list = await send(api.url, 'GET', `/api/register/Grow/records?personId=${encodeURIComponent(id)}`, { who: 'pabo' });
      expect(list.status).toBe(200);
      const erase = await send(api.url, 'DELETE', `/api/register/Grow/people/${encodeURIComponent(id)}`, { who: 'pabo' });
      expect(erase.json).toEqual({ deleted: 0 });
      const evaluated = await send(api.url, 'POST', '/api/evaluate', {
        who: 'pabo',
        body: { fields: [], people: [{ ref: '1', personId: id, board: 'Grow', roles: ['WPB'] }] },
      });
      expect(evaluated.status).toBe(200);
    }
  });

  it('a record the storage refuses (400) is rejected on its own; the others of its transaction are stored', async () => {
    const storage = createStorage(api.azurite.connectionString);
    const repo = new RegisterRepository(await storage.table('register'), await storage.table('registerboards'));
    // Past the handler's check, straight to the repository: a key longer than Table Storage allows.
    const entries = Array.from({ length: 150 }, (_, i) => ({
      personId: i === 42 ? 'x'.repeat(600) : `S-${i}`,
      training: 'OB' as const,
      date: '2025-01-01',
    }));
    const result = await repo.upsert('Grow', entries);
    expect(result.refused.map((r) => r.position)).toEqual([42]);
    expect(result).toMatchObject({ created: 149, updated: 0 });
    const stored = await api.client('pabo').listAllRegister('Grow', { pageSize: 1000 });
    expect(stored.filter((r) => r.training === 'OB')).toHaveLength(149);
  });
});

describe('lone surrogates', () => {
  it('are refused (400) instead of merging different personnel numbers into one record', async () => {
    for (const id of ['S\\ud800', 'S\\udbff', 'S\\udc00x']) {
      const raw = `{"records":[{"personId":"${id}","training":"WPB","date":"2025-01-01"}]}`;
      const answer = await send(api.url, 'PUT', '/api/register/Grow/records', { who: 'pabo', raw });
      expectProblem(answer, 400);
      expect((answer.json as { errors: { path: string }[] }).errors[0]!.path).toBe('/records/0/personId');
    }
    expect((await api.client('pabo').listAllRegister('Grow', { personId: 'S\ufffd' })).length).toBe(0);
    // A well-formed pair written as escapes is fine.
    const pair = await send(api.url, 'PUT', '/api/register/Grow/records', {
      who: 'pabo',
      raw: '{"records":[{"personId":"S\\ud83d\\ude00","training":"WPB","date":"2025-01-01"}]}',
    });
    expect(pair.json).toMatchObject({ created: 1, rejected: 0 });
  });
});

describe('parallel writers and erasers', () => {
  it('20 writers of 450 overlapping records: the created counts add up to the 3,300 distinct records exactly', async () => {
    const writers = 20;
    const perWriter = 450;
    const stride = 150;
    const recordsOf = (w: number) =>
      Array.from({ length: perWriter }, (_, i) => ({ personId: `W-${w * stride + i}`, training: 'SOIO' as const, date: '2025-02-01' }));
    const answers = await Promise.all(Array.from({ length: writers }, (_, w) => api.client('pabo').putRegister('Parallel', recordsOf(w))));
    const distinct = (writers - 1) * stride + perWriter;
    expect(distinct).toBe(3300);
    for (const a of answers) expect(a.created + a.updated + a.rejected).toBe(perWriter);
    expect(answers.reduce((n, a) => n + a.created, 0)).toBe(distinct);
    expect(answers.reduce((n, a) => n + a.updated, 0)).toBe(writers * perWriter - distinct);
    expect(await api.client('pabo').listAllRegister('Parallel', { pageSize: 1000 })).toHaveLength(distinct);
  }, 120_000);

  it('three parallel erasers of the same person all answer 200, and together they delete each record once', async () => {
    const records = Array.from({ length: 250 }, (_, i) => ({ personId: 'E-1', training: 'WPB' as const, date: day(i) }));
    await api.client('pabo').putRegister('Erase', [...records, { personId: 'E-2', training: 'WPB', date: '2025-01-01' }]);
    const answers = await Promise.all(
      Array.from({ length: 3 }, () => send(api.url, 'DELETE', '/api/register/Erase/people/E-1', { who: 'pabo' })),
    );
    for (const a of answers) expect(a.status, a.text).toBe(200);
    expect(answers.reduce((n, a) => n + (a.json as { deleted: number }).deleted, 0)).toBe(250);
    expect((await api.client('pabo').listAllRegister('Erase')).map((r) => r.personId)).toEqual(['E-2']);
    expect(await api.client('pabo').erasePerson('Erase', 'E-1')).toEqual({ deleted: 0 });
  }, 60_000);

  it('writers and erasers of the same records at once: never a 5xx, and what is stored is what the last writes say', async () => {
    const records = Array.from({ length: 220 }, (_, i) => ({ personId: `M-${i % 3}`, training: 'OB' as const, date: day(i) }));
    const calls = await Promise.all([
      ...Array.from({ length: 4 }, () => send(api.url, 'PUT', '/api/register/Mixed/records', { who: 'pabo', body: { records } })),
      ...Array.from({ length: 3 }, (_, i) => send(api.url, 'DELETE', `/api/register/Mixed/people/M-${i}`, { who: 'pabo' })),
    ]);
    for (const c of calls) expect(c.status, c.text).toBe(200);
    for (const c of calls.slice(0, 4)) {
      const a = c.json as RegisterPutResponse;
      expect(a.created + a.updated).toBe(220);
    }
    // A final write makes the set complete again, and its counts match what was left.
    const left = (await api.client('pabo').listAllRegister('Mixed', { pageSize: 1000 })).length;
    const last = await api.client('pabo').putRegister('Mixed', records);
    expect(last).toMatchObject({ created: 220 - left, updated: left });
    expect(await api.client('pabo').listAllRegister('Mixed', { pageSize: 1000 })).toHaveLength(220);
  }, 60_000);
});
