// Building findings (rules.md §4: code, severity, training where relevant, Dutch message, plan §).
import type { Finding, FindingCode, SchoolFinding, Severity } from '../model/result';
import type { SheetContext, Speaker } from './context';
import type { MessageParams } from './messages';

/** The severity of each code (rules.md §4–§4.10); TRAINING_MISSING is `info` for an advised training. */
export const SEVERITY: Record<FindingCode, Severity> = {
  TRAINING_MISSING: 'action',
  CERTIFICATE_MISSING: 'action',
  REFRESHER_OVERDUE: 'action',
  REFRESHER_DUE: 'action',
  STUDENT_WITHOUT_CERTIFIED_WPB: 'critical',
  UNDER_FACILITATED: 'action',
  PAIRING_MISSING: 'info',
  MEETINGS_BELOW_MINIMUM: 'info',
  VELON_EXPIRED: 'info',
  VELON_EXPIRING: 'info',
  STARTER_WITHOUT_COACH: 'action',
  UNKNOWN_ROLE: 'warning',
  INVALID_DATE: 'warning',
  INVALID_NUMBER: 'warning',
  FUTURE_DATE: 'warning',
  DATE_UNKNOWN: 'warning',
  DATA_MISSING: 'warning',
  DUPLICATE_PERSON: 'warning',
  EXEMPTION: 'info',
};

/** A rule finding: message from the table, severity from SEVERITY unless given. */
export function finding(
  ctx: SheetContext,
  code: FindingCode,
  planRef: string | null,
  params: MessageParams,
  severity: Severity = SEVERITY[code],
): Finding {
  const f: Finding = { code, severity, message: ctx.say(code, params), planRef };
  if (params.fromRegister) f.fromRegister = true;
  return said(ctx, f, params);
}

/**
 * `f`, whose message ctx.say rendered from `params`: the values are recorded with the finding object when
 * the caller asked for them (EvaluateOptions.messageParams, the compact evaluate answer). Call it once per
 * finding object; a finding shared by many people is recorded once.
 */
export function said<F extends Finding | SchoolFinding>(ctx: Speaker, f: F, params: MessageParams): F {
  ctx.messageParams?.set(f, params);
  return f;
}

/**
 * Findings repeat across people (the same training missing for the same roles, the same due date, the
 * same count …): each distinct finding is built once per sheet, under a key the rule chooses from what
 * the finding depends on, and every person who has it shares the one object. Frozen, so that no
 * consumer can change one person's finding for all of them.
 */
export type FindingCache = Map<string | number, Finding>;

/** Keeps `finding` in the cache under `key` and returns it: `cache.get(key) ?? remember(cache, key, …)`. */
export function remember(cache: FindingCache, key: string | number, finding: Finding): Finding {
  const shared = Object.freeze(finding);
  cache.set(key, shared);
  return shared;
}

/** The shared findings of one code that also depend on a text: the field of a data-quality finding, the plan § of a norm. */
export function findingsAbout(ctx: SheetContext, code: keyof SheetContext['findingsAbout'], text: string): FindingCache {
  const byText = ctx.findingsAbout[code];
  let findings = byText.get(text);
  if (findings === undefined) byText.set(text, (findings = new Map()));
  return findings;
}

/** A cache key for two numbers: a small integer when both are small non-negative integers, as most counts are. */
export function pairKey(a: number, b: number): number | string {
  return Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b >= 0 && a < 16384 && b < 65536 ? a * 65536 + b : `${a}|${b}`;
}
