// rules.md §4.11: the person's status is the first that applies, from the findings' severities.
import type { Finding, Status } from '../model/result';

export function statusOf(hasRole: boolean, findings: readonly Finding[]): Status {
  if (!hasRole) return 'Geen OS-rol';
  let action = false;
  let warning = false;
  for (const f of findings) {
    if (f.severity === 'critical') return 'Niet in orde';
    if (f.severity === 'action') action = true;
    else if (f.severity === 'warning') warning = true;
  }
  return action ? 'Actie nodig' : warning ? 'Gegevens controleren' : 'In orde';
}
