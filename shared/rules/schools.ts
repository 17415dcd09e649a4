// Plan §4 (docs/rules.md SCHOOL_WITHOUT_SO, SCHOOL_WITHOUT_TRAINED_OB): a schoolopleider at every school
// that trains students, and preferably a trained onderzoeksbegeleider at every school.
import type { Person } from '../model/person';
import type { PersonResult, SchoolFinding } from '../model/result';
import type { Plan } from '../plan/schema';
import type { SheetContext, Speaker } from './context';
import { said } from './finding';
import type { SheetOutcome } from './rule';

/**
 * The sheet rule: when the sheet has a school column, the school findings and counts from the rows with
 * a role (a row trains students when it holds WPB or has students > 0).
 */
export function schoolsRule(ctx: SheetContext, people: readonly Person[], results: readonly PersonResult[], out: SheetOutcome): void {
  if (!ctx.has.school) return;
  const tally = new SchoolTally();
  const hasStudents = ctx.has.students;
  for (let i = 0; i < results.length; i++) {
    const { roles, completed } = results[i]!;
    if (roles.length === 0) continue;
    const person = people[i]!;
    const students = hasStudents && typeof person.students === 'number' ? person.students : 0;
    tally.addRow(
      person.school,
      roles.includes('WPB') || students > 0,
      roles.includes('SO'),
      roles.includes('OBP') && completed?.includes('OB') === true,
    );
  }
  const checkOb = ctx.cp.indexOf.OB !== undefined && ctx.hasTraining[ctx.cp.indexOf.OB] === true;
  out.findings = tally.findings(ctx.plan, checkOb, ctx);
  out.schools = tally.counts();
}

interface School {
  name: string;
  trainsStudents: boolean;
  hasSO: boolean;
  hasTrainedOb: boolean;
}

/** What one row (with at least one role) contributes to its school. */
export interface SchoolRow {
  school: string | null | undefined;
  /** The row holds WPB or has students > 0. */
  trainsStudents: boolean;
  isSO: boolean;
  /** The row holds OBP and its OB training is completed. */
  trainedOb: boolean;
}

/** Collects the schools of one sheet: distinct non-empty values, trimmed and case-folded, first spelling kept. */
export class SchoolTally {
  private readonly schools = new Map<string, School>();
  /** Cell text as typed → its school: most rows repeat a spelling, so one lookup and no new strings. */
  private readonly bySpelling = new Map<string, School | null>();

  add(row: SchoolRow): void {
    this.addRow(row.school, row.trainsStudents, row.isSO, row.trainedOb);
  }

  addRow(school: string | null | undefined, trainsStudents: boolean, isSO: boolean, trainedOb: boolean): void {
    if (!school) return;
    let s = this.bySpelling.get(school);
    if (s === undefined) {
      const name = school.trim();
      const key = name.toLowerCase();
      s = name ? (this.schools.get(key) ?? null) : null;
      if (name && !s) this.schools.set(key, (s = { name, trainsStudents: false, hasSO: false, hasTrainedOb: false }));
      this.bySpelling.set(school, s);
    }
    if (!s) return;
    if (trainsStudents) s.trainsStudents = true;
    if (isSO) s.hasSO = true;
    if (trainedOb) s.hasTrainedOb = true;
  }

  /** School findings in order of first appearance; OB findings only when the sheet has the OB training column. */
  findings(plan: Plan, checkOb: boolean, ctx: Speaker): SchoolFinding[] {
    const planRef = plan.schools.planRef;
    const out: SchoolFinding[] = [];
    for (const s of this.schools.values()) {
      const params = { school: s.name };
      if (s.trainsStudents && !s.hasSO)
        out.push(said(ctx, { code: 'SCHOOL_WITHOUT_SO', severity: 'action', school: s.name, message: ctx.say('SCHOOL_WITHOUT_SO', params), planRef }, params));
      if (checkOb && !s.hasTrainedOb)
        out.push(
          said(ctx, { code: 'SCHOOL_WITHOUT_TRAINED_OB', severity: 'info', school: s.name, message: ctx.say('SCHOOL_WITHOUT_TRAINED_OB', params), planRef }, params),
        );
    }
    return out;
  }

  counts(): { count: number; withTrainedOb: number } {
    let withTrainedOb = 0;
    for (const s of this.schools.values()) if (s.hasTrainedOb) withTrainedOb++;
    return { count: this.schools.size, withTrainedOb };
  }
}
