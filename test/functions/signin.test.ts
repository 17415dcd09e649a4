// Sign-in in Azure, end to end on this machine: every route for every role through an Entra access
// token (checked by the app against a local tenant's JWKS over real HTTP), through the App Service
// principal header exactly as the platform hands it, and through API keys — one table for all three.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKeys } from '../../functions/src/auth/keys';
import { startTestApi, type TestApi } from '../support/api-server';
import { startFakeEntra, type FakeEntra } from '../support/entra';
import { KEY_CALLERS, principalHeader, runRouteMatrix, viaKeys, viaPrincipal, viaToken, type MatrixCaller } from '../support/route-matrix';
import { expectProblem, send } from './http';

const KEYS: ApiKeys = {
  'matrix-key-boor-0123456789': { name: 'HR BOOR', role: 'board', board: 'BOOR' },
  'matrix-key-primo-0123456789': { name: 'HR Primo', role: 'board', board: 'Primo Schiedam' },
  'matrix-key-pabo-0123456789': { name: 'Pabo', role: 'pabo' },
  'matrix-key-stuurgroep-0123456789': { name: 'Stuurgroep', role: 'stuurgroep' },
};
const keyOf: Partial<Record<MatrixCaller, string>> = {
  boor: 'matrix-key-boor-0123456789',
  primo: 'matrix-key-primo-0123456789',
  pabo: 'matrix-key-pabo-0123456789',
  stuurgroep: 'matrix-key-stuurgroep-0123456789',
};

let entra: FakeEntra;
let api: TestApi;
beforeAll(async () => {
  entra = await startFakeEntra();
  api = await startTestApi({ keys: KEYS, env: { WEBSITE_AUTH_ENABLED: 'True', ...entra.env() } });
});
afterAll(async () => {
  await api?.stop();
  await entra?.close();
});

describe('every route for every role', () => {
  it('through an Entra access token checked by the app (signature, issuer, audience, expiry, scope, roles)', async () => {
    expect(await runRouteMatrix(api.url, viaToken((claims) => entra.token(claims)))).toEqual([]);
  });

  it('through the App Service principal header (WEBSITE_AUTH_ENABLED=True)', async () => {
    expect(await runRouteMatrix(api.url, viaPrincipal)).toEqual([]);
  });

  it('through API keys (local use and scripts)', async () => {
    expect(await runRouteMatrix(api.url, viaKeys(keyOf), KEY_CALLERS)).toEqual([]);
  });
});

describe('a token that is not for this API is refused with 401 problem+json', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const cases: [string, () => Promise<string>][] = [
    ['expired', () => entra.token({ roles: ['pabo'], iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 })],
    ['for another audience', () => entra.token({ roles: ['pabo'], aud: '00000003-0000-0000-c000-000000000000' })],
    ['from another issuer', () => entra.token({ roles: ['pabo'], iss: 'https://sts.windows.net/someone-else/' })],
    ['from another tenant', () => entra.token({ roles: ['pabo'], tid: '11111111-2222-3333-4444-555555555555' })],
    ['signed with a key the tenant never published', () => entra.token({ roles: ['pabo'] }, { key: 'stranger' })],
    ['without the access_as_user scope (app-only)', () => entra.token({ roles: ['pabo'], scp: undefined })],
    ['not yet valid', () => entra.token({ roles: ['pabo'], nbf: now() + 3600 })],
    ['unsigned (alg none)', async () => {
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: entra.issuer, aud: entra.clientId, tid: entra.tenantId, scp: 'access_as_user', roles: ['pabo'], iat: now(), exp: now() + 600 })}.`;
    }],
    ['not a JWT', async () => 'not-a-token'],
  ];
  for (const [what, make] of cases)
    it(what, async () => {
      expectProblem(await send(api.url, 'GET', '/api/needs/2026-2027', { headers: { authorization: `Bearer ${await make()}` } }), 401);
    });

  it('a bad token is not rescued by a valid API key or principal sent beside it', async () => {
    const bad = await entra.token({ roles: ['pabo'] }, { key: 'stranger' });
    const answer = await send(api.url, 'GET', '/api/plan', {
      key: 'matrix-key-pabo-0123456789',
      headers: { authorization: `Bearer ${bad}`, 'x-ms-client-principal': principalHeader(['pabo']) },
    });
    expectProblem(answer, 401);
  });
});

describe('when the tenant\'s keys cannot be fetched', () => {
  it('a bearer token gets 503 with Retry-After (the server\'s trouble), not 401 and never 500', async () => {
    const dead = await startTestApi({ keys: KEYS, env: { ...entra.env(), BOSSPO_AUTH_AUTHORITY: 'http://127.0.0.1:9' } });
    try {
      const answer = await send(dead.url, 'GET', '/api/plan', { headers: { authorization: `Bearer ${await entra.token({ roles: ['pabo'] })}` } });
      expectProblem(answer, 503);
      expect(answer.headers.get('retry-after')).toBeTruthy();
      // API keys still work meanwhile.
      expect((await send(dead.url, 'GET', '/api/plan', { key: 'matrix-key-pabo-0123456789' })).status).toBe(200);
    } finally {
      await dead.stop();
    }
  });
});

describe('what the signed-in user sees', () => {
  it('GET /api/me names the board of `board:PRIMO` as the table spells it, and the token\'s name', async () => {
    const answer = await send(api.url, 'GET', '/api/me', { headers: { authorization: `Bearer ${await entra.token({ roles: ['board:PRIMO'], name: 'Anna' })}` } });
    expect(answer.json).toMatchObject({ role: 'board', board: 'Primo Schiedam', boards: ['Primo Schiedam'], name: 'Anna' });
  });

  it('the tenant\'s keys are fetched once and reused, not per request', async () => {
    const before = entra.jwksFetches();
    for (let i = 0; i < 5; i++) await send(api.url, 'GET', '/api/plan', { headers: { authorization: `Bearer ${await entra.token({ roles: ['pabo'] })}` } });
    expect(entra.jwksFetches() - before).toBe(0);
    expect(entra.jwksFetches()).toBe(1);
  });

  it('the request log names the role, never the user or the token', async () => {
    const token = await entra.token({ roles: ['stuurgroep'], name: 'Zeldzame Naam' });
    await send(api.url, 'GET', '/api/needs/2026-2027', { headers: { authorization: `Bearer ${token}` } });
    await new Promise((r) => setTimeout(r, 100));
    const log = api.logs.join('\n');
    expect(log).toContain('"role":"stuurgroep"');
    expect(log).not.toContain('Zeldzame');
    expect(log).not.toContain(token.slice(-20));
  });
});
