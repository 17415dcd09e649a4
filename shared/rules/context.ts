// The plan compiled once into lookups the rules use per person (rules.md §3–§4 as data), and the
// per-sheet context: reference date, end of the planning year, which columns the sheet has.
import type { IsoDate, RuleField } from '../model/person';
import { RULE_FIELDS } from '../model/person';
import type { RegisterRecord } from '../model/register';
import { FINDING_CODES, type Finding, type FindingCode, type PersonResult, type SchoolFinding, type SchoolFindingCode } from '../model/result';
import {
  CERTIFICATE_TRAININGS,
  ROLE_CODES,
  type CertificateTraining,
  type CountField,
  type PersonTrainingCode,
  type Plan,
  type RoleCode,
  type TrainingDef,
} from '../plan/schema';
import { addDays, addTermYears, endOfSchoolYear, type SchoolYear } from '../calendar/dates';
import type { FindingCache } from './finding';
import { MESSAGES, type MessageParams } from './messages';
import { indexRegister, type RegisterIndex } from './register';

/** A role set as a bit mask: person roles are few, and mask tests keep the hot loop allocation-free. */
export const ROLE_BIT = Object.fromEntries(ROLE_CODES.map((r, i) => [r, 1 << i])) as Record<RoleCode, number>;

export function roleMask(roles: readonly RoleCode[]): number {
  let mask = 0;
  for (const r of roles) mask |= ROLE_BIT[r] ?? 0;
  return mask;
}

/** A role's requirement of a training (plan §4): required ("verplicht") or advised ("indien gewenst"). */
export interface Requirement {
  training: PersonTrainingCode;
  /** index in CompiledPlan.trainings */
  index: number;
  advised: boolean;
  planRef: string;
}

export interface CompiledNorm {
  role: RoleCode;
  planRef: string;
  /** Parts that need no count (per week, days per week), summed. */
  fixed: number;
  hasFixed: boolean;
  perCount: { count: CountField; hoursEach: number }[];
}

export interface CompiledPlan {
  plan: Plan;
  /** The person trainings the plan defines, in plan order (REFRESH excluded). */
  trainings: PersonTrainingCode[];
  defs: TrainingDef[];
  trainingFields: string[];
  indexOf: Partial<Record<PersonTrainingCode, number>>;
  roleName: Partial<Record<RoleCode, string>>;
  requirementsByRole: Partial<Record<RoleCode, Requirement[]>>;
  /** Trainings with a certificate column (plan says certificate, sheet format supports it). */
  certificateTrainings: { code: CertificateTraining; index: number }[];
  refresherMask: number;
  /** Per training index: the roles for which it counts as the refresher basis (mask). */
  basisMask: number[];
  cycleYears: number;
  norms: Partial<Record<RoleCode, CompiledNorm>>;
  pairingMask: number;
  meetingsMask: number;
  velonMask: number;
  startersMask: number;
  /** Completed trainings as a bit mask (bit i = trainings[i]) → the shared, frozen list of codes. */
  completedByMask: (readonly PersonTrainingCode[] | undefined)[];
}

const compiled = new WeakMap<Plan, CompiledPlan>();

const ALPHABETICAL_ROLES = [...ROLE_CODES].sort();
/** Indexed by mask: an array lookup per person instead of a hash lookup. */
const rolesByMask: (readonly RoleCode[] | undefined)[] = new Array(1 << ROLE_CODES.length);

/**
 * The roles of a mask, once each, in alphabetical order (the report's order). Shared and frozen:
 * a person's role list is one of few, so 100,000 people need not allocate 100,000 arrays.
 */
export function rolesOfMask(mask: number): readonly RoleCode[] {
  let roles = rolesByMask[mask];
  if (!roles) {
    roles = Object.freeze(ALPHABETICAL_ROLES.filter((r) => (mask & ROLE_BIT[r]) !== 0));
    rolesByMask[mask] = roles;
  }
  return roles;
}

function maskOf(roles: readonly RoleCode[]): number {
  return roleMask(roles);
}

