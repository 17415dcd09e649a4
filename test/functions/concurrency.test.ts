// Parallel writers against a real Azurite: none lost, none doubled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api-server';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: { BOSSPO_BOARDS: '["Concurrent"]' } });
});
afterAll(async () => {
  await api?.stop();
});

describe('concurrency', () => {
  it('20 parallel writers upserting 500 overlapping register records each store exactly the expected set', async () => {
    const writers = 20;
    const perWriter = 500;
    const stride = 50; // writer w writes persons w*50 … w*50+499: neighbours overlap by 450
    const trainings = ['WPB', 'SOIO', 'OB'] as const;
    const recordsOf = (w: number) =>
      Array.from({ length: perWriter }, (_, i) => {
        const n = w * stride + i;
        return { personId: `C-${n}`, training: trainings[n % 3]!, date: '2025-02-01', certificate: w % 2 === 0 };
      });
    const pabo = api.client('pabo');
    const answers = await Promise.all(Array.from({ length: writers }, (_, w) => pabo.putRegister('Concurrent', recordsOf(w))));
    for (const a of answers) {
      expect(a.rejected).toBe(0);
      expect(a.created + a.updated).toBe(perWriter);
    }
    const expected = new Set(Array.from({ length: (writers - 1) * stride + perWriter }, (_, n) => `C-${n}|${trainings[n % 3]}|2025-02-01`));
    const stored = await pabo.listAllRegister('Concurrent', { pageSize: 1000 });
    const keys = stored.map((r) => `${r.personId}|${r.training}|${r.date}`);
    expect(keys.length).toBe(expected.size);
    expect(new Set(keys)).toEqual(expected);
  }, 120_000);

  it('10 parallel needs PUTs for one board all land in the history, and the latest is one of them', async () => {
    const board = api.client('boor');
    const bodies = Array.from({ length: 10 }, (_, i) => ({ needs: { WPB: { initial: 10 + i }, OB: { initial: i } } }));
    const answers = await Promise.all(bodies.map((b) => board.putNeeds('2027-2028', 'BOOR', b)));
    expect(answers.every((a) => a.httpStatus === 201 && a.stored)).toBe(true);
    expect(answers.map((a) => a.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    const own = await board.getBoardNeeds('2027-2028', 'BOOR');
    expect(own.history.map((h) => h.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const combined = await api.client('pabo').getNeeds('2027-2028');
    const latest = combined.boards.BOOR!;
    expect(latest.version).toBe(10);
    const byVersion = new Map(answers.map((a, i) => [a.version, bodies[i]!]));
    expect(latest.needs).toEqual(byVersion.get(10)!.needs);
    expect(bodies.map((b) => b.needs.WPB.initial)).toContain(latest.needs.WPB!.initial);
    expect(combined.combined.needs.WPB!.initial).toBe(latest.needs.WPB!.initial);
  }, 60_000);

  it('10 parallel identical needs PUTs store one version; the others answer 200', async () => {
    const body = { needs: { SOIO: { initial: 3 } } };
    const answers = await Promise.all(Array.from({ length: 10 }, () => api.client('pabo').putNeeds('2028-2029', 'Wijzer', body)));
    expect(answers.filter((a) => a.httpStatus === 201)).toHaveLength(1);
    expect(answers.every((a) => a.version === 1)).toBe(true);
    expect((await api.client('pabo').getBoardNeeds('2028-2029', 'Wijzer')).history).toHaveLength(1);
  }, 60_000);
});
