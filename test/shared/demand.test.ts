// Plan §4–§5 (docs/rules.md, "Summary"): the trainer demand's figures (shared/summary/demand.ts) before
// any layout. Where the API gives combined figures they are taken; where it gives none they are the
// figures needs.ts computes for the API, so the sheet, the pane and the terminal never disagree with it.
import { describe, expect, it } from 'vitest';
import type { NeedsGetResponse } from '../../shared/api/needs';
import type { Needs } from '../../shared/model/summary';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { loadPlan } from '../../shared/plan/schema';
import { computeDemand, splitOverRounds } from '../../shared/summary/demand';
import { combineNeeds } from '../../shared/summary/needs';

const boards: Record<string, Needs> = {
  BOOR: { WPB: { initial: 9 }, SOIO: { initial: 2 }, REFRESH: { initial: 11 } },
  Wijzer: { WPB: { initial: 7 }, OB: { initial: 13 }, INWERK: { initial: 4 } },
  Zeeland: { WPB: { initial: 23 }, SOIO: { initial: 1 }, OB: { initial: 1 }, REFRESH: { initial: 40 } },
};

function needs(combined: NeedsGetResponse['combined']): NeedsGetResponse {
  return {
    schoolYear: '2026-2027',
    boards: Object.fromEntries(
      Object.entries(boards).map(([b, n], i) => [b, { needs: n, submittedAt: `2026-11-2${i}T10:00:00.000Z`, version: 1 }]),
    ),
    combined,
    missing: ['SIKO'],
  };
}

describe('splitting groups over rounds', () => {
  it('gives the odd group to the first round (3 groups → najaar 2, voorjaar 1)', () => {
    expect(splitOverRounds(3, 2)).toEqual([2, 1]);
    expect(splitOverRounds(4, 2)).toEqual([2, 2]);
    expect(splitOverRounds(1, 2)).toEqual([1, 0]);
    expect(splitOverRounds(0, 2)).toEqual([0, 0]);
    expect(splitOverRounds(5, 1)).toEqual([5]);
  });
});

describe('trainer demand', () => {
  it('without the API’s combined figures, computes the very figures the API computes from the summed counts', () => {
    const api = combineNeeds(bossPoPlan, Object.values(boards));
    const fromApi = computeDemand(bossPoPlan, needs(api));
    const computed = computeDemand(bossPoPlan, needs({ needs: {}, pools: {} }));
    expect(computed).toEqual(fromApi);
    for (const t of computed.trainings) {
      const need = api.needs[t.training.code]!;
      expect([t.initial, t.groups, t.sessions, t.trainerHours], t.training.code).toEqual([
        need.initial,
        need.groups ?? null,
        need.sessions ?? null,
        need.trainerHours ?? null,
      ]);
    }
    for (const p of computed.pools) expect(p.trainerHours, p.code).toBe(api.pools[p.code]!.trainerHours);
    // 9 + 7 + 23 WPB people are 39, in groups of 16: 3 groups (never 1 + 1 + 2 per board).
    expect(computed.trainings.find((t) => t.training.code === 'WPB')!.groups).toBe(3);
  });

  it('takes the API’s combined figures as given', () => {
    const d = computeDemand(bossPoPlan, needs({ needs: { WPB: { initial: 39, groups: 5, trainerHours: 90 } }, pools: { trainers: { trainerHours: 120 } } }));
    const wpb = d.trainings.find((t) => t.training.code === 'WPB')!;
    expect([wpb.groups, wpb.trainerHours]).toEqual([5, 90]);
    expect(wpb.rounds!.map((r) => r.groups)).toEqual([3, 2]);
    const trainers = d.pools.find((p) => p.code === 'trainers')!;
    expect([trainers.trainerHours, trainers.perPerson]).toEqual([120, 24]);
  });

  it('takes group sizes, sessions and rounds from the plan data, not from code', () => {
    const plan = loadPlan({
      ...bossPoPlan,
      trainings: bossPoPlan.trainings.map((t) =>
        t.code === 'WPB'
          ? {
              ...t,
              groups: { ...t.groups!, groupSize: { ...t.groups!.groupSize, value: 10 } },
              rounds: { perYear: { ...t.rounds!.perYear, value: 3 }, names: ['herfst', 'winter', 'lente'] },
            }
          : t,
      ),
    });
    // Without the API's combined groups the plan fills the gap: 16 people in groups of 10 → 2 groups.
    const d = computeDemand(plan, needs({ needs: { WPB: { initial: 16 } }, pools: {} }));
    const wpb = d.trainings.find((t) => t.training.code === 'WPB')!;
    expect(wpb.groups).toBe(2);
    expect(wpb.trainerHours).toBe(36);
    expect(wpb.rounds!.map((r) => [r.name, r.groups])).toEqual([
      ['herfst', 1],
      ['winter', 1],
      ['lente', 0],
    ]);
    // 3 SOIO people make 1 group of 18 hours and 51 refreshers 3 groups of 3 hours, on top of WPB's 36.
    expect(d.pools.find((p) => p.code === 'trainers')!.trainerHours).toBe(36 + 18 + 9);
  });
});
