// Plan §4 "Vakbekwaam blijven" (docs/rules.md REFRESHER_OVERDUE, REFRESHER_DUE, DATE_UNKNOWN): trained
// roles keep their professionalism current every cycle.
import type { IsoDate } from '../model/person';
import type { Finding } from '../model/result';
import { addTermYears } from '../calendar/dates';
import type { RefresherOutcome, SheetContext } from './context';
import { finding, remember, said, SEVERITY } from './finding';
import type { PersonOutcome } from './rule';
import { Completion, type PersonView } from './view';

/** Adds REFRESHER_OVERDUE / REFRESHER_DUE / DATE_UNKNOWN; sets out.refresherDue. */
export function refresherRule(ctx: SheetContext, v: PersonView, out: PersonOutcome): void {
  const { cp } = ctx;
  if ((v.mask & cp.refresherMask) === 0) return;
  let basis: IsoDate | null = v.lastRefresherDate;
  let fromRegister = v.lastRefresherFromRegister;
  let doneField: string | null = null;
  for (let i = 0; i < cp.trainings.length; i++) {
    if ((v.mask & cp.basisMask[i]!) === 0) continue;
    const date = v.date[i] ?? null;
    if (date === null) {
      if (v.completed[i] && doneField === null) doneField = cp.trainingFields[i]!;
      continue;
    }
    if (basis === null || date > basis) {
      basis = date;
      fromRegister = v.fromRegister[i]!;
    } else if (date === basis && !v.fromRegister[i]) fromRegister = false;
  }
  if (basis === null) {
    if (doneField === null && v.lastRefresherCell === Completion.Done) doneField = 'lastRefresher';
    // The finding depends on the field only.
    if (doneField !== null)
      out.add(ctx.findings.DATE_UNKNOWN.get(doneField) ?? remember(ctx.findings.DATE_UNKNOWN, doneField, dateUnknown(ctx, doneField)));
    return;
  }
  // Many people share a basis date: the due date and finding are computed once per sheet.
  const byBasis = fromRegister ? ctx.refresherByRegisterBasis : ctx.refresherByBasis;
  let outcome = byBasis.get(basis);
  if (!outcome) byBasis.set(basis, (outcome = refresherOutcome(ctx, basis, fromRegister)));
  if (outcome.finding) out.add(outcome.finding);
  out.refresherDue = outcome.due;
}

function dateUnknown(ctx: SheetContext, field: string): Finding {
  const f = finding(ctx, 'DATE_UNKNOWN', null, { field });
  f.field = field;
  return f;
}

function refresherOutcome(ctx: SheetContext, basis: IsoDate, fromRegister: boolean): RefresherOutcome {
  const due = addTermYears(basis, ctx.cp.cycleYears);
  const code = due < ctx.referenceDate ? 'REFRESHER_OVERDUE' : due <= ctx.endOfPlanningYear ? 'REFRESHER_DUE' : null;
  if (code === null) return { due, finding: null };
  const params = { date: due, basis, fromRegister };
  const f: Finding = { code, severity: SEVERITY[code], message: ctx.say(code, params), planRef: ctx.plan.refresher.planRef };
  if (fromRegister) f.fromRegister = true;
  return { due, finding: Object.freeze(said(ctx, f, params)) };
}
