// Plan §4–§5 (rules.md §5.2): groups, sessions and trainer hours from the number of people who need
// each training, and the totals per trainer pool. Combined totals always come from summed counts.
import type { Needs, Pools } from '../model/summary';
import type { Plan, TrainingCode, TrainingDef } from '../plan/schema';

/** The plan's group figures of a training given in groups (absent for meelopen and the inwerkprogramma). */
export type TrainingGroups = NonNullable<TrainingDef['groups']>;

/** Groups for `count` people: the count over the group size, rounded up (plan §4). */
export function groupsFor(groups: TrainingGroups, count: number): number {
  return Math.ceil(count / groups.groupSize.value);
}

/** Sessions and trainer hours of `count` groups: sessions × hours per session × trainers per session (plan §4). */
export function groupWork(groups: TrainingGroups, count: number): { sessions: number; trainerHours: number } {
  const sessions = count * groups.sessions.value;
  return { sessions, trainerHours: round(sessions * groups.hoursPerSession.value * groups.trainersPerSession.value) };
}

/** Groups, sessions and trainer hours for each training from its `initial` count (plan order, every training). */
export function needsFromCounts(plan: Plan, initial: Partial<Record<TrainingCode, number>>): Needs {
  const needs: Needs = {};
  for (const t of plan.trainings) {
    const count = initial[t.code] ?? 0;
    if (!t.groups) {
      needs[t.code] = { initial: count };
      continue;
    }
    const groups = groupsFor(t.groups, count);
    needs[t.code] = { initial: count, groups, ...groupWork(t.groups, groups) };
  }
  return needs;
}

/** Trainer hours per pool; perTrainer where the plan names the pool's size (the plan's 5 trainers). */
export function poolsOf(plan: Plan, needs: Needs): Pools {
  const pools: Pools = {};
  for (const pool of plan.pools) {
    let hours = 0;
    for (const t of plan.trainings) if (t.pool === pool.code) hours += needs[t.code]?.trainerHours ?? 0;
    const people = pool.people?.value;
    pools[pool.code] =
      people !== undefined && people > 0
        ? { trainerHours: round(hours), perTrainer: round(hours / people), people }
        : { trainerHours: round(hours) };
  }
  return pools;
}

/**
 * Combine boards' needs (the function app's GET /api/needs, the pabo view): sum the `initial` counts,
 * then compute groups and hours from the sums — two boards needing 9 and 7 WPB make 16 people, 1 group.
 */
export function combineNeeds(plan: Plan, needsPerBoard: readonly Needs[]): { needs: Needs; pools: Pools } {
  const initial: Partial<Record<TrainingCode, number>> = {};
  for (const needs of needsPerBoard)
    for (const t of plan.trainings) initial[t.code] = (initial[t.code] ?? 0) + (needs[t.code]?.initial ?? 0);
  const needs = needsFromCounts(plan, initial);
  return { needs, pools: poolsOf(plan, needs) };
}

/** Hours to 2 decimals: 21 / 5 = 4.2, not 4.199999. */
function round(x: number): number {
  return Math.round(x * 100) / 100;
}
