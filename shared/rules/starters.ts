// Plan §4 (rules.md §4.9): every starting teacher follows the inwerkprogramma with a coach.
import type { Finding } from '../model/result';
import type { SheetContext } from './context';
import { finding } from './finding';
import type { PersonView } from './view';

export function startersRule(ctx: SheetContext, v: PersonView, out: Finding[]): void {
  if ((v.mask & ctx.cp.startersMask) === 0 || !ctx.has.coach) return;
  if (v.person.coach !== true) out.push(finding('STARTER_WITHOUT_COACH', ctx.plan.starters.planRef, {}));
}
