// Plan §4–§5 (rules.md §5.2): the pabo's trainer demand `Trainersvraag YYYY-YYYY` from every board's
// submitted need (GET /api/needs/{schoolYear}): need per board, combined groups and trainer hours per pool,
// hours per trainer, the WPB training split over its rounds (§4: "jaarlijks twee maal"), boards that have
// not submitted, and the plan numbers used. Pure: the task pane and the CLI call it with the API's answer.
import type { NeedsGetResponse } from '../api/needs';
import { todayInAmsterdam, type SchoolYear } from '../calendar/dates';
import type { Need } from '../model/summary';
import type { Param, Plan, PoolCode, TrainingDef } from '../plan/schema';
import { a1 } from '../sheet/address';
import { paramSource, ReportLayout, rounded, tableRange } from './report-layout';
import type { ChartWrite, SummarySheetWrite } from './write-plan';

/** What the sheet needs of the API's answer (structurally the whole NeedsGetResponse fits). */
export type DemandInput = Pick<NeedsGetResponse, 'schoolYear' | 'boards' | 'combined' | 'missing'>;

export function demandSheetName(schoolYear: SchoolYear | string): string {
  return `Trainersvraag ${schoolYear}`;
}

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

function trainerHoursOf(def: TrainingDef, groups: number): number {
  const g = def.groups;
  if (!g) return 0;
  return groups * g.sessions.value * g.hoursPerSession.value * g.trainersPerSession.value;
}

function trainingDemand(def: TrainingDef, input: DemandInput, boards: readonly string[]): TrainingDemand {
  const perBoard: Record<string, number> = {};
  for (const b of boards) perBoard[b] = input.boards[b]?.needs[def.code]?.initial ?? 0;
  const exemptPerBoard: Record<string, number | null> = {};
  for (const b of boards) {
    const sent = input.boards[b]?.exemptions;
    exemptPerBoard[b] = sent ? (def.code === 'REFRESH' ? 0 : (sent[def.code] ?? 0)) : null;
  }
  const exempted = Object.values(exemptPerBoard).reduce<number>((sum, n) => sum + (n ?? 0), 0);
  const combined: Need | undefined = input.combined.needs[def.code];
  const initial = combined?.initial ?? Object.values(perBoard).reduce((s, n) => s + n, 0);
  if (!def.groups) return { training: def, perBoard, exemptPerBoard, exempted, initial, groups: null, sessions: null, trainerHours: null, rounds: null };
  // Groups come from the summed counts (the API computes them so); the plan only fills a gap.
  const groups = combined?.groups ?? Math.ceil(initial / def.groups.groupSize.value);
  const trainerHours = combined?.trainerHours ?? trainerHoursOf(def, groups);
  const names = def.rounds?.names ?? null;
  const rounds = names
    ? splitOverRounds(groups, names.length).map((g, i) => ({
        name: names[i]!,
        groups: g,
        sessions: g * def.groups!.sessions.value,
        trainerHours: trainerHoursOf(def, g),
      }))
    : null;
  return { training: def, perBoard, exemptPerBoard, exempted, initial, groups, sessions: groups * def.groups.sessions.value, trainerHours, rounds };
}

