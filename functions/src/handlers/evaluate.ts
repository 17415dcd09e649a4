// POST /api/evaluate (interfaces.md §3): the same evaluation as the CLI in-process, plus the stored
// register records (rules.md §4.12) unless the request says `"register": false`. The body may be the
// compact form (shared/api/compact.ts); `Accept: application/vnd.bosspo.compact+json` asks for the
// compact answer, anything else gets the documented one.
import { schoolYearOf, todayInAmsterdam, type SchoolYear } from '../../../shared/calendar/dates';
import { acceptsCompact, COMPACT_MEDIA_TYPE, encodeEvaluateResponse, evaluatePeopleCount } from '../../../shared/api/compact';
import { ruleFields, type EvaluateRequest, type EvaluateResponse } from '../../../shared/api/evaluate';
import { MAX_PEOPLE } from '../../../shared/model/person';
import type { RegisterRecord } from '../../../shared/model/register';
import type { Plan } from '../../../shared/plan/schema';
import { evaluateSheet } from '../../../shared/rules/evaluate';
import type { MessageParamsOf } from '../../../shared/rules/context';
import { summarize } from '../../../shared/summary/summarize';
import { json } from '../http/problem';
import type { Caller } from '../auth/caller';
import type { AppDeps } from '../deps';
import type { HandlerContext } from '../http/types';
import { registerForPeople } from './register-for-people';

export function tooManyPeople(body: unknown): string | null {
  const people = evaluatePeopleCount(body);
  if (people !== null && people > MAX_PEOPLE)
    return `Meer dan ${MAX_PEOPLE.toLocaleString('nl-NL')} mensen in één aanvraag (${people.toLocaleString('nl-NL')}); geen bestuur heeft zoveel personeel.`;
  return null;
}

/**
 * The documented answer for a checked request, and (with `withParams`) the values each message was
 * rendered from, for the compact answer.
 */
export function evaluateRequest(
  plan: Plan,
  body: EvaluateRequest,
  options: { referenceDate: string; planningYear: SchoolYear; register: RegisterRecord[]; registerRecords: number; withParams: boolean },
): { answer: EvaluateResponse; params: MessageParamsOf } {
  const { referenceDate, planningYear, register } = options;
  const params: MessageParamsOf = new WeakMap();
  const evaluation = evaluateSheet(
    plan,
    { fields: ruleFields(body.fields), people: body.people },
    { referenceDate, planningYear, register, ...(options.withParams ? { messageParams: params } : {}) },
  );
  const summary = summarize(plan, [{ people: body.people, evaluation }], { planningYear });
  const answer: EvaluateResponse = {
    referenceDate,
    planningYear,
    plan: { id: plan.id, version: plan.version },
    people: evaluation.people,
    findings: evaluation.findings,
    summary,
    registerRecords: options.registerRecords,
  };
  return { answer, params };
}

/**
 * The boards with register records, asked of storage as soon as the caller is known (the route's
 * `early`): the round trip overlaps reading and checking the body instead of following it. Asked anew
 * for every request, so never stale.
 */
export async function boardsWithRecords(_caller: Caller, deps: AppDeps): Promise<Map<string, string>> {
  return (await deps.register()).boards();
}

export async function evaluate({ body, caller, early, headers, deps }: HandlerContext<unknown, unknown, EvaluateRequest, Map<string, string>>) {
  const referenceDate = body.referenceDate ?? todayInAmsterdam(deps.now());
  const planningYear = (body.planningYear ?? schoolYearOf(referenceDate)) as SchoolYear;
  let register: RegisterRecord[] = [];
  let registerRecords = 0;
  if (body.register !== false && caller) {
    const found = await registerForPeople(await deps.register(), caller, body.people, early ?? undefined);
    register = found.records;
    registerRecords = found.stored;
  }
  const compact = acceptsCompact(headers.get('accept'));
  const { answer, params } = evaluateRequest(deps.plan, body, { referenceDate, planningYear, register, registerRecords, withParams: compact });
  // The answer depends on Accept: caches must keep the two forms apart.
  if (compact)
    return json(200, encodeEvaluateResponse(answer, params), { 'content-type': `${COMPACT_MEDIA_TYPE}; charset=utf-8`, vary: 'Accept' });
  return json(200, answer, { vary: 'Accept' });
}
