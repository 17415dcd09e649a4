// Plan §4 "Vakbekwaam blijven" (rules.md §4.3): trained roles keep their professionalism current every cycle.
import type { IsoDate } from '../model/person';
import type { Finding } from '../model/result';
import { addTermYears } from '../calendar/dates';
import type { SheetContext } from './context';
import { finding, SEVERITY } from './finding';
import { MESSAGES } from './messages';
import { Cell, type PersonView } from './view';

/** Adds REFRESHER_OVERDUE / REFRESHER_DUE / DATE_UNKNOWN; returns refresherDue (or null). */
export function refresherRule(ctx: SheetContext, v: PersonView, out: Finding[]): IsoDate | null {
  const { cp } = ctx;
  if ((v.mask & cp.refresherMask) === 0) return null;
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
    if (doneField === null && v.lastRefresherCell === Cell.Done) doneField = 'lastRefresher';
    if (doneField !== null)
      out.push({ ...finding('DATE_UNKNOWN', null, { field: doneField }), field: doneField });
    return null;
  }
  // Many people share a basis date: the due date and message are computed once per sheet.
  const key = dayKey(basis) * 2 + (fromRegister ? 1 : 0);
  let outcome = ctx.refresherByBasis.get(key);
  if (!outcome) {
    const due = addTermYears(basis, cp.cycleYears);
    const code = due < ctx.referenceDate ? 'REFRESHER_OVERDUE' : due <= ctx.endOfPlanningYear ? 'REFRESHER_DUE' : null;
    outcome = { due, finding: code, message: code ? MESSAGES[code].nl({ date: due, basis, fromRegister }) : '' };
    ctx.refresherByBasis.set(key, outcome);
  }
  if (outcome.finding) {
    const f: Finding = { code: outcome.finding, severity: SEVERITY[outcome.finding], message: outcome.message, planRef: ctx.plan.refresher.planRef };
    if (fromRegister) f.fromRegister = true;
    out.push(f);
  }
  return outcome.due;
}

/** A small integer per ISO date (yyyy-mm-dd), read without allocating: a cheap cache key. */
function dayKey(iso: string): number {
  const year = iso.charCodeAt(0) * 1000 + iso.charCodeAt(1) * 100 + iso.charCodeAt(2) * 10 + iso.charCodeAt(3);
  const month = iso.charCodeAt(5) * 10 + iso.charCodeAt(6);
  const day = iso.charCodeAt(8) * 10 + iso.charCodeAt(9);
  // Offsets of the '0' code points cancel out in differences; the key only needs to be unique.
  return (year * 1024 + month) * 1024 + day;
}
