// POST /api/evaluate (interfaces.md §3): canonical people in, the same evaluation as in-process out.
import { z } from 'zod';
import { InputDate, IsoDate, PersonSchema, RULE_FIELDS, type RuleField } from '../model/person';
import { PersonResultSchema, SchoolFindingSchema } from '../model/result';
import { SummarySchema } from '../model/summary';
import { SchoolYearText } from './common';

/** Person keys that `fields` may name too (a sheet's column, not a value): accepted, and they change nothing. */
export const PERSON_KEY_FIELDS = ['roles', 'unknownRoles', 'personId', 'board', 'name'] as const;
/** A name in `fields`: a rule field (rules.md §4) or a person key (interfaces.md §3). */
export const FieldName = z.enum([...RULE_FIELDS, ...PERSON_KEY_FIELDS]);
export type FieldName = z.infer<typeof FieldName>;

const RULE_FIELD_SET: ReadonlySet<string> = new Set(RULE_FIELDS);
/** The rule fields of a `fields` list: what the rules read (person keys change nothing). */
export const ruleFields = (fields: readonly FieldName[]): RuleField[] => fields.filter((f): f is RuleField => RULE_FIELD_SET.has(f));

export const EvaluateRequestSchema = z
  .object({
    /** Default: today in Europe/Amsterdam. */
    referenceDate: InputDate.optional(),
    /** Default: the school year of referenceDate. */
    planningYear: SchoolYearText.optional(),
    /** The rule fields the sheet has; a rule field not listed is a column the sheet lacks. Person keys may be listed too. */
    fields: z.array(FieldName).max(200),
    people: z.array(PersonSchema),
    /** false: do not apply the central register's records (rules.md §4.12). */
    register: z.boolean().optional(),
  })
  .strict();
export type EvaluateRequest = z.infer<typeof EvaluateRequestSchema>;
export type EvaluateRequestInput = z.input<typeof EvaluateRequestSchema>;

export const EvaluateResponseSchema = z.object({
  referenceDate: IsoDate,
  planningYear: SchoolYearText,
  plan: z.object({ id: z.string(), version: z.string() }),
  people: z.array(PersonResultSchema),
  findings: z.array(SchoolFindingSchema),
  summary: SummarySchema,
  /** How many stored register records were applied (0 with `"register": false`). */
  registerRecords: z.number().int().nonnegative(),
});
export type EvaluateResponse = z.infer<typeof EvaluateResponseSchema>;
