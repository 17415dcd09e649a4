// Plan §4 (rules.md §4.9): every starting teacher follows the inwerkprogramma with a coach.
import type { SheetContext } from './context';
import { remember, SEVERITY } from './finding';
import type { PersonOutcome } from './rule';
import type { PersonView } from './view';

export function startersRule(ctx: SheetContext, v: PersonView, out: PersonOutcome): void {
  if ((v.mask & ctx.cp.startersMask) === 0 || !ctx.has.coach) return;
  if (v.person.coach === true) return;
  // One finding for every starter without a coach.
  const findings = ctx.findings.STARTER_WITHOUT_COACH;
  out.add(
    findings.get(0) ??
      remember(findings, 0, {
        code: 'STARTER_WITHOUT_COACH',
        severity: SEVERITY.STARTER_WITHOUT_COACH,
        message: ctx.say('STARTER_WITHOUT_COACH', {}),
        planRef: ctx.plan.starters.planRef,
      }),
  );
}
