// interfaces.md §1 and rules.md §5: the summary sheet `Scholingsbehoefte YYYY-YYYY`, laid out for a reader.
// It holds the reference date but never the time of the run: the same input gives the same sheet.
import type { IsoDate } from '../model/person';
import { STATUSES, type SheetEvaluation } from '../model/result';
import type { Summary } from '../model/summary';
import type { Param, Plan, PoolCode, RoleCode } from '../plan/schema';
import type { SchoolYear } from '../calendar/dates';
import type { SheetRead } from '../sheet/types';
import type { ChartWrite, ReportSheetWrite } from './write-plan';
import { columnLetter } from '../sheet/address';
import { ReportLayout, rounded, type LayoutValue } from './report-layout';
import { statusCounts } from '../summary/status-counts';

export interface SummarySheetInput {
  plan: Plan;
  referenceDate: IsoDate;
  planningYear: SchoolYear;
  summary: Summary;
  /** The processed sheets of this workbook (for status counts, school findings and data problems). */
  sheets: readonly { read: SheetRead; evaluation: SheetEvaluation }[];
}

export function summarySheetName(planningYear: SchoolYear): string {
  return `Scholingsbehoefte ${planningYear}`;
}

/** Every number the plan leaves open and this product picked (Param.assumption), in plan order, once each. */
export function planAssumptions(plan: Plan): Param[] {
  const out: Param[] = [];
  const seen = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.value === 'number' && typeof o.assumption === 'boolean' && typeof o.label === 'string') {
      const p = o as unknown as Param;
      const key = `${p.label}\u0000${p.value}`;
      if (p.assumption && !seen.has(key)) {
        seen.add(key);
        out.push(p);
      }
      return;
    }
    Object.values(o).forEach(visit);
  };
  visit(plan);
  return out;
}

function shareText(share: number | null, nobody: string): LayoutValue {
  return share === null ? nobody : share;
}

