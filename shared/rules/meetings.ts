// Plan §3 (rules.md §4.7): school and institute educators meet at least the plan's minimum a year.
import type { SheetContext } from './context';
import { cachedFinding, pairKey } from './finding';
import type { PersonOutcome } from './rule';
import type { PersonView } from './view';

export function meetingsRule(ctx: SheetContext, v: PersonView, out: PersonOutcome): void {
  if ((v.mask & ctx.cp.meetingsMask) === 0) return;
  const meetings = v.number('meetings');
  const minimum = ctx.plan.meetings.minimumPerYear.value;
  if (meetings !== null && meetings < minimum)
    out.findings.push(
      cachedFinding(ctx, 'MEETINGS_BELOW_MINIMUM', pairKey(meetings, 0), ctx.plan.meetings.planRef, { value: meetings, minimum }),
    );
}
