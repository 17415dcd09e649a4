// The evaluate request and answer carry up to 50,000 people; zod spends most of an evaluate call on
// them (unions of dates, a refine per date). These checks accept only what the schemas accept and
// build exactly the value zod would (same keys, same order, defaults applied). On anything they do not
// recognise they answer null, and the caller runs the schema itself: every rejection, with its paths
// and messages, still comes from zod.
import { daysInMonth } from '../calendar/days';
import { CERTIFICATE_TRAININGS, PERSON_TRAINING_CODES, ROLE_CODES } from '../plan/schema';
import { FIRST_DATE, LAST_DATE, type Person } from '../model/person';
import { isSchoolYearInRange } from './common';
import { FINDING_CODES, SCHOOL_FINDING_CODES, STATUSES, Severity, type Finding, type PersonResult, type SchoolFinding } from '../model/result';
import {
  EvaluateRequestSchema,
  EvaluateResponseSchema,
  FieldName,
  type EvaluateRequest,
} from './evaluate';

const ROLES = new Set<string>(ROLE_CODES);
const TRAININGS = new Set<string>(PERSON_TRAINING_CODES);
const CERTIFICATES = new Set<string>(CERTIFICATE_TRAININGS);
const FIELDS = new Set<string>(FieldName.options);
const STATUS = new Set<string>(STATUSES);
const SEVERITIES = new Set<string>(Severity.options);
const CODES = new Set<string>(FINDING_CODES);

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

const isDigit = (c: number) => c >= 48 && c <= 57;
const digits = (s: string, from: number, to: number) => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
};

/** IsoDate: `YYYY-MM-DD` of a day that exists, exactly as isRealDate decides it (shared/calendar/days.ts). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || s.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const c = s.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== 45 : !isDigit(c)) return false;
  }
  const mo = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(digits(s, 0, 4), mo);
}

/** InputDate: an IsoDate from FIRST_DATE to LAST_DATE (ISO dates compare as text). */
export const isInputDate = (s: unknown): s is string => isIsoDate(s) && s >= FIRST_DATE && s <= LAST_DATE;

const text200 = (v: unknown): boolean => typeof v === 'string' && v.length <= 200;

/** An unreadable value as the request gives it, `{ invalid: string ≤ 1000 }` and nothing else: a fresh copy, or undefined. */
function copyUnreadable(v: unknown): { invalid: string } | undefined {
  if (!isPlainObject(v)) return undefined;
  let n = 0;
  for (const key in v) {
    if (key !== 'invalid') return undefined;
    n++;
  }
  const t = v.invalid;
  return n === 1 && typeof t === 'string' && t.length <= 1000 ? { invalid: t } : undefined;
}

/** Marks "not recognised": what a value check below answers when unsure (then ask the schema). */
export const NO = Symbol('no');
/** A value check: the value as the schema would give it, or NO. */
export type ValueCheck = (v: unknown) => unknown;

function completion(v: unknown): unknown {
  if (v === null || v === 'done') return v;
  if (typeof v === 'string') return isInputDate(v) ? v : NO;
  return copyUnreadable(v) ?? NO;
}

/** TrainingValue: a completion, or an exemption `{ exempt: { date: IsoDate | null } }` (both strict). */
function trainingValue(v: unknown): unknown {
  if (!isPlainObject(v) || !('exempt' in v)) return completion(v);
  for (const key in v) if (key !== 'exempt') return NO;
  const e = v.exempt;
  if (!isPlainObject(e)) return NO;
  for (const key in e) if (key !== 'date') return NO;
  return e.date === null || isInputDate(e.date) ? { exempt: { date: e.date } } : NO;
}

function date(v: unknown): unknown {
  if (v === null) return v;
  if (typeof v === 'string') return isInputDate(v) ? v : NO;
  return copyUnreadable(v) ?? NO;
}

function count(v: unknown): unknown {
  if (v === null) return v;
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 && v <= 1e9 ? v : NO;
  return copyUnreadable(v) ?? NO;
}

const booleanOrNull = (v: unknown): unknown => (v === null || typeof v === 'boolean' ? v : NO);
const textOrNull = (v: unknown): unknown => (v === null || text200(v) ? v : NO);

function codes(v: unknown, allowed: ReadonlySet<string>, max: number): string[] | undefined {
  if (!Array.isArray(v) || v.length > max) return undefined;
  const out: string[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (typeof c !== 'string' || !allowed.has(c)) return undefined;
    out[i] = c;
  }
  return out;
}

function record(v: unknown, keys: ReadonlySet<string>, value: (x: unknown) => unknown): Record<string, unknown> | undefined {
  if (!isPlainObject(v)) return undefined;
  const out: Record<string, unknown> = {};
  for (const key in v) {
    if (!keys.has(key)) return undefined;
    const x = value(v[key]);
    if (x === NO) return undefined;
    out[key] = x;
  }
  return out;
}

