// The compact evaluate form and compressed answers over real HTTP (the local host as a child process,
// a real Azurite): the client's compact path gives exactly the documented answer, with the register
// applied; answers are gzip or br when the client accepts it; the compact form is refused as strictly;
// 50,000 people fit in one request with room to spare.
import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/client';
import { COMPACT_MEDIA_TYPE, encodeEvaluateRequest } from '../../shared/api/compact';
import { MAX_BODY_BYTES } from '../../shared/api/common';
import { parseEvaluateResponse } from '../../shared/api/fast-parse';
import { MAX_PEOPLE, type PersonInput, type RuleField } from '../../shared/model/person';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { readSheet } from '../../shared/sheet/read';
import { GENERATED_HEADERS, generatedRows } from '../fixtures/workbooks';
import { startTestApi, TEST_KEYS, type TestApi } from '../support/api-server';
import { expectProblem, send } from './http';

let api: TestApi;
/** 50,000 people of a staff sheet, read before any request: a long pause between two requests would
 * let the host close the kept-alive connection just as the next request starts on it. */
let fullSheet: ReturnType<typeof sheetPeople>;
beforeAll(async () => {
  fullSheet = sheetPeople(MAX_PEOPLE);
  api = await startTestApi();
}, 120_000);
afterAll(async () => {
  await api?.stop();
});

const DATE = { referenceDate: '2026-11-28', planningYear: '2026-2027' } as const;

/** People as the sheet reader makes them from a generated staff sheet. */
function sheetPeople(count: number) {
  const read = readSheet([GENERATED_HEADERS, ...generatedRows(count)], { sheetName: 'P', date1904: false, board: 'BOOR', overrides: {}, plan: bossPoPlan });
  return { fields: read.fields, people: read.people };
}

