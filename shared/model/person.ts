// The canonical person: what a sheet reader produces and what POST /api/evaluate accepts
// (interfaces.md §3). It carries only what a rule needs: no names.
//
// A sheet that lacks a column is told apart from an empty cell by the sheet-level `fields` list:
// a rule field missing from `fields` is a column the sheet lacks; a field in `fields` that is missing
// or null on a person is an empty cell.
import { z } from 'zod';
import { isRealDate } from '../calendar/days';
import { CERTIFICATE_TRAININGS, PERSON_TRAINING_CODES, RoleCode } from '../plan/schema';

export { isRealDate };

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD')
  .refine(isRealDate, 'that day does not exist');
export type IsoDate = z.infer<typeof IsoDate>;

/** The dates a client may send (interfaces.md §3): from 1900-01-01 to 2199-12-31 inclusive. */
export const FIRST_DATE = '1900-01-01';
export const LAST_DATE = '2199-12-31';

/** A date in a request: a real day in the range above. Dates the rules compute (refresherDue) may lie beyond. */
export const InputDate = IsoDate.refine(
  (d) => d >= FIRST_DATE && d <= LAST_DATE,
  `a date lies from ${FIRST_DATE} to ${LAST_DATE}`,
);


/** A cell that could not be read: the raw text, for the message. */
export const Invalid = z.object({ invalid: z.string().max(1000) }).strict();
export type Invalid = z.infer<typeof Invalid>;

/** A training completion (or the last refresher): a date, "done, date unknown", unreadable, or null (not done). */
export const CompletionValue = z.union([InputDate, z.literal('done'), Invalid]).nullable();
export type CompletionValue = z.infer<typeof CompletionValue>;

/**
 * An exempted training (rules.md §4.13): completed "binnen een andere context", on its date if the cell
 * names one. The reason stays in the workbook (interfaces.md §3); clients add it to the message.
 */
export const Exemption = z.object({ exempt: z.object({ date: InputDate.nullable() }).strict() }).strict();
export type Exemption = z.infer<typeof Exemption>;

/** A training completion: as CompletionValue, or an exemption (only training cells have those). */
export const TrainingValue = z.union([InputDate, z.literal('done'), Invalid, Exemption]).nullable();
export type TrainingValue = z.infer<typeof TrainingValue>;

/** roleStart, velonRegistration: a date, unreadable, or null (unknown). */
export const DateValue = z.union([InputDate, Invalid]).nullable();
export type DateValue = z.infer<typeof DateValue>;

/** A count or hours: a non-negative number, unreadable (INVALID_NUMBER), or null (unknown). */
export const NumberValue = z.union([z.number().finite().nonnegative().max(1e9), Invalid]).nullable();
export type NumberValue = z.infer<typeof NumberValue>;

export const TRAINING_FIELDS = PERSON_TRAINING_CODES.map((t) => `training.${t}` as const);
export const CERTIFICATE_FIELDS = CERTIFICATE_TRAININGS.map((t) => `certificate.${t}` as const);

/** The rule fields a sheet may have (interfaces.md §3 `fields`). */
export const RULE_FIELDS = [
  ...TRAINING_FIELDS,
  ...CERTIFICATE_FIELDS,
  'lastRefresher',
  'roleStart',
  'velonRegistration',
  'students',
  'graduates',
  'secondAssessments',
  'hoursGranted',
  'meetings',
  'pairedWith',
  'coach',
  'school',
] as const;
export const RuleField = z.enum(RULE_FIELDS);
export type RuleField = z.infer<typeof RuleField>;

export const NUMBER_FIELDS = ['students', 'graduates', 'secondAssessments', 'hoursGranted', 'meetings'] as const;

const text = z.string().max(200);

export const PersonSchema = z
  .object({
    /** The caller's row key, echoed back (a sheet reader uses the 1-based Excel row number). */
    ref: z.string().min(1).max(100),
    personId: text.nullable().optional(),
    board: text.nullable().optional(),
    school: text.nullable().optional(),
    roles: z.array(RoleCode).max(20).default([]),
    /** Role tokens the reader could not recognise (UNKNOWN_ROLE), as typed. */
    unknownRoles: z.array(text).max(20).optional(),
    trainings: z.partialRecord(z.enum(PERSON_TRAINING_CODES), TrainingValue).optional(),
    certificates: z.partialRecord(z.enum(CERTIFICATE_TRAININGS), z.boolean().nullable()).optional(),
    lastRefresher: CompletionValue.optional(),
    roleStart: DateValue.optional(),
    velonRegistration: DateValue.optional(),
    students: NumberValue.optional(),
    graduates: NumberValue.optional(),
    secondAssessments: NumberValue.optional(),
    hoursGranted: NumberValue.optional(),
    meetings: NumberValue.optional(),
    /** Is a partner named (never the name itself). */
    pairedWith: z.boolean().nullable().optional(),
    /** Is a coach named (never the name itself). */
    coach: z.boolean().nullable().optional(),
  })
  .strict();
export type Person = z.infer<typeof PersonSchema>;
export type PersonInput = z.input<typeof PersonSchema>;

export const MAX_PEOPLE = 50_000;
