// Properties of evaluate that must hold for every schema-valid input (issue 2, fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../shared/model/person';
import { SheetEvaluationSchema, type Finding, type PersonResult } from '../../shared/model/result';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { PERSON_TRAINING_CODES } from '../../shared/plan/schema';
import { roleMask, sheetContext } from '../../shared/rules/context';
import { unknownRoleTokens } from '../../shared/rules/data-quality';
import { evaluateSheet, RULES, SHEET_RULES } from '../../shared/rules/evaluate';
import { PersonOutcome } from '../../shared/rules/rule';
import { PersonView } from '../../shared/rules/view';
import { addDays, addYears } from '../../shared/calendar/dates';
import { isoDate, registerArb, sheetArb } from './arbitraries';
import { P, R } from './helpers';

const options = { referenceDate: R, planningYear: P };
const runs = { numRuns: 300 };

function expectedStatus(result: PersonResult): string {
  if (result.findings.some((f) => f.severity === 'critical')) return 'Niet in orde';
  if (result.findings.some((f) => f.severity === 'action')) return 'Actie nodig';
  if (result.findings.some((f) => f.severity === 'warning')) return 'Gegevens controleren';
  return 'In orde';
}

const missing = (findings: Finding[]) => findings.filter((f) => f.code === 'TRAINING_MISSING').map((f) => f.training);

