// Building findings (rules.md §4: code, severity, training where relevant, Dutch message, plan §).
import type { Finding, FindingCode, Severity } from '../model/result';
import { MESSAGES, type MessageParams } from './messages';

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
};

/** A rule finding: message from the table, severity from SEVERITY unless given. */
export function finding(
  code: FindingCode,
  planRef: string | null,
  params: MessageParams,
  severity: Severity = SEVERITY[code],
): Finding {
  const f: Finding = { code, severity, message: MESSAGES[code].nl(params), planRef };
  if (params.fromRegister) f.fromRegister = true;
  return f;
}

/** A data-quality finding about one field (rules.md §4.10): planRef null, `field` set (also in `params`, a fresh object). */
export function fieldFinding(code: FindingCode, field: string, params: MessageParams): Finding {
  params.field = field;
  return { code, severity: SEVERITY[code], field, message: MESSAGES[code].nl(params), planRef: null };
}
