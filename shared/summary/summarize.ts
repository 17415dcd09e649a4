// Plan §3–§5 (rules.md §5.2–§5.4): training need, trainer pools, the steering group's key figures and the
// figures per school, over every row with at least one role of every processed sheet (never merged by personId).
import type { Person } from '../model/person';
import type { PersonResult, SheetEvaluation } from '../model/result';
import type { KeyFigures, Summary } from '../model/summary';
import type { PersonTrainingCode, Plan, RoleCode, TrainingCode } from '../plan/schema';
import type { SchoolYear } from '../calendar/dates';
import { needsFromCounts, poolsOf } from './needs';
import { PerSchoolTally } from './per-school';

export { combineNeeds } from './needs';

export interface SummarizedSheet {
  people: readonly Person[];
  evaluation: SheetEvaluation;
}

export interface SummarizeOptions {
  planningYear: SchoolYear;
}

/** The rows for the figures: each person as read and its evaluation, as two parallel lists (no object per row). */
interface Rows {
  people: Person[];
  results: PersonResult[];
}

const noRows = (): Rows => ({ people: [], results: [] });

/** A sheet that was checked with a school column (rules.md §5.1, §5.4). */
export const hasSchoolColumn = (sheet: SummarizedSheet): boolean => sheet.evaluation.schools !== null;

export function summarize(plan: Plan, sheets: readonly SummarizedSheet[], _options: SummarizeOptions): Summary {
  const rows = noRows();
  let schools: number | null = null;
  let schoolsWithTrainedOb: number | null = null;
  const perSchool = sheets.some(hasSchoolColumn) ? new PerSchoolTally() : null;
  for (const sheet of sheets) {
    const withSchool = hasSchoolColumn(sheet);
    pairRows(sheet, (person, result) => {
      if (result.roles.length > 0) {
        rows.people.push(person);
        rows.results.push(result);
        perSchool?.add(withSchool ? person.school : null, result, undefined);
      }
    });
    const s = sheet.evaluation.schools;
    if (s) {
      schools = (schools ?? 0) + s.count;
      schoolsWithTrainedOb = (schoolsWithTrainedOb ?? 0) + s.withTrainedOb;
    }
  }
  return summaryOfRows(plan, rows, schools, schoolsWithTrainedOb, perSchool);
}