/** Compile the plan's lookups once; cached per plan object. */
export function compilePlan(plan: Plan): CompiledPlan {
  const cached = compiled.get(plan);
  if (cached) return cached;
  const defs = plan.trainings.filter((t): t is TrainingDef & { code: PersonTrainingCode } => t.code !== 'REFRESH');
  const trainings = defs.map((t) => t.code);
  const indexOf: Partial<Record<PersonTrainingCode, number>> = {};
  trainings.forEach((t, i) => (indexOf[t] = i));
  const requirementsByRole: Partial<Record<RoleCode, Requirement[]>> = {};
  for (const req of plan.requirements) {
    const index = indexOf[req.training];
    if (index === undefined) continue;
    (requirementsByRole[req.role] ??= []).push({
      training: req.training,
      index,
      advised: req.level === 'advised',
      planRef: req.planRef,
    });
  }
  const basisMask = trainings.map(() => 0);
  for (const b of plan.refresher.basis) {
    const index = indexOf[b.training];
    if (index !== undefined) basisMask[index] = (basisMask[index] ?? 0) | maskOf(b.roles);
  }
  const { weeksPerYear, hoursPerDay } = plan.calendar;
  const norms: Partial<Record<RoleCode, CompiledNorm>> = {};
  for (const norm of plan.norms) {
    const c: CompiledNorm = norms[norm.role] ?? { role: norm.role, planRef: norm.planRef, fixed: 0, hasFixed: false, perCount: [] };
    for (const part of norm.parts) {
      if (part.kind === 'perCount') c.perCount.push({ count: part.count, hoursEach: part.hoursEach.value });
      else {
        c.hasFixed = true;
        c.fixed +=
          part.kind === 'perWeek'
            ? part.hoursPerWeek.value * weeksPerYear.value
            : part.days.value * hoursPerDay.value * weeksPerYear.value;
      }
    }
    norms[norm.role] = c;
  }
  const result: CompiledPlan = {
    plan,
    trainings,
    defs,
    trainingFields: trainings.map((t) => `training.${t}`),
    indexOf,
    roleName: Object.fromEntries(plan.roles.map((r) => [r.code, r.name])),
    requirementsByRole,
    certificateTrainings: CERTIFICATE_TRAININGS.flatMap((code) => {
      const index = indexOf[code];
      return index !== undefined && defs[index]?.certificate ? [{ code, index }] : [];
    }),
    refresherMask: maskOf(plan.refresher.roles),
    basisMask,
    cycleYears: plan.refresher.cycleYears.value,
    norms,
    pairingMask: maskOf(plan.pairing.roles),
    meetingsMask: maskOf(plan.meetings.roles),
    velonMask: maskOf(plan.velon.roles),
    startersMask: maskOf(plan.starters.roles),
    completedByMask: new Array(1 << trainings.length),
  };
  compiled.set(plan, result);
  return result;
}

export interface SheetContext {
  cp: CompiledPlan;
  plan: Plan;
  referenceDate: IsoDate;
  endOfPlanningYear: IsoDate;
  /** The last day of the look-ahead for `dueSoon` (rules.md §4.14): R + lookaheadDays. */
  dueSoonUntil: IsoDate;
  /** A roleStart after this day is "new in the role" (rules.md §4.6). */
  newSince: IsoDate;
  has: Record<RuleField, boolean>;
  /** Per training index: the sheet has its date column. */
  hasTraining: boolean[];
  hasCertificate: Record<CertificateTraining, boolean>;
  register: RegisterIndex | null;
  /** Renders a finding's Dutch message from its values (messages.ts). */
  say: Say;
  /** Where the values of each finding's message are recorded with the finding (finding.ts said), when the caller asked; else null. */
  messageParams: MessageParamsOf | null;
  /** The findings each rule shares between people (finding.ts FindingCache), per code: keyed per rule, see the rule modules. */
  findings: Record<FindingCode, FindingCache>;
  /**
   * The shared findings that also depend on a text, per code and text (finding.ts findingsAbout): data-quality
   * findings per field (a sheet repeats its unreadable words and planned dates), UNDER_FACILITATED per plan § of the norm.
   */
  findingsAbout: Record<'INVALID_DATE' | 'INVALID_NUMBER' | 'FUTURE_DATE' | 'UNDER_FACILITATED', Map<string, FindingCache>>;
  /** The norm parts of people with one normed role, per role and hours (facilitation.ts). */
  normParts: Map<number | string, PersonResult['normParts']>;
  /** Refresher outcome per basis date, computed once per sheet: a basis from the sheet … */
  refresherByBasis: Map<IsoDate, RefresherOutcome>;
  /** … and a basis from the central register (the message says so). */
  refresherByRegisterBasis: Map<IsoDate, RefresherOutcome>;
}