/** The demand figures, before layout: for the sheet, and for a task pane that shows them. */
export function computeDemand(plan: Plan, input: DemandInput): Demand {
  const boards = Object.keys(input.boards).sort(byName);
  const trainings = plan.trainings.map((t) => trainingDemand(t, input, boards));
  const pools = plan.pools.map((p): PoolDemand => {
    const fromTrainings = trainings
      .filter((t) => t.training.pool === p.code)
      .reduce((s, t) => s + (t.trainerHours ?? 0), 0);
    const trainerHours = input.combined.pools[p.code]?.trainerHours ?? fromTrainings;
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

/** The plan numbers the demand rests on, assumptions marked, each once. */
export function demandParams(plan: Plan): Param[] {
  const out: Param[] = [];
  for (const t of plan.trainings) {
    if (!t.groups) continue;
    out.push(t.groups.groupSize, t.groups.sessions, t.groups.hoursPerSession, t.groups.trainersPerSession);
    if (t.rounds) out.push(t.rounds.perYear);
  }
  for (const p of plan.pools) if (p.people) out.push(p.people);
  return out;
}

export function demandSheet(plan: Plan, input: DemandInput): SummarySheetWrite {
  const d = computeDemand(plan, input);
  const l = new ReportLayout();
  const grouped = d.trainings.filter((t) => t.groups !== null);
  const trainersPool = d.pools.find((p) => p.code === 'trainers');

  l.line([demandSheetName(d.schoolYear)], 'title');
  l.line([`${plan.name}, versie ${plan.version}`], 'subtitle');
  l.line(['Schooljaar', d.schoolYear], ['label', 'text']);
  l.line(
    ['Besturen met ingediende behoefte', `${d.boards.length} van ${d.boards.length + d.missing.length}`],
    ['label', 'text'],
  );
  l.blank();

  l.line(['Behoefte per bestuur (medewerkers die de scholing nog moeten volgen)'], 'heading');
  const boardTable = l.table(
    ['Scholing', ...d.boards.map((b) => b.board), 'Samen'],
    d.trainings.map((t) => [t.training.name, ...d.boards.map((b) => t.perBoard[b.board] ?? 0), t.initial]),
    ['text', ...d.boards.map(() => 'number' as const), 'number'],
  );
  if (d.boards.length === 0) l.line(['Nog geen enkel bestuur heeft zijn behoefte ingediend.'], 'note');
  l.blank();

  // rules.md §5.3: who entered through another route, per training and board (no trainer hours needed).
  l.line([`Vrijgesteld per bestuur (geschoold binnen een andere context, ${plan.exemptions.planRef})`], 'heading');
  const exemptible = d.trainings.filter((t) => t.training.code !== 'REFRESH');
  l.table(
    ['Scholing', ...d.boards.map((b) => b.board), 'Samen'],
    exemptible.map((t) => [t.training.name, ...d.boards.map((b) => t.exemptPerBoard[b.board] ?? 'onbekend'), t.exempted]),
    ['text', ...d.boards.map(() => 'number' as const), 'number'],
  );
  l.line(['Vrijgestelden tellen als geschoold en vragen geen plaats in een groep. "onbekend": dat bestuur heeft geen vrijstellingen meegestuurd.'], 'note');
  l.blank();

  l.line(['Ingediend'], 'heading');
  l.table(
    ['Bestuur', 'Ingediend op', 'Versie'],
    [
      ...d.boards.map((b) => [b.board, /^\d{4}-\d{2}-\d{2}$/.test(b.submittedOn) ? { date: b.submittedOn } : b.submittedOn, b.version]),
      ...d.missing.map((m) => [m, 'nog niet ingediend', null]),
    ],
    ['text', 'date', 'number'],
  );
  if (d.missing.length > 0)
    l.line([`Nog niet ingediend: ${d.missing.join(', ')}. Hun behoefte telt nog niet mee.`], 'note');
  else l.line(['Alle bekende besturen hebben hun behoefte ingediend.'], 'note');
  l.blank();

  l.line(['Groepen, bijeenkomsten en trainersuren (alle besturen samen)'], 'heading');
  l.table(
    ['Scholing', 'Nog te scholen', 'Groepsgrootte', 'Groepen', 'Bijeenkomsten', 'Trainersuren', 'Gegeven door'],
    d.trainings.map((t) =>
      t.groups === null
        ? [t.training.name, t.initial, null, null, null, null, 'geen groepen: plaatsen']
        : [
            t.training.name,
            t.initial,
            t.training.groups!.groupSize.value,
            t.groups,
            t.sessions,
            rounded(t.trainerHours ?? 0, 2),
            poolName(plan, t.training.pool),
          ],
    ),
    ['text', 'number', 'number', 'number', 'number', 'hours', 'text'],
  );
  l.line(
    [
      'Groepen = het opgetelde aantal van alle besturen gedeeld door de groepsgrootte, naar boven afgerond (nooit groepen per bestuur opgeteld); trainersuren = groepen × bijeenkomsten × uren per bijeenkomst × trainers per bijeenkomst.',
    ],
    'note',
  );
  l.blank();

  for (const t of grouped.filter((g) => g.rounds)) {
    l.line([`${t.training.name}: ${t.rounds!.length} rondes per schooljaar (${t.training.rounds!.perYear.planRef ?? 'aanname'})`], 'heading');
    const people = trainersPool?.code === t.training.pool ? trainersPool.people : null;
    l.table(
      ['Ronde', 'Groepen', 'Bijeenkomsten', 'Trainersuren', people ? `Uren per trainer (${people})` : 'Uren per persoon'],
      t.rounds!.map((r) => [r.name, r.groups, r.sessions, rounded(r.trainerHours, 2), people ? rounded(r.trainerHours / people, 2) : null]),
      ['text', 'number', 'number', 'hours', 'hours'],
    );
    l.line(['De groepen zijn over de rondes verdeeld; bij een oneven aantal krijgt de eerste ronde de extra groep.'], 'note');
    l.blank();
  }

  l.line(['Trainersuren per pool en per trainer'], 'heading');
  l.table(
    ['Pool', 'Trainersuren', 'Aantal volgens plan', 'Uren per persoon'],
    d.pools.map((p) => [
      p.name,
      rounded(p.trainerHours, 2),
      p.people ?? 'niet in het plan',
      p.perPerson === null ? null : rounded(p.perPerson, 2),
    ]),
    ['text', 'hours', 'number', 'hours'],
  );
  if (trainersPool?.people) {
    l.blank();
    l.line([`Uren per trainer (${trainersPool.people} trainers, ${plan.pools.find((p) => p.code === 'trainers')?.people?.planRef ?? ''})`], 'heading');
    const rows = grouped
      .filter((t) => t.training.pool === 'trainers')
      .flatMap((t) =>
        t.rounds
          ? t.rounds.map((r) => [`${t.training.name}, ${r.name}`, rounded(r.trainerHours, 2), rounded(r.trainerHours / trainersPool.people!, 2)])
          : [[t.training.name, rounded(t.trainerHours ?? 0, 2), rounded((t.trainerHours ?? 0) / trainersPool.people!, 2)]],
      );
    rows.push(['Totaal', rounded(trainersPool.trainerHours, 2), rounded(trainersPool.perPerson ?? 0, 2)]);
    l.table(['Scholing', 'Trainersuren', 'Per trainer'], rows, ['text', 'hours', 'hours']);
    l.line(['Uren per trainer bij een gelijke verdeling over de trainers van het plan.'], 'note');
  }
  l.blank();

  l.line(['Uitgangspunten en aannames'], 'heading');
  l.line(['Getallen uit het plan en aannames waar het plan een getal openlaat. Wijkt uw situatie af, meld het dan.'], 'note');
  l.table(
    ['Uitgangspunt', 'Waarde', 'Bron'],
    demandParams(plan).map((p) => [p.label, p.value, paramSource(p)]),
    ['text', 'number', 'text'],
  );

  const charts: ChartWrite[] = [];
  if (d.boards.length > 0)
    charts.push({
      title: 'Nog te scholen per scholing en bestuur',
      type: 'columnClustered',
      range: tableRange(boardTable, 1, 1 + d.boards.length),
      anchor: a1(boardTable.headerRow - 1, Math.max(9, boardTable.lastColumn + 2)),
    });
  return { name: demandSheetName(d.schoolYear), cells: l.cells, columnWidths: [58, 16, 14, 12, 14, 14, 22], charts };
}

function poolName(plan: Plan, code: PoolCode | null): string {
  if (!code) return '';
  return plan.pools.find((p) => p.code === code)?.name ?? code;
}
