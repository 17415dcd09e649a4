// rules.md §4.10 (data quality; no plan §): unknown roles, unreadable dates and numbers, future dates.
import type { Finding } from '../model/result';
import type { SheetContext } from './context';
import { SEVERITY } from './finding';
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

export function dataQualityRule(ctx: SheetContext, v: PersonView, outcome: PersonOutcome): void {
  const out = outcome.findings;
  for (const token of v.unknownRoles)
    out.push({
      code: 'UNKNOWN_ROLE',
      severity: 'warning',
      token,
      message: ctx.say('UNKNOWN_ROLE', { token }),
      planRef: null,
    });
  const { cp } = ctx;
  const person = v.person;
  for (let i = 0; i < cp.trainings.length; i++) {
    const cell = v.cell[i];
    if (cell === Completion.Invalid) {
      const value = person.trainings?.[cp.trainings[i]!];
      out.push(unreadable(ctx, 'INVALID_DATE', cp.trainingFields[i]!, rawOf(value)));
    } else if (cell === Completion.Future) {
      const value = person.trainings?.[cp.trainings[i]!] as string;
      out.push(futureDate(ctx, cp.trainingFields[i]!, value));
    }
  }
  if (v.lastRefresherCell === Completion.Invalid) out.push(unreadable(ctx, 'INVALID_DATE', 'lastRefresher', rawOf(person.lastRefresher)));
  else if (v.lastRefresherCell === Completion.Future) out.push(futureDate(ctx, 'lastRefresher', person.lastRefresher as string));
  const has = ctx.has;
  if (has.roleStart && isInvalid(person.roleStart)) out.push(unreadable(ctx, 'INVALID_DATE', 'roleStart', person.roleStart.invalid));
  if (has.velonRegistration && isInvalid(person.velonRegistration))
    out.push(unreadable(ctx, 'INVALID_DATE', 'velonRegistration', person.velonRegistration.invalid));
  // The number fields in NUMBER_FIELDS order, spelled out: named property reads in the hot loop.
  if (has.students && isInvalid(person.students)) out.push(unreadable(ctx, 'INVALID_NUMBER', 'students', person.students.invalid));
  if (has.graduates && isInvalid(person.graduates)) out.push(unreadable(ctx, 'INVALID_NUMBER', 'graduates', person.graduates.invalid));
  if (has.secondAssessments && isInvalid(person.secondAssessments))
    out.push(unreadable(ctx, 'INVALID_NUMBER', 'secondAssessments', person.secondAssessments.invalid));
  if (has.hoursGranted && isInvalid(person.hoursGranted))
    out.push(unreadable(ctx, 'INVALID_NUMBER', 'hoursGranted', person.hoursGranted.invalid));
  if (has.meetings && isInvalid(person.meetings)) out.push(unreadable(ctx, 'INVALID_NUMBER', 'meetings', person.meetings.invalid));
}

function isInvalid(value: unknown): value is { invalid: string } {
  return typeof value === 'object' && value !== null;
}

function rawOf(value: unknown): string {
  return isInvalid(value) ? value.invalid : String(value);
}

/** The per-sheet messages of one data-quality code about one field, by value. */
function messagesOf(ctx: SheetContext, code: keyof SheetContext['fieldMessages'], field: string): Map<string, string> {
  const byField = ctx.fieldMessages[code];
  let messages = byField.get(field);
  if (messages === undefined) byField.set(field, (messages = new Map()));
  return messages;
}

/** INVALID_DATE or INVALID_NUMBER about a field whose cell could not be read, with the raw text. */
function unreadable(ctx: SheetContext, code: 'INVALID_DATE' | 'INVALID_NUMBER', field: string, raw: string): Finding {
  const messages = messagesOf(ctx, code, field);
  let message = messages.get(raw);
  if (message === undefined) messages.set(raw, (message = ctx.say(code, { raw, field })));
  return { code, severity: SEVERITY[code], field, message, planRef: null };
}

/** FUTURE_DATE: a completion or refresher date after R (many people share a planned date). */
function futureDate(ctx: SheetContext, field: string, date: string): Finding {
  const messages = messagesOf(ctx, 'FUTURE_DATE', field);
  let message = messages.get(date);
  if (message === undefined) messages.set(date, (message = ctx.say('FUTURE_DATE', { field, date, referenceDate: ctx.referenceDate })));
  return { code: 'FUTURE_DATE', severity: 'warning', field, message, planRef: null };
}