/** PersonSchema's keys in its shape order, with the check of each value. */
const PERSON_KEYS: readonly (readonly [keyof Person & string, ValueCheck])[] = [
  ['ref', (v) => (typeof v === 'string' && v.length >= 1 && v.length <= 100 ? v : NO)],
  ['personId', textOrNull],
  ['board', textOrNull],
  ['school', textOrNull],
  ['roles', (v) => codes(v, ROLES, 20) ?? NO],
  [
    'unknownRoles',
    (v) => {
      if (!Array.isArray(v) || v.length > 20) return NO;
      for (const t of v) if (!text200(t)) return NO;
      return v.slice();
    },
  ],
  ['trainings', (v) => record(v, TRAININGS, trainingValue) ?? NO],
  ['certificates', (v) => record(v, CERTIFICATES, booleanOrNull) ?? NO],
  ['lastRefresher', completion],
  ['roleStart', date],
  ['velonRegistration', date],
  ['students', count],
  ['graduates', count],
  ['secondAssessments', count],
  ['hoursGranted', count],
  ['meetings', count],
  ['pairedWith', booleanOrNull],
  ['coach', booleanOrNull],
];
const PERSON_KEY_SET = new Set<string>(PERSON_KEYS.map(([k]) => k));
const PERSON_CHECKS = new Map<string, ValueCheck>(PERSON_KEYS);
/** The check of one entry of a person's record keys (`trainings.WPB`, `certificates.SOIO`). */
const PERSON_RECORD_ENTRY: Readonly<Record<string, ValueCheck>> = { trainings: trainingValue, certificates: booleanOrNull };

/**
 * The fast check of one person value: PersonSchema's field `key`, or with `code` one entry of that
 * record key (the code itself is the caller's to check). Undefined for a key the schema does not have.
 */
export function personValueCheck(key: string, code: string | null): ValueCheck | undefined {
  return code === null ? PERSON_CHECKS.get(key) : PERSON_RECORD_ENTRY[key];
}

/** PersonSchema.parse(v) when v is plainly valid; null when unsure. */
export function fastPerson(v: unknown): Person | null {
  if (!isPlainObject(v)) return null;
  for (const key in v) if (!PERSON_KEY_SET.has(key)) return null;
  const out: Record<string, unknown> = {};
  for (const [key, check] of PERSON_KEYS) {
    const x = v[key];
    if (x === undefined) {
      if (key === 'ref') return null;
      // `roles` defaults to []; every other key is optional and stays absent.
      if (key === 'roles') out.roles = [];
      continue;
    }
    const checked = check(x);
    if (checked === NO) return null;
    out[key] = checked;
  }
  return out as Person;
}

/** EvaluateRequestSchema.parse(v) when v is plainly valid; null when unsure (then run the schema). */
export function fastEvaluateRequest(v: unknown): EvaluateRequest | null {
  if (!isPlainObject(v)) return null;
  for (const key in v)
    if (key !== 'referenceDate' && key !== 'planningYear' && key !== 'fields' && key !== 'people' && key !== 'register')
      return null;
  const out: Record<string, unknown> = {};
  if (v.referenceDate !== undefined) {
    if (!isInputDate(v.referenceDate)) return null;
    out.referenceDate = v.referenceDate;
  }
  if (v.planningYear !== undefined) {
    if (typeof v.planningYear !== 'string' || !isSchoolYearInRange(v.planningYear)) return null;
    out.planningYear = v.planningYear;
  }
  const fields = codes(v.fields, FIELDS, 200);
  if (!fields) return null;
  out.fields = fields;
  if (!Array.isArray(v.people)) return null;
  const people: Person[] = new Array(v.people.length);
  for (let i = 0; i < people.length; i++) {
    const p = fastPerson(v.people[i]);
    if (!p) return null;
    people[i] = p;
  }
  out.people = people;
  if (v.register !== undefined) {
    if (typeof v.register !== 'boolean') return null;
    out.register = v.register;
  }
  return out as EvaluateRequest;
}

/** The request as zod parses it, the plain case without zod. */
export function parseEvaluateRequest(v: unknown): ReturnType<typeof EvaluateRequestSchema.safeParse> {
  const fast = fastEvaluateRequest(v);
  return fast ? { success: true, data: fast } : EvaluateRequestSchema.safeParse(v);
}

// ---- the answer ------------------------------------------------------------------------------------

const optionalString = (v: unknown) => v === undefined || typeof v === 'string';

