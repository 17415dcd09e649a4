// Plan §2 (rules.md §4.13): people "geschoold binnen de OS of binnen een andere context". One EXEMPTION
// (info) per exempted training cell of a row with a recognised role, whatever its roles ask. The reason
// stays in the workbook; the sheet layer adds it to the message (shared/sheet/locate.ts).
import type { Finding } from '../model/result';
import type { IsoDate } from '../model/person';
import type { SheetContext } from './context';
import { remember, said, SEVERITY } from './finding';
import type { PersonOutcome } from './rule';
import type { PersonView } from './view';

export function exemptionRule(ctx: SheetContext, v: PersonView, out: PersonOutcome): void {
  if (v.mask === 0) return;
  const { cp } = ctx;
  for (let i = 0; i < cp.trainings.length; i++) {
    if (!v.exempt[i]) continue;
    const value = v.person.trainings?.[cp.trainings[i]!];
    const date = value !== null && typeof value === 'object' && 'exempt' in value ? value.exempt.date : null;
    // The date shown is the one that counts: none when it lies after the reference date.
    const shown = date !== null && date <= ctx.referenceDate ? date : null;
    // The finding depends on the training and the date shown: keyed by both.
    const key = shown === null ? i : `${i}|${shown}`;
    out.add(ctx.findings.EXEMPTION.get(key) ?? remember(ctx.findings.EXEMPTION, key, exemption(ctx, i, shown)));
  }
}

function exemption(ctx: SheetContext, i: number, shown: IsoDate | null): Finding {
  const { cp } = ctx;
  const params = { training: cp.defs[i]!.name, ...(shown ? { date: shown } : {}) };
  const f: Finding = {
    code: 'EXEMPTION',
    severity: SEVERITY.EXEMPTION,
    training: cp.trainings[i]!,
    field: cp.trainingFields[i]!,
    message: ctx.say('EXEMPTION', params),
    planRef: ctx.plan.exemptions.planRef,
  };
  return said(ctx, f, params);
}
