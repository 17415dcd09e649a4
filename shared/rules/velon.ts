// Plan §4 (rules.md §4.8): VELON registration of teacher educators, valid for the plan's term (assumption).
import { addTermYears } from '../calendar/dates';
import type { SheetContext } from './context';
import { finding, remember } from './finding';
import type { PersonOutcome } from './rule';
import type { PersonView } from './view';

/** Adds VELON_EXPIRED / VELON_EXPIRING; sets out.velonExpiry (for `dueSoon`, docs/rules.md "Due soon"). */
export function velonRule(ctx: SheetContext, v: PersonView, out: PersonOutcome): void {
  if ((v.mask & ctx.cp.velonMask) === 0 || !ctx.has.velonRegistration) return;
  const registered = v.person.velonRegistration;
  if (typeof registered !== 'string') return;
  const expiry = addTermYears(registered, ctx.plan.velon.termYears.value);
  out.velonExpiry = expiry;
  const code = expiry < ctx.referenceDate ? 'VELON_EXPIRED' : expiry <= ctx.endOfPlanningYear ? 'VELON_EXPIRING' : null;
  if (code === null) return;
  // The finding depends on the expiry date only.
  const findings = ctx.findings[code];
  out.add(findings.get(expiry) ?? remember(findings, expiry, finding(ctx, code, ctx.plan.velon.planRef, { date: expiry })));
}
