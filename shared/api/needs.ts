// PUT /api/needs/{schoolYear}/{board} and GET /api/needs/{schoolYear} (interfaces.md §3).
import { z } from 'zod';
import { PersonTrainingCode, RoleCode, TrainingCode } from '../plan/schema';
import { KeyFiguresSchema, NeedsSchema, PoolsSchema, type Summary } from '../model/summary';
import { SchoolYearText } from './common';

const count = z.number().int().nonnegative().max(1_000_000);
const hours = z.number().finite().nonnegative().max(1e9);

/** One training's need as a board sends it; only `initial` counts when boards are combined. */
export const NeedInputSchema = z.object({
  initial: count,
  groups: count.optional(),
  sessions: count.optional(),
  trainerHours: hours.optional(),
});

/** The key figures as a board sends them: bounded like the other numbers (1e308 is no figure). */
export const KeyFiguresInputSchema = KeyFiguresSchema.extend({
  studentsPlaced: hours,
  studentsWithCertifiedWpb: hours,
  schoolsWithTrainedOb: count.nullable(),
  schools: count.nullable(),
  refreshersOverdue: count,
  refreshersDue: count,
});

/** The `summary` of interfaces.md §2; extra keys (pools, …) are ignored. */
export const NeedsPutSchema = z.object({
  needs: z.partialRecord(TrainingCode, NeedInputSchema),
  keyFigures: KeyFiguresInputSchema.optional(),
  roles: z.partialRecord(RoleCode, z.object({ count, plan: count.nullable() })).optional(),
  facilitation: z
    .partialRecord(z.enum([...RoleCode.options, 'total']), z.object({ normHours: hours, hoursGranted: hours }))
    .optional(),
  /** rules.md §5.3: exemptions per training, for the Trainersvraag and the Overzicht. */
  exemptions: z.partialRecord(PersonTrainingCode, count).optional(),
});
export type NeedsPut = z.infer<typeof NeedsPutSchema>;
export type NeedsPutInput = z.input<typeof NeedsPutSchema>;

/** The board's training need as sent from a check's summary: its needs, key figures, roles, facilitation and exemptions. */
export function needsBody(summary: Summary): NeedsPut {
  return NeedsPutSchema.parse({
    needs: summary.needs,
    keyFigures: summary.keyFigures,
    roles: summary.roles,
    facilitation: summary.facilitation,
    exemptions: summary.exemptions,
  });
}

export const NeedsPutResponseSchema = z.object({
  schoolYear: SchoolYearText,
  board: z.string(),
  /** 1 for the board's first submission of the year, then 2, 3, … */
  version: z.number().int().positive(),
  submittedAt: z.string(),
  /** false when the body equalled the latest version (HTTP 200, nothing stored). */
  stored: z.boolean(),
});
export type NeedsPutResponse = z.infer<typeof NeedsPutResponseSchema>;

export const BoardNeedSchema = NeedsPutSchema.extend({
  submittedAt: z.string(),
  version: z.number().int().positive(),
});
export type BoardNeed = z.infer<typeof BoardNeedSchema>;

export const NeedsGetResponseSchema = z.object({
  schoolYear: SchoolYearText,
  /** Every board's latest version, by board name. */
  boards: z.record(z.string(), BoardNeedSchema),
  /** Computed from the summed counts, never by adding the boards' groups. */
  combined: z.object({ needs: NeedsSchema, pools: PoolsSchema }),
  /** Boards the function app knows (from its keys) that have not submitted for this year. */
  missing: z.array(z.string()),
});
export type NeedsGetResponse = z.infer<typeof NeedsGetResponseSchema>;

/** GET /api/needs/{schoolYear}/{board}: the board's latest need and when each version came in. */
export const BoardNeedsResponseSchema = z.object({
  schoolYear: SchoolYearText,
  board: z.string(),
  latest: BoardNeedSchema.nullable(),
  history: z.array(z.object({ version: z.number().int().positive(), submittedAt: z.string() })),
});
export type BoardNeedsResponse = z.infer<typeof BoardNeedsResponseSchema>;
