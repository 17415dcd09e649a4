// Data quality, no plan § (docs/rules.md DUPLICATE_PERSON): the same personId on two or more rows of one sheet.
import type { Person } from '../model/person';
import type { PersonResult } from '../model/result';
import type { SheetContext, Speaker } from './context';
import { said } from './finding';
import { statusOf } from './status';

/** The sheet rule: marks the duplicates among the sheet's results (markDuplicates). */
export function duplicatesRule(ctx: SheetContext, _people: readonly Person[], results: PersonResult[]): void {
  markDuplicates(results, ctx);
}

/**
 * Adds DUPLICATE_PERSON to every row with a role whose personId occurs on another row too.
 * A Set and a Map hold the IDs: their string hashing is seeded per process, so no choice of IDs makes
 * this quadratic (an own unseeded hash table let 50,000 chosen IDs block the event loop for seconds).
 */
export function markDuplicates(results: PersonResult[], ctx: Speaker): void {
  // One insertion per row; an ID that does not grow the set is a repeat. Only repeated IDs are counted:
  // the second row with an ID makes its count 2, each further row adds one.
  const seen = new Set<string>();
  let counts: Map<string, number> | null = null;
  // Indexed loops: they run once per sheet, mostly before the optimiser has made for…of allocation-free.
  for (let i = 0; i < results.length; i++) {
    const id = results[i]!.personId;
    if (id === null) continue;
    const before = seen.size;
    seen.add(id);
    if (seen.size === before) {
      counts ??= new Map();
      counts.set(id, (counts.get(id) ?? 1) + 1);
    }
  }
  if (counts === null) return;
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    if (r.personId === null || r.status === 'Geen OS-rol') continue;
    const count = counts.get(r.personId);
    if (count === undefined) continue;
    const params = { personId: r.personId, count };
    r.findings.push(said(ctx, { code: 'DUPLICATE_PERSON', severity: 'warning', message: ctx.say('DUPLICATE_PERSON', params), planRef: null }, params));
    r.status = statusOf(true, r.findings);
  }
}
