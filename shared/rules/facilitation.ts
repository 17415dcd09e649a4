// Plan §5 (rules.md §4.5): facilitation norm hours per role, and UNDER_FACILITATED against hoursGranted.
import type { RoleCode } from '../plan/schema';
import type { SheetContext } from './context';
import { cachedFinding, pairKey } from './finding';
import type { PersonOutcome } from './rule';
import type { PersonView } from './view';

/**
 * Norm hours summed over the person's roles, into out.normHours / out.normParts. A count-based part whose
 * count is unknown is left out; a role none of whose parts is known is absent from normParts;
 * normHours is null when no part is known.
 */
export function facilitationRule(ctx: SheetContext, v: PersonView, out: PersonOutcome): void {
  const { norms } = ctx.cp;
  let total: number | null = null;
  let parts: Partial<Record<RoleCode, number>> | null = null;
  let planRef: string | null = null;
  for (const role of v.roles) {
    const norm = norms[role];
    if (!norm) continue;
    let sum: number | null = norm.hasFixed ? norm.fixed : null;
    for (const part of norm.perCount) {
      const count = v.number(part.count);
      if (count !== null) sum = (sum ?? 0) + count * part.hoursEach;
    }
    if (sum === null) continue;
    (parts ??= {})[role] = sum;
    total = (total ?? 0) + sum;
    planRef ??= norm.planRef;
  }
  if (total === null) return;
  out.normHours = total;
  out.normParts = parts!;
  const granted = v.number('hoursGranted');
  if (granted !== null && granted < total)
    out.findings.push(cachedFinding(ctx, 'UNDER_FACILITATED', pairKey(total, granted), planRef, { granted, norm: total }));
}
