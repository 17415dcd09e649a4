// rules.md §7: every worked example as its own test (R = 2026-11-28, P = 2026-2027). Each person sits
// on a sheet with every column the example mentions, plus a certificate column and a pairing column.
import { describe, expect, it } from 'vitest';
import type { RuleField } from '../../shared/model/person';
import type { PersonResult } from '../../shared/model/result';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { evaluateSheet } from '../../shared/rules/evaluate';
import { attachCells } from '../../shared/sheet/locate';
import { readSheet } from '../../shared/sheet/read';
import type { Cell } from '../../shared/sheet/types';
import { codes, evaluateOne, only, person, P, R } from './helpers';

/** Examples whose cells are text (spec v2): one row under these headers, read and checked as the CLI does. */
function fromSheet(cells: Record<string, Cell>): PersonResult {
  const headers = ['Rol', 'Certificaat WPB', 'Certificaat SO/IO', 'Gekoppeld aan', ...Object.keys(cells).filter((h) => h !== 'Rol')];
  const row = headers.map((h) => cells[h] ?? null);
  const read = readSheet([headers, row], { sheetName: 'Personeel', date1904: false, board: 'BOOR', plan: bossPoPlan });
  expect(read.problems).toEqual([]);
  return attachCells(evaluateSheet(bossPoPlan, read, { referenceDate: R, planningYear: P }), read).people[0]!;
}

const base: RuleField[] = ['certificate.WPB', 'certificate.SOIO', 'pairedWith'];
const withFields = (...fields: RuleField[]) => [...base, ...fields];

