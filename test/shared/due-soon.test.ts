// rules.md §4.14: `dueSoon`, the earliest refresher or VELON date from R to R + lookaheadDays (plan data).
import { describe, expect, it } from 'vitest';
import type { RuleField } from '../../shared/model/person';
import { addDays } from '../../shared/calendar/dates';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { loadPlan } from '../../shared/plan/schema';
import { planAssumptions } from '../../shared/report/summary-sheet';
import { codes, evaluateOne, person, R } from './helpers';

const wpbSheet: RuleField[] = ['training.WPB', 'certificate.WPB'];
const soSheet: RuleField[] = ['training.SOIO', 'certificate.SOIO', 'velonRegistration'];
const mentor = (date: string) => person({ roles: ['WPB'], trainings: { WPB: date }, certificates: { WPB: true } });
const educator = (soio: string | null, velon: string | null) =>
  person({ roles: ['SO'], trainings: { SOIO: soio }, certificates: { SOIO: true }, velonRegistration: velon });

describe('addDays', () => {
  it('counts days across months, years and 29 February', () => {
    expect(addDays('2026-11-28', 90)).toBe('2027-02-26');
    expect(addDays('2026-11-28', 91)).toBe('2027-02-27');
    expect(addDays('2027-12-01', 90)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('0050-03-01', -1)).toBe('0050-02-28');
  });
});

describe('dueSoon (§4.14)', () => {
  it('is the refresher due date when that is the reference date itself', () => {
    const r = evaluateOne(mentor('2023-11-28'), wpbSheet);
    expect(r.refresherDue).toBe(R);
    expect(r.dueSoon).toBe(R);
  });

  it('includes R + 90 days (2027-02-26) and leaves out R + 91', () => {
    expect(evaluateOne(mentor('2024-02-26'), wpbSheet).dueSoon).toBe('2027-02-26');
    const later = evaluateOne(mentor('2024-02-27'), wpbSheet);
    expect(later.refresherDue).toBe('2027-02-27');
    expect(later.dueSoon).toBeNull();
  });

  it('is null for an overdue refresher and raises no finding of its own', () => {
    const r = evaluateOne(mentor('2023-11-27'), wpbSheet);
    expect(r.refresherDue).toBe('2026-11-27');
    expect(r.dueSoon).toBeNull();
    expect(codes(r.findings)).toEqual(['REFRESHER_OVERDUE']);
    const soon = evaluateOne(mentor('2024-01-10'), wpbSheet);
    expect(soon.dueSoon).toBe('2027-01-10');
    expect(codes(soon.findings)).toEqual(['REFRESHER_DUE']);
    expect(soon.status).toBe('Actie nodig');
  });

  it('a refresher basis of 29 February falls due on 28 February; the look-ahead reaches it from 30 November', () => {
    const basis = mentor('2024-02-29');
    expect(evaluateOne(basis, wpbSheet, { referenceDate: '2026-11-30' }).dueSoon).toBe('2027-02-28');
    expect(evaluateOne(basis, wpbSheet, { referenceDate: '2026-11-29' }).dueSoon).toBeNull();
  });

  it('reaches 29 February in a leap year: a VELON expiry on 2028-02-29 is due soon from 2027-12-01', () => {
    const p = educator('2026-01-01', '2024-02-29');
    expect(evaluateOne(p, soSheet, { referenceDate: '2027-12-01', planningYear: '2027-2028' }).dueSoon).toBe('2028-02-29');
    expect(evaluateOne(p, soSheet, { referenceDate: '2027-11-30', planningYear: '2027-2028' }).dueSoon).toBeNull();
  });

  it('an overdue refresher does not hide a VELON expiry that falls due soon', () => {
    const r = evaluateOne(educator('2020-01-01', '2023-01-10'), soSheet);
    expect(codes(r.findings).sort()).toEqual(['REFRESHER_OVERDUE', 'VELON_EXPIRING']);
    expect(r.dueSoon).toBe('2027-01-10');
  });

  it('takes the earliest of refresher and VELON expiry', () => {
    expect(evaluateOne(educator('2024-01-20', '2023-02-01'), soSheet).dueSoon).toBe('2027-01-20');
    expect(evaluateOne(educator('2024-02-20', '2023-01-05'), soSheet).dueSoon).toBe('2027-01-05');
  });

  it('counts a VELON expiry for SO or IO only', () => {
    const wpb = person({ roles: ['WPB'], velonRegistration: '2023-01-10' });
    expect(evaluateOne(wpb, ['velonRegistration']).dueSoon).toBeNull();
    const io = person({ roles: ['IO'], velonRegistration: '2023-01-10' });
    expect(evaluateOne(io, ['velonRegistration']).dueSoon).toBe('2027-01-10');
  });

  it('is null without any date, and for a row without a role', () => {
    expect(evaluateOne(person({ roles: ['WPB'], trainings: { WPB: 'done' } }), wpbSheet).dueSoon).toBeNull();
    expect(evaluateOne(person({ roles: [], trainings: { WPB: '2024-01-10' } }), wpbSheet).dueSoon).toBeNull();
  });

  it('takes the look-ahead from the plan, and the summary lists it among the assumptions', () => {
    const plan = loadPlan({ ...structuredClone(bossPoPlan), dueSoon: { lookaheadDays: { ...bossPoPlan.dueSoon.lookaheadDays, value: 30 } } });
    expect(evaluateOne(mentor('2024-01-10'), wpbSheet, { plan }).dueSoon).toBeNull();
    expect(evaluateOne(mentor('2023-12-28'), wpbSheet, { plan }).dueSoon).toBe('2026-12-28');
    expect(bossPoPlan.dueSoon.lookaheadDays).toMatchObject({ value: 90, assumption: true });
    expect(planAssumptions(bossPoPlan)).toContainEqual(bossPoPlan.dueSoon.lookaheadDays);
  });
});
