// Plan §4 (rules.md §5.1): a schoolopleider at every school that trains students, and preferably a
// trained onderzoeksbegeleider at every school.
import type { SchoolFinding } from '../model/result';
import type { Plan } from '../plan/schema';
import { MESSAGES } from './messages';

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
  findings(plan: Plan, checkOb: boolean): SchoolFinding[] {
    const planRef = plan.schools.planRef;
    const out: SchoolFinding[] = [];
    for (const s of this.schools.values()) {
      if (s.trainsStudents && !s.hasSO)
        out.push({
          code: 'SCHOOL_WITHOUT_SO',
          severity: 'action',
          school: s.name,
          message: MESSAGES.SCHOOL_WITHOUT_SO.nl({ school: s.name }),
          planRef,
        });
      if (checkOb && !s.hasTrainedOb)
        out.push({
          code: 'SCHOOL_WITHOUT_TRAINED_OB',
          severity: 'info',
          school: s.name,
          message: MESSAGES.SCHOOL_WITHOUT_TRAINED_OB.nl({ school: s.name }),
          planRef,
        });
    }
    return out;
  }

  counts(): { count: number; withTrainedOb: number } {
    let withTrainedOb = 0;
    for (const s of this.schools.values()) if (s.hasTrainedOb) withTrainedOb++;
    return { count: this.schools.size, withTrainedOb };
  }
}