describe('evaluate: properties', () => {
  it('never throws on schema-valid input and answers in the result schema', () => {
    fc.assert(
      fc.property(sheetArb(), registerArb(), (sheet, register) => {
        const evaluation = evaluateSheet(bossPoPlan, sheet, { ...options, register });
        SheetEvaluationSchema.parse(evaluation);
        expect(evaluation.people).toHaveLength(sheet.people.length);
      }),
      runs,
    );
  });

  it('each rule of the list raises only the finding codes it names', () => {
    fc.assert(
      fc.property(sheetArb(), registerArb(), (sheet, register) => {
        const ctx = sheetContext(bossPoPlan, sheet.fields, { ...options, register });
        const view = new PersonView(ctx);
        const out = new PersonOutcome();
        for (const p of sheet.people) {
          view.load(p, roleMask(p.roles ?? []), unknownRoleTokens(p.unknownRoles));
          out.reset();
          for (const rule of RULES) {
            const before = out.count;
            rule.apply(ctx, view, out);
            for (const f of out.findings().slice(before)) expect(rule.codes, rule.name).toContain(f.code);
          }
        }
        const schools = SHEET_RULES.find((r) => r.name === 'schools')!;
        for (const f of evaluateSheet(bossPoPlan, sheet, { ...options, register }).findings) expect(schools.codes).toContain(f.code);
      }),
      runs,
    );
  });

  it('the status always follows from the findings (§4.11)', () => {
    fc.assert(
      fc.property(sheetArb(), registerArb(), (sheet, register) => {
        const evaluation = evaluateSheet(bossPoPlan, sheet, { ...options, register });
        for (const result of evaluation.people) {
          if (result.status === 'Geen OS-rol') {
            expect(result.findings).toEqual([]);
            expect(result.roles).toEqual([]);
          } else expect(result.status).toBe(expectedStatus(result));
        }
      }),
      runs,
    );
  });

  it('adding a completed training date never adds a TRAINING_MISSING', () => {
    fc.assert(
      fc.property(
        sheetArb({ maxPeople: 5 }),
        fc.constantFrom(...PERSON_TRAINING_CODES),
        isoDate(R),
        fc.nat(),
        (sheet, training, date, pick) => {
          fc.pre(sheet.people.length > 0);
          const i = pick % sheet.people.length;
          const before = evaluateSheet(bossPoPlan, sheet, options).people[i]!;
          const person = sheet.people[i]!;
          const changed: Person = { ...person, trainings: { ...person.trainings, [training]: date } };
          const people = sheet.people.map((p, j) => (j === i ? changed : p));
          const fields = sheet.fields.includes(`training.${training}`) ? sheet.fields : [...sheet.fields, `training.${training}` as const];
          const after = evaluateSheet(bossPoPlan, { fields, people }, options).people[i]!;
          for (const t of missing(after.findings)) expect(missing(before.findings)).toContain(t);
          expect(missing(after.findings)).not.toContain(training);
        },
      ),
      runs,
    );
  });

  it('a later reference date never removes a REFRESHER_OVERDUE', () => {
    fc.assert(
      fc.property(sheetArb({ until: R }), registerArb({ until: R }), fc.integer({ min: 1, max: 2000 }), (sheet, register, days) => {
        const later = new Date(Date.parse(R) + days * 86_400_000).toISOString().slice(0, 10);
        const before = evaluateSheet(bossPoPlan, sheet, { ...options, register });
        const after = evaluateSheet(bossPoPlan, sheet, { ...options, referenceDate: later, register });
        before.people.forEach((b, i) => {
          if (b.findings.some((f) => f.code === 'REFRESHER_OVERDUE'))
            expect(after.people[i]!.findings.map((f) => f.code)).toContain('REFRESHER_OVERDUE');
        });
      }),
      runs,
    );
  });

  it('dueSoon lies from R to R + 90 days, is the refresher date or a SO/IO VELON expiry, and the earliest (§4.14)', () => {
    const until = addDays(R, bossPoPlan.dueSoon.lookaheadDays.value);
    const soon = (d: string | null) => d !== null && d >= R && d <= until;
    fc.assert(
      fc.property(sheetArb(), registerArb(), (sheet, register) => {
        const evaluation = evaluateSheet(bossPoPlan, sheet, { ...options, register });
        evaluation.people.forEach((result, i) => {
          const person = sheet.people[i]!;
          const velon =
            sheet.fields.includes('velonRegistration') &&
            (result.roles.includes('SO') || result.roles.includes('IO')) &&
            typeof person.velonRegistration === 'string'
              ? addYears(person.velonRegistration, 4)
              : null;
          const candidates = [result.refresherDue, velon].filter(soon).sort();
          expect(result.dueSoon).toBe(candidates[0] ?? null);
          if (result.status === 'Geen OS-rol') expect(result.dueSoon).toBeNull();
        });
      }),
      runs,
    );
  });

  it('an exemption counts as completed without a certificate, and gives one EXEMPTION per exempted cell of a row with a role (§4.13)', () => {
    fc.assert(
      fc.property(sheetArb(), registerArb(), (sheet, register) => {
        const evaluation = evaluateSheet(bossPoPlan, sheet, { ...options, register });
        evaluation.people.forEach((result, i) => {
          const person = sheet.people[i]!;
          const exempted = PERSON_TRAINING_CODES.filter((t) => {
            const v = person.trainings?.[t];
            return sheet.fields.includes(`training.${t}`) && v !== null && typeof v === 'object' && 'exempt' in v;
          });
          const raised = result.findings.filter((f) => f.code === 'EXEMPTION');
          expect(raised.map((f) => f.training)).toEqual(result.roles.length > 0 ? exempted : []);
          for (const f of raised) expect(f).toMatchObject({ severity: 'info', planRef: '§2' });
          for (const t of exempted) {
            if (result.roles.length === 0) continue;
            expect(result.completed).toContain(t);
            expect(missing(result.findings)).not.toContain(t);
            expect(result.findings.filter((f) => f.code === 'CERTIFICATE_MISSING').map((f) => f.training)).not.toContain(t);
            if (t === 'WPB') expect(result.findings.map((f) => f.code)).not.toContain('STUDENT_WITHOUT_CERTIFIED_WPB');
            expect(result.findings.some((f) => f.code === 'FUTURE_DATE' && f.field === `training.${t}`)).toBe(false);
          }
        });
      }),
      runs,
    );
  });

  it('is deterministic and independent of the row order', () => {
    fc.assert(
      fc.property(
        sheetArb().chain((sheet) => fc.tuple(fc.constant(sheet), fc.shuffledSubarray(sheet.people, { minLength: sheet.people.length }))),
        registerArb(),
        ([sheet, shuffled], register) => {
          const a = evaluateSheet(bossPoPlan, sheet, { ...options, register });
          const again = evaluateSheet(bossPoPlan, sheet, { ...options, register });
          expect(again).toEqual(a);
          const b = evaluateSheet(bossPoPlan, { fields: sheet.fields, people: shuffled }, { ...options, register });
          const byRef = new Map(b.people.map((p) => [p.ref, p]));
          for (const p of a.people) expect(byRef.get(p.ref)).toEqual(p);
          const key = (f: { code: string; school: string }) => `${f.code}|${f.school.trim().toLowerCase()}`;
          expect(b.findings.map(key).sort()).toEqual(a.findings.map(key).sort());
          expect(b.schools).toEqual(a.schools);
        },
      ),
      runs,
    );
  });
});