export function summarySheet(input: SummarySheetInput): ReportSheetWrite {
  const { plan, summary, sheets } = input;
  const l = new ReportLayout();
  const roleName = (code: string) => plan.roles.find((r) => r.code === code)?.name ?? code;
  const poolName = (code: PoolCode) => plan.pools.find((p) => p.code === code)?.name ?? code;

  l.line([summarySheetName(input.planningYear)], 'title');
  l.line([`${plan.name}, versie ${plan.version}`], 'subtitle');
  l.line(['Peildatum', { date: input.referenceDate }], ['label', 'date']);
  l.line(['Schooljaar van de planning', input.planningYear], ['label', 'text']);
  l.line(['Gecontroleerde werkbladen', sheets.map((s) => s.read.sheet).join(', ') || 'geen'], ['label', 'text']);
  l.blank();

  l.line(['Medewerkers per status'], 'heading');
  l.line(['Status', 'Aantal'], 'label');
  const counts = statusCounts(sheets.flatMap((s) => s.evaluation.people));
  for (const status of STATUSES) l.line([status, counts[status]], ['text', 'number']);
  l.line(['De kolommen OS-status, Acties en Toelichting op het werkblad geven per medewerker wat er moet gebeuren.'], 'note');
  l.blank();

  const needRow = l.line(['Scholingsbehoefte per scholing'], 'heading');
  const tableHeader = l.line(
    ['Scholing', 'Nog te scholen', 'Groepen', 'Bijeenkomsten per groep', 'Trainersuren', 'Gegeven door'],
    'label',
  );
  for (const training of plan.trainings) {
    const need = summary.needs[training.code];
    const initial = need?.initial ?? 0;
    const grouped = training.groups !== null;
    l.line(
      [
        `${training.name} (${training.planRef})`,
        initial,
        grouped ? (need?.groups ?? 0) : null,
        grouped ? training.groups!.sessions.value : null,
        grouped ? (need?.trainerHours ?? 0) : null,
        training.pool ? poolName(training.pool) : 'geen groepen: plaatsen',
      ],
      ['text', 'number', 'number', 'number', 'hours', 'text'],
    );
  }
  const tableEnd = l.row;
  l.line(
    [
      'Groepen = nog te scholen gedeeld door de groepsgrootte, naar boven afgerond; trainersuren = groepen × bijeenkomsten × uren per bijeenkomst × trainers per bijeenkomst.',
    ],
    'note',
  );
  l.blank();

  l.line(['Trainerspools'], 'heading');
  l.line(['Pool', 'Trainersuren', 'Aantal volgens plan', 'Uren per persoon'], 'label');
  for (const pool of plan.pools) {
    const p = summary.pools[pool.code];
    const hours = p?.trainerHours ?? 0;
    const people = pool.people?.value ?? null;
    const perPerson = p?.perTrainer ?? (people ? hours / people : null);
    l.line(
      [pool.name, hours, people, perPerson === null ? null : rounded(perPerson)],
      ['text', 'hours', 'number', 'hours'],
    );
  }
  l.blank();

  const k = summary.keyFigures;
  l.line(['Kerncijfers voor de stuurgroep'], 'heading');
  l.line(['Studenten geplaatst bij werkplekbegeleiders', k.studentsPlaced], ['label', 'number']);
  l.line(['Waarvan bij een geschoolde en gecertificeerde werkplekbegeleider', k.studentsWithCertifiedWpb], ['label', 'number']);
  l.line(
    ['Werkplekbegeleiders met afgeronde scholing', shareText(k.wpbTrainedShare, 'geen werkplekbegeleiders')],
    ['label', k.wpbTrainedShare === null ? 'text' : 'percent'],
  );
  l.line(
    ['School- en instituutsopleiders met afgeronde scholing', shareText(k.soioTrainedShare, 'geen school- of instituutsopleiders')],
    ['label', k.soioTrainedShare === null ? 'text' : 'percent'],
  );
  if (k.schools === null) l.line(['Scholen met een geschoolde onderzoeksbegeleider', 'geen kolom School'], ['label', 'text']);
  else l.line(['Scholen met een geschoolde onderzoeksbegeleider', `${k.schoolsWithTrainedOb ?? 0} van ${k.schools}`], ['label', 'text']);
  l.line(['Opfrisbijeenkomst verlopen', k.refreshersOverdue], ['label', 'number']);
  l.line([`Opfrisbijeenkomst nodig vóór 31 juli ${input.planningYear.slice(5)}`, k.refreshersDue], ['label', 'number']);
  l.blank();

  // rules.md §5.3: how many people entered through another route, per training.
  l.line([`Vrijstellingen per scholing (geschoold binnen een andere context, ${plan.exemptions.planRef})`], 'heading');
  l.line(['Scholing', 'Vrijgesteld'], 'label');
  for (const training of plan.trainings)
    if (training.code !== 'REFRESH') l.line([training.name, summary.exemptions[training.code] ?? 0], ['text', 'number']);
  l.line(['Een vrijstelling telt als gevolgde scholing, ook in de aandelen hierboven, en vraagt geen certificaat.'], 'note');
  l.blank();

  l.line(['Aantal per rol tegen het plan (§5)'], 'heading');
  l.line(['Rol', 'Aantal hier', 'Plan (hele opleidingsschool)'], 'label');
  const roles = Object.entries(summary.roles) as [RoleCode, { count: number; plan: number | null }][];
  if (roles.length === 0) l.line(['Geen medewerkers met een OS-rol.'], 'text');
  for (const def of plan.roles) {
    const r = summary.roles[def.code];
    if (!r) continue;
    l.line(
      [def.name, r.count, r.plan],
      ['text', 'number', 'number'],
    );
  }
  l.blank();

  l.line(['Facilitering per schooljaar (§5)'], 'heading');
  l.line(['Rol', 'Normuren', 'Toegekende uren'], 'label');
  const facilitation = Object.entries(summary.facilitation);
  if (facilitation.length === 0) l.line(['Geen normuren te berekenen.'], 'text');
  for (const [key, f] of facilitation.filter(([key]) => key !== 'total'))
    l.line([roleName(key), rounded(f.normHours, 2), rounded(f.hoursGranted, 2)], ['text', 'hours', 'hours']);
  const total = summary.facilitation.total;
  if (total)
    l.line(
      ['Totaal (medewerkers met normuren én toegekende uren)', rounded(total.normHours, 2), rounded(total.hoursGranted, 2)],
      ['label', 'hours', 'hours'],
    );
  l.blank();

  l.line(['Bevindingen per school (§4)'], 'heading');
  const schoolFindings = sheets.flatMap((s) => s.evaluation.findings.map((f) => ({ sheet: s.read.sheet, f })));
  const anySchoolColumn = sheets.some((s) => s.evaluation.schools !== null);
  if (!anySchoolColumn) l.line(['Geen kolom School: niet per school gecontroleerd.'], 'text');
  else if (schoolFindings.length === 0) l.line(['Geen bevindingen.'], 'text');
  else {
    l.line(['School', 'Bevinding', 'Werkblad'], 'label');
    for (const { sheet, f } of schoolFindings) l.line([f.school, f.message, sheet], 'text');
  }
  l.blank();

  l.line(['Gegevens om na te kijken'], 'heading');
  let dataFindings = 0;
  for (const s of sheets) for (const p of s.evaluation.people) for (const f of p.findings) if (f.planRef === null) dataFindings++;
  l.line(['Meldingen over gegevens (onleesbare cellen, onbekende rollen …)', dataFindings], ['label', 'number']);
  l.line(['Medewerkers met status Gegevens controleren', counts['Gegevens controleren']], ['label', 'number']);
  const remarks = sheets.reduce((n, s) => n + s.read.remarks.length, 0);
  l.line(['Kolommen met een opmerking (niet of dubbel herkend)', remarks], ['label', 'number']);
  l.blank();

  l.line(['Aannames'], 'heading');
  l.line(['Het plan laat deze getallen open; de controle gebruikt de waarde hiernaast. Wijkt uw situatie af, meld het dan.'], 'note');
  l.line(['Aanname', 'Waarde', 'Bij plan'], 'label');
  for (const a of planAssumptions(plan)) l.line([a.label, a.value, a.planRef], ['text', 'value', 'text']);

  const charts: ChartWrite[] = [
    {
      title: 'Nog te scholen per scholing',
      type: 'barClustered',
      range: `A${tableHeader}:B${tableEnd}`,
      anchor: `${columnLetter(8)}${needRow}`,
    },
  ];
  return {
    name: summarySheetName(input.planningYear),
    cells: l.cells,
    columnWidths: [62, 16, 12, 22, 14, 24],
    charts,
  };
}
