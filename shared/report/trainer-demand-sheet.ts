// Plan §4–§5 (rules.md §5.2): the pabo's trainer demand `Trainersvraag YYYY-YYYY` laid out from the figures
// of shared/summary/demand.ts: need per board, combined groups and trainer hours per pool, hours per
// trainer, the WPB training split over its rounds (§4: "jaarlijks twee maal"), boards that have not
// submitted, and the plan numbers used. Pure: the task pane and the CLI call it with the API's answer.
import type { SchoolYear } from '../calendar/dates';
import type { Param, Plan, PoolCode } from '../plan/schema';
import { computeDemand, type DemandInput } from '../summary/demand';
import { a1 } from '../sheet/address';
import { paramSource, ReportLayout, rounded, tableRange } from './report-layout';
import type { ChartWrite, ReportSheetWrite } from './write-plan';

export function demandSheetName(schoolYear: SchoolYear | string): string {
  return `Trainersvraag ${schoolYear}`;
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

export function demandSheet(plan: Plan, input: DemandInput): ReportSheetWrite {
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
    ['text', 'value', 'text'],
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
