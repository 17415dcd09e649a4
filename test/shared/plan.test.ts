// The plan as data: schema checks (issue 2) and the Boss po numbers of rules.md.
import { describe, expect, it } from 'vitest';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { loadPlan, PlanError } from '../../shared/plan/schema';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test breaks the plan somewhere else, on purpose
const clone = () => structuredClone(bossPoPlan) as unknown as Record<string, any>;

function problemsOf(plan: unknown): string {
  try {
    loadPlan(plan);
  } catch (e) {
    expect(e).toBeInstanceOf(PlanError);
    return (e as PlanError).message;
  }
  throw new Error('the plan was accepted');
}

describe('plan schema', () => {
  it('accepts the Boss po plan', () => {
    expect(loadPlan(structuredClone(bossPoPlan)).id).toBe('bosspo');
  });

  it('rejects a negative norm', () => {
    const plan = clone();
    plan.norms[0].parts[0].hoursEach.value = -20;
    expect(problemsOf(plan)).toContain('norms.0.parts.0.hoursEach.value');
  });

  it('rejects an unknown role code in a requirement', () => {
    const plan = clone();
    plan.requirements[0].role = 'CONCIERGE';
    expect(problemsOf(plan)).toContain('requirements.0.role');
  });

  it('rejects a requirement for a role the plan does not define', () => {
    const plan = clone();
    plan.roles = plan.roles.filter((r: { code: string }) => r.code !== 'STARTER');
    expect(problemsOf(plan)).toContain('unknown role STARTER');
  });

  it('rejects a refresher cycle of 0 years', () => {
    const plan = clone();
    plan.refresher.cycleYears.value = 0;
    expect(problemsOf(plan)).toContain('refresher.cycleYears');
  });

  it('rejects a number without a plan § that is not marked as an assumption', () => {
    const plan = clone();
    plan.meetings.minimumPerYear.planRef = null;
    expect(problemsOf(plan)).toContain('meetings.minimumPerYear');
  });

  it('holds the numbers of rules.md', () => {
    const role = (code: string) => bossPoPlan.roles.find((r) => r.code === code)?.planCount?.value ?? null;
    expect([role('WPB'), role('SO'), role('IO'), role('OBP'), role('OBI'), role('TRAINER')]).toEqual([360, 25, 13, 16, 15, 5]);
    expect(bossPoPlan.refresher.cycleYears.value).toBe(3);
    expect(bossPoPlan.calendar.weeksPerYear).toMatchObject({ value: 40, assumption: true });
    expect(bossPoPlan.velon.termYears).toMatchObject({ value: 4, assumption: true });
    expect(bossPoPlan.meetings.minimumPerYear.value).toBe(3);
  });
});
