// Plan §3 (rules.md §4.7): school and institute educators meet at least the plan's minimum a year.
import type { SheetContext } from './context';
import { finding, remember } from './finding';
import type { PersonOutcome } from './rule';
import type { PersonView } from './view';

export function meetingsRule(ctx: SheetContext, v: PersonView, out: PersonOutcome): void {
  if ((v.mask & ctx.cp.meetingsMask) === 0) return;
  const meetings = v.number('meetings');
  const { minimumPerYear, planRef } = ctx.plan.meetings;
  const minimum = minimumPerYear.value;
  if (meetings === null || meetings >= minimum) return;
  // The finding depends on the count only.
  const findings = ctx.findings.MEETINGS_BELOW_MINIMUM;
  out.add(findings.get(meetings) ?? remember(findings, meetings, finding(ctx, 'MEETINGS_BELOW_MINIMUM', planRef, { value: meetings, minimum })));
}
