// Plan §5 (rules.md §4.5): facilitation norm hours per role, and UNDER_FACILITATED against hoursGranted.
import type { RoleCode } from '../plan/schema';
import type { SheetContext } from './context';
import { finding, findingsAbout, pairKey, remember } from './finding';
import type { PersonOutcome } from './rule';
import type { PersonView } from './view';

/**
 * Norm hours summed over the person's roles, into out.normHours / out.normParts. A count-based part whose
 * count is unknown is left out; a role none of whose parts is known is absent from normParts;
 * normHours is null when no part is known.
 */
export function facilitationRule(ctx: SheetContext, v: PersonView, out: PersonOutcome): void {
  const { norms } = ctx.cp;
  const roles = v.roles;
  let total: number | null = null;
  let parts: Partial<Record<RoleCode, number>> | null = null;
  let planRef: string | null = null;
  for (let r = 0; r < roles.length; r++) {
    const role = roles[r]!;
    const norm = norms[role];
    if (!norm) continue;
    let sum: number | null = norm.hasFixed ? norm.fixed : null;
    for (let p = 0; p < norm.perCount.length; p++) {
      const part = norm.perCount[p]!;
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
  if (granted === null || granted >= total) return;
  // The finding depends on the hours and on the plan § of the norm: keyed by the hours, per plan §.
  const findings = findingsAbout(ctx, 'UNDER_FACILITATED', planRef!);
  const key = pairKey(total, granted);
  out.add(findings.get(key) ?? remember(findings, key, finding(ctx, 'UNDER_FACILITATED', planRef, { granted, norm: total })));
}
