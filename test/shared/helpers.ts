// Test helpers: canonical people built through the schema, one-person evaluation at the §7 dates.
import { PersonSchema, type Person, type PersonInput, type RuleField } from '../../shared/model/person';
import type { RegisterRecord } from '../../shared/model/register';
import type { Finding, PersonResult } from '../../shared/model/result';
import { bossPoPlan } from '../../shared/plan/bosspo';
import type { Plan } from '../../shared/plan/schema';
import { evaluateSheet } from '../../shared/rules/evaluate';
import type { SchoolYear } from '../../shared/calendar/dates';

/** rules.md §7: R = 2026-11-28, P = 2026-2027. */
export const R = '2026-11-28';
export const P: SchoolYear = '2026-2027';

let refs = 0;
export function person(input: Omit<PersonInput, 'ref'> & { ref?: string }): Person {
  return PersonSchema.parse({ ref: String(++refs), board: 'BOOR', ...input });
}

export interface EvalOptions {
  referenceDate?: string;
  planningYear?: SchoolYear;
  register?: RegisterRecord[];
  plan?: Plan;
}

export function evaluateOne(p: Person, fields: RuleField[], o: EvalOptions = {}): PersonResult {
  const sheet = evaluateSheet(o.plan ?? bossPoPlan, { fields, people: [p] }, {
    referenceDate: o.referenceDate ?? R,
    planningYear: o.planningYear ?? P,
    register: o.register,
  });
  return sheet.people[0]!;
}

/** Codes of the findings, with the training where there is one: `TRAINING_MISSING(WPB)`. */
export function codes(findings: readonly Finding[]): string[] {
  return findings.map((f) => (f.training ? `${f.code}(${f.training})` : f.code));
}

export function only(findings: readonly Finding[], code: string): Finding {
  const found = findings.filter((f) => f.code === code);
  if (found.length !== 1) throw new Error(`expected one ${code}, got ${found.length}: ${codes(findings).join(', ')}`);
  return found[0]!;
}