/** A raw POST, so the answer's bytes are seen as sent (fetch unpacks them). */
function rawPost(path: string, body: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: Buffer }> {
  const url = new URL(api.url + path);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': TEST_KEYS.pabo, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the compact evaluate form over HTTP', () => {
  const fields: RuleField[] = ['training.WPB', 'certificate.WPB', 'students', 'school', 'lastRefresher'];
  const people: PersonInput[] = [
    { ref: '4', personId: 'C-1', board: 'BOOR', school: 'A', roles: ['WPB'], students: 1 },
    { ref: '5', personId: 'C-2', board: 'BOOR', school: 'A', roles: ['WPB'], students: 2, trainings: { WPB: '2022-01-10' } },
    { ref: '6', personId: 'C-3', board: 'BOOR', school: 'B', roles: ['SO'], trainings: { WPB: { invalid: 'gepland' } } },
    { ref: '7', roles: [], unknownRoles: ['vertrouwenspersoon'] },
  ];

  it('gives exactly the documented answer, register records applied, messages rendered by the client', async () => {
    await api.client('pabo').putRegister('BOOR', [{ personId: 'C-1', training: 'WPB', date: '2025-03-12', certificate: false }]);
    const request = { ...DATE, fields, people };
    const documented = await api.client('boor').evaluate(request);
    const compact = await api.client('boor').evaluateCompact(request);
    expect(documented.registerRecords).toBe(1);
    expect(documented.people[0]!.findings.some((f) => f.fromRegister)).toBe(true);
    expect(JSON.stringify(compact)).toBe(JSON.stringify(documented));
  });

  it('the documented answer stays the default, also for a compact request; the compact one only on Accept', async () => {
    const body = encodeEvaluateRequest({ ...DATE, fields, people, register: false });
    const plain = await send(api.url, 'POST', '/api/evaluate', { who: 'boor', body });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toMatch(/^application\/json/);
    expect(plain.headers.get('vary')).toMatch(/Accept\b/);
    const documented = await send(api.url, 'POST', '/api/evaluate', { who: 'boor', body: { ...DATE, fields, people, register: false } });
    expect(plain.json).toEqual(documented.json);
    const compact = await send(api.url, 'POST', '/api/evaluate', { who: 'boor', body, headers: { accept: COMPACT_MEDIA_TYPE } });
    expect(compact.headers.get('content-type')).toMatch(/^application\/vnd\.bosspo\.compact\.v2\+json/);
    expect(compact.json).toHaveProperty('findingTable.columns');
    expect(parseEvaluateResponse(documented.json).success).toBe(true);
    // A client of version 1 of the compact answer gets the documented one, which it reads.
    const v1 = await send(api.url, 'POST', '/api/evaluate', { who: 'boor', body, headers: { accept: 'application/vnd.bosspo.compact+json, application/json;q=0.5' } });
    expect(v1.headers.get('content-type')).toMatch(/^application\/json/);
    expect(v1.json).toEqual(documented.json);
  });

  it('refuses a bad compact body with 400 naming the person index and field, or the column', async () => {
    const bad = await send(api.url, 'POST', '/api/evaluate', {
      who: 'boor',
      body: { fields: ['students'], columns: { ref: ['2', '3'], students: { values: [1, -4], index: '12' } } },
    });
    expectProblem(bad, 400);
    expect((bad.json as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['/people/1/students']);

    // Version 1 of the compact request (an index of numbers): a 400 that says to update the client.
    const v1 = await send(api.url, 'POST', '/api/evaluate', {
      who: 'boor',
      body: { fields: ['students'], columns: { ref: ['2', '3'], students: { values: [1, 4], index: [0, 1] } } },
    });
    expectProblem(v1, 400);
    expect((v1.json as { errors: { path: string; message: string }[] }).errors).toEqual([
      { path: '/columns/students', message: expect.stringMatching(/versie 2.*werk de client bij/) },
    ]);

    const unknown = await send(api.url, 'POST', '/api/evaluate', { who: 'boor', body: { fields: [], columns: { ref: ['2'], name: ['Jansen'] } } });
    expectProblem(unknown, 400);
    expect((unknown.json as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['/columns/name']);

    const extra = await send(api.url, 'POST', '/api/evaluate', { who: 'boor', body: { fields: [], columns: { ref: ['2'] }, people: [] } });
    expectProblem(extra, 400);
  });

  it('refuses more than 50,000 people in the compact form with 413', async () => {
    const refs = Array.from({ length: MAX_PEOPLE + 1 }, (_, i) => String(i + 2));
    const answer = await send(api.url, 'POST', '/api/evaluate', { who: 'boor', body: { fields: [], columns: { ref: refs } } });
    expectProblem(answer, 413);
  });

  it('carries 50,000 people of a staff sheet in well under the 10 MiB limit, and evaluates them', { timeout: 120_000 }, async () => {
    const sheet = fullSheet;
    const request = { ...DATE, ...sheet, register: false };
    const bytes = Buffer.byteLength(JSON.stringify(encodeEvaluateRequest(request)));
    expect(bytes).toBeLessThan(MAX_BODY_BYTES / 2);
    const answer = await api.client('pabo').evaluateCompact(request);
    expect(answer.people).toHaveLength(MAX_PEOPLE);
    expect(answer.people[49_999]!.ref).toBe(sheet.people[49_999]!.ref);
  });
});

describe('compressed answers', () => {
  const body = JSON.stringify({ ...DATE, ...sheetPeople(500), register: false });

  it('gzip when the client accepts gzip: the same JSON, fewer bytes', async () => {
    const plain = await rawPost('/api/evaluate', body, {});
    const gz = await rawPost('/api/evaluate', body, { 'accept-encoding': 'gzip, deflate' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toMatch(/Accept-Encoding/);
    expect(gz.bytes.byteLength * 4).toBeLessThan(plain.bytes.byteLength);
    expect(gunzipSync(gz.bytes).toString('utf8')).toBe(plain.bytes.toString('utf8'));
  });

  it('br before gzip when both are accepted, none with q=0 or identity', async () => {
    const plain = await rawPost('/api/evaluate', body, { 'accept-encoding': 'identity' });
    const br = await rawPost('/api/evaluate', body, { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.bytes).toString('utf8')).toBe(plain.bytes.toString('utf8'));
    const refused = await rawPost('/api/evaluate', body, { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it("the client asks for br, which Node's fetch does not by default, and unpacks it", async () => {
    const seen: (string | null)[] = [];
    const client = createApiClient({
      baseUrl: api.url,
      apiKey: TEST_KEYS.pabo,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        seen.push(response.headers.get('content-encoding'));
        return response;
      },
    });
    const answer = await client.evaluateCompact({ ...DATE, ...sheetPeople(500), register: false });
    expect(seen).toEqual(['br']);
    expect(answer.people).toHaveLength(500);
  });

  it('the compact answer is compressed too; small answers and problems are not', async () => {
    const compact = await rawPost('/api/evaluate', body, { 'accept-encoding': 'gzip', accept: COMPACT_MEDIA_TYPE });
    expect(compact.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(compact.bytes).toString('utf8'))).toHaveProperty('findingTable');
    const problem = await rawPost('/api/evaluate', '{', { 'accept-encoding': 'gzip' });
    expect(problem.status).toBe(400);
    expect(problem.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(problem.bytes.toString('utf8'))).toMatchObject({ status: 400 });
  });
});
