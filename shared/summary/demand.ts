// Plan §4–§5 (docs/rules.md, "Summary"): the pabo's trainer demand from every board's submitted need
// (GET /api/needs/{schoolYear}): need per board, groups and trainer hours per training, the WPB training
// split over its rounds (§4: "jaarlijks twee maal"), trainer hours per pool and per person. The API's
// combined figures are taken as given; where it gives none they are computed from the summed counts with
// the arithmetic of needs.ts, so the demand and the API never disagree. The sheet `Trainersvraag …`
// (shared/report/trainer-demand-sheet.ts) lays these figures out.
import type { NeedsGetResponse } from '../api/needs';
import { todayInAmsterdam } from '../calendar/dates';
import type { Needs } from '../model/summary';
import type { Plan, PoolCode, TrainingDef } from '../plan/schema';
import { groupsFor, groupWork, poolsOf } from './needs';

/** What the demand needs of the API's answer (structurally the whole NeedsGetResponse fits). */
export type DemandInput = Pick<NeedsGetResponse, 'schoolYear' | 'boards' | 'combined' | 'missing'>;

/** Groups over rounds in order; earlier rounds take the odd groups (3 over 2 rounds → 2, 1). */
export function splitOverRounds(groups: number, rounds: number): number[] {
  const n = Math.max(1, Math.floor(rounds));
  const base = Math.floor(groups / n);
  const extra = groups % n;
  return Array.from({ length: n }, (_, i) => base + (i < extra ? 1 : 0));
}

export interface RoundDemand {
  name: string;
  groups: number;
  /** Sessions of all groups in this round. */
  sessions: number;
  trainerHours: number;
}

export interface TrainingDemand {
  training: TrainingDef;
  /** People still to train, per board that submitted. */
  perBoard: Record<string, number>;
  /** People exempted (trained in another context, rules.md §4.13) per board; null where a board sent no exemption counts. */
  exemptPerBoard: Record<string, number | null>;
  /** Exemptions summed over the boards that sent them. */
  exempted: number;
  /** Summed over the boards (the API's combined figure). */
  initial: number;
  /** null for place-based trainings (meelopen, inwerkprogramma). */
  groups: number | null;
  sessions: number | null;
  trainerHours: number | null;
  /** The rounds a year the pabo offers it, with the groups spread over them; one round when the plan names none. */
  rounds: RoundDemand[] | null;
}

export interface PoolDemand {
  code: PoolCode;
  name: string;
  trainerHours: number;
  /** People in the pool according to the plan (5 trainers), or null where the plan names no number. */
  people: number | null;
  perPerson: number | null;
}

export interface Demand {
  schoolYear: string;
  /** Boards that submitted, in alphabetical order. */
  boards: { board: string; submittedOn: string; version: number }[];
  missing: string[];
  trainings: TrainingDemand[];
  pools: PoolDemand[];
}

const byName = (a: string, b: string) => a.localeCompare(b, 'nl', { sensitivity: 'base' });

function trainingDemand(def: TrainingDef, input: DemandInput, boards: readonly string[]): TrainingDemand {
  const perBoard: Record<string, number> = {};
  for (const b of boards) perBoard[b] = input.boards[b]?.needs[def.code]?.initial ?? 0;
  const exemptPerBoard: Record<string, number | null> = {};
  for (const b of boards) {
    const sent = input.boards[b]?.exemptions;
    exemptPerBoard[b] = sent ? (def.code === 'REFRESH' ? 0 : (sent[def.code] ?? 0)) : null;
  }
  const exempted = Object.values(exemptPerBoard).reduce<number>((sum, n) => sum + (n ?? 0), 0);
  const combined = input.combined.needs[def.code];
  const initial = combined?.initial ?? Object.values(perBoard).reduce((s, n) => s + n, 0);
  if (!def.groups) return { training: def, perBoard, exemptPerBoard, exempted, initial, groups: null, sessions: null, trainerHours: null, rounds: null };
  // Groups come from the summed counts (the API computes them so); the plan only fills a gap.
  const groups = combined?.groups ?? groupsFor(def.groups, initial);
  const work = groupWork(def.groups, groups);
  const names = def.rounds?.names ?? null;
  const rounds = names
    ? splitOverRounds(groups, names.length).map((g, i) => ({ name: names[i]!, groups: g, ...groupWork(def.groups!, g) }))
    : null;
  return { training: def, perBoard, exemptPerBoard, exempted, initial, groups, sessions: work.sessions, trainerHours: combined?.trainerHours ?? work.trainerHours, rounds };
}

/** The demand figures, before layout: for the sheet, and for a task pane and a terminal that show them. */
export function computeDemand(plan: Plan, input: DemandInput): Demand {
  const boards = Object.keys(input.boards).sort(byName);
  const trainings = plan.trainings.map((t) => trainingDemand(t, input, boards));
  // Pools the API gives no figure for: the trainer hours of their trainings summed (needs.ts).
  const needs: Needs = {};
  for (const t of trainings) needs[t.training.code] = { initial: t.initial, ...(t.trainerHours === null ? {} : { trainerHours: t.trainerHours }) };
  const counted = poolsOf(plan, needs);
  const pools = plan.pools.map((p): PoolDemand => {
    const trainerHours = input.combined.pools[p.code]?.trainerHours ?? counted[p.code]!.trainerHours;
    const people = p.people?.value ?? null;
    return { code: p.code, name: p.name, trainerHours, people, perPerson: people ? trainerHours / people : null };
  });
  return {
    schoolYear: input.schoolYear,
    boards: boards.map((b) => ({
      board: b,
      submittedOn: submittedOn(input.boards[b]!.submittedAt),
      version: input.boards[b]!.version,
    })),
    missing: [...input.missing].sort(byName),
    trainings,
    pools,
  };
}

/** The day (Europe/Amsterdam) of a submission timestamp; the text as given when it is no timestamp. */
function submittedOn(at: string): string {
  const t = Date.parse(at);
  return Number.isNaN(t) ? at : todayInAmsterdam(new Date(t));
}
