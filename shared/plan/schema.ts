// The shape of a professionalisation plan. Every number is a `Param`: its value plus where it comes
// from (a § of the plan) or the mark that it is an assumption, so the summary can print it for a reader
// to challenge. Another opleidingsschool supplies its own plan object of this shape; no code changes.
import { z } from 'zod';

export const ROLE_CODES = [
  'WPB',
  'SO',
  'IO',
  'OBP',
  'OBI',
  'COACH',
  'INTERVISOR',
  'TRAINER',
  'STARTER',
  'SCHOOLLEIDER',
  'PROGRAMMALEIDER',
  'PROGRAMMALEIDING',
  'OPLEIDERSGROEP',
  'STUURGROEP',
  'BESTUURDER',
] as const;
export const RoleCode = z.enum(ROLE_CODES);
export type RoleCode = z.infer<typeof RoleCode>;

/** Trainings a person completes (one date column each in a sheet). REFRESH is the recurring update. */
export const PERSON_TRAINING_CODES = ['WPB', 'SOIO', 'OB', 'TRAINER', 'INTERVISOR', 'INWERK'] as const;
export const PersonTrainingCode = z.enum(PERSON_TRAINING_CODES);
export type PersonTrainingCode = z.infer<typeof PersonTrainingCode>;

export const TRAINING_CODES = [...PERSON_TRAINING_CODES, 'REFRESH'] as const;
export const TrainingCode = z.enum(TRAINING_CODES);
export type TrainingCode = z.infer<typeof TrainingCode>;

/** Trainings with a certificate column in a sheet. */
export const CERTIFICATE_TRAININGS = ['WPB', 'SOIO'] as const;
export const CertificateTraining = z.enum(CERTIFICATE_TRAININGS);
export type CertificateTraining = z.infer<typeof CertificateTraining>;

export const PoolCode = z.enum(['trainers', 'docent-onderzoekers']);
export type PoolCode = z.infer<typeof PoolCode>;

/** A plan section such as "§4", or null where the number is this product's assumption. */
const PlanRef = z.string().regex(/^§\d+(\.\d+)*$/, 'a plan reference looks like §4 or §4.2');

export const Param = z
  .object({
    value: z.number().finite().nonnegative(),
    planRef: PlanRef.nullable(),
    /** true: the plan leaves this open and the product picked a default (printed on the summary sheet). */
    assumption: z.boolean(),
    /** Dutch label for the summary sheet's list of assumptions. */
    label: z.string().min(1),
  })
  .strict()
  .refine((p) => p.assumption || p.planRef !== null, {
    message: 'a number that is not an assumption needs its plan § reference',
  });
export type Param = z.infer<typeof Param>;

const PositiveParam = Param.refine((p) => p.value > 0, { message: 'must be greater than 0' });

export const RoleDef = z
  .object({
    code: RoleCode,
    name: z.string().min(1),
    /** How many people the plan foresees in this role (§5), or null when it names no number. */
    planCount: Param.nullable(),
  })
  .strict();

export const TrainingDef = z
  .object({
    code: TrainingCode,
    name: z.string().min(1),
    /** core: its date column is expected in a staff sheet; optional: checked only when the sheet has it. */
    kind: z.enum(['core', 'optional', 'refresher']),
    format: z.string().min(1),
    certificate: z.boolean(),
    pool: PoolCode.nullable(),
    /** Group-based trainings have these four; place-based ones (meelopen, inwerkprogramma) have null. */
    groups: z
      .object({
        groupSize: PositiveParam,
        sessions: PositiveParam,
        hoursPerSession: PositiveParam,
        trainersPerSession: PositiveParam,
      })
      .strict()
      .nullable(),
    /**
     * Optional: rounds a school year in which the pabo offers a group training (WPB: "jaarlijks twee maal",
     * §4). Trainer demand spreads the groups over them in order, earlier rounds taking the odd group.
     * Absent: one round.
     */
    rounds: z
      .object({ perYear: PositiveParam, names: z.array(z.string().min(1)).min(1) })
      .strict()
      .refine((r) => Number.isInteger(r.perYear.value) && r.names.length === r.perYear.value, {
        message: 'name every round: as many names as rounds per year',
      })
      .optional(),
    planRef: PlanRef,
  })
  .strict();
export type TrainingDef = z.infer<typeof TrainingDef>;

export const Requirement = z
  .object({
    role: RoleCode,
    training: PersonTrainingCode,
    level: z.enum(['required', 'advised']),
    planRef: PlanRef,
  })
  .strict();
export type Requirement = z.infer<typeof Requirement>;

export const CountField = z.enum(['students', 'graduates', 'secondAssessments']);
export type CountField = z.infer<typeof CountField>;

/** One part of a role's facilitation norm (§5). */
export const NormPart = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('perCount'), count: CountField, hoursEach: Param }).strict(),
  z.object({ kind: z.literal('perWeek'), hoursPerWeek: Param }).strict(),
  z.object({ kind: z.literal('daysPerWeek'), days: Param }).strict(),
]);
export type NormPart = z.infer<typeof NormPart>;