describe('rules.md §7 worked examples', () => {
  it('1: a trained, certified mentor with 2 students is in order', () => {
    const r = evaluateOne(
      person({ roles: ['WPB'], students: 2, trainings: { WPB: '2025-03-12' }, certificates: { WPB: true } }),
      withFields('students', 'training.WPB'),
    );
    expect(r.status).toBe('In orde');
    expect(r.findings).toEqual([]);
    expect(r.refresherDue).toBe('2028-03-12');
    expect(r.normHours).toBe(40);
  });

  it('2: a mentor with a student and no training is not in order', () => {
    const r = evaluateOne(person({ roles: ['WPB'], students: 1, trainings: { WPB: null } }), withFields('students', 'training.WPB'));
    expect(r.status).toBe('Niet in orde');
    expect(codes(r.findings).sort()).toEqual(['STUDENT_WITHOUT_CERTIFIED_WPB', 'TRAINING_MISSING(WPB)']);
    expect(only(r.findings, 'STUDENT_WITHOUT_CERTIFIED_WPB').severity).toBe('critical');
    expect(only(r.findings, 'TRAINING_MISSING').severity).toBe('action');
    expect(r.refresherDue).toBeNull();
    expect(r.normHours).toBe(20);
  });

  it('3: a trained mentor without certificate and no students needs action', () => {
    const r = evaluateOne(
      person({ roles: ['WPB'], students: 0, trainings: { WPB: '2025-10-01' }, certificates: { WPB: false } }),
      withFields('students', 'training.WPB'),
    );
    expect(r.status).toBe('Actie nodig');
    expect(codes(r.findings)).toEqual(['CERTIFICATE_MISSING(WPB)']);
    expect(r.refresherDue).toBe('2028-10-01');
    expect(r.normHours).toBe(0);
  });

  it('4: a mentor trained in September 2023 is overdue for the refresher', () => {
    const r = evaluateOne(
      person({ roles: ['WPB'], trainings: { WPB: '2023-09-01' }, certificates: { WPB: true }, students: null }),
      withFields('students', 'training.WPB'),
    );
    expect(r.status).toBe('Actie nodig');
    expect(codes(r.findings)).toEqual(['REFRESHER_OVERDUE']);
    expect(r.refresherDue).toBe('2026-09-01');
    expect(r.findings[0]!.message).toContain('01-09-2026');
    expect(r.normHours).toBeNull();
  });

  it('5: a school- and institute educator with 100 of 320 hours and a refresher due', () => {
    const r = evaluateOne(
      person({ roles: ['SO', 'IO'], trainings: { SOIO: '2024-05-15' }, certificates: { SOIO: true }, hoursGranted: 100 }),
      withFields('training.SOIO', 'hoursGranted'),
    );
    expect(r.status).toBe('Actie nodig');
    expect(codes(r.findings).sort()).toEqual(['REFRESHER_DUE', 'UNDER_FACILITATED']);
    const under = only(r.findings, 'UNDER_FACILITATED');
    expect(under.message).toContain('100');
    expect(under.message).toContain('320');
    expect(r.refresherDue).toBe('2027-05-15');
    expect(r.normHours).toBe(320);
    expect(r.roles).toEqual(['IO', 'SO']);
  });

  it('6: a new schoolopleider without a partner is in order with PAIRING_MISSING as info', () => {
    const r = evaluateOne(
      person({ roles: ['SO'], roleStart: '2026-02-01', pairedWith: null, trainings: { SOIO: '2026-01-01' }, certificates: { SOIO: true } }),
      withFields('roleStart', 'training.SOIO'),
    );
    expect(r.status).toBe('In orde');
    expect(codes(r.findings)).toEqual(['PAIRING_MISSING']);
    expect(r.findings[0]!.severity).toBe('info');
    expect(r.refresherDue).toBe('2029-01-01');
    expect(r.normHours).toBe(160);
  });

  it('7: an onderzoeksbegeleider trained on an unknown date needs the data checked', () => {
    const r = evaluateOne(person({ roles: ['OBP'], graduates: 2, trainings: { OB: 'done' } }), withFields('graduates', 'training.OB'));
    expect(r.roles).toEqual(['OBP']);
    expect(r.status).toBe('Gegevens controleren');
    expect(codes(r.findings)).toEqual(['DATE_UNKNOWN']);
    expect(r.refresherDue).toBeNull();
    expect(r.normHours).toBe(6);
  });

  it('8: an unknown role beside WPB and an unreadable training date need the data checked', () => {
    const r = evaluateOne(
      person({ roles: ['WPB'], unknownRoles: ['vertrouwenspersoon'], trainings: { WPB: { invalid: 'gepland' } } }),
      withFields('training.WPB'),
    );
    expect(r.status).toBe('Gegevens controleren');
    expect(codes(r.findings)).toEqual(['UNKNOWN_ROLE', 'INVALID_DATE']);
    expect(r.findings[0]!.message).toContain('vertrouwenspersoon');
    expect(r.findings[1]!.message).toContain('gepland');
    expect(r.findings[1]!.field).toBe('training.WPB');
    expect(r.findings.every((f) => f.planRef === null)).toBe(true);
  });

  it('9: an onderzoeksbegeleider at the pabo (OBI) needs no initial training; norm 22 hours', () => {
    const r = evaluateOne(
      person({ board: 'Pabo HR', roles: ['OBI'], graduates: 3, secondAssessments: 2, trainings: { OB: null } }),
      withFields('graduates', 'secondAssessments', 'training.OB'),
    );
    expect(r.status).toBe('In orde');
    expect(r.findings).toEqual([]);
    expect(r.normHours).toBe(22);
    expect(r.normParts).toEqual({ OBI: 22 });
  });

  it('10: a starting teacher without a coach needs action', () => {
    const r = evaluateOne(person({ roles: ['STARTER'], coach: null }), withFields('coach'));
    expect(r.status).toBe('Actie nodig');
    expect(codes(r.findings)).toEqual(['STARTER_WITHOUT_COACH']);
  });

  it('11: an expired VELON registration is info; the schoolopleider is in order', () => {
    const r = evaluateOne(
      person({ roles: ['SO'], trainings: { SOIO: '2026-10-10' }, certificates: { SOIO: true }, velonRegistration: '2022-03-01' }),
      withFields('training.SOIO', 'velonRegistration'),
    );
    expect(r.status).toBe('In orde');
    expect(codes(r.findings)).toEqual(['VELON_EXPIRED']);
    expect(r.findings[0]!.severity).toBe('info');
    expect(r.findings[0]!.message).toContain('01-03-2026');
    expect(r.refresherDue).toBe('2029-10-10');
  });

  it('12: a training date in the future does not count', () => {
    const r = evaluateOne(person({ roles: ['WPB'], trainings: { WPB: '2027-02-01' }, students: 1 }), withFields('training.WPB', 'students'));
    expect(r.status).toBe('Niet in orde');
    expect(codes(r.findings)).toEqual(['FUTURE_DATE', 'TRAINING_MISSING(WPB)', 'STUDENT_WITHOUT_CERTIFIED_WPB']);
    expect(r.findings[0]!.field).toBe('training.WPB');
    expect(r.findings[0]!.planRef).toBeNull();
  });

  it('13: a row with a name only holds no role', () => {
    const r = evaluateOne(person({}), withFields('training.WPB', 'students'));
    expect(r.status).toBe('Geen OS-rol');
    expect(r.findings).toEqual([]);
    expect(r.roles).toEqual([]);
    expect(r.refresherDue).toBeNull();
    expect(r.normHours).toBeNull();
  });

  it('14: a trainer without the (advised) trainer training is in order with an info finding', () => {
    const r = evaluateOne(person({ board: 'Pabo HR', roles: ['TRAINER'], trainings: { TRAINER: null } }), withFields('training.TRAINER'));
    expect(r.status).toBe('In orde');
    expect(codes(r.findings)).toEqual(['TRAINING_MISSING(TRAINER)']);
    expect(r.findings[0]!.severity).toBe('info');
    expect(r.normHours).toBeNull();
  });

  it('15: only an unrecognised role and an unreadable date: data to check, no roles', () => {
    const r = evaluateOne(
      person({ roles: [], unknownRoles: ['ICT-coördinator'], trainings: { WPB: { invalid: 'volgt' } } }),
      withFields('training.WPB'),
    );
    expect(r.status).toBe('Gegevens controleren');
    expect(codes(r.findings)).toEqual(['UNKNOWN_ROLE', 'INVALID_DATE']);
    expect(r.findings[0]!.token).toBe('ICT-coördinator');
    expect(r.roles).toEqual([]);
  });

  it('16: an exempted mentor (reason with a year) is overdue for the refresher and needs no certificate', () => {
    const r = fromSheet({ Rol: 'WPB', 'Aantal studenten': 2, 'Scholing WPB': 'Vrijgesteld: mentorcursus Inholland 2022', 'Certificaat WPB': null });
    expect(r.status).toBe('Actie nodig');
    expect(codes(r.findings).sort()).toEqual(['EXEMPTION(WPB)', 'REFRESHER_OVERDUE']);
    const exemption = only(r.findings, 'EXEMPTION');
    expect(exemption.severity).toBe('info');
    expect(exemption.message).toContain('Reden: mentorcursus Inholland 2022');
    expect(exemption.message).toContain('Scholing werkplekbegeleiders');
    expect(r.refresherDue).toBe('2025-01-01');
    expect(r.normHours).toBe(40);
  });

  it('17: an exemption without a date: the refresher date is unknown; no certificate or student finding', () => {
    const r = fromSheet({ Rol: 'WPB', 'Aantal studenten': 1, 'Scholing WPB': 'vrijstelling', 'Certificaat WPB': 'nee' });
    expect(r.status).toBe('Gegevens controleren');
    expect(codes(r.findings).sort()).toEqual(['DATE_UNKNOWN', 'EXEMPTION(WPB)']);
    expect(r.refresherDue).toBeNull();
    expect(r.normHours).toBe(20);
  });

  it('18: "nvt" students and "-" hours are 0: in order, norm 0', () => {
    const r = fromSheet({ Rol: 'WPB', 'Aantal studenten': 'nvt', 'Scholing WPB': '12-03-2025', 'Certificaat WPB': 'ja', 'Toegekende uren': '-' });
    expect(r.status).toBe('In orde');
    expect(r.findings).toEqual([]);
    expect(r.normHours).toBe(0);
  });

  it('19: a refresher due on 10 January 2027 is due soon (R + 90 days = 26 February 2027)', () => {
    const r = evaluateOne(
      person({ roles: ['SO'], trainings: { SOIO: '2024-01-10' }, certificates: { SOIO: true } }),
      withFields('training.SOIO'),
    );
    expect(r.status).toBe('Actie nodig');
    expect(codes(r.findings)).toEqual(['REFRESHER_DUE']);
    expect(r.refresherDue).toBe('2027-01-10');
    expect(r.dueSoon).toBe('2027-01-10');
  });

  it('20: a register REFRESH record is the refresher basis', () => {
    const r = evaluateOne(
      person({ personId: '20', roles: ['WPB'], trainings: { WPB: '2024-01-01' }, certificates: { WPB: true } }),
      withFields('training.WPB'),
      { register: [{ board: 'BOOR', personId: '20', training: 'REFRESH', date: '2026-10-01' }] },
    );
    expect(r.status).toBe('In orde');
    expect(r.findings).toEqual([]);
    expect(r.refresherDue).toBe('2029-10-01');
  });

  it('21: "geen" hours granted is 0 of a norm of 40', () => {
    const r = fromSheet({ Rol: 'WPB', 'Aantal studenten': 2, 'Scholing WPB': '12-03-2025', 'Certificaat WPB': 'ja', 'Toegekende uren': 'geen' });
    expect(r.status).toBe('Actie nodig');
    expect(codes(r.findings)).toEqual(['UNDER_FACILITATED']);
    expect(only(r.findings, 'UNDER_FACILITATED').message).toContain('0 van 40');
    expect(r.normHours).toBe(40);
  });
});
