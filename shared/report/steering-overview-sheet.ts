// Plan §4–§5 (rules.md §5.3): the steering group's overview `Overzicht OS Boss po YYYY-YYYY` from the
// boards' submitted summaries (GET /api/needs/{schoolYear}): key figures per board and combined, people per
// role against the plan, facilitation against the norms, and the trend over the stored school years.
// Pure: the task pane and scripts call it with the API's answers.
import type { NeedsGetResponse } from '../api/needs';
import { isSchoolYear, type SchoolYear } from '../calendar/dates';
import type { Param, PersonTrainingCode, Plan } from '../plan/schema';
import { a1 } from '../sheet/address';
import { boardFigures, combineFigures, type Figures } from '../summary/steering-figures';
import { paramSource, ReportLayout, rounded, tableRange, type LayoutValue, type TableArea } from './report-layout';
import type { ChartWrite, ReportSheetWrite, ReportStyle } from './write-plan';

/** One school year as the API gives it (structurally the whole NeedsGetResponse fits). */
export type OverviewYear = Pick<NeedsGetResponse, 'schoolYear' | 'boards'> & Partial<Pick<NeedsGetResponse, 'missing'>>;

export interface OverviewInput {
  /** The planning year's answer: its boards are the columns. */
  current: OverviewYear;
  /** Every stored school year to show in the trend (the current one may be among them); any order. */
  history: readonly OverviewYear[];
}

export function overviewSheetName(schoolYear: SchoolYear | string): string {
  return `Overzicht OS Boss po ${schoolYear}`;
}

/** The school years a client asks the API for to draw the trend: `count` years up to the planning year. */
export function trendYears(planningYear: SchoolYear, count = 5): SchoolYear[] {
  const first = Number(planningYear.slice(0, 4));
  return Array.from({ length: count }, (_, i) => first - count + 1 + i).map((y) => `${y}-${y + 1}` as SchoolYear);
}

const byName = (a: string, b: string) => a.localeCompare(b, 'nl', { sensitivity: 'base' });

function figuresOfYear(year: OverviewYear): { boards: string[]; perBoard: Figures[]; combined: Figures } {
  const boards = Object.keys(year.boards).sort(byName);
  const perBoard = boards.map((b) => boardFigures(year.boards[b]!));
  return { boards, perBoard, combined: combineFigures(perBoard) };
}

const num = (n: number | null): LayoutValue => (n === null ? 'onbekend' : n);
const numStyle = (n: number | null): ReportStyle => (n === null ? 'text' : 'number');
const pct = (n: number | null): LayoutValue => (n === null ? 'onbekend' : rounded(n, 4));
const pctStyle = (n: number | null): ReportStyle => (n === null ? 'text' : 'percent');