/** FindingSchema (not strict: unknown keys are dropped) in its shape order. */
export function fastFinding(v: unknown): Finding | null {
  if (!isPlainObject(v)) return null;
  const { code, severity, training, field, cell, message, planRef, fromRegister, token } = v;
  if (typeof code !== 'string' || !CODES.has(code)) return null;
  if (typeof severity !== 'string' || !SEVERITIES.has(severity)) return null;
  if (training !== undefined && (typeof training !== 'string' || !TRAININGS.has(training))) return null;
  if (!optionalString(field) || !optionalString(cell) || typeof message !== 'string') return null;
  if (planRef !== null && typeof planRef !== 'string') return null;
  if (fromRegister !== undefined && typeof fromRegister !== 'boolean') return null;
  if (!optionalString(token)) return null;
  const out: Record<string, unknown> = { code, severity };
  if (training !== undefined) out.training = training;
  if (field !== undefined) out.field = field;
  if (cell !== undefined) out.cell = cell;
  out.message = message;
  out.planRef = planRef;
  if (fromRegister !== undefined) out.fromRegister = fromRegister;
  if (token !== undefined) out.token = token;
  return out as Finding;
}

const SCHOOL_CODES = new Set<string>(SCHOOL_FINDING_CODES);

/** SchoolFindingSchema (not strict: unknown keys are dropped) in its shape order. */
export function fastSchoolFinding(v: unknown): SchoolFinding | null {
  if (!isPlainObject(v)) return null;
  const { code, severity, school, message, planRef } = v;
  if (typeof code !== 'string' || !SCHOOL_CODES.has(code)) return null;
  if (typeof severity !== 'string' || !SEVERITIES.has(severity)) return null;
  if (typeof school !== 'string' || typeof message !== 'string') return null;
  if (planRef !== null && typeof planRef !== 'string') return null;
  return { code, severity, school, message, planRef } as SchoolFinding;
}

const isoDateOrNull: ValueCheck = (v) => (v === null || isIsoDate(v) ? v : NO);

/** PersonResultSchema's keys in its shape order, with the check of each value (all required but `completed`). */
const RESULT_KEYS: readonly (readonly [keyof PersonResult & string, ValueCheck])[] = [
  ['ref', (v) => (typeof v === 'string' ? v : NO)],
  ['personId', (v) => (v === null || typeof v === 'string' ? v : NO)],
  ['roles', (v) => codes(v, ROLES, Infinity) ?? NO],
  ['status', (v) => (typeof v === 'string' && STATUS.has(v) ? v : NO)],
  ['refresherDue', isoDateOrNull],
  ['dueSoon', isoDateOrNull],
  ['normHours', (v) => (v === null || (typeof v === 'number' && Number.isFinite(v)) ? v : NO)],
  [
    'findings',
    (v) => {
      if (!Array.isArray(v)) return NO;
      const list: Finding[] = new Array(v.length);
      for (let i = 0; i < v.length; i++) {
        const f = fastFinding(v[i]);
        if (!f) return NO;
        list[i] = f;
      }
      return list;
    },
  ],
  ['normParts', (v) => record(v, ROLES, (x) => (typeof x === 'number' && Number.isFinite(x) ? x : NO)) ?? NO],
  ['completed', (v) => codes(v, TRAININGS, Infinity) ?? NO],
];
const RESULT_CHECKS = new Map<string, ValueCheck>(RESULT_KEYS);

/** The fast check of one person-result value (PersonResultSchema's field `key`). */
export const resultValueCheck = (key: string): ValueCheck | undefined => RESULT_CHECKS.get(key);

/** PersonResultSchema (not strict) in its shape order. */
export function fastPersonResult(v: unknown): PersonResult | null {
  if (!isPlainObject(v)) return null;
  const out: Record<string, unknown> = {};
  for (const [key, check] of RESULT_KEYS) {
    const x = v[key];
    if (x === undefined) {
      if (key === 'completed') continue;
      return null;
    }
    const checked = check(x);
    if (checked === NO) return null;
    out[key] = checked;
  }
  return out as PersonResult;
}

/**
 * The answer as zod parses it: the people without zod when plainly valid, the rest (a few school
 * findings and the summary) with the schema itself. Anything unusual: the whole schema.
 */
export function parseEvaluateResponse(v: unknown): ReturnType<typeof EvaluateResponseSchema.safeParse> {
  if (isPlainObject(v) && Array.isArray(v.people)) {
    const people: PersonResult[] = new Array(v.people.length);
    let ok = true;
    for (let i = 0; i < people.length && ok; i++) {
      const p = fastPersonResult(v.people[i]);
      if (p) people[i] = p;
      else ok = false;
    }
    if (ok) {
      const rest = EvaluateResponseSchema.safeParse({ ...v, people: [] });
      if (rest.success) {
        rest.data.people = people;
        return rest;
      }
    }
  }
  return EvaluateResponseSchema.safeParse(v);
}
