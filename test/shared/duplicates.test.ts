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

  it('takes time linear in the rows, whatever the IDs: colliding IDs cost about what random ones do', () => {
    const n = 40_000;
    const adversarial = collidingIds(n);
    const random = randomIds(n);
    // Warm up, then interleave the measurements so a busy machine slows both alike.
    fastest(random.slice(0, 2000), 3);
    const tRandom = Math.min(fastest(random), fastest(random));
    const tAdversarial = Math.min(fastest(adversarial), fastest(adversarial));
    const quarter = (ids: string[]) => fastest(ids.slice(0, n / 4));
    const ratio = tAdversarial / tRandom;
    // Growth from n/4 to n rows, colliding IDs against random ones: a table's cache effects hit both.
    const growth = tAdversarial / quarter(adversarial) / (tRandom / quarter(random));
    console.log(`duplicates: ${n} colliding IDs ${tAdversarial.toFixed(1)} ms, random ${tRandom.toFixed(1)} ms (ratio ${ratio.toFixed(2)}); growth for 4× the rows, colliding over random: ${growth.toFixed(2)}`);
    // Quadratic probing over 40,000 colliding IDs is hundreds of times slower than random IDs (measured
    // 1,864×) and grows 16× for 4× the rows where random IDs grow 4×; linear work keeps both near 1.
    expect(ratio).toBeLessThan(4);
    expect(growth).toBeLessThan(2.5);
    // And every duplicate is still found: the adversarial IDs are distinct, a repeated one is marked.
    const rows = [...adversarial.slice(0, 100), adversarial[0]!].map(row);
    markDuplicates(rows);
    expect(rows.filter((r) => r.findings.length > 0).map((r) => r.ref)).toEqual(['0', '100']);
  }, 120_000);
});
