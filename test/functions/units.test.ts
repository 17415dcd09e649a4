// The function app's small parts without a server: keys, App Service principals, table keys, routing,
// body limits.
import { RestError } from '@azure/data-tables';
import { describe, expect, it } from 'vitest';
import { createDeps } from '../../functions/src/deps';
import { createPipeline } from '../../functions/src/http/pipeline';
import { knownBoards } from '../../functions/src/known-boards';
import type { RegisterRepository } from '../../functions/src/storage/register-repository';
import { ConfigError, keyRing, parseApiKeys } from '../../functions/src/auth/keys';
import { authEnabled, callerFromPrincipal } from '../../functions/src/auth/principal';
import { BodyTooLarge, isJsonContentType, readBody } from '../../functions/src/http/body';
import { matchRoute } from '../../functions/src/http/router';
import { boardKey, boardPartition, encodeKeyPart, FORBIDDEN_KEY_CHARS } from '../../functions/src/storage/keys';
import { routes } from '../../functions/src/routes';

const principal = (claims: { typ: string; val: string }[], roleTyp?: string) =>
  Buffer.from(JSON.stringify({ auth_typ: 'aad', ...(roleTyp ? { role_typ: roleTyp } : {}), claims })).toString('base64');

describe('API keys', () => {
  const ring = keyRing(
    parseApiKeys(JSON.stringify({ k1: { name: 'a', role: 'board', board: 'BOOR' }, k2: { name: 'b', role: 'pabo' } })),
  );

  it('identify the caller by key and nothing else', () => {
    expect(ring.identify('k1')).toEqual({ roles: ['board'], boards: ['BOOR'] });
    expect(ring.identify('k2')).toEqual({ roles: ['pabo'], boards: [] });
    expect(ring.identify('k')).toBeNull();
    expect(ring.identify('k1 ')).toBeNull();
    expect(ring.identify('')).toBeNull();
    expect(ring.boards).toEqual(['BOOR']);
  });

  it('refuse a malformed setting with a clear message', () => {
    expect(() => parseApiKeys('{')).toThrow(ConfigError);
    expect(() => parseApiKeys('{"k":{"name":"x","role":"board"}}')).toThrow(/board/);
    expect(() => parseApiKeys('{"k":{"name":"x","role":"admin"}}')).toThrow(ConfigError);
    expect(parseApiKeys(undefined)).toEqual({});
  });
});

