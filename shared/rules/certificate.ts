// Plan §4 (rules.md §4.2): WPB and SOIO end with a certificate (validated by Registerleraar).
import type { Finding } from '../model/result';
import type { SheetContext } from './context';
import { finding } from './finding';
import type { PersonView } from './view';

export function certificateRule(ctx: SheetContext, v: PersonView, out: Finding[]): void {
  const certificates = v.person.certificates;
  for (const { code, index } of ctx.cp.certificateTrainings) {
    if (v.need[index] !== 2 || !v.completed[index] || !ctx.hasCertificate[code]) continue;
    if (certificates?.[code] === true || v.registerCertificate[index]) continue;
    const def = ctx.cp.defs[index]!;
    const f = finding('CERTIFICATE_MISSING', def.planRef, {
      training: def.name,
      fromRegister: v.fromRegister[index]!,
    });
    f.training = code;
    out.push(f);
  }
}

