// Plan §4 (rules.md §4.8): VELON registration of teacher educators, valid for the plan's term (assumption).
import type { Finding } from '../model/result';
import { addTermYears } from '../calendar/dates';
import type { SheetContext } from './context';
import { finding } from './finding';
import type { PersonView } from './view';

export function velonRule(ctx: SheetContext, v: PersonView, out: Finding[]): void {
  if ((v.mask & ctx.cp.velonMask) === 0 || !ctx.has.velonRegistration) return;
  const registered = v.person.velonRegistration;
  if (typeof registered !== 'string') return;
  const expiry = addTermYears(registered, ctx.plan.velon.termYears.value);
  if (expiry < ctx.referenceDate) out.push(finding('VELON_EXPIRED', ctx.plan.velon.planRef, { date: expiry }));
  else if (expiry <= ctx.endOfPlanningYear)
    out.push(finding('VELON_EXPIRING', ctx.plan.velon.planRef, { date: expiry }));
}
