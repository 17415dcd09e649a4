// The fast request check (shared/api/fast-parse.ts) learns the exemption form `{ "exempt": { "date": … } }`
// (interfaces.md §3): it must accept exactly what EvaluateRequestSchema accepts and give the same value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EvaluateRequestSchema } from '../../shared/api/evaluate';
import { fastEvaluateRequest, parseEvaluateRequest } from '../../shared/api/fast-parse';

describe('exemptions in the fast request check', () => {
  it('agrees with zod on exemption values, well-formed and damaged', () => {
    const date = fc.oneof(fc.constantFrom('2022-01-01', '2024-02-29', '2023-02-29', '', 'done', '2022-1-1', '1899-12-31', '1900-01-01', '2199-12-31', '2200-01-01'), fc.constant(null), fc.integer(), fc.string({ maxLength: 3 }));
    const exempt = fc.oneof(
      fc.record({ date }),
      fc.record({ date, reason: fc.string({ maxLength: 5 }) }),
      fc.constant({}),
      fc.constant(null),
      fc.constant('2022-01-01'),
      fc.constant([]),
    );
    const value = fc.oneof(
      fc.record({ exempt }),
      fc.record({ exempt, invalid: fc.constant('x') }),
      fc.record({ exempt, extra: fc.constant(1) }),
      fc.constantFrom(null, 'done', '2025-03-12'),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('WPB', 'OB', 'REFRESH'), value, { maxKeys: 3 }), fc.option(value, { nil: undefined }), (trainings, lastRefresher) => {
        const body: unknown = JSON.parse(
          JSON.stringify({ fields: ['training.WPB'], people: [{ ref: '1', roles: ['WPB'], trainings, ...(lastRefresher === undefined ? {} : { lastRefresher }) }] }),
        );
        const fast = parseEvaluateRequest(body);
        const zod = EvaluateRequestSchema.safeParse(body);
        expect(fast.success).toBe(zod.success);
        if (zod.success) expect(JSON.stringify(fast.data)).toBe(JSON.stringify(zod.data));
        else expect(fast.error?.issues).toEqual(zod.error.issues);
      }),
      { numRuns: 1000 },
    );
  });

  it('takes the plain exemption forms without zod', () => {
    const body = { fields: ['training.WPB', 'training.OB'], people: [{ ref: '1', roles: ['WPB'], trainings: { WPB: { exempt: { date: '2022-01-01' } }, OB: { exempt: { date: null } } } }] };
    expect(fastEvaluateRequest(body)).toEqual(EvaluateRequestSchema.parse(body));
  });

  it('refuses a training date or an exemption date outside 1900-01-01 to 2199-12-31, as every input date', () => {
    const body = (WPB: unknown) => ({ fields: ['training.WPB'], people: [{ ref: '1', roles: ['WPB'], trainings: { WPB } }] });
    for (const WPB of ['1899-12-31', '2200-01-01', { exempt: { date: '1899-12-31' } }, { exempt: { date: '2200-01-01' } }]) {
      expect(EvaluateRequestSchema.safeParse(body(WPB)).success, JSON.stringify(WPB)).toBe(false);
      expect(parseEvaluateRequest(body(WPB)).success, JSON.stringify(WPB)).toBe(false);
    }
    for (const WPB of ['1900-01-01', '2199-12-31', { exempt: { date: '1900-01-01' } }, { exempt: { date: '2199-12-31' } }])
      expect(parseEvaluateRequest(body(WPB)).success, JSON.stringify(WPB)).toBe(true);
  });
});
