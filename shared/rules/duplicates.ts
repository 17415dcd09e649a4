// Data quality, no plan § (docs/rules.md DUPLICATE_PERSON): the same personId on two or more rows of one sheet.
import type { Person } from '../model/person';
import type { PersonResult } from '../model/result';
import type { SheetContext } from './context';
import { MESSAGES } from './messages';
import { statusOf } from './status';

/** The sheet rule: marks the duplicates among the sheet's results (markDuplicates). */
export function duplicatesRule(_ctx: SheetContext, _people: readonly Person[], results: PersonResult[]): void {
  markDuplicates(results);
}

/**
 * Adds DUPLICATE_PERSON to every row with a role whose personId occurs on another row too.
 * A Map counts the IDs: its string hashing is seeded per process, so no choice of IDs makes it
 * quadratic (an own unseeded hash table let 50,000 chosen IDs block the event loop for seconds).
 */
export function markDuplicates(results: PersonResult[]): void {
  const counts = new Map<string, number>();
  let duplicates = false;
  for (const r of results) {
    if (r.personId === null) continue;
    const seen = counts.get(r.personId);
    if (seen !== undefined) duplicates = true;
    counts.set(r.personId, (seen ?? 0) + 1);
  }
  if (!duplicates) return;
  for (const r of results) {
    if (r.personId === null || r.status === 'Geen OS-rol') continue;
    const count = counts.get(r.personId)!;
    if (count < 2) continue;
    r.findings.push({
      code: 'DUPLICATE_PERSON',
      severity: 'warning',
      message: MESSAGES.DUPLICATE_PERSON.nl({ personId: r.personId, count }),
      planRef: null,
    });
    r.status = statusOf(true, r.findings);
  }
}
