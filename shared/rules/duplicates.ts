// Data quality, no plan § (docs/rules.md DUPLICATE_PERSON): the same personId on two or more rows of one sheet.
import type { Person } from '../model/person';
import type { PersonResult } from '../model/result';
import type { Say, SheetContext } from './context';
import { statusOf } from './status';

/** The sheet rule: marks the duplicates among the sheet's results (markDuplicates). */
export function duplicatesRule(ctx: SheetContext, _people: readonly Person[], results: PersonResult[]): void {
  markDuplicates(results, ctx.say);
}

/**
 * Adds DUPLICATE_PERSON to every row with a role whose personId occurs on another row too.
 * A Set and a Map hold the IDs: their string hashing is seeded per process, so no choice of IDs makes
 * this quadratic (an own unseeded hash table let 50,000 chosen IDs block the event loop for seconds).
 */
export function markDuplicates(results: PersonResult[], say: Say): void {
  // One insertion per row; an ID that does not grow the set is a repeat. Only repeated IDs are counted.
  const seen = new Set<string>();
  let counts: Map<string, number> | null = null;
  // Indexed loops: they run once per sheet, mostly before the optimiser has made for…of allocation-free.
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    if (r.personId === null) continue;
    const before = seen.size;
    seen.add(r.personId);
    if (seen.size === before) (counts ??= new Map()).set(r.personId, 0);
  }
  if (counts === null) return;
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    const count = r.personId === null ? undefined : counts.get(r.personId);
    if (count !== undefined) counts.set(r.personId!, count + 1);
  }
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    if (r.personId === null || r.status === 'Geen OS-rol') continue;
    const count = counts.get(r.personId);
    if (count === undefined) continue;
    r.findings.push({
      code: 'DUPLICATE_PERSON',
      severity: 'warning',
      message: say('DUPLICATE_PERSON', { personId: r.personId, count }),
      planRef: null,
    });
    r.status = statusOf(true, r.findings);
  }
}
