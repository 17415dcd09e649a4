// A corpus of hostile requests: each answers 4xx problem+json (never 5xx, never a stack trace), and the
// server keeps serving. Checks run in the order route → caller → content type → size → body.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalServer } from '../../functions/src/local/host';
import { startTestApi, TEST_KEYS, type TestApi, type TestCaller } from '../support/api-server';
import { expectProblem, rawExchange, send, type Answer } from './http';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

const nested = (depth: number, open: string, close: string, inner = '1') => open.repeat(depth) + inner + close.repeat(depth);
const person = (i: number) => ({ ref: String(i) });

interface Case {
  name: string;
  method: string;
  path: string;
  who?: TestCaller | null;
  key?: string;
  body?: unknown;
  raw?: string | Uint8Array | (() => ReadableStream<Uint8Array>);
  contentType?: string | null;
  headers?: Record<string, string>;
  status: number;
  /** More to check on the answer. */
  check?: (answer: Answer) => void;
}

/** The answer names this many rejected records (a bad record inside a valid envelope is rejected alone). */
const rejects = (n: number) => (a: Answer) => expect((a.json as { rejected: number }).rejected).toBe(n);
/** The answer echoes at most a short prefix of the client's text. */
const short = (a: Answer) => expect(a.text.length).toBeLessThan(2_000);

const MB_KEY = 'k'.repeat(1024 * 1024);
const PROTO_PERSON = '{"fields":["training.WPB"],"people":[{"ref":"1","roles":["WPB"],"trainings":{"__proto__":"2025-01-01"}}]}';

const E = '/api/evaluate';
const REG = '/api/register/BOOR/records';
const NEEDS = '/api/needs/2026-2027/BOOR';

