// POST /api/evaluate (interfaces.md §3): canonical people in, the same evaluation as in-process out.
import { z } from 'zod';
import { IsoDate, PersonSchema, RuleField } from '../model/person';
import { PersonResultSchema, SchoolFindingSchema } from '../model/result';
import { SummarySchema } from '../model/summary';
import { SchoolYearText } from './common';

export const EvaluateRequestSchema = z
  .object({
    /** Default: today in Europe/Amsterdam. */
    referenceDate: IsoDate.optional(),
    /** Default: the school year of referenceDate. */
    planningYear: SchoolYearText.optional(),
    /** The rule fields the sheet has; a rule field not listed is a column the sheet lacks. */
    fields: z.array(RuleField).max(200),
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
