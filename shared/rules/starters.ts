// Plan §4 (rules.md §4.9): every starting teacher follows the inwerkprogramma with a coach.
import type { SheetContext } from './context';
import { SEVERITY } from './finding';
import type { PersonOutcome } from './rule';
import type { PersonView } from './view';

export function startersRule(ctx: SheetContext, v: PersonView, out: PersonOutcome): void {
  if ((v.mask & ctx.cp.startersMask) === 0 || !ctx.has.coach) return;
  if (v.person.coach === true) return;
  let message = ctx.messages.STARTER_WITHOUT_COACH.get(0);
  if (message === undefined) ctx.messages.STARTER_WITHOUT_COACH.set(0, (message = ctx.say('STARTER_WITHOUT_COACH', {})));
  out.findings.push({ code: 'STARTER_WITHOUT_COACH', severity: SEVERITY.STARTER_WITHOUT_COACH, message, planRef: ctx.plan.starters.planRef });
}
