// Plan §4 (rules.md §4.2): WPB and SOIO end with a certificate (validated by Registerleraar).
import type { Finding } from '../model/result';
import type { CertificateTraining } from '../plan/schema';
import type { SheetContext } from './context';
import { remember, said, SEVERITY } from './finding';
import type { PersonOutcome } from './rule';
import type { PersonView } from './view';

export function certificateRule(ctx: SheetContext, v: PersonView, out: PersonOutcome): void {
  const certificates = v.person.certificates;
  const trainings = ctx.cp.certificateTrainings;
  for (let t = 0; t < trainings.length; t++) {
    const { code, index } = trainings[t]!;
    // An exempted training needs no certificate (rules.md §4.13).
    if (v.requirement[index] !== 2 || !v.completed[index] || v.exempt[index] || !ctx.hasCertificate[code]) continue;
    if (certificates?.[code] === true || v.registerCertificate[index]) continue;
    // The finding depends on the training and on whether its date comes from the register.
    const fromRegister = v.fromRegister[index]!;
    const key = index * 2 + (fromRegister ? 1 : 0);
    out.add(ctx.findings.CERTIFICATE_MISSING.get(key) ?? remember(ctx.findings.CERTIFICATE_MISSING, key, missing(ctx, code, index, fromRegister)));
  }
}

function missing(ctx: SheetContext, code: CertificateTraining, index: number, fromRegister: boolean): Finding {
  const def = ctx.cp.defs[index]!;
  const params = { training: def.name, fromRegister };
  const message = ctx.say('CERTIFICATE_MISSING', params);
  const f: Finding = { code: 'CERTIFICATE_MISSING', severity: SEVERITY.CERTIFICATE_MISSING, training: code, message, planRef: def.planRef };
  if (fromRegister) f.fromRegister = true;
  return said(ctx, f, params);
}
