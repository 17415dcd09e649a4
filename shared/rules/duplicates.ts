// rules.md §4.10 (data quality; no plan §): the same personId on two or more rows of one sheet.
import type { PersonResult } from '../model/result';
import { MESSAGES } from './messages';
import { statusOf } from './status';

/**
 * Adds DUPLICATE_PERSON to every row with a role whose (trimmed) personId occurs on another row too.
 * An open-addressing table over typed arrays instead of a Map: with 100,000 rows a Map of strings
 * costs several times more (growth copies and GC barriers on a large table).
 */
export function markDuplicates(results: PersonResult[]): void {
  const n = results.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size); // result index + 1; 0 is an empty slot
  const counts = new Int32Array(size);
  const slotOf = new Int32Array(n).fill(-1);
  let duplicates = false;
  for (let i = 0; i < n; i++) {
    const id = results[i]!.personId;
    if (id === null) continue;
    let slot = hash(id) & mask;
    for (;;) {
      const at = table[slot]!;
      if (at === 0) {
        table[slot] = i + 1;
        break;
      }
      if (results[at - 1]!.personId === id) {
        duplicates = true;
        break;
      }
      slot = (slot + 1) & mask;
    }
    counts[slot]!++;
    slotOf[i] = slot;
  }
  if (!duplicates) return;
  for (let i = 0; i < n; i++) {
    const slot = slotOf[i]!;
    if (slot < 0 || counts[slot]! < 2) continue;
    const r = results[i]!;
    if (r.status === 'Geen OS-rol') continue;
    r.findings.push({
      code: 'DUPLICATE_PERSON',
      severity: 'warning',
      message: MESSAGES.DUPLICATE_PERSON.nl({ personId: r.personId!, count: counts[slot]! }),
      planRef: null,
    });
    r.status = statusOf(true, r.findings);
  }
}

/** FNV-1a over UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