export function overviewSheet(plan: Plan, input: OverviewInput): ReportSheetWrite {
  const schoolYear = input.current.schoolYear;
  const { boards, perBoard, combined } = figuresOfYear(input.current);
  const all = [...perBoard, combined];
  const missing = [...(input.current.missing ?? [])].sort(byName);
  const l = new ReportLayout();
  const charts: ChartWrite[] = [];
  const chartAt = (area: TableArea, heading: number, chart: Omit<ChartWrite, 'anchor' | 'range'>, lastColumn = area.lastColumn) => {
    charts.push({ ...chart, range: tableRange(area, 1, lastColumn), anchor: String(heading) });
  };

  l.line([overviewSheetName(schoolYear)], 'title');
  l.line([`${plan.name}, versie ${plan.version}`], 'subtitle');
  l.line(['Schooljaar', schoolYear], ['label', 'text']);
  l.line(['Besturen met gegevens', `${boards.length} van ${boards.length + missing.length}`], ['label', 'text']);
  if (missing.length > 0) l.line([`Nog niet ingediend: ${missing.join(', ')}.`], 'note');
  l.line(['Cijfers zoals elk bestuur ze het laatst heeft ingediend na een controle van zijn personeelslijst.'], 'note');
  l.blank();

  // Key figures: one column per board and a combined column.
  l.line(['Kerncijfers per bestuur'], 'heading');
  const endYear = schoolYear.slice(5);
  const figureRows: { label: string; value: (f: Figures) => number | null; percent?: boolean }[] = [
    { label: 'Studenten geplaatst bij werkplekbegeleiders', value: (f) => f.studentsPlaced },
    { label: 'Studenten met een geschoolde en gecertificeerde werkplekbegeleider', value: (f) => f.studentsWithCertifiedWpb },
    { label: 'Aandeel studenten met een gecertificeerde werkplekbegeleider', value: (f) => f.studentsCertifiedShare, percent: true },
    { label: 'Werkplekbegeleiders met afgeronde scholing', value: (f) => f.wpbTrainedShare, percent: true },
    { label: 'School- en instituutsopleiders met afgeronde scholing', value: (f) => f.soioTrainedShare, percent: true },
    { label: 'Scholen', value: (f) => f.schools },
    { label: 'Scholen met een geschoolde onderzoeksbegeleider', value: (f) => f.schoolsWithTrainedOb },
    { label: 'Opfrisbijeenkomst verlopen', value: (f) => f.refreshersOverdue },
    { label: `Opfrisbijeenkomst nodig vóór 31 juli ${endYear}`, value: (f) => f.refreshersDue },
  ];
  const header = ['Kerncijfer', ...boards, 'Samen'];
  l.line(header, 'label');
  for (const r of figureRows) {
    const values = all.map(r.value);
    l.line([r.label, ...values.map(r.percent ? pct : num)], ['label', ...values.map(r.percent ? pctStyle : numStyle)]);
  }
  l.line(
    [
      'Samen: aantallen opgeteld; aandelen gewogen naar het aantal werkplekbegeleiders (en school- plus instituutsopleiders) per bestuur. "onbekend": het bestuur heeft dit cijfer niet ingediend of zijn lijst heeft de kolom niet.',
    ],
    'note',
  );
  l.blank();

  const sharesHeading = l.line(['Geschoold en gecertificeerd per bestuur'], 'heading');
  const sharesArea = l.table(
    ['Bestuur', 'Studenten met gecertificeerde werkplekbegeleider', 'Werkplekbegeleiders geschoold', 'School- en instituutsopleiders geschoold'],
    [...boards, 'Samen'].map((b, i) => {
      const f = all[i]!;
      return [b, ...[f.studentsCertifiedShare, f.wpbTrainedShare, f.soioTrainedShare].map((v) => (v === null ? null : rounded(v, 4)))];
    }),
    ['text', 'percent', 'percent', 'percent'],
  );
  chartAt(sharesArea, sharesHeading, { title: 'Geschoold en gecertificeerd per bestuur', type: 'columnClustered' });
  l.blank();

  const refreshHeading = l.line(['Opfrisbijeenkomsten per bestuur (driejaarlijks, §4)'], 'heading');
  const refreshArea = l.table(
    ['Bestuur', 'Verlopen', `Nodig vóór 31 juli ${endYear}`],
    [...boards, 'Samen'].map((b, i) => [b, all[i]!.refreshersOverdue, all[i]!.refreshersDue]),
    ['text', 'number', 'number'],
  );
  chartAt(refreshArea, refreshHeading, { title: 'Opfrisbijeenkomsten per bestuur', type: 'barClustered' }, 3);
  l.blank();

  // rules.md §5.3: how many people entered through another route, per training and board.
  l.line([`Vrijstellingen per scholing (geschoold binnen een andere context, ${plan.exemptions.planRef})`], 'heading');
  const exemptible = plan.trainings.filter((t) => t.code !== 'REFRESH');
  l.table(
    ['Scholing', ...boards, 'Samen'],
    exemptible.map((t) => {
      const values = all.map((f) => (f.exemptions ? (f.exemptions[t.code as PersonTrainingCode] ?? 0) : null));
      return [t.name, ...values.map(num)];
    }),
    ['text', ...all.map(() => 'number' as const)],
  );
  l.line(['Een vrijstelling telt als gevolgde scholing, ook in de aandelen hierboven. "onbekend": het bestuur heeft geen vrijstellingen ingediend.'], 'note');
  l.blank();

  // People per role against the plan's numbers (§5): combined first, so the chart range is contiguous.
  const rolesHeading = l.line(['Aantal per rol tegen het plan (§5)'], 'heading');
  const roleDefs = plan.roles.filter((r) => combined.roles[r.code] !== undefined || r.planCount !== null);
  const rolesArea = l.table(
    ['Rol', 'Samen', 'Volgens plan', 'Verschil', ...boards],
    roleDefs.map((r) => {
      const count = combined.roles[r.code] ?? 0;
      const planned = r.planCount?.value ?? null;
      return [r.name, count, planned, planned === null ? null : count - planned, ...perBoard.map((f) => f.roles[r.code] ?? 0)];
    }),
    ['text', 'number', 'number', 'number', ...boards.map(() => 'number' as const)],
  );
  if (roleDefs.length > 0) chartAt(rolesArea, rolesHeading, { title: 'Aantal per rol tegen het plan', type: 'barClustered' }, 3);
  l.blank();

  // Facilitation hours against the norms (§5).
  l.line(['Facilitering tegen de norm per rol (§5, alle besturen samen)'], 'heading');
  const roleName = (key: string) => plan.roles.find((r) => r.code === key)?.name ?? key;
  const facilitationKeys = plan.roles.map((r) => r.code as string).filter((k) => combined.facilitation[k]);
  l.table(
    ['Rol', 'Normuren', 'Toegekende uren', 'Verschil'],
    [
      ...facilitationKeys.map((k) => {
        const f = combined.facilitation[k]!;
        return [roleName(k), rounded(f.normHours, 2), rounded(f.hoursGranted, 2), rounded(f.hoursGranted - f.normHours, 2)];
      }),
      ...(combined.facilitation.total
        ? [[
            'Totaal (medewerkers met normuren én toegekende uren)',
            rounded(combined.facilitation.total.normHours, 2),
            rounded(combined.facilitation.total.hoursGranted, 2),
            rounded(combined.facilitation.total.hoursGranted - combined.facilitation.total.normHours, 2),
          ]]
        : []),
    ],
    ['text', 'hours', 'hours', 'hours'],
  );
  if (facilitationKeys.length === 0 && !combined.facilitation.total) l.line(['Geen normuren ingediend.'], 'note');
  l.blank();
  const facilitationHeading = l.line(['Facilitering per bestuur (totaal)'], 'heading');
  const facilitationArea = l.table(
    ['Bestuur', 'Normuren', 'Toegekende uren', 'Toegekend van de norm'],
    [...boards, 'Samen'].map((b, i) => {
      const t = all[i]!.facilitation.total;
      return t
        ? [b, rounded(t.normHours, 2), rounded(t.hoursGranted, 2), t.normHours > 0 ? rounded(t.hoursGranted / t.normHours, 4) : null]
        : [b, 'onbekend'];
    }),
    ['text', 'hours', 'hours', 'percent'],
  );
  chartAt(facilitationArea, facilitationHeading, { title: 'Normuren en toegekende uren per bestuur', type: 'columnClustered' }, 3);
  l.blank();

  // The trend over every stored school year (a year counts as stored when a board submitted for it).
  const trendHeading = l.line(['Ontwikkeling over de schooljaren'], 'heading');
  const years = new Map<string, OverviewYear>();
  for (const y of [...input.history, input.current])
    if (isSchoolYear(y.schoolYear) && Object.keys(y.boards).length > 0) years.set(y.schoolYear, y);
  const trend = [...years.values()].sort((a, b) => a.schoolYear.localeCompare(b.schoolYear)).map((y) => {
    const f = figuresOfYear(y);
    return { year: y.schoolYear, boards: f.boards.length, figures: f.combined };
  });
  const trendArea = l.table(
    [
      'Schooljaar',
      'Studenten met gecertificeerde werkplekbegeleider',
      'Werkplekbegeleiders geschoold',
      'School- en instituutsopleiders geschoold',
      'Studenten geplaatst',
      'Opfrisbijeenkomst verlopen',
      'Besturen',
    ],
    trend.map((t) => [
      t.year,
      ...[t.figures.studentsCertifiedShare, t.figures.wpbTrainedShare, t.figures.soioTrainedShare].map((v) => (v === null ? null : rounded(v, 4))),
      t.figures.studentsPlaced,
      t.figures.refreshersOverdue,
      t.boards,
    ]),
    ['text', 'percent', 'percent', 'percent', 'number', 'number', 'number'],
  );
  if (trend.length === 0) l.line(['Nog geen schooljaren opgeslagen.'], 'note');
  else chartAt(trendArea, trendHeading, { title: 'Ontwikkeling over de schooljaren', type: 'columnClustered' }, 4);
  l.blank();

  l.line(['Uitgangspunten'], 'heading');
  l.line(['Normen en aantallen uit het plan; aannames waar het plan een getal openlaat.'], 'note');
  l.table(['Uitgangspunt', 'Waarde', 'Bron'], overviewParams(plan).map((p) => [p.label, p.value, paramSource(p)]), ['text', 'value', 'text']);

  return {
    name: overviewSheetName(schoolYear),
    cells: l.cells,
    columnWidths: [58, 18, 18, 18, 16, 16, 14, 14],
    charts: placeCharts(charts, Math.max(...l.cells.map((c) => c.column))),
  };
}

/** Charts right of every table (one column free), each at its table's heading, never on the previous chart. */
function placeCharts(charts: ChartWrite[], lastUsedColumn: number): ChartWrite[] {
  const column = Math.max(9, lastUsedColumn + 2);
  const CHART_ROWS = 16;
  let next = 1;
  return charts.map((c) => {
    const row = Math.max(Number(c.anchor), next);
    next = row + CHART_ROWS;
    return { ...c, anchor: a1(row, column) };
  });
}

/** The plan numbers the overview compares against: norms, the calendar, people per role. */
export function overviewParams(plan: Plan): Param[] {
  const out: Param[] = [plan.calendar.weeksPerYear, plan.calendar.hoursPerDay];
  for (const n of plan.norms)
    for (const part of n.parts) out.push(part.kind === 'perCount' ? part.hoursEach : part.kind === 'perWeek' ? part.hoursPerWeek : part.days);
  out.push(plan.refresher.cycleYears);
  return out;
}
