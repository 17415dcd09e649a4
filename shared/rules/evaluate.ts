// The rules of the plan applied to one sheet of canonical people (docs/rules.md "Finding codes"): every
// rule is an entry of RULES (per person) or SHEET_RULES (per sheet), run in list order. The plan supplies
// every number. Pure: never changes its input.
import type { IsoDate, Person, RuleField } from '../model/person';
import type { PersonResult, SheetEvaluation } from '../model/result';
import type { Plan } from '../plan/schema';
import { completedOfMask, roleMask, rolesOfMask, sheetContext, type SheetContext } from './context';
import { certificateRule } from './certificate';
import { dataQualityRule, unknownRoleTokens } from './data-quality';
import { duplicatesRule } from './duplicates';
import { exemptionRule } from './exemption';
import { facilitationRule } from './facilitation';
import { meetingsRule } from './meetings';
import { pairingRule } from './pairing';
import { refresherRule } from './refresher';
import { NO_PARTS, PersonOutcome, type PersonRule, type SheetOutcome, type SheetRule } from './rule';
import { schoolsRule } from './schools';
import { startersRule } from './starters';
import { statusOf } from './status';
import { studentsRule } from './students';
import { trainingRule } from './training';
import { velonRule } from './velon';
import { PersonView } from './view';

import type { EvaluateOptions } from './context';

export type { EvaluateOptions } from './context';

/** The rules about one person, in the order their findings appear. */
export const RULES: readonly PersonRule[] = [
  { name: 'data quality', plan: null, codes: ['UNKNOWN_ROLE', 'INVALID_DATE', 'INVALID_NUMBER', 'FUTURE_DATE'], apply: dataQualityRule },
  { name: 'exemption', plan: '§2', codes: ['EXEMPTION'], apply: exemptionRule },
  { name: 'training', plan: '§4', codes: ['TRAINING_MISSING', 'DATA_MISSING'], apply: trainingRule },
  { name: 'certificate', plan: '§4', codes: ['CERTIFICATE_MISSING'], apply: certificateRule },
  { name: 'refresher', plan: '§4', codes: ['REFRESHER_OVERDUE', 'REFRESHER_DUE', 'DATE_UNKNOWN'], apply: refresherRule },
  { name: 'students', plan: '§4', codes: ['STUDENT_WITHOUT_CERTIFIED_WPB'], apply: studentsRule },
  { name: 'facilitation', plan: '§5', codes: ['UNDER_FACILITATED'], apply: facilitationRule },
  { name: 'pairing', plan: '§3', codes: ['PAIRING_MISSING'], apply: pairingRule },
  { name: 'meetings', plan: '§3', codes: ['MEETINGS_BELOW_MINIMUM'], apply: meetingsRule },
  { name: 'velon', plan: '§4', codes: ['VELON_EXPIRED', 'VELON_EXPIRING'], apply: velonRule },
  { name: 'starters', plan: '§4', codes: ['STARTER_WITHOUT_COACH'], apply: startersRule },
];

/** The rules about a whole sheet, run once every person is evaluated. */
export const SHEET_RULES: readonly SheetRule[] = [
  { name: 'duplicates', plan: null, codes: ['DUPLICATE_PERSON'], apply: duplicatesRule },
  { name: 'schools', plan: '§4', codes: ['SCHOOL_WITHOUT_SO', 'SCHOOL_WITHOUT_TRAINED_OB'], apply: schoolsRule },
];

export interface EvaluateInput {
  /** The rule fields the sheet has. */
  fields: readonly RuleField[];
  people: readonly Person[];
}

export function evaluateSheet(plan: Plan, input: EvaluateInput, options: EvaluateOptions): SheetEvaluation {
  const ctx = sheetContext(plan, input.fields, options);
  const view = new PersonView(ctx);
  const outcome = new PersonOutcome();
  const people = input.people;
  const results: PersonResult[] = new Array<PersonResult>(people.length);
  for (let i = 0; i < people.length; i++) results[i] = evaluatePerson(ctx, view, outcome, people[i]!);
  const sheet: SheetOutcome = { findings: [], schools: null };
  for (const rule of SHEET_RULES) rule.apply(ctx, people, results, sheet);
  return { people: results, findings: sheet.findings, schools: sheet.schools };
}

/**
 * docs/rules.md "Due soon": of the refresher due date and the VELON expiry, the earliest that lies from R
 * to R + lookaheadDays (both inclusive), else null. An overdue refresher does not hide a VELON expiry.
 */
function dueSoon(ctx: SheetContext, refresherDue: IsoDate | null, velonExpiry: IsoDate | null): IsoDate | null {
  const a = isSoon(ctx, refresherDue) ? refresherDue : null;
  const b = isSoon(ctx, velonExpiry) ? velonExpiry : null;
  return a === null ? b : b === null || a <= b ? a : b;
}

function isSoon(ctx: SheetContext, date: IsoDate | null): boolean {
  return date !== null && date >= ctx.referenceDate && date <= ctx.dueSoonUntil;
}

function evaluatePerson(ctx: SheetContext, view: PersonView, outcome: PersonOutcome, person: Person): PersonResult {
  const mask = person.roles && person.roles.length > 0 ? roleMask(person.roles) : 0;
  const unknownRoles = unknownRoleTokens(person.unknownRoles);
  const personId = person.personId?.trim() || null;
  if (mask === 0 && unknownRoles.length === 0)
    return {
      ref: person.ref,
      personId,
      roles: rolesOfMask(0),
      status: 'Geen OS-rol',
      refresherDue: null,
      dueSoon: null,
      normHours: null,
      findings: [],
      normParts: NO_PARTS,
      completed: completedOfMask(ctx.cp, 0),
    };
  view.load(person, mask, unknownRoles);
  outcome.reset();
  for (let r = 0; r < RULES.length; r++) RULES[r]!.apply(ctx, view, outcome);
  const findings = outcome.findings();
  return {
    ref: person.ref,
    personId,
    roles: view.roles,
    status: statusOf(true, findings),
    refresherDue: outcome.refresherDue,
    dueSoon: dueSoon(ctx, outcome.refresherDue, outcome.velonExpiry),
    normHours: outcome.normHours,
    findings,
    normParts: outcome.normParts,
    completed: completedOfMask(ctx.cp, view.completedMask),
  };
}