const CASES: Case[] = [
  // Malformed JSON
  { name: 'truncated JSON', method: 'POST', path: E, who: 'pabo', raw: '{"fields": [], "people": [', status: 400 },
  { name: 'JSON with unquoted keys', method: 'POST', path: E, who: 'pabo', raw: '{fields: [], people: []}', status: 400 },
  { name: 'trailing garbage after JSON', method: 'POST', path: E, who: 'pabo', raw: '{"fields":[],"people":[]} x', status: 400 },
  { name: 'empty body', method: 'POST', path: E, who: 'pabo', raw: '', status: 400 },
  { name: 'JSON null', method: 'POST', path: E, who: 'pabo', raw: 'null', status: 400 },
  { name: 'JSON array instead of object', method: 'POST', path: E, who: 'pabo', raw: '[]', status: 400 },
  { name: 'JSON string', method: 'POST', path: E, who: 'pabo', raw: '"people"', status: 400 },
  { name: 'invalid UTF-8', method: 'POST', path: E, who: 'pabo', raw: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), status: 400 },
  { name: 'NaN literal', method: 'POST', path: E, who: 'pabo', raw: '{"fields":[],"people":[{"ref":"1","students":NaN}]}', status: 400 },
  // Deep nesting
  { name: '10,000-deep arrays', method: 'POST', path: E, who: 'pabo', raw: nested(10_000, '[', ']'), status: 400 },
  { name: '10,000-deep objects under an unknown key', method: 'POST', path: E, who: 'pabo', raw: `{"fields":[],"people":[],"x":${nested(10_000, '{"a":', '}')}}`, status: 400 },
  { name: '10,000-deep arrays in a training value', method: 'POST', path: E, who: 'pabo', raw: `{"fields":[],"people":[{"ref":"1","trainings":{"WPB":${nested(10_000, '[', ']')}}}]}`, status: 400 },
  { name: '10,000-deep register records', method: 'PUT', path: REG, who: 'pabo', raw: `{"records":[${nested(10_000, '[', ']')}]}`, status: 200, check: rejects(1) },
  // Size
  { name: '20 MB body with Content-Length', method: 'POST', path: E, who: 'pabo', raw: new Uint8Array(20 * 1024 * 1024).fill(0x20), status: 413 },
  {
    name: '20 MB body streamed without Content-Length',
    method: 'POST',
    path: E,
    who: 'pabo',
    raw: () => {
      let sent = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= 20 * 1024 * 1024) return controller.close();
          const chunk = new Uint8Array(256 * 1024).fill(0x20);
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
    },
    status: 413,
  },
  { name: '60,000 people', method: 'POST', path: E, who: 'pabo', body: { fields: [], people: Array.from({ length: 60_000 }, (_, i) => person(i)) }, status: 413 },
  { name: '5,001 register records', method: 'PUT', path: REG, who: 'pabo', body: { records: Array.from({ length: 5_001 }, () => ({})) }, status: 413 },
  { name: '20 MB body without a key: 401 comes first', method: 'POST', path: E, raw: new Uint8Array(20 * 1024 * 1024), status: 401 },
  { name: '20 MB body with a wrong content type: 415 comes first', method: 'POST', path: E, who: 'pabo', raw: new Uint8Array(20 * 1024 * 1024), contentType: 'text/plain', status: 415 },
  // Wrong types and unknown fields
  { name: 'people is a string', method: 'POST', path: E, who: 'pabo', body: { fields: [], people: 'everyone' }, status: 400 },
  { name: 'fields holds a number', method: 'POST', path: E, who: 'pabo', body: { fields: [123], people: [] }, status: 400 },
  { name: 'unknown field name in fields', method: 'POST', path: E, who: 'pabo', body: { fields: ['salary'], people: [] }, status: 400 },
  { name: 'roles is a string', method: 'POST', path: E, who: 'pabo', body: { fields: [], people: [{ ref: '1', roles: 'WPB' }] }, status: 400 },
  { name: 'unknown role code', method: 'POST', path: E, who: 'pabo', body: { fields: [], people: [{ ref: '1', roles: ['CEO'] }] }, status: 400 },
  { name: 'students as text', method: 'POST', path: E, who: 'pabo', body: { fields: ['students'], people: [{ ref: '1', students: '3' }] }, status: 400 },
  { name: 'negative students', method: 'POST', path: E, who: 'pabo', body: { fields: ['students'], people: [{ ref: '1', students: -3 }] }, status: 400 },
  { name: 'pairedWith carries a name', method: 'POST', path: E, who: 'pabo', body: { fields: ['pairedWith'], people: [{ ref: '1', pairedWith: 'Jan Jansen' }] }, status: 400 },
  { name: 'unknown top-level key', method: 'POST', path: E, who: 'pabo', body: { fields: [], people: [], extra: true }, status: 400 },
  { name: 'a name on a person', method: 'POST', path: E, who: 'pabo', body: { fields: [], people: [{ ref: '1', name: 'Jan Jansen' }] }, status: 400 },
  { name: '__proto__ key', method: 'POST', path: E, who: 'pabo', raw: '{"fields":[],"people":[],"__proto__":{"admin":true}}', status: 400 },
  { name: 'missing ref', method: 'POST', path: E, who: 'pabo', body: { fields: [], people: [{ roles: ['WPB'] }] }, status: 400 },
  { name: 'ref of 10,000 characters', method: 'POST', path: E, who: 'pabo', body: { fields: [], people: [{ ref: 'x'.repeat(10_000) }] }, status: 400 },
  { name: 'unknown register top-level key', method: 'PUT', path: REG, who: 'pabo', body: { records: [], board: 'BOOR' }, status: 400 },
  { name: 'records is an object', method: 'PUT', path: REG, who: 'pabo', body: { records: { personId: '1' } }, status: 400 },
  // Dates
  { name: 'impossible reference date 2026-02-30', method: 'POST', path: E, who: 'pabo', body: { referenceDate: '2026-02-30', fields: [], people: [] }, status: 400 },
  { name: 'reference date in Dutch notation', method: 'POST', path: E, who: 'pabo', body: { referenceDate: '28-11-2026', fields: [], people: [] }, status: 400 },
  { name: 'impossible training date 2025-13-01', method: 'POST', path: E, who: 'pabo', body: { fields: ['training.WPB'], people: [{ ref: '1', trainings: { WPB: '2025-13-01' } }] }, status: 400 },
  { name: 'planning year of two years', method: 'POST', path: E, who: 'pabo', body: { planningYear: '2026-2028', fields: [], people: [] }, status: 400 },
  // Needs
  { name: 'negative need', method: 'PUT', path: NEEDS, who: 'pabo', body: { needs: { WPB: { initial: -1 } } }, status: 400 },
  { name: 'fractional need', method: 'PUT', path: NEEDS, who: 'pabo', body: { needs: { WPB: { initial: 1.5 } } }, status: 400 },
  { name: 'need as text', method: 'PUT', path: NEEDS, who: 'pabo', body: { needs: { WPB: { initial: '3' } } }, status: 400 },
  { name: 'unknown training in needs', method: 'PUT', path: NEEDS, who: 'pabo', body: { needs: { YOGA: { initial: 3 } } }, status: 400 },
  { name: 'needs missing', method: 'PUT', path: NEEDS, who: 'pabo', body: { keyFigures: {} }, status: 400 },
  { name: 'school year 2026-2028', method: 'PUT', path: '/api/needs/2026-2028/BOOR', who: 'pabo', body: { needs: {} }, status: 400 },
  { name: 'school year with an encoded slash', method: 'PUT', path: '/api/needs/2026%2F2027/BOOR', who: 'pabo', body: { needs: {} }, status: 400 },
  // A board that is not a known board is 404 whoever asks (spec v2), also when it is no valid name at all.
  { name: 'board with a control character', method: 'PUT', path: '/api/needs/2026-2027/BO%00OR', who: 'pabo', body: { needs: {} }, status: 404 },
  { name: 'board with a newline', method: 'PUT', path: '/api/register/BOOR%0A/records', who: 'pabo', body: { records: [] }, status: 404 },
  { name: 'board of only punctuation', method: 'GET', path: `/api/register/${encodeURIComponent("'#?/")}/records`, who: 'pabo', status: 404 },
  { name: 'OData-like board name by a board key', method: 'PUT', path: `/api/needs/2026-2027/${encodeURIComponent("BOOR' or PartitionKey ne '")}`, who: 'boor', body: { needs: {} }, status: 404 },
  { name: 'SQL-like board name by a board key', method: 'GET', path: `/api/register/${encodeURIComponent("BOOR'; DROP TABLE register;--")}/records`, who: 'boor', status: 404 },
  { name: 'board A writing board B', method: 'PUT', path: '/api/needs/2026-2027/Wijzer', who: 'boor', body: { needs: {} }, status: 403 },
  { name: 'stuurgroep writing a need', method: 'PUT', path: NEEDS, who: 'stuurgroep', body: { needs: {} }, status: 403 },
  { name: 'board reading combined needs', method: 'GET', path: '/api/needs/2026-2027', who: 'boor', status: 403 },
  // Register queries and paths
  { name: 'pageSize 0', method: 'GET', path: `${REG}?pageSize=0`, who: 'pabo', status: 400 },
  { name: 'pageSize 1001', method: 'GET', path: `${REG}?pageSize=1001`, who: 'pabo', status: 400 },
  { name: 'pageSize text', method: 'GET', path: `${REG}?pageSize=abc`, who: 'pabo', status: 400 },
  { name: 'OData $filter in the query', method: 'GET', path: `${REG}?$filter=${encodeURIComponent("PartitionKey ne ''")}`, who: 'pabo', status: 400 },
  { name: 'garbage continuation', method: 'GET', path: `${REG}?continuation=%27%20or%201%20eq%201`, who: 'pabo', status: 400 },
  {
    name: 'continuation forged for another board',
    method: 'GET',
    path: `${REG}?continuation=${Buffer.from(JSON.stringify({ p: 'd2lqemVy', t: Buffer.from('{"nextPartitionKey":"x"}').toString('base64') })).toString('base64url')}`,
    who: 'pabo',
    status: 400,
  },
  { name: 'personId with a control character in a query', method: 'GET', path: `${REG}?personId=%07`, who: 'pabo', status: 400 },
  { name: 'erase with a control character', method: 'DELETE', path: '/api/register/BOOR/people/%1B%5B2J', who: 'pabo', status: 400 },
  { name: 'erase with broken percent-encoding', method: 'DELETE', path: '/api/register/BOOR/people/%E0%A4%A', who: 'pabo', status: 404 },
  { name: 'board erasing a person', method: 'DELETE', path: '/api/register/BOOR/people/1', who: 'boor', status: 403 },
  // Routes and methods
  { name: 'unknown route', method: 'GET', path: '/api/nope', status: 404 },
  { name: 'the bare prefix', method: 'GET', path: '/api', status: 404 },
  { name: 'a look-alike prefix', method: 'GET', path: '/apix/health', status: 404 },
  { name: 'an extra segment', method: 'GET', path: '/api/health/extra', status: 404 },
  { name: 'an empty segment', method: 'GET', path: '/api/register//records', who: 'pabo', status: 404 },
  { name: 'root', method: 'GET', path: '/', status: 404 },
  { name: 'POST to health', method: 'POST', path: '/api/health', body: {}, status: 405 },
  { name: 'GET on evaluate', method: 'GET', path: E, who: 'pabo', status: 405 },
  { name: 'DELETE on combined needs', method: 'DELETE', path: '/api/needs/2026-2027', who: 'pabo', status: 405 },
  { name: 'PATCH on register records', method: 'PATCH', path: REG, who: 'pabo', body: { records: [] }, status: 405 },
  { name: 'unknown route is 404 even without a key', method: 'PUT', path: '/api/admin/keys', body: {}, status: 404 },
  // Content types
  { name: 'text/plain', method: 'POST', path: E, who: 'pabo', raw: '{"fields":[],"people":[]}', contentType: 'text/plain', status: 415 },
  { name: 'no content type', method: 'POST', path: E, who: 'pabo', raw: '{"fields":[],"people":[]}', contentType: null, status: 415 },
  { name: 'JSON in Latin-1', method: 'POST', path: E, who: 'pabo', raw: '{"fields":[],"people":[]}', contentType: 'application/json; charset=iso-8859-1', status: 415 },
  { name: 'form data', method: 'PUT', path: REG, who: 'pabo', raw: 'records=1', contentType: 'application/x-www-form-urlencoded', status: 415 },
  { name: 'XML', method: 'PUT', path: NEEDS, who: 'pabo', raw: '<needs/>', contentType: 'application/xml', status: 415 },
  // Callers
  { name: 'no key', method: 'POST', path: E, body: { fields: [], people: [] }, status: 401 },
  { name: 'wrong key', method: 'GET', path: '/api/plan', key: 'guess', status: 401 },
  { name: 'SQL-like key', method: 'GET', path: '/api/plan', key: "' OR '1'='1' --", status: 401 },
  { name: 'a key with a suffix', method: 'GET', path: '/api/plan', key: `${TEST_KEYS.pabo}x`, status: 401 },
  { name: 'an 8 KB key', method: 'GET', path: '/api/plan', key: 'k'.repeat(8_000), status: 401 },
  {
    name: 'forged App Service principal while App Service Authentication is off',
    method: 'GET',
    path: '/api/needs/2026-2027',
    headers: {
      'x-ms-client-principal': Buffer.from(JSON.stringify({ claims: [{ typ: 'roles', val: 'pabo' }] })).toString('base64'),
    },
    status: 401,
  },
  // Issue 12: unknown boards (spec v2) are 404 for everyone, before the caller is looked at
  { name: 'needs of a junk board by pabo', method: 'PUT', path: '/api/needs/2026-2027/anything', who: 'pabo', body: { needs: { WPB: { initial: 1 } } }, status: 404 },
  { name: 'register of a board named __proto__ without a key', method: 'GET', path: '/api/register/__proto__/records', status: 404 },
  { name: 'erase under a board named constructor', method: 'DELETE', path: '/api/register/constructor/people/1', who: 'pabo', status: 404 },
  { name: 'register of a board named toString by a board key', method: 'PUT', path: '/api/register/toString/records', who: 'boor', body: { records: [] }, status: 404 },
  // Issue 12: fields as documented (spec v2)
  { name: 'fields naming the person keys', method: 'POST', path: E, who: 'pabo', body: { fields: ['roles', 'unknownRoles', 'personId', 'board', 'name', 'training.WPB'], people: [{ ref: '1', roles: ['WPB'] }] }, status: 200 },
  { name: 'fields naming __proto__', method: 'POST', path: E, who: 'pabo', body: { fields: ['__proto__'], people: [] }, status: 400 },
  // Issue 12: unknown keys are rejected everywhere, __proto__ too
  { name: '__proto__ in trainings', method: 'POST', path: E, who: 'pabo', raw: PROTO_PERSON, status: 400 },
  { name: '__proto__ in certificates', method: 'POST', path: E, who: 'pabo', raw: '{"fields":[],"people":[{"ref":"1","certificates":{"__proto__":true}}]}', status: 400 },
  { name: '__proto__ written with escapes', method: 'POST', path: E, who: 'pabo', raw: PROTO_PERSON.replace('__proto__', '\\u005f\\u005fproto\\u005f\\u005f'), status: 400 },
  { name: '__proto__ in needs', method: 'PUT', path: NEEDS, who: 'pabo', raw: '{"needs":{"__proto__":{"initial":3}}}', status: 400 },
  { name: '__proto__ in needs roles', method: 'PUT', path: NEEDS, who: 'pabo', raw: '{"needs":{},"roles":{"__proto__":{"count":1,"plan":null}}}', status: 400 },
  { name: 'constructor in needs', method: 'PUT', path: NEEDS, who: 'pabo', raw: '{"needs":{"constructor":{"initial":3}}}', status: 400 },
  { name: '__proto__ in a register record', method: 'PUT', path: REG, who: 'pabo', raw: '{"records":[{"personId":"1","training":"WPB","date":"2025-01-01","__proto__":{}}]}', status: 400 },
  // Issue 12: text that is not well-formed Unicode
  { name: 'lone high surrogate in a personId', method: 'POST', path: E, who: 'pabo', raw: '{"fields":[],"people":[{"ref":"1","personId":"S\\ud800"}]}', status: 400 },
  { name: 'lone low surrogate in a register personId', method: 'PUT', path: REG, who: 'pabo', raw: '{"records":[{"personId":"S\\udbff","training":"WPB","date":"2025-01-01"}]}', status: 400 },
  { name: 'lone surrogate in a key', method: 'POST', path: E, who: 'pabo', raw: '{"fields":[],"people":[],"\\udc00":1}', status: 400 },
  // Issue 12: dates from 1900-01-01 to 2199-12-31 (spec v2)
  { name: 'reference date 0000-01-01', method: 'POST', path: E, who: 'pabo', body: { referenceDate: '0000-01-01', fields: [], people: [] }, status: 400 },
  { name: 'reference date 9999-12-31', method: 'POST', path: E, who: 'pabo', body: { referenceDate: '9999-12-31', fields: [], people: [] }, status: 400 },
  { name: 'reference date 1899-12-31', method: 'POST', path: E, who: 'pabo', body: { referenceDate: '1899-12-31', fields: [], people: [] }, status: 400 },
  { name: 'reference date 2200-01-01', method: 'POST', path: E, who: 'pabo', body: { referenceDate: '2200-01-01', fields: [], people: [] }, status: 400 },
  { name: 'reference date 1900-01-01 is in range', method: 'POST', path: E, who: 'pabo', body: { referenceDate: '1900-01-01', fields: [], people: [] }, status: 200 },
  { name: 'reference date 2199-12-31 is in range', method: 'POST', path: E, who: 'pabo', body: { referenceDate: '2199-12-31', fields: [], people: [] }, status: 200 },
  { name: 'training date 1899-12-31', method: 'POST', path: E, who: 'pabo', body: { fields: ['training.WPB'], people: [{ ref: '1', trainings: { WPB: '1899-12-31' } }] }, status: 400 },
  { name: 'exemption with its reason (the reason stays in the workbook)', method: 'POST', path: E, who: 'pabo', body: { fields: ['training.WPB'], people: [{ ref: '1', trainings: { WPB: { exempt: { date: null, reason: 'Inholland' } } } }] }, status: 400 },
  { name: 'exemption without a date key', method: 'POST', path: E, who: 'pabo', body: { fields: ['training.WPB'], people: [{ ref: '1', trainings: { WPB: { exempt: {} } } }] }, status: 400 },
  { name: 'exemption dated 1899-12-31', method: 'POST', path: E, who: 'pabo', body: { fields: ['training.WPB'], people: [{ ref: '1', trainings: { WPB: { exempt: { date: '1899-12-31' } } } }] }, status: 400 },
  { name: 'register REFRESH record dated 2200-01-01', method: 'PUT', path: REG, who: 'pabo', body: { records: [{ personId: 'D-2', training: 'REFRESH', date: '2200-01-01' }] }, status: 200, check: rejects(1) },
  { name: 'role start 2200-01-01', method: 'POST', path: E, who: 'pabo', body: { fields: ['roleStart'], people: [{ ref: '1', roleStart: '2200-01-01' }] }, status: 400 },
  { name: 'planning year 9998-9999', method: 'POST', path: E, who: 'pabo', body: { planningYear: '9998-9999', fields: [], people: [] }, status: 400 },
  { name: 'needs of school year 0000-0001', method: 'PUT', path: '/api/needs/0000-0001/BOOR', who: 'pabo', body: { needs: {} }, status: 400 },
  { name: 'register record dated 0001-01-01', method: 'PUT', path: REG, who: 'pabo', body: { records: [{ personId: 'D-1', training: 'WPB', date: '0001-01-01' }] }, status: 200, check: rejects(1) },
  // Issue 12: echo limits
  { name: 'a 1 MB unknown key', method: 'POST', path: E, who: 'pabo', body: { fields: [], people: [], [MB_KEY]: 1 }, status: 400, check: short },
  { name: 'a 1 MB unknown key on a person', method: 'POST', path: E, who: 'pabo', body: { fields: [], people: [{ ref: '1', [MB_KEY]: 1 }] }, status: 400, check: short },
  { name: 'a 1 MB training code in needs', method: 'PUT', path: NEEDS, who: 'pabo', body: { needs: { [MB_KEY]: { initial: 1 } } }, status: 400, check: short },
  { name: 'a 1 MB unknown key in a register record', method: 'PUT', path: REG, who: 'pabo', body: { records: [{ personId: 'K-1', training: 'WPB', date: '2025-01-01', [MB_KEY]: 1 }] }, status: 200, check: (a) => { rejects(1)(a); short(a); } },
  { name: 'a 10 KB unknown query key', method: 'GET', path: `${REG}?${'q'.repeat(10_000)}=1`, who: 'pabo', status: 400, check: short },
  { name: '__proto__ as a query key', method: 'GET', path: `${REG}?__proto__=1`, who: 'pabo', status: 400 },
  { name: 'constructor as a query key', method: 'GET', path: `${REG}?constructor=1`, who: 'pabo', status: 400 },
  // The same rules for the compact evaluate body (issue 14's encoding)
  { name: 'compact: a training date 1899-12-31', method: 'POST', path: E, who: 'pabo', body: { fields: ['training.WPB'], columns: { ref: ['1'], 'trainings.WPB': ['1899-12-31'] } }, status: 400 },
  { name: 'compact: a column named __proto__', method: 'POST', path: E, who: 'pabo', raw: '{"fields":[],"columns":{"ref":["1"],"__proto__":["x"]}}', status: 400 },
  { name: 'compact: a lone surrogate in a personId', method: 'POST', path: E, who: 'pabo', raw: '{"fields":[],"columns":{"ref":["1"],"personId":["S\\ud800"]}}', status: 400 },
  { name: 'compact: person keys in fields', method: 'POST', path: E, who: 'pabo', body: { fields: ['roles', 'name', 'personId'], columns: { ref: ['1'], roles: [['WPB']] } }, status: 200 },
  // Issue 12: key figures bounded like the other numbers
  { name: 'key figure 1e308', method: 'PUT', path: NEEDS, who: 'pabo', raw: '{"needs":{},"keyFigures":{"studentsPlaced":1e308,"studentsWithCertifiedWpb":0,"wpbTrainedShare":null,"soioTrainedShare":null,"schoolsWithTrainedOb":null,"schools":null,"refreshersOverdue":0,"refreshersDue":0}}', status: 400 },
  { name: 'key figure count 1e12', method: 'PUT', path: NEEDS, who: 'pabo', body: { needs: {}, keyFigures: { studentsPlaced: 1, studentsWithCertifiedWpb: 0, wpbTrainedShare: null, soioTrainedShare: null, schoolsWithTrainedOb: null, schools: 1e12, refreshersOverdue: 0, refreshersDue: 0 } }, status: 400 },
  { name: 'fractional count of refreshers', method: 'PUT', path: NEEDS, who: 'pabo', body: { needs: {}, keyFigures: { studentsPlaced: 1, studentsWithCertifiedWpb: 0, wpbTrainedShare: null, soioTrainedShare: null, schoolsWithTrainedOb: null, schools: 1, refreshersOverdue: 0.5, refreshersDue: 0 } }, status: 400 },
];

