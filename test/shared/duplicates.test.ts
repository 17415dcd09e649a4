// rules.md §4.10 duplicate detection (issue 12, hash flooding): the marks match a plain count for any
// IDs, and the time grows linearly whatever the IDs — also with IDs chosen to collide in the 32-bit
// FNV-1a hash the detection once used (50,000 of them blocked the event loop for seconds).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PersonResult } from '../../shared/model/result';
import type { Speaker } from '../../shared/rules/context';
import { markDuplicates } from '../../shared/rules/duplicates';
import { MESSAGES } from '../../shared/rules/messages';
import { collidingIds, fnv1a, sameShapeRandom } from '../support/fnv-collisions';

const speaker: Speaker = { say: (code, params) => MESSAGES[code].nl(params), messageParams: null };

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

/** The time of one run of markDuplicates over these IDs (a fresh set of rows). */
function once(ids: readonly string[]): number {
  const rows = ids.map(row);
  const started = performance.now();
  markDuplicates(rows, speaker);
  return Math.max(performance.now() - started, 0.01);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

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
          markDuplicates(rows, speaker);
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
    once(sameShapeRandom(collidingIds(2000))); // warm up
    for (const n of [10_000, 40_000]) {
      const adversarial = collidingIds(n);
      const random = sameShapeRandom(adversarial, n);
      // Interleaved runs, the median of each: a busy machine slows both alike, and spikes drop out.
      const runs = { adversarial: [] as number[], random: [] as number[] };
      for (let round = 0; round < 15; round++) {
        runs.random.push(once(random));
        runs.adversarial.push(once(adversarial));
      }
      const tRandom = median(runs.random);
      const tAdversarial = median(runs.adversarial);
      const ratio = tAdversarial / tRandom;
      console.log(`duplicates: ${n} colliding IDs ${tAdversarial.toFixed(1)} ms, random ${tRandom.toFixed(1)} ms, ratio ${ratio.toFixed(2)}`);
      // Linear work keeps the ratio near 1 at every size; the quadratic probing of an unseeded table made
      // it grow with the rows (measured: 1,864 at 40,000 rows), so a bounded ratio means linear growth.
      expect(ratio).toBeLessThan(10);
    }
    const adversarial = collidingIds(100);
    // And every duplicate is still found: the adversarial IDs are distinct, a repeated one is marked.
    const rows = [...adversarial, adversarial[0]!].map(row);
    markDuplicates(rows, speaker);
    expect(rows.filter((r) => r.findings.length > 0).map((r) => r.ref)).toEqual(['0', '100']);
  }, 120_000);
});
