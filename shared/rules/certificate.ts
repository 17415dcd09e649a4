// Plan §4 (rules.md §4.2): WPB and SOIO end with a certificate (validated by Registerleraar).
import type { Finding } from '../model/result';
import type { SheetContext } from './context';
import { SEVERITY } from './finding';
import type { PersonOutcome } from './rule';
import type { PersonView } from './view';

export function certificateRule(ctx: SheetContext, v: PersonView, out: PersonOutcome): void {
  const certificates = v.person.certificates;
  for (const { code, index } of ctx.cp.certificateTrainings) {
    // An exempted training needs no certificate (rules.md §4.13).
    if (v.requirement[index] !== 2 || !v.completed[index] || v.exempt[index] || !ctx.hasCertificate[code]) continue;
    if (certificates?.[code] === true || v.registerCertificate[index]) continue;
    const def = ctx.cp.defs[index]!;
    const fromRegister = v.fromRegister[index]!;
    const key = index * 2 + (fromRegister ? 1 : 0);
    let message = ctx.messages.CERTIFICATE_MISSING.get(key);
    if (message === undefined) {
      message = ctx.say('CERTIFICATE_MISSING', { training: def.name, fromRegister });
      ctx.messages.CERTIFICATE_MISSING.set(key, message);
    }
    const f: Finding = { code: 'CERTIFICATE_MISSING', severity: SEVERITY.CERTIFICATE_MISSING, training: code, message, planRef: def.planRef };
    if (fromRegister) f.fromRegister = true;
    out.findings.push(f);
  }
}

