// Rules of the plan (rules.md §4–§5.1) applied to one sheet of canonical people. Composes the rule
// modules; the plan supplies every number. Pure: never changes its input.
import type { IsoDate, Person, RuleField } from '../model/person';
import type { PersonResult, SheetEvaluation } from '../model/result';
import type { Finding } from '../model/result';
import type { Plan } from '../plan/schema';
import { completedOfMask, roleMask, rolesOfMask, sheetContext, ROLE_BIT, type SheetContext } from './context';
import { certificateRule } from './certificate';
import { dataQuality, unknownRoleTokens } from './data-quality';
import { exemptionRule } from './exemption';
import { markDuplicates } from './duplicates';
import { facilitationRule } from './facilitation';
import { meetingsRule } from './meetings';
import { pairingRule } from './pairing';
import { refresherRule } from './refresher';
import { SchoolTally } from './schools';
import { startersRule } from './starters';
import { statusOf } from './status';
import { studentsRule } from './students';
import { trainingRule } from './training';
import { velonRule } from './velon';
import { NO_PARTS, PersonView } from './view';

import type { EvaluateOptions } from './context';

export type { EvaluateOptions } from './context';

export interface EvaluateInput {
  /** The rule fields the sheet has (interfaces.md §3 `fields`). */
  fields: readonly RuleField[];
  people: readonly Person[];
}

export function evaluateSheet(plan: Plan, input: EvaluateInput, options: EvaluateOptions): SheetEvaluation {
  const ctx = sheetContext(plan, input.fields, options);
  const view = new PersonView(ctx);
  const tally = ctx.has.school ? new SchoolTally() : null;
  const obIndex = ctx.cp.indexOf.OB;
  const people = input.people;
  const results: PersonResult[] = new Array<PersonResult>(people.length);
  for (let i = 0; i < people.length; i++) {
    const person = people[i]!;
    const result = evaluatePerson(ctx, view, person);
    results[i] = result;
    if (tally && result.roles.length > 0)
      tally.addRow(
        person.school,
        (view.mask & ROLE_BIT.WPB) !== 0 || (view.number('students') ?? 0) > 0,
        (view.mask & ROLE_BIT.SO) !== 0,
        (view.mask & ROLE_BIT.OBP) !== 0 && obIndex !== undefined && view.completed[obIndex] === true,
      );
  }
  markDuplicates(results);
  return {
    people: results,
    findings: tally ? tally.findings(plan, obIndex !== undefined && ctx.hasTraining[obIndex] === true) : [],
    schools: tally ? tally.counts() : null,
  };
}

const scratch: Finding[] = [];

/**
 * rules.md §4.14: of the refresher due date and the VELON expiry, the earliest that lies from R to
 * R + lookaheadDays (both inclusive), else null. An overdue refresher does not hide a VELON expiry.
 */
function dueSoon(ctx: SheetContext, refresherDue: IsoDate | null, velonExpiry: IsoDate | null): IsoDate | null {
  const soon = (d: IsoDate | null) => d !== null && d >= ctx.referenceDate && d <= ctx.dueSoonUntil;
  const a = soon(refresherDue) ? refresherDue : null;
  const b = soon(velonExpiry) ? velonExpiry : null;
  return a === null ? b : b === null || a <= b ? a : b;
}

function evaluatePerson(ctx: SheetContext, view: PersonView, person: Person): PersonResult {
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
  view.load(person, mask);
  // Rules push into one scratch list; the result gets an exact-size copy (a fresh `[]` that is pushed
  // to reserves room for 17 entries, which adds up over 100,000 people).
  const findings = scratch;
  findings.length = 0;
  dataQuality(ctx, view, unknownRoles, findings);
  exemptionRule(ctx, view, findings);
  trainingRule(ctx, view, findings);
  certificateRule(ctx, view, findings);
  const refresherDue = refresherRule(ctx, view, findings);
  studentsRule(ctx, view, findings);
  facilitationRule(ctx, view, findings);
  pairingRule(ctx, view, findings);
  meetingsRule(ctx, view, findings);
  const velonExpiry = velonRule(ctx, view, findings);
  startersRule(ctx, view, findings);
  return {
    ref: person.ref,
    personId,
    roles: view.roles,
    status: statusOf(true, findings),
    refresherDue,
    dueSoon: dueSoon(ctx, refresherDue, velonExpiry),
    normHours: view.normHours,
    findings: findings.length === 0 ? [] : findings.slice(),
    normParts: view.normParts,
    completed: completedOfMask(ctx.cp, view.completedMask),
  };
}
