// The summary of one or more evaluated sheets (interfaces.md §2 `summary`, rules.md §5.2–§5.4).
import { z } from 'zod';
import { PersonTrainingCode, PoolCode, RoleCode, TrainingCode } from '../plan/schema';
import { Status } from './result';

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

/** Count per status; all five keys present (rules.md §5.4). */
export const StatusCountsSchema = z.record(Status, count);
export type StatusCounts = z.infer<typeof StatusCountsSchema>;

/** One school's block (rules.md §5.4): school null gathers rows without a school value or school column. */
export const PerSchoolEntrySchema = z.object({
  school: z.string().nullable(),
  /** Rows with at least one recognised role. */
  people: count,
  statuses: StatusCountsSchema,
  /** TRAINING_MISSING findings per training (advised ones included) and REFRESH rows; zeros left out. */
  needs: z.partialRecord(TrainingCode, count),
  /** Rows with a `dueSoon` date (rules.md §4.14). */
  dueSoon: count,
});
export type PerSchoolEntry = z.infer<typeof PerSchoolEntrySchema>;

export const SummarySchema = z.object({
  needs: NeedsSchema,
  pools: PoolsSchema,
  keyFigures: KeyFiguresSchema,
  roles: z.partialRecord(RoleCode, z.object({ count, plan: count.nullable() })),
  facilitation: z.record(z.string(), z.object({ normHours: hours, hoursGranted: hours })),
  /** rules.md §5.3: EXEMPTION findings per training; trainings with 0 left out. */
  exemptions: z.partialRecord(PersonTrainingCode, count),
  /** rules.md §5.4: the schools in code-point order of their lower-cased name, school null last; null without a school column. */
  perSchool: z.array(PerSchoolEntrySchema).nullable(),
});
export type Summary = z.infer<typeof SummarySchema>;
