// Plan §5 (rules.md §4.5): facilitation norm hours per role, and UNDER_FACILITATED against hoursGranted.
import type { PersonResult } from '../model/result';
import type { RoleCode } from '../plan/schema';
import { ROLE_BIT, type SheetContext } from './context';
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
  /** The first role with a known part and its hours … */
  let first: RoleCode | null = null;
  let firstHours = 0;
  /** … and all of them once a second role has a known part. */
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
    if (first === null) {
      first = role;
      firstHours = sum;
    } else {
      if (parts === null) {
        parts = {};
        parts[first] = firstHours;
      }
      parts[role] = sum;
    }
    total = (total ?? 0) + sum;
    planRef ??= norm.planRef;
  }
  if (total === null) return;
  out.normHours = total;
  out.normParts = parts ?? oneRole(ctx, first!, firstHours);
  const granted = v.number('hoursGranted');
  if (granted === null || granted >= total) return;
  // The finding depends on the hours and on the plan § of the norm: keyed by the hours, per plan §.
  const findings = findingsAbout(ctx, 'UNDER_FACILITATED', planRef!);
  const key = pairKey(total, granted);
  out.add(findings.get(key) ?? remember(findings, key, finding(ctx, 'UNDER_FACILITATED', planRef, { granted, norm: total })));
}

/**
 * The norm parts of a person with one role whose norm is known, as most people are: shared per role and
 * hours (frozen, like NO_PARTS), so the hours a sheet repeats need no object per person.
 */
function oneRole(ctx: SheetContext, role: RoleCode, hours: number): PersonResult['normParts'] {
  const key = pairKey(ROLE_BIT[role], hours);
  let parts = ctx.normParts.get(key);
  if (parts === undefined) {
    const one: Partial<Record<RoleCode, number>> = {};
    one[role] = hours;
    ctx.normParts.set(key, (parts = Object.freeze(one)));
  }
  return parts;
}
