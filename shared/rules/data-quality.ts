// rules.md §4.10 (data quality; no plan §): unknown roles, unreadable dates and numbers, future dates.
import type { Finding } from '../model/result';
import type { SheetContext } from './context';
import { findingsAbout, remember, said, SEVERITY } from './finding';
import type { PersonOutcome } from './rule';
import { Completion, type PersonView } from './view';

/** Role cells that mean "no role" (rules.md §6.3); a reader normally drops them already. */
const NO_ROLE_WORDS = new Set(['geen', '-', 'n.v.t.', 'nvt']);

/** The distinct unrecognised role tokens (case-insensitive, first spelling kept), no-words left out. */
export function unknownRoleTokens(tokens: readonly string[] | undefined): readonly string[] {
  if (!tokens || tokens.length === 0) return EMPTY;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tokens) {
    const token = raw.trim();
    const key = token.toLowerCase();
    if (!token || NO_ROLE_WORDS.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push(token);
  }
  return out;
}
const EMPTY: readonly string[] = Object.freeze([]);

export function dataQualityRule(ctx: SheetContext, v: PersonView, out: PersonOutcome): void {
  const unknownRoles = v.unknownRoles;
  for (let t = 0; t < unknownRoles.length; t++) {
    const token = unknownRoles[t]!;
    const params = { token };
    out.add(said(ctx, { code: 'UNKNOWN_ROLE', severity: 'warning', token, message: ctx.say('UNKNOWN_ROLE', params), planRef: null }, params));
  }
  const { cp } = ctx;
  const person = v.person;
  for (let i = 0; i < cp.trainings.length; i++) {
    const cell = v.cell[i];
    if (cell === Completion.Invalid) {
      const value = person.trainings?.[cp.trainings[i]!];
      out.add(unreadable(ctx, 'INVALID_DATE', cp.trainingFields[i]!, rawOf(value)));
    } else if (cell === Completion.Future) {
      const value = person.trainings?.[cp.trainings[i]!] as string;
      out.add(futureDate(ctx, cp.trainingFields[i]!, value));
    }
  }
  if (v.lastRefresherCell === Completion.Invalid) out.add(unreadable(ctx, 'INVALID_DATE', 'lastRefresher', rawOf(person.lastRefresher)));
  else if (v.lastRefresherCell === Completion.Future) out.add(futureDate(ctx, 'lastRefresher', person.lastRefresher as string));
  const has = ctx.has;
  if (has.roleStart && isInvalid(person.roleStart)) out.add(unreadable(ctx, 'INVALID_DATE', 'roleStart', person.roleStart.invalid));
  if (has.velonRegistration && isInvalid(person.velonRegistration))
    out.add(unreadable(ctx, 'INVALID_DATE', 'velonRegistration', person.velonRegistration.invalid));
  // The number fields in NUMBER_FIELDS order, spelled out: named property reads in the hot loop.
  if (has.students && isInvalid(person.students)) out.add(unreadable(ctx, 'INVALID_NUMBER', 'students', person.students.invalid));
  if (has.graduates && isInvalid(person.graduates)) out.add(unreadable(ctx, 'INVALID_NUMBER', 'graduates', person.graduates.invalid));
  if (has.secondAssessments && isInvalid(person.secondAssessments))
    out.add(unreadable(ctx, 'INVALID_NUMBER', 'secondAssessments', person.secondAssessments.invalid));
  if (has.hoursGranted && isInvalid(person.hoursGranted))
    out.add(unreadable(ctx, 'INVALID_NUMBER', 'hoursGranted', person.hoursGranted.invalid));
  if (has.meetings && isInvalid(person.meetings)) out.add(unreadable(ctx, 'INVALID_NUMBER', 'meetings', person.meetings.invalid));
}

function isInvalid(value: unknown): value is { invalid: string } {
  return typeof value === 'object' && value !== null;
}

function rawOf(value: unknown): string {
  return isInvalid(value) ? value.invalid : String(value);
}

/** INVALID_DATE or INVALID_NUMBER about a field whose cell could not be read, with the raw text. */
function unreadable(ctx: SheetContext, code: 'INVALID_DATE' | 'INVALID_NUMBER', field: string, raw: string): Finding {
  const findings = findingsAbout(ctx, code, field);
  const found = findings.get(raw);
  if (found) return found;
  const params = { raw, field };
  return remember(findings, raw, said(ctx, { code, severity: SEVERITY[code], field, message: ctx.say(code, params), planRef: null }, params));
}

/** FUTURE_DATE: a completion or refresher date after R (many people share a planned date). */
function futureDate(ctx: SheetContext, field: string, date: string): Finding {
  const findings = findingsAbout(ctx, 'FUTURE_DATE', field);
  const found = findings.get(date);
  if (found) return found;
  const params = { field, date, referenceDate: ctx.referenceDate };
  return remember(findings, date, said(ctx, { code: 'FUTURE_DATE', severity: 'warning', field, message: ctx.say('FUTURE_DATE', params), planRef: null }, params));
}
