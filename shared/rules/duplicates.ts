// rules.md §4.10 (data quality; no plan §): the same personId on two or more rows of one sheet.
import type { PersonResult } from '../model/result';
import { MESSAGES } from './messages';
import { statusOf } from './status';

export function markDuplicates(results: PersonResult[]): void {
  // results[i].personId is people[i].personId trimmed (null when empty).
  const counts = new Map<string, number>();
  let withId = 0;
  for (const r of results) {
    const id = r.personId;
    if (id === null) continue;
    withId++;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  if (counts.size === withId) return;
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    const id = r.personId;
    if (id === null || r.status === 'Geen OS-rol') continue;
    const count = counts.get(id) ?? 0;
    if (count < 2) continue;
    r.findings.push({
      code: 'DUPLICATE_PERSON',
      severity: 'warning',
      message: MESSAGES.DUPLICATE_PERSON.nl({ personId: id, count }),
      planRef: null,
    });
    r.status = statusOf(true, r.findings);
  }
}
