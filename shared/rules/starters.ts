// Plan §4 (rules.md §4.9): every starting teacher follows the inwerkprogramma with a coach.
import type { Finding } from '../model/result';
import type { SheetContext } from './context';
import { remember, said, SEVERITY } from './finding';
import type { PersonOutcome } from './rule';
import type { PersonView } from './view';

export function startersRule(ctx: SheetContext, v: PersonView, out: PersonOutcome): void {
  if ((v.mask & ctx.cp.startersMask) === 0 || !ctx.has.coach) return;
  if (v.person.coach === true) return;
  // One finding for every starter without a coach.
  const findings = ctx.findings.STARTER_WITHOUT_COACH;
  out.add(findings.get(0) ?? remember(findings, 0, withoutCoach(ctx)));
}

function withoutCoach(ctx: SheetContext): Finding {
  const params = {};
  const f: Finding = { code: 'STARTER_WITHOUT_COACH', severity: SEVERITY.STARTER_WITHOUT_COACH, message: ctx.say('STARTER_WITHOUT_COACH', params), planRef: ctx.plan.starters.planRef };
  return said(ctx, f, params);
}
