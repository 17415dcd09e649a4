// The hand-written checks of POST /api/evaluate bodies and answers (shared/api/fast-parse.ts) exist only
// for speed: they must accept exactly what the zod schemas accept, return the same value, and leave every
// rejection (with its paths) to zod.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EvaluateRequestSchema, EvaluateResponseSchema, FieldName, ruleFields } from '../../shared/api/evaluate';
import { isInputDate, isIsoDate, parseEvaluateRequest, parseEvaluateResponse } from '../../shared/api/fast-parse';
import { InputDate, IsoDate } from '../../shared/model/person';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { evaluateSheet } from '../../shared/rules/evaluate';
import { readSheet } from '../../shared/sheet/read';
import { summarize } from '../../shared/summary/summarize';
import { GENERATED_HEADERS, generatedRows } from '../fixtures/workbooks';

const sameResult = (
  fast: { success: boolean; data?: unknown; error?: { issues: unknown } },
  zod: { success: boolean; data?: unknown; error?: { issues: unknown } },
) => {
  expect(fast.success).toBe(zod.success);
  if (zod.success) expect(JSON.stringify(fast.data)).toBe(JSON.stringify(zod.data));
  else expect(fast.error?.issues).toEqual(zod.error?.issues);
};

const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('the fast request and answer checks agree with the zod schemas', () => {
  it('agrees on every day, month and day-of-month around the calendar, leap years included', () => {
    for (const y of [0, 4, 100, 1899, 1900, 1999, 2000, 2023, 2024, 2026, 2100, 2199, 2200, 2400, 9999])
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          expect(isIsoDate(s), s).toBe(IsoDate.safeParse(s).success);
          expect(isInputDate(s), s).toBe(InputDate.safeParse(s).success);
        }
    for (const s of ['2024-1-01', ' 2024-01-01', '2024-01-01\n', '２０２４-01-01', '2024/01/01', '', '20240101xx', '2024-02-30']) {
      expect(isIsoDate(s), s).toBe(IsoDate.safeParse(s).success);
      expect(isInputDate(s), s).toBe(InputDate.safeParse(s).success);
    }
    // The range a client may send (spec v2): both ends included.
    expect(['1899-12-31', '1900-01-01', '2199-12-31', '2200-01-01', '0000-01-01', '9999-12-31'].map((s) => isInputDate(s))).toEqual([
      false, true, true, false, false, false,
    ]);
  });

  it('accepts and rejects the same people as zod, with the same data and the same error paths', () => {
    const str = fc.oneof(
      fc.constantFrom('2024-02-29', '2023-02-29', '1900-02-29', '1900-01-01', '1899-12-31', '2199-12-31', '2200-01-01', '0000-01-01', 'done', '', 'x', '2024-13-01', 'WPB', 'OBP', 'CEO'),
      fc.string({ maxLength: 3 }),
      fc.string({ minLength: 99, maxLength: 102 }),
      fc.string({ minLength: 199, maxLength: 202 }),
    );
    const leaf = fc.oneof(
      str,
      fc.constant(null),
      fc.boolean(),
      fc.double(),
      fc.integer({ min: -2, max: 5 }),
      fc.constant(1e9),
      fc.constant(1e9 + 1),
      fc.record({ invalid: str }),
      fc.record({ invalid: str, x: fc.constant(1) }),
      fc.string({ minLength: 1000, maxLength: 1001 }).map((invalid) => ({ invalid })),
    );
    const keys = ['ref', 'personId', 'board', 'school', 'roles', 'unknownRoles', 'trainings', 'certificates', 'lastRefresher',
      'roleStart', 'velonRegistration', 'students', 'graduates', 'secondAssessments', 'hoursGranted', 'meetings', 'pairedWith',
      'coach', 'other'];
    const value = fc.oneof(
      leaf,
      fc.array(fc.oneof(fc.constantFrom('WPB', 'SO', 'IO', 'OBP', 'STARTER', 'CEO'), str), { maxLength: 22 }),
      fc.dictionary(fc.constantFrom('WPB', 'SOIO', 'OB', 'TRAINER', 'INTERVISOR', 'INWERK', 'X'), leaf, { maxKeys: 4 }),
    );
    const person = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 8 }).map((o) => ({ ref: '1', ...o }));
    fc.assert(
      fc.property(fc.array(person, { maxLength: 3 }), fc.subarray([...FieldName.options, 'salary', '__proto__']), (people, fields) => {
        const body: unknown = JSON.parse(JSON.stringify({ fields, people }));
        sameResult(parseEvaluateRequest(body), EvaluateRequestSchema.safeParse(body));
      }),
      { numRuns: 2000 },
    );
    const proto: unknown = JSON.parse('{"fields":[],"people":[{"ref":"1","__proto__":{"a":1}},{"ref":"2","trainings":{"__proto__":null}}]}');
    sameResult(parseEvaluateRequest(proto), EvaluateRequestSchema.safeParse(proto));
  });

  it('gives the same value for a realistic 2,000-person request and its answer, and the same verdict on damaged answers', () => {
    const read = readSheet([GENERATED_HEADERS, ...generatedRows(2000)], {
      sheetName: 'P',
      date1904: false,
      board: null,
      overrides: {},
      plan: bossPoPlan,
    });
    const request: unknown = JSON.parse(
      JSON.stringify({ referenceDate: '2026-11-28', planningYear: '2026-2027', fields: read.fields, people: read.people, register: false }),
    );
    const viaZod = EvaluateRequestSchema.parse(request);
    sameResult(parseEvaluateRequest(request), EvaluateRequestSchema.safeParse(request));

    const evaluation = evaluateSheet(bossPoPlan, { ...viaZod, fields: ruleFields(viaZod.fields) }, { referenceDate: '2026-11-28', planningYear: '2026-2027' });
    const summary = summarize(bossPoPlan, [{ people: viaZod.people, evaluation }], { planningYear: '2026-2027' });
    const answer = JSON.parse(
      JSON.stringify({
        referenceDate: '2026-11-28',
        planningYear: '2026-2027',
        plan: { id: bossPoPlan.id, version: bossPoPlan.version },
        people: evaluation.people,
        findings: evaluation.findings,
        summary,
        registerRecords: 0,
      }),
    ) as { people: Record<string, unknown>[] };
    sameResult(parseEvaluateResponse(answer), EvaluateResponseSchema.safeParse(answer));

    const damage = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.constant('x'),
      fc.constant(-1),
      fc.constant([{ code: 'X' }]),
      fc.constant([{ code: 'TRAINING_MISSING', severity: 'action', message: 'm', planRef: null, extra: 1 }]),
      fc.constant({ WPB: 1, XX: 2 }),
      fc.constant(['WPB', 'CEO']),
    );
    const keys = ['ref', 'personId', 'roles', 'status', 'refresherDue', 'dueSoon', 'normHours', 'findings', 'normParts', 'completed', 'extra'];
    fc.assert(
      fc.property(fc.nat(4), fc.constantFrom(...keys), damage, (i, key, v) => {
        const people = structuredClone(answer.people.slice(0, 5));
        if (v === undefined) delete people[i]![key];
        else people[i]![key] = v;
        const doc = { ...answer, people };
        sameResult(parseEvaluateResponse(doc), EvaluateResponseSchema.safeParse(doc));
      }),
      { numRuns: 500 },
    );
  });
});
