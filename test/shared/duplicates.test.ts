// rules.md §4.10 duplicate detection (issue 12, hash flooding): the marks match a plain count for any
// IDs, and the time grows linearly whatever the IDs — also with IDs chosen to collide in the 32-bit
// FNV-1a hash the detection once used (50,000 of them blocked the event loop for seconds).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PersonResult } from '../../shared/model/result';
import { markDuplicates } from '../../shared/rules/duplicates';
import { collidingIds, fnv1a, randomIds } from '../support/fnv-collisions';

const row = (personId: string | null, i: number): PersonResult => ({
  ref: String(i),
  personId,
  roles: ['WPB'],
  status: 'In orde',
  refresherDue: null,
  dueSoon: null,
  normHours: null,
  findings: [],
  normParts: {},
});

/** The fastest of a few runs of markDuplicates over these IDs (each a fresh set of rows). */
function fastest(ids: readonly string[], runs = 5): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const rows = ids.map(row);
    const started = performance.now();
    markDuplicates(rows);
    best = Math.min(best, performance.now() - started);
  }
  return Math.max(best, 0.05);
}

describe('markDuplicates', () => {
  it('the colliding IDs really collide in the low 17 bits of FNV-1a', () => {
    const ids = collidingIds(1000);
    expect(new Set(ids).size).toBe(1000);
    expect(new Set(ids.map((id) => fnv1a(id) & 0x1ffff)).size).toBe(1);
  });

  it('marks exactly the rows with a role whose personId occurs more than once (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.constantFrom('1', '2', '3', ' 4', '\u0000', '__proto__', 'constructor'), { nil: null }), { maxLength: 30 }),
        fc.array(fc.boolean(), { maxLength: 30 }),
        (ids, noRole) => {
          const rows = ids.map((id, i) => ({ ...row(id, i), ...(noRole[i] ? { status: 'Geen OS-rol' as const, roles: [] } : {}) }));
          markDuplicates(rows);
          rows.forEach((r, i) => {
            const count = ids.filter((id) => id !== null && id === ids[i]).length;
            const marked = r.findings.filter((f) => f.code === 'DUPLICATE_PERSON');
            expect(marked).toHaveLength(ids[i] !== null && count > 1 && !noRole[i] ? 1 : 0);
            if (marked.length) expect(r.status).toBe('Gegevens controleren');
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('takes time linear in the rows, whatever the IDs: colliding IDs cost about what random ones do, at every size', () => {
    fastest(randomIds(2000), 3); // warm up
    for (const n of [10_000, 40_000]) {
      const adversarial = collidingIds(n);
      // Random IDs of the same shape: the same stems, each with a random last character.
      let seed = n;
      const random = adversarial.map((id) => id.slice(0, -1) + String.fromCharCode((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) & 0xffff));
      // Interleaved, the fastest of several runs each: a busy machine slows both alike.
      let tRandom = Infinity;
      let tAdversarial = Infinity;
      for (let round = 0; round < 4; round++) {
        tRandom = Math.min(tRandom, fastest(random, 3));
        tAdversarial = Math.min(tAdversarial, fastest(adversarial, 3));
      }
      const ratio = tAdversarial / tRandom;
      console.log(`duplicates: ${n} colliding IDs ${tAdversarial.toFixed(1)} ms, random ${tRandom.toFixed(1)} ms, ratio ${ratio.toFixed(2)}`);
      // Linear work keeps the ratio near 1 at every size; the quadratic probing of an unseeded table made
      // it grow with the rows (measured: 1,864 at 40,000 rows), so a bounded ratio means linear growth.
      expect(ratio).toBeLessThan(10);
    }
    const adversarial = collidingIds(100);
    // And every duplicate is still found: the adversarial IDs are distinct, a repeated one is marked.
    const rows = [...adversarial, adversarial[0]!].map(row);
    markDuplicates(rows);
    expect(rows.filter((r) => r.findings.length > 0).map((r) => r.ref)).toEqual(['0', '100']);
  }, 120_000);
});
