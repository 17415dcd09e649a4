// The summary of one or more evaluated sheets (interfaces.md §2 `summary`, rules.md §5.2–§5.3).
import { z } from 'zod';
import { PersonTrainingCode, PoolCode, RoleCode, TrainingCode } from '../plan/schema';

const count = z.number().int().nonnegative();
const hours = z.number().nonnegative();

export const NeedSchema = z.object({
  /** People who need the training this planning year. */
  initial: count,
  /** Groups and trainer hours for group trainings; absent for place-based ones (meelopen, inwerkprogramma). */
  groups: count.optional(),
  sessions: count.optional(),
  trainerHours: hours.optional(),
});
export type Need = z.infer<typeof NeedSchema>;

export const NeedsSchema = z.partialRecord(TrainingCode, NeedSchema);
export type Needs = z.infer<typeof NeedsSchema>;

export const PoolsSchema = z.partialRecord(
  PoolCode,
  z.object({ trainerHours: hours, perTrainer: hours.optional(), people: count.optional() }),
);
export type Pools = z.infer<typeof PoolsSchema>;

const share = z.number().min(0).max(1).nullable();
export const KeyFiguresSchema = z.object({
  studentsPlaced: hours,
  studentsWithCertifiedWpb: hours,
  wpbTrainedShare: share,
  soioTrainedShare: share,
  schoolsWithTrainedOb: count.nullable(),
  schools: count.nullable(),
  refreshersOverdue: count,
  refreshersDue: count,
});
export type KeyFigures = z.infer<typeof KeyFiguresSchema>;

export const SummarySchema = z.object({
  needs: NeedsSchema,
  pools: PoolsSchema,
  keyFigures: KeyFiguresSchema,
  roles: z.partialRecord(RoleCode, z.object({ count, plan: count.nullable() })),
  facilitation: z.record(z.string(), z.object({ normHours: hours, hoursGranted: hours })),
  /** rules.md §5.3: EXEMPTION findings per training; trainings with 0 left out. */
  exemptions: z.partialRecord(PersonTrainingCode, count),
});
export type Summary = z.infer<typeof SummarySchema>;
