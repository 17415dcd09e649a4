// Plan §4 (rules.md §4.4): "Alle studenten ... hebben een geschoolde en gecertificeerde werkplekbegeleider".
import type { Finding } from '../model/result';
import { ROLE_BIT, type SheetContext } from './context';
import { finding, pairKey, remember } from './finding';
import type { MessageParams } from './messages';
import type { PersonOutcome } from './rule';
import type { PersonView } from './view';

export function studentsRule(ctx: SheetContext, v: PersonView, out: PersonOutcome): void {
  if ((v.mask & ROLE_BIT.WPB) === 0) return;
  const students = v.number('students');
  if (students === null || students <= 0) return;
  const index = ctx.cp.indexOf.WPB;
  if (index === undefined || !v.known[index]) return;
  const planRef = ctx.cp.defs[index]!.planRef;
  if (!v.completed[index]) {
    out.add(withoutCertifiedWpb(ctx, planRef, students, undefined));
    return;
  }
  // An exempted training counts as trained and certified (rules.md §4.13).
  if (!ctx.cp.defs[index]!.certificate || !ctx.hasCertificate.WPB || v.exempt[index]) return;
  if (v.person.certificates?.WPB === true || v.registerCertificate[index]) return;
  out.add(withoutCertifiedWpb(ctx, planRef, students, v.fromRegister[index]!));
}

/**
 * The finding for this many students; `fromRegister` is undefined when the training is not completed.
 * It depends on the count and on whether the training's date comes from the register: keyed by both.
 */
function withoutCertifiedWpb(ctx: SheetContext, planRef: string, count: number, fromRegister: boolean | undefined): Finding {
  const findings = ctx.findings.STUDENT_WITHOUT_CERTIFIED_WPB;
  const key = pairKey(count, fromRegister ? 1 : 0);
  return findings.get(key) ?? remember(findings, key, finding(ctx, 'STUDENT_WITHOUT_CERTIFIED_WPB', planRef, paramsOf(count, fromRegister)));
}

function paramsOf(count: number, fromRegister: boolean | undefined): MessageParams {
  return fromRegister === undefined ? { count } : { count, fromRegister };
}