export const Norm = z.object({ role: RoleCode, parts: z.array(NormPart).min(1), planRef: PlanRef }).strict();
export type Norm = z.infer<typeof Norm>;

export const PlanSchema = z
  .object({
    id: z.string().min(1),
    version: z.string().min(1),
    name: z.string().min(1),
    calendar: z.object({ weeksPerYear: PositiveParam, hoursPerDay: PositiveParam }).strict(),
    roles: z.array(RoleDef).min(1),
    trainings: z.array(TrainingDef).min(1),
    requirements: z.array(Requirement),
    refresher: z
      .object({
        /** Roles that keep their professionalism current every cycle (§4, "Vakbekwaam blijven"). */
        roles: z.array(RoleCode).min(1),
        /** Which completed training counts as the cycle's basis for which roles. */
        basis: z.array(z.object({ training: PersonTrainingCode, roles: z.array(RoleCode).min(1) }).strict()),
        cycleYears: PositiveParam,
        planRef: PlanRef,
      })
      .strict(),
    norms: z.array(Norm),
    /** People per trainer pool (the plan's 5 trainers); null where the plan names no number. */
    pools: z.array(z.object({ code: PoolCode, name: z.string().min(1), people: Param.nullable() }).strict()),
    pairing: z.object({ roles: z.array(RoleCode), newWithinYears: PositiveParam, planRef: PlanRef }).strict(),
    meetings: z.object({ roles: z.array(RoleCode), minimumPerYear: PositiveParam, planRef: PlanRef }).strict(),
    velon: z.object({ roles: z.array(RoleCode), termYears: PositiveParam, planRef: PlanRef }).strict(),
    /** Roles that need a named coach when the sheet has a coach column (rules.md §4.9). */
    starters: z.object({ roles: z.array(RoleCode), planRef: PlanRef }).strict(),
    /** Where exemptions rest (rules.md §4.13: people "geschoold binnen de OS of binnen een andere context"). */
    exemptions: z.object({ planRef: PlanRef }).strict(),
    /**
     * rules.md §4.14: how far past the reference date a refresher or VELON expiry counts as due soon
     * (`dueSoon`), in whole days.
     */
    dueSoon: z
      .object({
        lookaheadDays: PositiveParam.refine((p) => Number.isInteger(p.value), { message: 'a whole number of days' }),
      })
      .strict(),
    /** Where the per-school checks rest (rules.md §5.1: a schoolopleider and a trained onderzoeksbegeleider per school). */
    schools: z.object({ planRef: PlanRef }).strict(),
    /** A board is the pabo when its normalised name contains one of `contains` or equals one of `equals`. */
    paboBoards: z.object({ contains: z.array(z.string()), equals: z.array(z.string()) }).strict(),
  })
  .strict()
  .superRefine((plan, ctx) => {
    const roles = new Set(plan.roles.map((r) => r.code));
    const trainings = new Set(plan.trainings.map((t) => t.code));
    const unknownRole = (role: string, path: (string | number)[]) => {
      if (!roles.has(role as RoleCode)) ctx.addIssue({ code: 'custom', path, message: `unknown role ${role}` });
    };
    const unknownTraining = (training: string, path: (string | number)[]) => {
      if (!trainings.has(training as TrainingCode))
        ctx.addIssue({ code: 'custom', path, message: `unknown training ${training}` });
    };
    plan.requirements.forEach((r, i) => {
      unknownRole(r.role, ['requirements', i, 'role']);
      unknownTraining(r.training, ['requirements', i, 'training']);
    });
    plan.norms.forEach((n, i) => unknownRole(n.role, ['norms', i, 'role']));
    plan.refresher.roles.forEach((r, i) => unknownRole(r, ['refresher', 'roles', i]));
    plan.refresher.basis.forEach((b, i) => {
      unknownTraining(b.training, ['refresher', 'basis', i, 'training']);
      b.roles.forEach((r, j) => unknownRole(r, ['refresher', 'basis', i, 'roles', j]));
    });
    for (const key of ['pairing', 'meetings', 'velon', 'starters'] as const)
      plan[key].roles.forEach((r, i) => unknownRole(r, [key, 'roles', i]));
    if (!trainings.has('REFRESH'))
      ctx.addIssue({ code: 'custom', path: ['trainings'], message: 'the plan needs a REFRESH training' });
    const seen = new Set<string>();
    plan.roles.forEach((r, i) => {
      if (seen.has(r.code)) ctx.addIssue({ code: 'custom', path: ['roles', i], message: `role ${r.code} twice` });
      seen.add(r.code);
    });
  });
export type Plan = z.infer<typeof PlanSchema>;

export class PlanError extends Error {
  constructor(readonly problems: { path: string; message: string }[]) {
    super(`The plan is not valid: ${problems.map((p) => `${p.path || '(plan)'}: ${p.message}`).join('; ')}`);
    this.name = 'PlanError';
  }
}

/** Validate a plan object; throws a PlanError that names every problem. */
export function loadPlan(input: unknown): Plan {
  const parsed = PlanSchema.safeParse(input);
  if (!parsed.success)
    throw new PlanError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  return parsed.data;
}
