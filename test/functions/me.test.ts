// GET /api/me tells a caller its own role, board and name, so the task pane shows only the views the
// role may use; the API still enforces the same rules on every route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';
import { expectProblem, send } from './http';

let api: TestApi;
let azure: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  azure = await startTestApi({ env: { WEBSITE_AUTH_ENABLED: 'true' }, azurite: api.azurite });
}, 120_000);
afterAll(async () => {
  await azure?.stop();
  await api?.stop();
});

const principal = (claims: { typ: string; val: string }[]) => ({
  'x-ms-client-principal': Buffer.from(JSON.stringify({ auth_typ: 'aad', claims })).toString('base64'),
});

describe('GET /api/me', () => {
  it('answers a board key with role board, its board and the key name', async () => {
    await expect(api.client('boor').me()).resolves.toEqual({ role: 'board', roles: ['board'], board: 'BOOR', boards: ['BOOR'], name: 'HR BOOR' });
  });

  it('answers the pabo and the stuurgroep keys without a board', async () => {
    await expect(api.client('pabo').me()).resolves.toMatchObject({ role: 'pabo', board: null, name: 'Pabo' });
    await expect(api.client('stuurgroep').me()).resolves.toMatchObject({ role: 'stuurgroep', board: null, name: 'Stuurgroep' });
  });

  it('refuses no key (401) and a wrong key (401), and other methods (405)', async () => {
    expectProblem(await send(api.url, 'GET', '/api/me'), 401);
    expectProblem(await send(api.url, 'GET', '/api/me', { key: 'not-a-key' }), 401);
    expectProblem(await send(api.url, 'POST', '/api/me', { who: 'pabo', body: {} }), 405);
  });

  it('in Azure takes role, board and name from the signed-in principal', async () => {
    const answer = await send(azure.url, 'GET', '/api/me', {
      headers: principal([
        { typ: 'roles', val: 'board:Wijzer' },
        { typ: 'name', val: 'A. de Vries' },
      ]),
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ role: 'board', roles: ['board'], board: 'Wijzer', boards: ['Wijzer'], name: 'A. de Vries' });
    const both = await send(azure.url, 'GET', '/api/me', { headers: principal([{ typ: 'roles', val: 'stuurgroep' }, { typ: 'roles', val: 'pabo' }]) });
    expect(both.json).toMatchObject({ role: 'pabo', roles: ['stuurgroep', 'pabo'], board: null, name: null });
    expectProblem(await send(azure.url, 'GET', '/api/me', { headers: principal([{ typ: 'roles', val: 'viewer' }]) }), 403);
  });

  it('never writes the caller\'s name into the log', async () => {
    await api.client('boor').me();
    expect(api.logs.join('\n')).not.toContain('HR BOOR');
  });
});
