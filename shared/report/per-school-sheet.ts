// interfaces.md §1 and rules.md §5.4: the sheet `Per school YYYY-YYYY`, one block per school for the
// schoolleider and schoolopleider to take into the school's activiteitenplan (plan §3). It names people:
// the names come from the workbook's own rows and are written back into the same workbook only.
import { addDays, dutchDate, type SchoolYear } from '../calendar/dates';
import type { IsoDate } from '../model/person';
import { STATUSES, type PersonResult, type SheetEvaluation, type Status } from '../model/result';
import type { PerSchoolEntry } from '../model/summary';
import type { Plan } from '../plan/schema';
import { actionsText } from '../rules/messages';
import { PerSchoolTally } from '../summary/per-school';
import { hasSchoolColumn, pairRows } from '../summary/summarize';
import { ReportLayout } from './report-layout';
import { PER_SCHOOL_PREFIX } from '../sheet/synonyms';
import type { SheetRead } from '../sheet/types';
import type { ReportSheetWrite, ReportStyle } from './write-plan';

export interface PerSchoolSheetInput {
  plan: Plan;
  referenceDate: IsoDate;
  planningYear: SchoolYear;
  /** The processed sheets of this workbook, in the order they were checked. */
  sheets: readonly { read: SheetRead; evaluation: SheetEvaluation }[];
}

export function perSchoolSheetName(planningYear: SchoolYear): string {
  return `${PER_SCHOOL_PREFIX}${planningYear}`;
}

/** A row of a school's block: where it is and how it came out. */
interface Member {
  sheet: string;
  name: string | null;
  result: PersonResult;
}

/** The statuses that put someone on a school's list whatever their dates (rules.md §5.4). */
const LISTED: readonly Status[] = ['Niet in orde', 'Actie nodig'];
/** The statuses counted in a block, in the order of §4.11 (`Geen OS-rol` never counts: no role, no school row). */
const COUNTED = STATUSES.filter((s) => s !== 'Geen OS-rol');

const NO_SCHOOL = 'Zonder school';
// The last column holds text (Acties, the need in words), so it can be wide without pushing numbers away.
const OVERVIEW_HEADER = ['School', 'Medewerkers', 'Niet in orde', 'Actie nodig', 'Binnenkort', 'Nog te scholen'];
const OVERVIEW_STYLES: ReportStyle[] = ['text', 'number', 'number', 'number', 'number', 'text'];
const LIST_HEADER = ['Naam', 'Rollen', 'Status', 'Binnenkort', 'Werkblad en rij', 'Acties'];
const LIST_STYLES: ReportStyle[] = ['text', 'text', 'text', 'date', 'text', 'text'];

/** A training's name without its explanation in brackets: `Scholing werkplekbegeleiders`. */
const shortName = (name: string) => name.replace(/\s*\(.*\)\s*$/, '');

/**
 * The blocks of the workbook's schools; null when no checked sheet has a school column (then the sheet is
 * not written). Uses the same grouping as `summary.perSchool`, so the figures agree with the JSON report.
 */