describe('App Service Authentication principal', () => {
  it('maps app roles board:NAME, pabo and stuurgroep', () => {
    expect(callerFromPrincipal(principal([{ typ: 'roles', val: 'board:Primo Schiedam' }]))).toEqual({
      roles: ['board'],
      boards: ['Primo Schiedam'],
    });
    expect(callerFromPrincipal(principal([{ typ: 'roles', val: 'Pabo' }, { typ: 'name', val: 'someone' }]))).toEqual({
      roles: ['pabo'],
      boards: [],
    });
    expect(callerFromPrincipal(principal([{ typ: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role', val: 'stuurgroep' }]))?.roles).toEqual([
      'stuurgroep',
    ]);
    expect(callerFromPrincipal(principal([{ typ: 'custom-role', val: 'board.BOOR' }], 'custom-role'))?.boards).toEqual(['BOOR']);
  });

  it('gives no role for unknown roles, other claims or an unreadable header', () => {
    expect(callerFromPrincipal(principal([{ typ: 'roles', val: 'admin' }]))).toEqual({ roles: [], boards: [] });
    expect(callerFromPrincipal(principal([{ typ: 'groups', val: 'pabo' }]))).toEqual({ roles: [], boards: [] });
    expect(callerFromPrincipal('not base64 json')).toBeNull();
    expect(callerFromPrincipal(Buffer.from('{"claims":"x"}').toString('base64'))).toBeNull();
  });

  it('is trusted only when WEBSITE_AUTH_ENABLED is True', () => {
    expect(authEnabled({ WEBSITE_AUTH_ENABLED: 'True' })).toBe(true);
    expect(authEnabled({ WEBSITE_AUTH_ENABLED: 'false' })).toBe(false);
    expect(authEnabled({})).toBe(false);
  });
});

describe('table keys', () => {
  it('never contain / \\ # ? or control characters, whatever the user typed', () => {
    for (const text of ['a/b', 'c\\d', 'e#f', 'g?h', 'tab\there', 'nul\u0000', "it's", '"q"', '名前', ' BOOR '])
      expect(encodeKeyPart(text)).not.toMatch(FORBIDDEN_KEY_CHARS);
  });

  it('compare boards trimmed and case-folded', () => {
    expect(boardKey('  Primo   Schiedam ')).toBe('primo schiedam');
    expect(boardPartition('BOOR')).toBe(boardPartition(' boor'));
    expect(boardPartition('BOOR')).not.toBe(boardPartition('Wijzer'));
  });
});

describe('routing', () => {
  it('finds a route, decodes its parameters, and tells 404 from 405', () => {
    const found = matchRoute(routes, 'DELETE', '/api/register/A%2FB/people/x%23y');
    expect(found.kind === 'found' && found.params).toEqual({ board: 'A/B', personId: 'x#y' });
    expect(matchRoute(routes, 'GET', '/api/HEALTH/').kind).toBe('found');
    expect(matchRoute(routes, 'PATCH', '/api/evaluate')).toEqual({ kind: 'method', allow: ['POST'], template: 'evaluate' });
    expect(matchRoute(routes, 'GET', '/api/evaluate/x').kind).toBe('none');
    expect(matchRoute(routes, 'GET', '/api/register/%ZZ/records').kind).toBe('none');
  });

  it('has one entry per method and path, each with a handler', () => {
    const keys = routes.map((r) => `${r.method} ${r.route}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(routes.map((r) => r.name)).size).toBe(routes.length);
  });
});

describe('request bodies', () => {
  async function* chunks(n: number, size: number) {
    for (let i = 0; i < n; i++) yield new Uint8Array(size);
  }

  it('stop reading as soon as the limit is passed', async () => {
    let pulled = 0;
    async function* counted() {
      for await (const c of chunks(100, 1024)) {
        pulled++;
        yield c;
      }
    }
    await expect(readBody(counted(), 10 * 1024)).rejects.toBeInstanceOf(BodyTooLarge);
    expect(pulled).toBe(11);
    expect((await readBody(chunks(10, 1024), 10 * 1024)).byteLength).toBe(10 * 1024);
  });

  it('accept JSON in UTF-8 only', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('Application/JSON; charset=UTF-8')).toBe(true);
    expect(isJsonContentType('application/json; charset=latin1')).toBe(false);
    expect(isJsonContentType('text/json')).toBe(false);
    expect(isJsonContentType(null)).toBe(false);
  });
});

describe('the pipeline and the storage', () => {
  it('a storage 400 for what a request carried answers 400, not 503; an outage stays 503', async () => {
    const keys = { k: { name: 'Pabo', role: 'pabo' as const } };
    const base = createDeps({ env: { BOSSPO_API_KEYS: JSON.stringify(keys), BOSSPO_STORAGE: 'UseDevelopmentStorage=true' }, log: () => undefined });
    const failing = (statusCode: number) =>
      createPipeline(routes, {
        ...base,
        register: async () =>
          ({
            list: async () => {
              throw new RestError('refused', { statusCode });
            },
          }) as unknown as RegisterRepository,
      });
    const request = {
      method: 'GET',
      path: '/api/register/BOOR/records',
      query: new URLSearchParams(),
      headers: { get: (name: string) => (name === 'x-api-key' ? 'k' : null) },
      body: null,
    };
    const refused = await failing(400)(request);
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await failing(503)(request)).status).toBe(503);
  });
});

describe('evaluate asks which boards have register records before it reads the body', () => {
  const keys = { k: { name: 'Pabo', role: 'pabo' as const } };
  const base = createDeps({ env: { BOSSPO_API_KEYS: JSON.stringify(keys), BOSSPO_STORAGE: 'UseDevelopmentStorage=true' }, log: () => undefined });
  const evaluateRequest = (body: object, events: string[]) => ({
    method: 'POST',
    path: '/api/evaluate',
    query: new URLSearchParams(),
    headers: { get: (name: string) => ({ 'x-api-key': 'k', 'content-type': 'application/json' })[name] ?? null },
    body: (async function* () {
      // The body arrives over the network: a turn of the event loop at least.
      await new Promise((resolve) => setImmediate(resolve));
      events.push('body read');
      yield new TextEncoder().encode(JSON.stringify(body));
    })(),
  });
  const withBoards = (events: string[], boards: () => Promise<Map<string, string>>) =>
    createPipeline(routes, {
      ...base,
      register: async () =>
        ({
          boards: () => {
            events.push('boards asked');
            return boards();
          },
          all: async () => [],
        }) as unknown as RegisterRepository,
    });
  const person = { ref: '1', personId: 'P-1', board: 'BOOR', roles: ['WPB'] };

  it('the storage round trip starts first and its answer is used', async () => {
    const events: string[] = [];
    const answer = await withBoards(events, async () => new Map())(evaluateRequest({ fields: [], people: [person] }, events));
    expect(answer.status).toBe(200);
    expect(events).toEqual(['boards asked', 'body read']);
  });

  it('a storage failure is a 503 when the register is needed, and nothing when it is not or the body is refused', async () => {
    const down = () => Promise.reject(new RestError('down', { code: 'ECONNREFUSED' }));
    expect((await withBoards([], down)(evaluateRequest({ fields: [], people: [person] }, []))).status).toBe(503);
    expect((await withBoards([], down)(evaluateRequest({ fields: [], people: [person], register: false }, []))).status).toBe(200);
    expect((await withBoards([], down)(evaluateRequest({ fields: [], people: [{ ...person, ref: '' }] }, []))).status).toBe(400);
  });
});

describe('known boards (BOSSPO_BOARDS)', () => {
  it('default to the partnership\'s boards; take a JSON array or a comma list; add the boards of board keys', () => {
    expect(knownBoards(undefined).names).toEqual(['BOOR', 'Wijzer', 'OZHW', 'Primo Schiedam', 'SIKO', 'Pabo HR']);
    expect(knownBoards('  ').names).toHaveLength(6);
    expect(knownBoards('["SIKO"," OZHW "]', ['BOOR', 'siko']).names).toEqual(['SIKO', 'OZHW', 'BOOR']);
    expect(knownBoards('SIKO, Primo Schiedam').names).toEqual(['SIKO', 'Primo Schiedam']);
  });

  it('find a board trimmed and case-folded, in its configured spelling; nothing else, prototype names included', () => {
    const boards = knownBoards(undefined);
    expect(boards.find('  pabo  hr ')).toBe('Pabo HR');
    expect(boards.find('PRIMO SCHIEDAM')).toBe('Primo Schiedam');
    for (const name of ['__proto__', 'constructor', 'toString', 'valueOf', 'BOOR\n', 'BO\u0000OR', ''])
      expect(boards.find(name), JSON.stringify(name)).toBeUndefined();
    expect(knownBoards('["__proto__"]').find('__PROTO__')).toBe('__proto__');
  });

  it('refuse a setting that is no list of names, or a name too long for a storage key', () => {
    expect(() => knownBoards('{"a":1}')).toThrow(ConfigError);
    expect(() => knownBoards('["BOOR\\u0001"]')).toThrow(ConfigError);
    expect(() => knownBoards(JSON.stringify(['\ufb2c'.repeat(100)]))).toThrow(/too long/);
  });
});
