// Building blocks of the HTTP API's schemas (interfaces.md §3): limits, problem details, path texts.
import { z } from 'zod';
import { isSchoolYear } from '../calendar/dates';

/** Request bodies above this many bytes are refused with 413 while they stream in. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** A register PUT carries at most this many records (else 413). */
export const MAX_REGISTER_RECORDS = 5_000;
export const DEFAULT_PAGE_SIZE = 500;
export const MAX_PAGE_SIZE = 1_000;

export const ROLES = ['board', 'pabo', 'stuurgroep'] as const;
export const ApiRole = z.enum(ROLES);
export type ApiRole = z.infer<typeof ApiRole>;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** User text that ends up in a URL path and a storage key: no control characters, something readable. */
const pathText = (what: string, max: number) =>
  z
    .string()
    .refine((s) => !CONTROL.test(s), `${what} bevat een stuurteken`)
    .trim()
    .min(1, `${what} is leeg`)
    .max(max, `${what} is langer dan ${max} tekens`)
    .refine((s) => LETTER_OR_DIGIT.test(s), `${what} bevat geen letter of cijfer`);

/** A board as written in a path: `BOOR`, `Primo Schiedam`. */
export const BoardName = pathText('de bestuursnaam', 100);
/** A personnel number as written in a path or a register record. */
export const PersonIdText = pathText('het personeelsnummer', 100);

/**
 * A school year whose dates the API accepts: 1899-1900 (holding 1900-01-01) to 2199-2200 (holding
 * 2199-12-31), the school years of every reference date in range (interfaces.md §3).
 */
export function isSchoolYearInRange(text: string): boolean {
  if (!isSchoolYear(text)) return false;
  const start = Number(text.slice(0, 4));
  return start >= 1899 && start <= 2199;
}

export const SchoolYearText = z
  .string()
  .refine(isSchoolYear, 'een schooljaar schrijf je als 2026-2027 (twee opeenvolgende jaren)')
  .refine(isSchoolYearInRange, 'een schooljaar ligt van 1899-1900 tot en met 2199-2200');

export const ProblemErrorSchema = z.object({ path: z.string(), message: z.string() });
export type ProblemError = z.infer<typeof ProblemErrorSchema>;

/** RFC 9457 problem details; `errors` on invalid input. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(ProblemErrorSchema).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** How much of a client's own text (a key, a value) a problem echoes: a short prefix. */
export const ECHO_LIMIT = 40;
export const echo = (text: string): string => (text.length > ECHO_LIMIT ? `${text.slice(0, ECHO_LIMIT)}…` : text);

/** JSON Pointer (RFC 6901) of a zod issue path, e.g. `/people/3/trainings/WPB`; long keys cut short. */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => '/' + echo(String(p)).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** An issue's message, echoing at most a short prefix of the input (zod names unknown keys in full). */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const shown = issue.keys.slice(0, 5).map((k) => JSON.stringify(echo(k))).join(', ');
    const more = issue.keys.length > 5 ? ` (+${issue.keys.length - 5})` : '';
    return `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${shown}${more}`;
  }
  return issue.message.length > 200 ? `${issue.message.slice(0, 200)}…` : issue.message;
}

/** At most `limit` problems of a zod error as `{ path, message }`. */
export function zodProblems(error: z.ZodError, prefix: readonly PropertyKey[] = [], limit = 100): ProblemError[] {
  return error.issues.slice(0, limit).map((i) => ({ path: jsonPointer([...prefix, ...i.path]), message: issueMessage(i) }));
}

export const HealthSchema = z.object({ status: z.literal('ok') });
export type Health = z.infer<typeof HealthSchema>;