export function perSchoolSheet(input: PerSchoolSheetInput): ReportSheetWrite | null {
  const { plan, sheets } = input;
  const summarized = sheets.map((s) => ({ people: s.read.people, evaluation: s.evaluation }));
  if (!summarized.some(hasSchoolColumn)) return null;

  const tally = new PerSchoolTally<Member>();
  summarized.forEach((sheet, i) => {
    const withSchool = hasSchoolColumn(sheet);
    const { read } = sheets[i]!;
    pairRows(sheet, (person, result) => {
      if (result.roles.length === 0) return;
      tally.add(withSchool ? person.school : null, result, { sheet: read.sheet, name: read.names[result.ref] ?? null, result });
    });
  });
  const blocks = tally.blocks();

  const roleName = (code: string) => plan.roles.find((r) => r.code === code)?.name ?? code;
  const lookahead = plan.dueSoon.lookaheadDays;
  const until = addDays(input.referenceDate, lookahead.value);
  const l = new ReportLayout();

  l.line([perSchoolSheetName(input.planningYear)], 'title');
  l.line([`${plan.name}, versie ${plan.version}`], 'subtitle');
  l.line(['Peildatum', { date: input.referenceDate }], ['label', 'date']);
  l.line(['Schooljaar van de planning', input.planningYear], ['label', 'text']);
  l.line(['Gecontroleerde werkbladen', sheets.map((s) => s.read.sheet).join(', ')], ['label', 'text']);
  l.line(
    ['Binnenkort', `opfrisbijeenkomst of VELON-registratie tussen ${dutchDate(input.referenceDate)} en ${dutchDate(until)} (${lookahead.value} dagen, aanname)`],
    ['label', 'text'],
  );
  l.line(
    [
      'Per school wie er een OS-rol heeft, hun status, wat er geschoold moet worden en wie iets moet doen of binnenkort aan de beurt is: voor het activiteitenplan van de school (plan §3). De namen komen uit deze werkmap en blijven erin.',
    ],
    'note',
  );
  l.blank();

  const needsOf = (e: PerSchoolEntry) => plan.trainings.filter((t) => e.needs[t.code]);

  l.line(['Overzicht per school'], 'heading');
  l.line(OVERVIEW_HEADER, 'label');
  for (const { entry: e } of blocks)
    l.line(
      [
        e.school ?? NO_SCHOOL,
        e.people,
        e.statuses['Niet in orde'],
        e.statuses['Actie nodig'],
        e.dueSoon,
        needsOf(e).map((t) => `${shortName(t.name)}: ${e.needs[t.code]}`).join('; ') || 'geen',
      ],
      OVERVIEW_STYLES,
    );
  if (blocks.length === 0) l.line(['Geen medewerkers met een OS-rol.'], 'text');

  for (const { entry, members } of blocks) {
    l.blank();
    l.line([entry.school ?? `${NO_SCHOOL} (geen school ingevuld, of een werkblad zonder kolom School)`], 'heading');
    l.line(['Medewerkers met een OS-rol', entry.people], ['label', 'number']);
    for (const status of COUNTED) l.line([status, entry.statuses[status]], ['text', 'number']);
    l.line(['Binnenkort aan de beurt', entry.dueSoon], ['text', 'number']);

    l.line(['Scholing', 'Nog te scholen'], 'label');
    const needs = needsOf(entry);
    for (const t of needs) l.line([`${t.name} (${t.planRef})`, entry.needs[t.code]!], ['text', 'number']);
    if (needs.length === 0) l.line(['Geen scholingsbehoefte.'], 'text');

    const listed = members
      .filter((m) => LISTED.includes(m.result.status) || m.result.dueSoon)
      .map((m, order) => ({ m, order, rank: rankOf(m.result.status) }))
      .sort((a, b) => a.rank - b.rank || a.order - b.order);
    l.line(LIST_HEADER, 'label');
    for (const { m } of listed) {
      const r = m.result;
      l.line(
        [
          m.name ?? (r.personId ? `personeelsnummer ${r.personId}` : null),
          r.roles.map(roleName).join(', '),
          r.status,
          r.dueSoon ? { date: r.dueSoon } : null,
          `${m.sheet}, rij ${r.ref}`,
          actionsText(r),
        ],
        LIST_STYLES,
      );
    }
    if (listed.length === 0) l.line(['Niemand met status Niet in orde of Actie nodig, en niemand binnenkort aan de beurt.'], 'text');
  }

  return {
    name: perSchoolSheetName(input.planningYear),
    cells: l.cells,
    columnWidths: [44, 30, 22, 12, 24, 70],
    charts: [],
  };
}

/** Niet in orde first, then Actie nodig, then the others (on the list because they fall due soon). */
function rankOf(status: Status): number {
  const i = LISTED.indexOf(status);
  return i < 0 ? LISTED.length : i;
}
