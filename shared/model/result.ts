// What an evaluation produces, per person and per sheet (interfaces.md §2 `people`, `findings`).
import { z } from 'zod';
import { PersonTrainingCode, RoleCode } from '../plan/schema';
import { IsoDate } from './person';

export const FINDING_CODES = [
  'TRAINING_MISSING',
  'CERTIFICATE_MISSING',
  'REFRESHER_OVERDUE',
  'REFRESHER_DUE',
  'STUDENT_WITHOUT_CERTIFIED_WPB',
  'UNDER_FACILITATED',
  'PAIRING_MISSING',
  'MEETINGS_BELOW_MINIMUM',
  'VELON_EXPIRED',
  'VELON_EXPIRING',
  'STARTER_WITHOUT_COACH',
  'UNKNOWN_ROLE',
  'INVALID_DATE',
  'INVALID_NUMBER',
  'FUTURE_DATE',
  'DATE_UNKNOWN',
  'DATA_MISSING',
  'DUPLICATE_PERSON',
  'EXEMPTION',
] as const;
export const FindingCode = z.enum(FINDING_CODES);
export type FindingCode = z.infer<typeof FindingCode>;

export const SCHOOL_FINDING_CODES = ['SCHOOL_WITHOUT_SO', 'SCHOOL_WITHOUT_TRAINED_OB'] as const;
export const SchoolFindingCode = z.enum(SCHOOL_FINDING_CODES);
export type SchoolFindingCode = z.infer<typeof SchoolFindingCode>;

export const Severity = z.enum(['critical', 'action', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const STATUSES = ['Geen OS-rol', 'Niet in orde', 'Actie nodig', 'Gegevens controleren', 'In orde'] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

export const FindingSchema = z.object({
  code: FindingCode,
  severity: Severity,
  /** Present on TRAINING_MISSING, CERTIFICATE_MISSING and EXEMPTION. */
  training: PersonTrainingCode.optional(),
  /** The field a data-quality finding is about (e.g. `training.WPB`, `students`). */
  field: z.string().optional(),
  /** A1 address of the cell, added by the sheet layer where it knows it. */
  cell: z.string().optional(),
  /** Dutch message for the user. */
  message: z.string(),
  /** Plan section the finding rests on; null on data-quality findings. */
  planRef: z.string().nullable(),
  /** true when the finding rests on a date from the central register (rules.md §4.12). */
  fromRegister: z.boolean().optional(),
  /** UNKNOWN_ROLE: the role token as typed. */
  token: z.string().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const SchoolFindingSchema = z.object({
  code: SchoolFindingCode,
  severity: Severity,
  school: z.string(),
  message: z.string(),
  planRef: z.string().nullable(),
});
export type SchoolFinding = z.infer<typeof SchoolFindingSchema>;

export const PersonResultSchema = z.object({
  ref: z.string(),
  personId: z.string().nullable(),
  /** Shared between people with the same roles: read-only. */
  roles: z.array(RoleCode).readonly(),
  status: Status,
  refresherDue: IsoDate.nullable(),
  /** rules.md §4.14: the earliest refresher or VELON date within the look-ahead of the reference date. */
  dueSoon: IsoDate.nullable(),
  normHours: z.number().nullable(),
  /** A finding object is frozen and may be shared by many people's lists (shared/rules/finding.ts): copy it to change it. */
  findings: z.array(FindingSchema),
  /** Norm hours per role (rules.md §4.5 parts summed per role), for the facilitation figures. */
  normParts: z.partialRecord(RoleCode, z.number()).readonly(),
  /** Trainings counted as completed (after the register merge), for the summary's shares and school figures. */
  completed: z.array(PersonTrainingCode).readonly().optional(),
});
export type PersonResult = z.infer<typeof PersonResultSchema>;

export const SheetEvaluationSchema = z.object({
  people: z.array(PersonResultSchema),
  findings: z.array(SchoolFindingSchema),
  /** rules.md §5.1 counts for this sheet; null when the sheet has no school column. */
  schools: z.object({ count: z.number().int(), withTrainedOb: z.number().int() }).nullable(),
});
export type SheetEvaluation = z.infer<typeof SheetEvaluationSchema>;
