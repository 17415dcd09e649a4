// Plan §4 (rules.md §4.8): VELON registration of teacher educators, valid for the plan's term (assumption).
import { addTermYears } from '../calendar/dates';
import type { SheetContext } from './context';
import { cachedFinding } from './finding';
import type { PersonOutcome } from './rule';
import type { PersonView } from './view';

/** Adds VELON_EXPIRED / VELON_EXPIRING; sets out.velonExpiry (for `dueSoon`, docs/rules.md "Due soon"). */
export function velonRule(ctx: SheetContext, v: PersonView, out: PersonOutcome): void {
  if ((v.mask & ctx.cp.velonMask) === 0 || !ctx.has.velonRegistration) return;
  const registered = v.person.velonRegistration;
  if (typeof registered !== 'string') return;
  const expiry = addTermYears(registered, ctx.plan.velon.termYears.value);
  const planRef = ctx.plan.velon.planRef;
  if (expiry < ctx.referenceDate) out.findings.push(cachedFinding(ctx, 'VELON_EXPIRED', expiry, planRef, { date: expiry }));
  else if (expiry <= ctx.endOfPlanningYear) out.findings.push(cachedFinding(ctx, 'VELON_EXPIRING', expiry, planRef, { date: expiry }));
  out.velonExpiry = expiry;
}
