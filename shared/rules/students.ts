// Plan §4 (rules.md §4.4): "Alle studenten ... hebben een geschoolde en gecertificeerde werkplekbegeleider".
import { ROLE_BIT, type SheetContext } from './context';
import { cachedFinding, pairKey } from './finding';
import type { PersonOutcome } from './rule';
import type { PersonView } from './view';

export function studentsRule(ctx: SheetContext, v: PersonView, out: PersonOutcome): void {
  if ((v.mask & ROLE_BIT.WPB) === 0) return;
  const students = v.number('students');
  if (students === null || students <= 0) return;
  const index = ctx.cp.indexOf.WPB;
  if (index === undefined || !v.known[index]) return;
  const def = ctx.cp.defs[index]!;
  if (!v.completed[index]) {
    out.findings.push(cachedFinding(ctx, 'STUDENT_WITHOUT_CERTIFIED_WPB', pairKey(students, 0), def.planRef, { count: students }));
    return;
  }
  // An exempted training counts as trained and certified (rules.md §4.13).
  if (!def.certificate || !ctx.hasCertificate.WPB || v.exempt[index]) return;
  if (v.person.certificates?.WPB === true || v.registerCertificate[index]) return;
  const fromRegister = v.fromRegister[index]!;
  out.findings.push(
    cachedFinding(ctx, 'STUDENT_WITHOUT_CERTIFIED_WPB', pairKey(students, fromRegister ? 1 : 0), def.planRef, {
      count: students,
      fromRegister,
    }),
  );
}
