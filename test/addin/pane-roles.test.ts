// The task pane's role views and the "last sent" check of a board's need (issue 6), without a browser.
import { describe, expect, it } from 'vitest';
import { maySubmit, viewsFor } from '../../addin/src/roles';
import { needsBody } from '../../shared/api/needs';
import { loadSubmission, needsHash, saveSubmission, submissionState, submittedText } from '../../addin/src/submission';
import type { Summary } from '../../shared/model/summary';

const summary = (wpb: number): Summary => ({
  needs: { WPB: { initial: wpb, groups: 1, trainerHours: 18 } },
  pools: { trainers: { trainerHours: 18, perTrainer: 3.6 }, 'docent-onderzoekers': { trainerHours: 0 } },
  keyFigures: {
    studentsPlaced: 3,
    studentsWithCertifiedWpb: 2,
    wpbTrainedShare: 0.5,
    soioTrainedShare: null,
    schoolsWithTrainedOb: null,
    schools: null,
    refreshersOverdue: 0,
    refreshersDue: 1,
  },
  roles: { WPB: { count: 3, plan: 360 } },
  facilitation: { WPB: { normHours: 60, hoursGranted: 40 }, total: { normHours: 60, hoursGranted: 40 } },
  exemptions: {},
  perSchool: null,
} as Summary);

function memorySettings() {
  const store: Record<string, unknown> = {};
  return {
    store,
    get: (k: string) => store[k] ?? null,
    set: (k: string, v: unknown) => void (store[k] = JSON.parse(JSON.stringify(v))),
    saveAsync: (cb?: (r: { status: string }) => void) => cb?.({ status: 'succeeded' }),
  };
}

describe('views per role', () => {
  it('a board checks only; the pabo also makes the demand, registers and reads the overview; the stuurgroep reads the overview', () => {
    expect(viewsFor({ roles: ['board'] })).toEqual(['check']);
    expect(viewsFor({ roles: ['pabo'] })).toEqual(['check', 'demand', 'register', 'overview']);
    expect(viewsFor({ roles: ['stuurgroep'] })).toEqual(['overview', 'check']);
  });

  it('without a known role (no API, unknown key) only the check', () => {
    expect(viewsFor(null)).toEqual(['check']);
  });

  it('a signed-in user holding two roles gets both roles\' views, the strongest first', () => {
    expect(viewsFor({ roles: ['board', 'stuurgroep'] })).toEqual(['overview', 'check']);
    expect(viewsFor({ roles: ['stuurgroep', 'pabo'] })).toEqual(['check', 'demand', 'register', 'overview']);
  });

  it('a board sends only its own need (compared like the API: case and spaces), the pabo any board\'s, the stuurgroep none', () => {
    const boor = { roles: ['board' as const], boards: ['Primo Schiedam'] };
    expect(maySubmit(boor, ' primo  schiedam ')).toBe(true);
    expect(maySubmit(boor, 'BOOR')).toBe(false);
    expect(maySubmit({ roles: ['pabo'], boards: [] }, 'BOOR')).toBe(true);
    expect(maySubmit({ roles: ['stuurgroep'], boards: [] }, 'BOOR')).toBe(false);
    expect(maySubmit({ roles: ['pabo'], boards: [] }, '  ')).toBe(false);
    expect(maySubmit(null, 'BOOR')).toBe(false);
  });
});

describe('the last submission of a board\'s need', () => {
  it('the body is the summary\'s needs, key figures, roles, facilitation and exemptions (no pools)', () => {
    const body = needsBody(summary(2));
    expect(Object.keys(body).sort()).toEqual(['exemptions', 'facilitation', 'keyFigures', 'needs', 'roles']);
    expect(body.needs.WPB?.initial).toBe(2);
  });

  it('the fingerprint ignores key order and what the server does not keep, and changes with a count', () => {
    const body = needsBody(summary(2));
    const reordered = { exemptions: body.exemptions, roles: body.roles, facilitation: body.facilitation, keyFigures: body.keyFigures, needs: body.needs, submittedAt: 'x', version: 3 };
    expect(needsHash(reordered)).toBe(needsHash(body));
    expect(needsHash(needsBody(summary(3)))).not.toBe(needsHash(body));
    expect(needsHash(body)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('says unchanged when the newest known submission has the current fingerprint, changed otherwise, nothing before the first', () => {
    const body = needsBody(summary(2));
    const same = { submittedAt: '2026-11-28T10:00:00.000Z', version: 2, hash: needsHash(body) };
    const older = { submittedAt: '2026-11-01T10:00:00.000Z', version: 1, hash: needsHash(needsBody(summary(5))) };
    expect(submissionState(body, same, older)).toEqual({ last: same, changed: false });
    // A colleague sent a newer version from another workbook: the server's record wins.
    expect(submissionState(needsBody(summary(5)), same, older)).toEqual({ last: same, changed: true });
    expect(submissionState(body, null, older)).toEqual({ last: older, changed: true });
    expect(submissionState(body, null, null)).toEqual({ last: null, changed: null });
  });

  it('is remembered in the workbook per school year and board, and unreadable settings are ignored', async () => {
    const settings = memorySettings();
    const record = { submittedAt: '2026-11-28T10:00:00.000Z', version: 1, hash: 'abcdef0123456789' };
    await saveSubmission(settings, '2026-2027', 'BOOR', record);
    expect(loadSubmission(settings, '2026-2027', 'boor')).toEqual(record);
    expect(loadSubmission(settings, '2027-2028', 'BOOR')).toBeNull();
    settings.store['bosspo.submissions'] = { '2026-2027|boor': { version: 'one' } };
    expect(loadSubmission(settings, '2026-2027', 'BOOR')).toBeNull();
  });

  it('shows the time as the user reads it in Amsterdam', () => {
    expect(submittedText('2026-11-28T10:15:00.000Z', 'nl')).toBe('28-11-2026 11:15');
    expect(submittedText('2026-07-01T10:15:00.000Z', 'nl')).toBe('01-07-2026 12:15');
    expect(submittedText('not a time', 'nl')).toBe('not a time');
  });
});
