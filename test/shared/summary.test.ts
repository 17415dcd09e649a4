// rules.md §5.2–§5.3: training need, pools and key figures in the JSON shape of interfaces.md §2.
import { describe, expect, it } from 'vitest';
import type { Person, RuleField } from '../../shared/model/person';
import { SummarySchema } from '../../shared/model/summary';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { evaluateSheet } from '../../shared/rules/evaluate';
import { combineNeeds, summarize } from '../../shared/summary/summarize';
import { person, P, R } from './helpers';

const sheetOf = (people: Person[], fields: RuleField[]) => ({
  people,
  evaluation: evaluateSheet(bossPoPlan, { fields, people }, { referenceDate: R, planningYear: P }),
});
const many = (n: number, make: (i: number) => Person) => Array.from({ length: n }, (_, i) => make(i));

describe('summary', () => {
  it('counts the need per training, groups rounded up, sessions and trainer hours from the plan', () => {
    const people = [
      ...many(17, () => person({ roles: ['WPB'], trainings: { WPB: null } })),
      ...many(3, () => person({ roles: ['OBP'], trainings: { OB: null } })),
      person({ roles: ['TRAINER'], trainings: { TRAINER: null } }),
      person({ roles: ['WPB'], trainings: { WPB: '2023-01-01' }, certificates: { WPB: true } }),
      person({ roles: ['SO'], trainings: { SOIO: '2024-03-01' }, certificates: { SOIO: true } }),
    ];
    const s = summarize(bossPoPlan, [sheetOf(people, ['training.WPB', 'training.OB', 'training.SOIO', 'training.TRAINER'])], { planningYear: P });
    expect(SummarySchema.parse(s)).toEqual(s);
    expect(s.needs.WPB).toEqual({ initial: 17, groups: 2, sessions: 12, trainerHours: 36 });
    expect(s.needs.SOIO).toEqual({ initial: 0, groups: 0, sessions: 0, trainerHours: 0 });
    expect(s.needs.OB).toEqual({ initial: 3, groups: 1, sessions: 2, trainerHours: 5 });
    expect(s.needs.TRAINER).toEqual({ initial: 1 });
    expect(s.needs.INTERVISOR).toEqual({ initial: 0 });
    expect(s.needs.INWERK).toEqual({ initial: 0 });
    expect(s.needs.REFRESH).toEqual({ initial: 2, groups: 1, sessions: 1, trainerHours: 3 });
    expect(s.pools.trainers).toEqual({ trainerHours: 39, perTrainer: 7.8, people: 5 });
    expect(s.pools['docent-onderzoekers']).toEqual({ trainerHours: 5 });
    expect(s.keyFigures.refreshersOverdue).toBe(1);
    expect(s.keyFigures.refreshersDue).toBe(1);
  });

  it('key figures: students placed and with a certified mentor, shares, schools', () => {
    const people = [
      person({ school: 'A', roles: ['WPB'], students: 3, trainings: { WPB: '2025-01-01' }, certificates: { WPB: true } }),
      person({ school: 'A', roles: ['WPB'], students: 2, trainings: { WPB: null } }),
      person({ school: 'B', roles: ['WPB'], students: 1, trainings: { WPB: { invalid: 'x' } } }),
      person({ school: 'B', roles: ['WPB'], students: null, trainings: { WPB: 'done' }, certificates: { WPB: true } }),
      person({ school: 'B', roles: ['SO', 'IO'], trainings: { SOIO: '2025-01-01' } }),
      person({ school: 'C', roles: ['IO'], trainings: { SOIO: null } }),
      person({ school: 'C', roles: ['OBP'], trainings: { OB: '2025-01-01' } }),
      person({ school: 'D', students: 9 }),
    ];
    const fields: RuleField[] = ['school', 'students', 'training.WPB', 'certificate.WPB', 'training.SOIO', 'training.OB'];
    const s = summarize(bossPoPlan, [sheetOf(people, fields)], { planningYear: P });
    expect(s.keyFigures).toEqual({
      studentsPlaced: 6,
      studentsWithCertifiedWpb: 4,
      wpbTrainedShare: 0.5,
      soioTrainedShare: 0.5,
      schoolsWithTrainedOb: 1,
      schools: 3,
      refreshersOverdue: 0,
      refreshersDue: 0,
    });
  });

  it('shares are null when nobody is counted; schools null when no sheet has a school column', () => {
    const s = summarize(bossPoPlan, [sheetOf([person({ roles: ['COACH'] }), person({})], [])], { planningYear: P });
    expect(s.keyFigures.wpbTrainedShare).toBeNull();
    expect(s.keyFigures.soioTrainedShare).toBeNull();
    expect(s.keyFigures.schools).toBeNull();
    expect(s.keyFigures.schoolsWithTrainedOb).toBeNull();
    expect(s.roles).toEqual({ COACH: { count: 1, plan: null } });
  });

  it('roles: every role present with the plan’s number; rows without a role are left out', () => {
    const people = [
      person({ roles: ['WPB', 'OBP'] }),
      person({ roles: ['WPB'] }),
      person({ roles: [], unknownRoles: ['kartrekker'] }),
      person({}),
    ];
    const s = summarize(bossPoPlan, [sheetOf(people, [])], { planningYear: P });
    expect(s.roles).toEqual({ WPB: { count: 2, plan: 360 }, OBP: { count: 1, plan: 16 } });
  });

  it('facilitation per role with a norm, and a total over rows where norm and granted hours are both known', () => {
    const people = [
      person({ roles: ['SO'], hoursGranted: 100 }),
      person({ roles: ['SO', 'WPB'], students: 2, hoursGranted: 150 }),
      person({ roles: ['WPB'], students: null, hoursGranted: 10 }),
      person({ roles: ['WPB'], students: 1, hoursGranted: null }),
      person({ roles: ['COACH'], hoursGranted: 5 }),
    ];
    const s = summarize(bossPoPlan, [sheetOf(people, ['students', 'hoursGranted'])], { planningYear: P });
    expect(s.facilitation).toEqual({
      WPB: { normHours: 60, hoursGranted: 160 },
      SO: { normHours: 320, hoursGranted: 250 },
      total: { normHours: 360, hoursGranted: 250 },
    });
  });

  it('adds up several sheets without merging people by personId', () => {
    const a = sheetOf([person({ personId: '1', roles: ['WPB'], trainings: { WPB: null } })], ['training.WPB', 'school']);
    const b = sheetOf([person({ personId: '1', roles: ['WPB'], trainings: { WPB: null } })], ['training.WPB']);
    const s = summarize(bossPoPlan, [a, b], { planningYear: P });
    expect(s.needs.WPB!.initial).toBe(2);
    expect(s.roles.WPB!.count).toBe(2);
    expect(s.keyFigures.schools).toBe(0);
  });
});

describe('combineNeeds', () => {
  it('two boards needing 9 and 7 mentor trainings make 16 people and 1 group', () => {
    const { needs, pools } = combineNeeds(bossPoPlan, [{ WPB: { initial: 9, groups: 1, trainerHours: 18 } }, { WPB: { initial: 7 } }]);
    expect(needs.WPB).toEqual({ initial: 16, groups: 1, sessions: 6, trainerHours: 18 });
    expect(pools.trainers).toEqual({ trainerHours: 18, perTrainer: 3.6, people: 5 });
  });

  it('17 people make 2 groups; trainings a board did not send count 0', () => {
    const { needs } = combineNeeds(bossPoPlan, [{ WPB: { initial: 9 } }, { WPB: { initial: 8 }, OB: { initial: 1 } }]);
    expect(needs.WPB!.groups).toBe(2);
    expect(needs.OB).toEqual({ initial: 1, groups: 1, sessions: 2, trainerHours: 5 });
    expect(needs.SOIO!.initial).toBe(0);
  });
});