function summaryOfRows(
  plan: Plan,
  rows: Rows,
  schools: number | null,
  withTrainedOb: number | null,
  perSchool: PerSchoolTally | null,
): Summary {
  const initial: Partial<Record<TrainingCode, number>> = {};
  const roleCounts = new Map<RoleCode, number>();
  const norms = new Set(plan.norms.map((n) => n.role));
  const facilitation: Record<string, { normHours: number; hoursGranted: number }> = {};
  const total = { normHours: 0, hoursGranted: 0 };
  let studentsPlaced = 0;
  let studentsWithCertifiedWpb = 0;
  let wpbs = 0;
  let wpbsTrained = 0;
  let educators = 0;
  let educatorsTrained = 0;
  let refreshersOverdue = 0;
  let refreshersDue = 0;
  const exemptionCounts: Partial<Record<PersonTrainingCode, number>> = {};

  // Each training counted once per person; reused across rows (a Set per row was most of this loop's garbage).
  const counted: TrainingCode[] = [];
  const count = (t: TrainingCode) => {
    if (!counted.includes(t)) counted.push(t);
  };
  for (let i = 0; i < rows.results.length; i++) {
    const person = rows.people[i]!;
    const result = rows.results[i]!;
    if (counted.length > 0) counted.length = 0;
    let studentProblem = false;
    for (const f of result.findings) {
      if (f.code === 'TRAINING_MISSING' && f.training) count(f.training);
      else if (f.code === 'REFRESHER_OVERDUE') {
        count('REFRESH');
        refreshersOverdue++;
      } else if (f.code === 'REFRESHER_DUE') {
        count('REFRESH');
        refreshersDue++;
      } else if (f.code === 'STUDENT_WITHOUT_CERTIFIED_WPB') studentProblem = true;
      else if (f.code === 'EXEMPTION' && f.training) exemptionCounts[f.training] = (exemptionCounts[f.training] ?? 0) + 1;
    }
    for (const t of counted) initial[t] = (initial[t] ?? 0) + 1;

    const granted = numberOf(person.hoursGranted);
    for (const role of result.roles) {
      roleCounts.set(role, (roleCounts.get(role) ?? 0) + 1);
      if (norms.has(role)) {
        const f = (facilitation[role] ??= { normHours: 0, hoursGranted: 0 });
        f.normHours += result.normParts[role] ?? 0;
        if (granted !== null) f.hoursGranted += granted;
      }
    }
    if (result.normHours !== null && granted !== null) {
      total.normHours += result.normHours;
      total.hoursGranted += granted;
    }

    if (result.roles.includes('WPB')) {
      wpbs++;
      if (isCompleted(result, 'WPB')) wpbsTrained++;
      const students = numberOf(person.students);
      if (students !== null) {
        studentsPlaced += students;
        if (!studentProblem) studentsWithCertifiedWpb += students;
      }
    }
    if (result.roles.includes('SO') || result.roles.includes('IO')) {
      educators++;
      if (isCompleted(result, 'SOIO')) educatorsTrained++;
    }
  }

  const needs = needsFromCounts(plan, initial);
  const keyFigures: KeyFigures = {
    studentsPlaced,
    studentsWithCertifiedWpb,
    wpbTrainedShare: wpbs === 0 ? null : wpbsTrained / wpbs,
    soioTrainedShare: educators === 0 ? null : educatorsTrained / educators,
    schoolsWithTrainedOb: withTrainedOb,
    schools,
    refreshersOverdue,
    refreshersDue,
  };
  const roles: Summary['roles'] = {};
  for (const r of plan.roles) {
    const count = roleCounts.get(r.code);
    if (count !== undefined) roles[r.code] = { count, plan: r.planCount?.value ?? null };
  }
  const orderedFacilitation: Summary['facilitation'] = {};
  for (const r of plan.roles) if (facilitation[r.code]) orderedFacilitation[r.code] = facilitation[r.code]!;
  orderedFacilitation.total = total;
  const exemptions: Summary['exemptions'] = {};
  for (const t of plan.trainings) {
    const n = t.code === 'REFRESH' ? undefined : exemptionCounts[t.code];
    if (n) exemptions[t.code as PersonTrainingCode] = n;
  }
  return {
    needs,
    pools: poolsOf(plan, needs),
    keyFigures,
    roles,
    facilitation: orderedFacilitation,
    exemptions,
    perSchool: perSchool ? perSchool.entries() : null,
  };
}

/** Pair each person with its result: by position (evaluateSheet keeps the order), checked by ref. */
export function pairRows(sheet: SummarizedSheet, each: (person: Person, result: PersonResult) => void): void {
  const results = sheet.evaluation.people;
  const byRef = new Map<string, Person>();
  for (let i = 0; i < results.length; i++) {
    const result = results[i]!;
    let person = sheet.people[i];
    if (!person || person.ref !== result.ref) {
      if (byRef.size === 0) for (const p of sheet.people) byRef.set(p.ref, p);
      person = byRef.get(result.ref);
    }
    // A result without its person still counts; its numbers are then unknown.
    each(person ?? { ref: result.ref, roles: [...result.roles] }, result);
  }
}

function numberOf(v: Person['students']): number | null {
  return typeof v === 'number' ? v : null;
}

/**
 * The training counted as completed. Results from evaluateSheet carry `completed`; for a result
 * without it, completed means: no finding says it is missing or unreadable.
 */
function isCompleted(result: PersonResult, training: PersonTrainingCode): boolean {
  if (result.completed) return result.completed.includes(training);
  const field = `training.${training}`;
  return !result.findings.some(
    (f) =>
      (f.code === 'TRAINING_MISSING' && f.training === training) ||
      ((f.code === 'INVALID_DATE' || f.code === 'FUTURE_DATE') && f.field === field) ||
      (f.code === 'DATA_MISSING' && (f.field?.split(', ').includes(field) ?? false)),
  );
}