describe('hostile requests', () => {
  it('the corpus holds at least 50 requests', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50);
  });

  for (const c of CASES)
    it(`${c.name} → ${c.status}`, async () => {
      const raw = typeof c.raw === 'function' ? c.raw() : c.raw;
      const answer = await send(api.url, c.method, c.path, {
        who: c.who ?? null,
        ...(c.key !== undefined ? { key: c.key } : {}),
        ...(c.body !== undefined ? { body: c.body } : {}),
        ...(raw !== undefined ? { raw } : {}),
        ...(c.contentType !== undefined ? { contentType: c.contentType } : {}),
        ...(c.headers ? { headers: c.headers } : {}),
      });
      if (c.status < 400) expect(answer.status, answer.text.slice(0, 500)).toBe(c.status);
      else expectProblem(answer, c.status);
      c.check?.(answer);
      if (c.status === 400 && c.body !== undefined && answer.json && typeof answer.json === 'object')
        expect((answer.json as { errors?: unknown[] }).errors?.length ?? 0).toBeGreaterThan(0);
    });

  it('requests node:http itself refuses get a problem too: a control character in the path, and oversized headers', async () => {
    const port = Number(new URL(api.url).port);
    const bad = await rawExchange(port, 'GET /api/health\x01 HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(bad.status).toBe(400);
    expect(bad.head.toLowerCase()).toContain('application/problem+json');
    expect(JSON.parse(bad.body)).toMatchObject({ status: 400 });
    const huge = await rawExchange(port, `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
    expect(huge.status).toBe(431);
    expect(JSON.parse(huge.body)).toMatchObject({ status: 431 });
    const truncated = await rawExchange(
      port,
      `POST /api/evaluate HTTP/1.1\r\nHost: x\r\nx-api-key: ${TEST_KEYS.pabo}\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"fields":[]`,
      { hangUp: true },
    ).catch(() => ({ status: 0, head: '', body: '' }));
    // The body never completes and the client hangs up: no answer can arrive, but it is no server fault.
    expect(truncated.status === 0 || truncated.status === 400).toBe(true);
  });

  // Issue 12: what node:http refuses before a handler sees it is a problem+json too (clientError, and
  // the Host, Expect and CONNECT cases Node would answer bare or not at all).
  const H = 'Host: x\r\n';
  const RAW: [name: string, request: string, status: number][] = [
    ['a missing Host header', 'GET /api/plan HTTP/1.1\r\n\r\n', 400],
    ['two Host headers', `GET /api/plan HTTP/1.1\r\n${H}Host: y\r\n\r\n`, 400],
    ['Content-Length abc', `POST /api/evaluate HTTP/1.1\r\n${H}Content-Length: abc\r\n\r\n`, 400],
    ['Content-Length -1', `POST /api/evaluate HTTP/1.1\r\n${H}Content-Length: -1\r\n\r\n`, 400],
    ['two different Content-Lengths', `POST /api/evaluate HTTP/1.1\r\n${H}Content-Length: 1\r\nContent-Length: 2\r\n\r\nab`, 400],
    ['Content-Length with Transfer-Encoding', `POST /api/evaluate HTTP/1.1\r\n${H}Content-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`, 400],
    ['Transfer-Encoding gzip alone', `POST /api/evaluate HTTP/1.1\r\n${H}Transfer-Encoding: gzip\r\n\r\n`, 400],
    ['a broken chunk size', `POST /api/evaluate HTTP/1.1\r\n${H}Transfer-Encoding: chunked\r\n\r\nzz\r\n`, 400],
    ['a method with @', `G@T /api/plan HTTP/1.1\r\n${H}\r\n`, 400],
    ['HTTP/9.9', `GET /api/plan HTTP/9.9\r\n${H}\r\n`, 400],
    ['no HTTP at all', 'hello world\r\n\r\n', 400],
    ['an HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 400],
    ['a space in the path', `GET /api/ plan HTTP/1.1\r\n${H}\r\n`, 400],
    ['a header without a colon', `GET /api/plan HTTP/1.1\r\n${H}Broken\r\n\r\n`, 400],
    ['a space in a header name', `GET /api/plan HTTP/1.1\r\n${H}Bad Name: x\r\n\r\n`, 400],
    ['a space before the colon', 'GET /api/plan HTTP/1.1\r\nHost : x\r\n\r\n', 400],
    ['a folded header line', `GET /api/plan HTTP/1.1\r\n${H}X: a\r\n b\r\n\r\n`, 400],
    ['a control character in a header value', `GET /api/plan HTTP/1.1\r\n${H}X: a\x01b\r\n\r\n`, 400],
    ['DEL in a header value', `GET /api/plan HTTP/1.1\r\n${H}X: a\x7fb\r\n\r\n`, 400],
    ['NUL in a header value', `GET /api/plan HTTP/1.1\r\n${H}X: a\x00b\r\n\r\n`, 400],
    ['a bare CR in a header value', `GET /api/plan HTTP/1.1\r\n${H}X: a\rb\r\n\r\n`, 400],
    ['lines ending in LF only', 'GET /api/plan HTTP/1.1\nHost: x\n\n', 400],
    ['Expect: bogus', `POST /api/evaluate HTTP/1.1\r\n${H}Expect: bogus\r\nContent-Length: 2\r\n\r\n{}`, 417],
    ['CONNECT', `CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n`, 405],
  ];
  for (const [name, request, status] of RAW)
    it(`node:http level: ${name} → ${status} problem+json`, async () => {
      const answer = await rawExchange(Number(new URL(api.url).port), request);
      expect(answer.status, answer.head).toBe(status);
      expect(answer.head.toLowerCase()).toContain('content-type: application/problem+json');
      expect(JSON.parse(answer.body)).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
    });

  it('node:http level: a client too slow with its headers gets a 408 problem+json', async () => {
    const server = createLocalServer({ env: { BOSSPO_STORAGE: api.azurite.connectionString }, log: () => undefined, connectionsCheckingInterval: 100 });
    server.headersTimeout = 300;
    server.requestTimeout = 600;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      // Half a request line and no end of headers: the client keeps the connection open and waits.
      const answer = await rawExchange(port, `GET /api/plan HTTP/1.1\r\n${H}`);
      expect(answer.status).toBe(408);
      expect(answer.head.toLowerCase()).toContain('content-type: application/problem+json');
      expect(JSON.parse(answer.body)).toMatchObject({ status: 408 });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('a 400 names the offending paths', async () => {
    const answer = await send(api.url, 'POST', E, {
      who: 'pabo',
      body: { fields: ['students'], people: [{ ref: '1', roles: ['WPB'] }, { ref: '2', students: -1, roles: ['XX'] }] },
    });
    expectProblem(answer, 400);
    const paths = (answer.json as { errors: { path: string }[] }).errors.map((e) => e.path).sort();
    expect(paths).toEqual(['/people/1/roles/0', '/people/1/students']);
  });

  it('keeps serving afterwards, and never answered 5xx', async () => {
    expect((await send(api.url, 'GET', '/api/health')).status).toBe(200);
    const ok = await api.client('pabo').evaluate({ fields: [], people: [{ ref: '1', roles: ['WPB'] }] });
    expect(ok.people).toHaveLength(1);
    const statuses = api.logs.map((l) => (JSON.parse(l) as { status: number }).status);
    expect(statuses.length).toBeGreaterThanOrEqual(CASES.length);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
  });
});
