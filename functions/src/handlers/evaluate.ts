// POST /api/evaluate (interfaces.md §3): the same evaluation as the CLI in-process, plus the stored
// register records (rules.md §4.12) unless the request says `"register": false`.
import { schoolYearOf, todayInAmsterdam, type SchoolYear } from '../../../shared/calendar/dates';
import { ruleFields, type EvaluateRequest, type EvaluateResponse } from '../../../shared/api/evaluate';
import { MAX_PEOPLE } from '../../../shared/model/person';
import type { RegisterRecord } from '../../../shared/model/register';
import { evaluateSheet } from '../../../shared/rules/evaluate';
import { summarize } from '../../../shared/summary/summarize';
import { ok } from '../http/problem';
import type { HandlerContext } from '../http/types';
import { registerForPeople } from './register-for-people';

export function tooManyPeople(json: unknown): string | null {
  const people = (json as { people?: unknown } | null)?.people;
  if (Array.isArray(people) && people.length > MAX_PEOPLE)
    return `Meer dan ${MAX_PEOPLE.toLocaleString('nl-NL')} mensen in één aanvraag (${people.length.toLocaleString('nl-NL')}); geen bestuur heeft zoveel personeel.`;
  return null;
}

export async function evaluate({ body, caller, deps }: HandlerContext<unknown, unknown, EvaluateRequest>) {
  const referenceDate = body.referenceDate ?? todayInAmsterdam(deps.now());
  const planningYear = (body.planningYear ?? schoolYearOf(referenceDate)) as SchoolYear;
  let register: RegisterRecord[] = [];
  let registerRecords = 0;
  if (body.register !== false && caller) {
    const found = await registerForPeople(await deps.register(), caller, body.people);
    register = found.records;
    registerRecords = found.stored;
  }
  const evaluation = evaluateSheet(
    deps.plan,
    { fields: ruleFields(body.fields), people: body.people },
    { referenceDate, planningYear, register },
  );
  const summary = summarize(deps.plan, [{ people: body.people, evaluation }], { planningYear });
  const answer: EvaluateResponse = {
    referenceDate,
    planningYear,
    plan: { id: deps.plan.id, version: deps.plan.version },
    people: evaluation.people,
    findings: evaluation.findings,
    summary,
    registerRecords,
  };
  return ok(answer);
}