export interface RefresherOutcome {
  due: IsoDate;
  /** REFRESHER_OVERDUE or REFRESHER_DUE, shared by everyone with this basis; null when neither applies. */
  finding: Finding | null;
}

export interface EvaluateOptions {
  referenceDate: IsoDate;
  planningYear: SchoolYear;
  register?: RegisterRecord[];
  /**
   * When given, the values each finding's Dutch message was rendered from are recorded here with the
   * finding object (finding.ts said): the compact evaluate answer sends these values, and the client renders
   * the message in Dutch or English itself (the compact form: functions/README.md). A shared finding is
   * recorded once, however many people have it. The values are kept as given, not copied.
   */
  messageParams?: MessageParamsOf;
}

/** The values each finding's message was rendered from, by finding object (EvaluateOptions.messageParams). */
export type MessageParamsOf = WeakMap<Finding | SchoolFinding, MessageParams>;

/** Renders a finding's Dutch message from its values. */
export type Say = (code: FindingCode | SchoolFindingCode, params: MessageParams) => string;

const say: Say = (code, params) => MESSAGES[code].nl(params);

/** What a rule needs to write a finding's message: `say` renders it, finding.ts `said` records its values. */
export type Speaker = Pick<SheetContext, 'say' | 'messageParams'>;

export function sheetContext(plan: Plan, fields: readonly RuleField[], options: EvaluateOptions): SheetContext {
  const cp = compilePlan(plan);
  const present = new Set<string>(fields);
  const has = Object.fromEntries(RULE_FIELDS.map((f) => [f, present.has(f)])) as Record<RuleField, boolean>;
  return {
    say,
    messageParams: options.messageParams ?? null,
    cp,
    plan,
    referenceDate: options.referenceDate,
    endOfPlanningYear: endOfSchoolYear(options.planningYear),
    dueSoonUntil: addDays(options.referenceDate, plan.dueSoon.lookaheadDays.value),
    newSince: addTermYears(options.referenceDate, -plan.pairing.newWithinYears.value),
    has,
    hasTraining: cp.trainingFields.map((f) => present.has(f)),
    hasCertificate: { WPB: present.has('certificate.WPB'), SOIO: present.has('certificate.SOIO') },
    register: options.register && options.register.length > 0 ? indexRegister(options.register, options.referenceDate) : null,
    findings: Object.fromEntries(FINDING_CODES.map((c) => [c, new Map()])) as SheetContext['findings'],
    findingsAbout: { INVALID_DATE: new Map(), INVALID_NUMBER: new Map(), FUTURE_DATE: new Map(), UNDER_FACILITATED: new Map() },
    normParts: new Map(),
    refresherByBasis: new Map(),
    refresherByRegisterBasis: new Map(),
  };
}

/** The shared, frozen list of completed training codes for a completion mask. */
export function completedOfMask(cp: CompiledPlan, mask: number): readonly PersonTrainingCode[] {
  let list = cp.completedByMask[mask];
  if (!list) {
    list = Object.freeze(cp.trainings.filter((_, i) => (mask & (1 << i)) !== 0));
    cp.completedByMask[mask] = list;
  }
  return list;
}
