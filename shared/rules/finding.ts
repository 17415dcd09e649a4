// Building findings (rules.md §4: code, severity, training where relevant, Dutch message, plan §).
import type { Finding, FindingCode, Severity } from '../model/result';
import type { SheetContext } from './context';
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
  return f;
}

/**
 * A finding whose message repeats across people (same training, same count, same date …): the text is
 * built once per sheet under `key` and shared, so 100,000 people do not keep 100,000 equal strings.
 * A null key builds the message every time.
 */
export function cachedFinding(
  ctx: SheetContext,
  code: FindingCode,
  key: number | string | null,
  planRef: string | null,
  params: MessageParams,
): Finding {
  let message: string | undefined;
  if (key !== null) {
    const cache = ctx.messages[code];
    message = cache.get(key);
    if (message === undefined) cache.set(key, (message = ctx.say(code, params)));
  } else message = ctx.say(code, params);
  const f: Finding = { code, severity: SEVERITY[code], message, planRef };
  if (params.fromRegister) f.fromRegister = true;
  return f;
}

/** A cache key for two small non-negative integers (stays a small integer), or null. */
export function pairKey(a: number, b: number): number | null {
  return Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b >= 0 && a < 16384 && b < 65536 ? a * 65536 + b : null;
}
