// Plan §3 (rules.md §4.6): new school and institute educators are preferably paired with an experienced one.
import type { SheetContext } from './context';
import { finding, remember } from './finding';
import type { PersonOutcome } from './rule';
import type { PersonView } from './view';

export function pairingRule(ctx: SheetContext, v: PersonView, out: PersonOutcome): void {
  if ((v.mask & ctx.cp.pairingMask) === 0 || !ctx.has.roleStart || !ctx.has.pairedWith) return;
  const start = v.person.roleStart;
  // "New": the role started less than the plan's term before the reference date.
  if (typeof start !== 'string' || start <= ctx.newSince) return;
  if (v.person.pairedWith === true) return;
  // The finding depends on the start date only.
  const findings = ctx.findings.PAIRING_MISSING;
  out.add(findings.get(start) ?? remember(findings, start, finding(ctx, 'PAIRING_MISSING', ctx.plan.pairing.planRef, { date: start })));
}
