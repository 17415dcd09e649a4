// In Azure, App Service Authentication signs users in and passes their app roles; the function app
// trusts that header only when the platform says authentication is on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { expectProblem, send } from './http';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: { WEBSITE_AUTH_ENABLED: 'True' } });
});
afterAll(async () => {
  await api?.stop();
});

const as = (...roles: string[]) => ({
  'x-ms-client-principal': Buffer.from(
    JSON.stringify({ auth_typ: 'aad', claims: roles.map((val) => ({ typ: 'roles', val })) }),
  ).toString('base64'),
});

describe('App Service Authentication roles', () => {
  it('board:BOOR writes its own need but not another board\'s', async () => {
    expect((await send(api.url, 'PUT', '/api/needs/2026-2027/BOOR', { headers: as('board:BOOR'), body: { needs: {} } })).status).toBe(201);
    expectProblem(await send(api.url, 'PUT', '/api/needs/2026-2027/Wijzer', { headers: as('board:BOOR'), body: { needs: {} } }), 403);
  });

  it('stuurgroep reads combined needs, pabo writes the register, a user without app role is refused', async () => {
    expect((await send(api.url, 'GET', '/api/needs/2026-2027', { headers: as('stuurgroep') })).status).toBe(200);
    expect((await send(api.url, 'PUT', '/api/register/BOOR/records', { headers: as('pabo'), body: { records: [] } })).status).toBe(200);
    expectProblem(await send(api.url, 'GET', '/api/plan', { headers: as('viewer') }), 403);
    expectProblem(await send(api.url, 'GET', '/api/plan'), 401);
  });

  it('still accepts API keys', async () => {
    expect((await send(api.url, 'GET', '/api/plan', { who: 'boor' })).status).toBe(200);
  });
});
