// Table storage going away and coming back: 503 with Retry-After while it is gone, everything back
// afterwards with nothing lost (Azurite persisted to a folder, restarted on the same port).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type AzuriteHandle } from '../support/azurite';
import { startTestApi, type TestApi } from '../support/api-server';
import { expectProblem, send } from './http';

let folder: string;
let azurite: AzuriteHandle | undefined;
let api: TestApi | undefined;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'bosspo-azurite-'));
  azurite = await startAzurite({ location: folder });
  api = await startTestApi({ azurite });
});
afterAll(async () => {
  await api?.stop();
  await azurite?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('storage faults', () => {
  it('answers 503 with Retry-After while storage is down, and loses nothing once it is back', async () => {
    const pabo = api!.client('pabo');
    const records = Array.from({ length: 150 }, (_, i) => ({ personId: `F-${i}`, training: 'WPB' as const, date: '2025-05-01' }));
    expect(await pabo.putRegister('BOOR', records)).toMatchObject({ created: 150 });
    await pabo.putNeeds('2026-2027', 'BOOR', { needs: { WPB: { initial: 4 } } });

    await azurite!.stop();
    const health = await send(api!.url, 'GET', '/api/health');
    expectProblem(health, 503);
    expect(Number(health.headers.get('retry-after'))).toBeGreaterThan(0);
    for (const write of [
      send(api!.url, 'PUT', '/api/register/BOOR/records', { who: 'pabo', body: { records: records.slice(0, 1) } }),
      send(api!.url, 'PUT', '/api/needs/2026-2027/BOOR', { who: 'boor', body: { needs: { WPB: { initial: 5 } } } }),
      send(api!.url, 'GET', '/api/register/BOOR/records', { who: 'boor' }),
      send(api!.url, 'DELETE', '/api/register/BOOR/people/F-1', { who: 'pabo' }),
      send(api!.url, 'POST', '/api/evaluate', { who: 'boor', body: { fields: [], people: [{ ref: '1', personId: 'F-1', board: 'BOOR', roles: ['WPB'] }] } }),
    ]) {
      const answer = await write;
      expectProblem(answer, 503);
      expect(answer.headers.get('retry-after')).toBeTruthy();
    }
    // Without the register, evaluation needs no storage at all.
    expect((await pabo.evaluate({ fields: [], people: [{ ref: '1', roles: ['WPB'] }], register: false })).people).toHaveLength(1);

    azurite = await startAzurite({ location: folder, port: azurite!.port });
    expect((await send(api!.url, 'GET', '/api/health')).status).toBe(200);
    expect((await pabo.listAllRegister('BOOR')).map((r) => r.personId).sort()).toEqual(records.map((r) => r.personId).sort());
    expect((await pabo.getNeeds('2026-2027')).boards.BOOR?.needs).toEqual({ WPB: { initial: 4 } });
    expect(await pabo.putNeeds('2026-2027', 'BOOR', { needs: { WPB: { initial: 5 } } })).toMatchObject({ httpStatus: 201, version: 2 });
  }, 120_000);
});
