// Plan §4 (rules.md §4.8): VELON registration of teacher educators, valid for the plan's term (assumption).
import type { IsoDate } from '../model/person';
import type { Finding } from '../model/result';
import { addTermYears } from '../calendar/dates';
import type { SheetContext } from './context';
import { cachedFinding } from './finding';
import type { PersonView } from './view';

/** Adds VELON_EXPIRED / VELON_EXPIRING; returns the expiry date (or null) for `dueSoon` (rules.md §4.14). */
export function velonRule(ctx: SheetContext, v: PersonView, out: Finding[]): IsoDate | null {
  if ((v.mask & ctx.cp.velonMask) === 0 || !ctx.has.velonRegistration) return null;
  const registered = v.person.velonRegistration;
  if (typeof registered !== 'string') return null;
  const expiry = addTermYears(registered, ctx.plan.velon.termYears.value);
  const planRef = ctx.plan.velon.planRef;
  if (expiry < ctx.referenceDate) out.push(cachedFinding(ctx, 'VELON_EXPIRED', expiry, planRef, { date: expiry }));
  else if (expiry <= ctx.endOfPlanningYear) out.push(cachedFinding(ctx, 'VELON_EXPIRING', expiry, planRef, { date: expiry }));
  return expiry;
}
