// Edges of each rule of rules.md §4 at R = 2026-11-28, P = 2026-2027 (end 2027-07-31).
import { describe, expect, it } from 'vitest';
import type { RuleField } from '../../shared/model/person';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { loadPlan } from '../../shared/plan/schema';
import { evaluateSheet } from '../../shared/rules/evaluate';
import { codes, evaluateOne, only, person, P, R } from './helpers';

const wpbSheet: RuleField[] = ['training.WPB', 'certificate.WPB', 'students', 'lastRefresher'];
const certifiedWpb = (date: string) => person({ roles: ['WPB'], trainings: { WPB: date }, certificates: { WPB: true } });

describe('refresher cycle (§4.3)', () => {
  it('is due, not overdue, when the due date equals the reference date', () => {
    const r = evaluateOne(certifiedWpb('2023-11-28'), wpbSheet);
    expect(r.refresherDue).toBe(R);
    expect(codes(r.findings)).toEqual(['REFRESHER_DUE']);
  });

  it('is overdue when the due date is the day before the reference date', () => {
    const r = evaluateOne(certifiedWpb('2023-11-27'), wpbSheet);
    expect(codes(r.findings)).toEqual(['REFRESHER_OVERDUE']);
    expect(r.status).toBe('Actie nodig');
  });

  it('is due when it falls on 31 July that ends the planning year', () => {
    const r = evaluateOne(certifiedWpb('2024-07-31'), wpbSheet);
    expect(r.refresherDue).toBe('2027-07-31');
    expect(codes(r.findings)).toEqual(['REFRESHER_DUE']);
  });

  it('raises nothing when due on 1 August after the planning year, but reports the due date', () => {
    const r = evaluateOne(certifiedWpb('2024-08-01'), wpbSheet);
    expect(r.refresherDue).toBe('2027-08-01');
    expect(r.findings).toEqual([]);
    expect(r.status).toBe('In orde');
  });

  it('turns a 29 February basis into 28 February when the due year has none', () => {
    const r = evaluateOne(certifiedWpb('2024-02-29'), wpbSheet);
    expect(r.refresherDue).toBe('2027-02-28');
    expect(codes(r.findings)).toEqual(['REFRESHER_DUE']);
  });

  it('keeps 29 February when the cycle lands on a leap year (4-year plan cycle)', () => {
    const plan = loadPlan({
      ...bossPoPlan,
      refresher: { ...bossPoPlan.refresher, cycleYears: { ...bossPoPlan.refresher.cycleYears, value: 4 } },
    });
    const r = evaluateOne(certifiedWpb('2024-02-29'), wpbSheet, { plan });
    expect(r.refresherDue).toBe('2028-02-29');
  });

  it('takes the latest of the training date and the last refresher', () => {
    const r = evaluateOne(
      person({ roles: ['WPB'], trainings: { WPB: '2019-05-01' }, certificates: { WPB: true }, lastRefresher: '2025-01-15' }),
      wpbSheet,
    );
    expect(r.refresherDue).toBe('2028-01-15');
    expect(r.findings).toEqual([]);
  });

  it('ignores a training date that is no basis for the person’s roles', () => {
    const r = evaluateOne(
      person({ roles: ['WPB'], trainings: { WPB: null, SOIO: '2025-01-01' } }),
      [...wpbSheet, 'training.SOIO'],
    );
    expect(r.refresherDue).toBeNull();
    expect(codes(r.findings)).toEqual(['TRAINING_MISSING(WPB)']);
  });

  it('raises DATE_UNKNOWN when the last refresher reads "done" and there is no date', () => {
    const r = evaluateOne(person({ roles: ['WPB'], trainings: { WPB: null }, lastRefresher: 'done' }), wpbSheet);
    const f = only(r.findings, 'DATE_UNKNOWN');
    expect(f.field).toBe('lastRefresher');
    expect(r.refresherDue).toBeNull();
  });

  it('uses a dated last refresher when the training reads "done"', () => {
    const r = evaluateOne(
      person({ roles: ['WPB'], trainings: { WPB: 'done' }, certificates: { WPB: true }, lastRefresher: '2024-03-01' }),
      wpbSheet,
    );
    expect(r.refresherDue).toBe('2027-03-01');
    expect(codes(r.findings)).toEqual(['REFRESHER_DUE']);
  });

  it('gives an OBI without any date nothing', () => {
    const r = evaluateOne(person({ roles: ['OBI'], trainings: { OB: null } }), ['training.OB', 'lastRefresher']);
    expect(r.findings).toEqual([]);
    expect(r.refresherDue).toBeNull();
  });

  it('takes the cycle length from the plan', () => {
    const plan = loadPlan({
      ...bossPoPlan,
      refresher: { ...bossPoPlan.refresher, cycleYears: { ...bossPoPlan.refresher.cycleYears, value: 2 } },
    });
    const r = evaluateOne(certifiedWpb('2025-03-12'), wpbSheet, { plan });
    expect(r.refresherDue).toBe('2027-03-12');
    expect(codes(r.findings)).toEqual(['REFRESHER_DUE']);
  });
});

describe('people holding several roles', () => {
  it('SO and IO in one person: one SOIO training finding, norm 4 h a week for each role, one cycle', () => {
    const r = evaluateOne(person({ roles: ['SO', 'IO'], trainings: { SOIO: null } }), ['training.SOIO', 'certificate.SOIO']);
    expect(codes(r.findings)).toEqual(['TRAINING_MISSING(SOIO)']);
    expect(r.normHours).toBe(320);
    expect(r.normParts).toEqual({ SO: 160, IO: 160 });
  });

  it('WPB and OBP: both trainings checked, norm parts per role, refresher from the later training', () => {
    const r = evaluateOne(
      person({
        roles: ['OBP', 'WPB'],
        trainings: { WPB: '2024-01-10', OB: '2024-06-01' },
        certificates: { WPB: true },
        students: 1,
        graduates: 2,
      }),
      ['training.WPB', 'training.OB', 'certificate.WPB', 'students', 'graduates'],
    );
    expect(r.normParts).toEqual({ WPB: 20, OBP: 6 });
    expect(r.normHours).toBe(26);
    expect(r.refresherDue).toBe('2027-06-01');
    expect(codes(r.findings)).toEqual(['REFRESHER_DUE']);
  });

  it('WPB and OBP without trainings: a TRAINING_MISSING for each', () => {
    const r = evaluateOne(person({ roles: ['WPB', 'OBP'], trainings: {} }), ['training.WPB', 'training.OB']);
    expect(codes(r.findings)).toEqual(['TRAINING_MISSING(WPB)', 'TRAINING_MISSING(OB)']);
    expect(r.roles).toEqual(['OBP', 'WPB']);
  });
});

describe('absent column versus empty cell', () => {
  it('core training: absent column gives one DATA_MISSING, an empty cell TRAINING_MISSING', () => {
    const absent = evaluateOne(person({ roles: ['WPB', 'SO'] }), ['students']);
    expect(codes(absent.findings)).toEqual(['DATA_MISSING']);
    expect(absent.findings[0]!.message).toContain('scholing werkplekbegeleiders');
    expect(absent.findings[0]!.message).toContain('scholing school- en instituutsopleiders');
    expect(absent.status).toBe('Gegevens controleren');
    const empty = evaluateOne(person({ roles: ['WPB', 'SO'] }), ['training.WPB', 'training.SOIO']);
    expect(codes(empty.findings)).toEqual(['TRAINING_MISSING(WPB)', 'TRAINING_MISSING(SOIO)']);
  });

  it('optional trainings: absent column gives nothing, an empty cell a finding (info when advised)', () => {
    const roles = ['TRAINER', 'INTERVISOR', 'STARTER'] as const;
    expect(evaluateOne(person({ roles: [...roles] }), []).findings).toEqual([]);
    const r = evaluateOne(person({ roles: [...roles] }), ['training.TRAINER', 'training.INTERVISOR', 'training.INWERK']);
    expect(r.findings.map((f) => `${f.code}(${f.training}):${f.severity}`)).toEqual([
      'TRAINING_MISSING(TRAINER):info',
      'TRAINING_MISSING(INTERVISOR):info',
      'TRAINING_MISSING(INWERK):action',
    ]);
  });

  it('a value for a column the sheet lacks is ignored', () => {
    const r = evaluateOne(
      person({ roles: ['WPB'], trainings: { WPB: '2025-01-01' }, lastRefresher: '2026-01-01', students: { invalid: 'x' } }),
      ['training.WPB'],
    );
    expect(r.refresherDue).toBe('2028-01-01');
    expect(r.normHours).toBeNull();
    expect(r.findings).toEqual([]);
  });

  it('certificate: no column means no CERTIFICATE_MISSING; an empty cell raises it', () => {
    const p = person({ roles: ['WPB', 'SO'], trainings: { WPB: '2025-01-01', SOIO: '2025-02-01' } });
    expect(evaluateOne(p, ['training.WPB', 'training.SOIO']).findings).toEqual([]);
    const r = evaluateOne(p, ['training.WPB', 'training.SOIO', 'certificate.WPB', 'certificate.SOIO']);
    expect(codes(r.findings)).toEqual(['CERTIFICATE_MISSING(WPB)', 'CERTIFICATE_MISSING(SOIO)']);
  });

  it('lastRefresher: absent column and empty cell both leave the basis to the training', () => {
    const p = certifiedWpb('2025-01-01');
    expect(evaluateOne(p, ['training.WPB']).refresherDue).toBe('2028-01-01');
    expect(evaluateOne(p, ['training.WPB', 'lastRefresher']).refresherDue).toBe('2028-01-01');
  });

  it('roleStart and pairedWith: pairing is checked only when both columns are there', () => {
    const p = person({ roles: ['IO'], trainings: { SOIO: '2026-06-01' }, roleStart: '2026-09-01' });
    expect(evaluateOne(p, ['training.SOIO', 'roleStart']).findings).toEqual([]);
    expect(evaluateOne(p, ['training.SOIO', 'pairedWith']).findings).toEqual([]);
    expect(codes(evaluateOne(p, ['training.SOIO', 'roleStart', 'pairedWith']).findings)).toEqual(['PAIRING_MISSING']);
    const unknownStart = person({ roles: ['IO'], trainings: { SOIO: '2026-06-01' }, roleStart: null });
    expect(evaluateOne(unknownStart, ['training.SOIO', 'roleStart', 'pairedWith']).findings).toEqual([]);
    const paired = person({ roles: ['IO'], trainings: { SOIO: '2026-06-01' }, roleStart: '2026-09-01', pairedWith: true });
    expect(evaluateOne(paired, ['training.SOIO', 'roleStart', 'pairedWith']).findings).toEqual([]);
  });

  it('pairing: "new" means the role started after one year before the reference date', () => {
    const at = (roleStart: string) =>
      evaluateOne(person({ roles: ['SO'], trainings: { SOIO: '2026-06-01' }, roleStart }), ['training.SOIO', 'roleStart', 'pairedWith']);
    expect(at('2025-11-28').findings).toEqual([]);
    expect(codes(at('2025-11-29').findings)).toEqual(['PAIRING_MISSING']);
  });

  it('velonRegistration: absent column or empty cell gives nothing', () => {
    const p = person({ roles: ['SO'], trainings: { SOIO: '2026-06-01' }, velonRegistration: '2020-01-01' });
    expect(evaluateOne(p, ['training.SOIO']).findings).toEqual([]);
    const empty = person({ roles: ['SO'], trainings: { SOIO: '2026-06-01' }, velonRegistration: null });
    expect(evaluateOne(empty, ['training.SOIO', 'velonRegistration']).findings).toEqual([]);
  });

  it('VELON: expiring within the planning year, or on the reference date; nothing after it', () => {
    const at = (date: string) =>
      codes(evaluateOne(person({ roles: ['SO'], trainings: { SOIO: '2026-06-01' }, velonRegistration: date }), ['training.SOIO', 'velonRegistration']).findings);
    expect(at('2022-11-28')).toEqual(['VELON_EXPIRING']);
    expect(at('2022-11-27')).toEqual(['VELON_EXPIRED']);
    expect(at('2023-07-31')).toEqual(['VELON_EXPIRING']);
    expect(at('2023-08-01')).toEqual([]);
  });

  it('students, graduates, secondAssessments: unknown counts leave their part out', () => {
    const obi = (fields: RuleField[], extra: object) => evaluateOne(person({ roles: ['OBI'], ...extra }), fields);
    expect(obi([], { graduates: 3, secondAssessments: 2 }).normHours).toBeNull();
    expect(obi(['graduates'], { graduates: null }).normHours).toBeNull();
    expect(obi(['graduates', 'secondAssessments'], { graduates: 3, secondAssessments: null }).normHours).toBe(18);
    expect(obi(['graduates', 'secondAssessments'], { graduates: null, secondAssessments: 2 }).normHours).toBe(4);
    const wpb = (fields: RuleField[], students: number | null) =>
      evaluateOne(person({ roles: ['WPB'], students, trainings: { WPB: null } }), ['training.WPB', ...fields]);
    expect(wpb([], 2).normHours).toBeNull();
    expect(codes(wpb([], 2).findings)).toEqual(['TRAINING_MISSING(WPB)']);
    expect(wpb(['students'], null).normHours).toBeNull();
    expect(wpb(['students'], 0).normHours).toBe(0);
  });

  it('hoursGranted: empty gives nothing; 0 is a number and below the norm', () => {
    const so = (fields: RuleField[], hoursGranted: number | null) =>
      evaluateOne(person({ roles: ['SO'], trainings: { SOIO: '2026-06-01' }, hoursGranted }), ['training.SOIO', ...fields]);
    expect(so([], 0).findings).toEqual([]);
    expect(so(['hoursGranted'], null).findings).toEqual([]);
    expect(only(so(['hoursGranted'], 0).findings, 'UNDER_FACILITATED').message).toContain('0 van 160');
    expect(so(['hoursGranted'], 160).findings).toEqual([]);
    expect(codes(so(['hoursGranted'], 159.5).findings)).toEqual(['UNDER_FACILITATED']);
  });

  it('meetings: below the plan minimum is info; absent or empty gives nothing', () => {
    const io = (fields: RuleField[], meetings: number | null) =>
      evaluateOne(person({ roles: ['IO'], trainings: { SOIO: '2026-06-01' }, meetings }), ['training.SOIO', ...fields]);
    expect(io([], 1).findings).toEqual([]);
    expect(io(['meetings'], null).findings).toEqual([]);
    expect(codes(io(['meetings'], 2).findings)).toEqual(['MEETINGS_BELOW_MINIMUM']);
    expect(io(['meetings'], 3).findings).toEqual([]);
  });

  it('coach: absent column gives nothing; empty or nobody named needs a coach', () => {
    expect(evaluateOne(person({ roles: ['STARTER'], coach: false }), []).findings).toEqual([]);
    expect(codes(evaluateOne(person({ roles: ['STARTER'], coach: false }), ['coach']).findings)).toEqual(['STARTER_WITHOUT_COACH']);
    expect(codes(evaluateOne(person({ roles: ['STARTER'] }), ['coach']).findings)).toEqual(['STARTER_WITHOUT_COACH']);
    expect(evaluateOne(person({ roles: ['STARTER'], coach: true }), ['coach']).findings).toEqual([]);
  });
});

describe('students with a certified mentor (§4.4)', () => {
  const sheet: RuleField[] = ['training.WPB', 'certificate.WPB', 'students'];
  it('an unreadable training date raises nothing, whatever the certificate says', () => {
    const r = evaluateOne(person({ roles: ['WPB'], students: 2, trainings: { WPB: { invalid: '??' } }, certificates: { WPB: false } }), sheet);
    expect(codes(r.findings)).toEqual(['INVALID_DATE']);
  });

  it('no training column: nothing (only DATA_MISSING)', () => {
    const r = evaluateOne(person({ roles: ['WPB'], students: 2 }), ['students', 'certificate.WPB']);
    expect(codes(r.findings)).toEqual(['DATA_MISSING']);
  });

  it('trained without the certificate column: nothing', () => {
    const r = evaluateOne(person({ roles: ['WPB'], students: 2, trainings: { WPB: '2025-01-01' } }), ['training.WPB', 'students']);
    expect(r.findings).toEqual([]);
  });

  it('trained, certificate column shows no: critical, with CERTIFICATE_MISSING too', () => {
    const r = evaluateOne(person({ roles: ['WPB'], students: 3, trainings: { WPB: '2025-01-01' } }), sheet);
    expect(codes(r.findings)).toEqual(['CERTIFICATE_MISSING(WPB)', 'STUDENT_WITHOUT_CERTIFIED_WPB']);
    expect(r.status).toBe('Niet in orde');
    expect(only(r.findings, 'STUDENT_WITHOUT_CERTIFIED_WPB').message).toContain('3 studenten');
  });

  it('"done, date unknown" counts as trained', () => {
    const r = evaluateOne(person({ roles: ['WPB'], students: 1, trainings: { WPB: 'done' }, certificates: { WPB: true } }), sheet);
    expect(codes(r.findings)).toEqual(['DATE_UNKNOWN']);
    expect(r.findings[0]!.field).toBe('training.WPB');
  });
});

describe('data quality (§4.10)', () => {
  it('a future last refresher raises FUTURE_DATE and does not count', () => {
    const r = evaluateOne(
      person({ roles: ['WPB'], trainings: { WPB: '2022-01-10' }, certificates: { WPB: true }, lastRefresher: '2027-01-01' }),
      wpbSheet,
    );
    expect(codes(r.findings)).toEqual(['FUTURE_DATE', 'REFRESHER_OVERDUE']);
    expect(r.findings[0]!.field).toBe('lastRefresher');
    expect(r.findings[0]!.message).toContain('01-01-2027');
    expect(r.refresherDue).toBe('2025-01-10');
  });

  it('a future optional training date raises FUTURE_DATE whichever training it is', () => {
    const r = evaluateOne(person({ roles: ['WPB'], trainings: { WPB: 'done', INWERK: '2027-01-01' } }), ['training.WPB', 'training.INWERK']);
    expect(r.findings.map((f) => `${f.code}:${f.field}`)).toEqual(['FUTURE_DATE:training.INWERK', 'DATE_UNKNOWN:training.WPB']);
  });

  it('a future roleStart is no FUTURE_DATE (it is not a completion)', () => {
    const r = evaluateOne(person({ roles: ['SO'], trainings: { SOIO: '2026-01-01' }, roleStart: '2027-01-01', pairedWith: true }), [
      'training.SOIO',
      'roleStart',
      'pairedWith',
    ]);
    expect(r.findings).toEqual([]);
  });

  it('unreadable dates and numbers are named by field, quote the raw value, and have planRef null', () => {
    const r = evaluateOne(
      person({
        roles: ['SO'],
        trainings: { SOIO: '2026-01-01' },
        roleStart: { invalid: 'vorig jaar' },
        velonRegistration: { invalid: '31-02-2025' },
        meetings: { invalid: 'drie' },
        hoursGranted: { invalid: '-4' },
      }),
      ['training.SOIO', 'roleStart', 'velonRegistration', 'meetings', 'hoursGranted'],
    );
    expect(r.findings.map((f) => `${f.code}:${f.field}`)).toEqual([
      'INVALID_DATE:roleStart',
      'INVALID_DATE:velonRegistration',
      'INVALID_NUMBER:hoursGranted',
      'INVALID_NUMBER:meetings',
    ]);
    expect(r.findings.every((f) => f.planRef === null && f.severity === 'warning')).toBe(true);
    expect(r.findings[1]!.message).toContain('"31-02-2025"');
    expect(r.findings[1]!.message).toContain('VELON');
    expect(r.findings[2]!.message).toContain('"-4"');
  });

  it('an unknown role token is reported once per distinct token; no-role words raise nothing', () => {
    const r = evaluateOne(person({ roles: ['COACH'], unknownRoles: ['Kartrekker', 'kartrekker ', 'geen', 'n.v.t.'] }), []);
    expect(codes(r.findings)).toEqual(['UNKNOWN_ROLE']);
    expect(r.findings[0]!.token).toBe('Kartrekker');
    const none = evaluateOne(person({ roles: [], unknownRoles: ['nvt', '-'] }), []);
    expect(none.status).toBe('Geen OS-rol');
  });

  it('a row without any role gets no findings, whatever its cells say', () => {
    const r = evaluateOne(person({ trainings: { WPB: { invalid: 'x' } }, students: { invalid: 'y' } }), ['training.WPB', 'students']);
    expect(r.status).toBe('Geen OS-rol');
    expect(r.findings).toEqual([]);
  });

  it('the status is the first that applies: critical, action, warning, otherwise in order', () => {
    const r = evaluateOne(person({ roles: ['WPB'], students: 1, unknownRoles: ['x'] }), ['training.WPB', 'students']);
    expect(r.status).toBe('Niet in orde');
  });
});

describe('DUPLICATE_PERSON', () => {
  it('marks every row with a role that shares a personId with another row', () => {
    const people = [
      person({ personId: '12', roles: ['COACH'] }),
      person({ personId: ' 12 ', roles: ['SCHOOLLEIDER'] }),
      person({ personId: '12' }),
      person({ personId: '13', roles: ['COACH'] }),
      person({ personId: '', roles: ['COACH'] }),
      person({ personId: '', roles: ['COACH'] }),
      person({ roles: ['COACH'] }),
    ];
    const sheet = evaluateSheet(bossPoPlan, { fields: [], people }, { referenceDate: R, planningYear: P });
    expect(sheet.people.map((p) => p.status)).toEqual([
      'Gegevens controleren',
      'Gegevens controleren',
      'Geen OS-rol',
      'In orde',
      'In orde',
      'In orde',
      'In orde',
    ]);
    const dup = only(sheet.people[0]!.findings, 'DUPLICATE_PERSON');
    expect(dup.severity).toBe('warning');
    expect(dup.planRef).toBeNull();
    expect(dup.message).toContain('12');
    expect(dup.message).toContain('3 rijen');
    expect(sheet.people[2]!.findings).toEqual([]);
  });
});

describe('DUPLICATE_PERSON on a large sheet', () => {
  it('finds exactly the ids that occur more than once among 3,000 rows', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => String((i * 7919) % 2200));
    const people = ids.map((personId, i) => person({ ref: String(i + 2), personId, roles: ['COACH'] }));
    const sheet = evaluateSheet(bossPoPlan, { fields: [], people }, { referenceDate: R, planningYear: P });
    const times = new Map<string, number>();
    for (const id of ids) times.set(id, (times.get(id) ?? 0) + 1);
    sheet.people.forEach((r, i) => {
      const expected = times.get(ids[i]!)! > 1;
      expect(r.findings.some((f) => f.code === 'DUPLICATE_PERSON')).toBe(expected);
    });
    expect(sheet.people.filter((r) => r.findings.length > 0)).toHaveLength(1600);
  });
});

describe('school findings (§5.1)', () => {
  const fields: RuleField[] = ['school', 'training.OB', 'training.WPB', 'training.SOIO', 'students'];
  const run = (people: ReturnType<typeof person>[], f: RuleField[] = fields) =>
    evaluateSheet(bossPoPlan, { fields: f, people }, { referenceDate: R, planningYear: P });

  it('a school with a mentor but no schoolopleider; schools compared trimmed and case-folded', () => {
    const sheet = run([
      person({ school: 'De Kameleon', roles: ['WPB'], trainings: { WPB: '2025-01-01' } }),
      person({ school: ' de kameleon ', roles: ['OBP'], trainings: { OB: '2025-01-01' } }),
      person({ school: 'Het Palet', roles: ['SO', 'OBP'], trainings: { SOIO: '2025-01-01', OB: null } }),
      person({ school: 'De Vlinder', roles: ['COACH'], students: 2 }),
      person({ school: 'Zonder Rol' }),
      person({ school: '', roles: ['WPB'] }),
    ]);
    expect(sheet.findings.map((f) => `${f.code}:${f.school}`)).toEqual([
      'SCHOOL_WITHOUT_SO:De Kameleon',
      'SCHOOL_WITHOUT_TRAINED_OB:Het Palet',
      'SCHOOL_WITHOUT_SO:De Vlinder',
      'SCHOOL_WITHOUT_TRAINED_OB:De Vlinder',
    ]);
    expect(sheet.findings[0]!.severity).toBe('action');
    expect(sheet.findings[1]!.severity).toBe('info');
    expect(sheet.findings[0]!.message).toContain('De Kameleon');
    expect(sheet.schools).toEqual({ count: 3, withTrainedOb: 1 });
  });

  it('without the OB training column there is no SCHOOL_WITHOUT_TRAINED_OB', () => {
    const sheet = run([person({ school: 'A', roles: ['SO'] })], ['school', 'training.SOIO']);
    expect(sheet.findings).toEqual([]);
    expect(sheet.schools).toEqual({ count: 1, withTrainedOb: 0 });
  });

  it('without a school column there are no school findings and schools is null', () => {
    const sheet = run([person({ school: 'A', roles: ['WPB'] })], ['training.WPB']);
    expect(sheet.findings).toEqual([]);
    expect(sheet.schools).toBeNull();
  });
});

describe('evaluate as a whole', () => {
  it('never changes its input', () => {
    const people = [person({ roles: ['SO', 'WPB', 'SO'], trainings: { WPB: '2020-01-01' }, personId: '1' }), person({ personId: '1', roles: ['COACH'] })];
    const copy = structuredClone(people);
    const fields: RuleField[] = ['training.WPB', 'training.SOIO'];
    evaluateSheet(bossPoPlan, { fields, people }, {
      referenceDate: R,
      planningYear: P,
      register: [{ board: 'BOOR', personId: '1', training: 'SOIO', date: '2024-01-01' }],
    });
    expect(people).toEqual(copy);
  });

  it('echoes ref and a trimmed personId, and lists roles once each in alphabetical order', () => {
    const r = evaluateOne(person({ ref: '17', personId: ' 0042 ', roles: ['WPB', 'SO', 'WPB'] }), []);
    expect(r.ref).toBe('17');
    expect(r.personId).toBe('0042');
    expect(r.roles).toEqual(['SO', 'WPB']);
  });

  it('uses the plan’s norms, not fixed numbers', () => {
    const plan = loadPlan({
      ...bossPoPlan,
      calendar: { ...bossPoPlan.calendar, weeksPerYear: { ...bossPoPlan.calendar.weeksPerYear, value: 38 } },
    });
    expect(evaluateOne(person({ roles: ['SO'] }), [], { plan }).normHours).toBe(152);
    expect(evaluateOne(person({ roles: ['PROGRAMMALEIDER'] }), [], { plan }).normHours).toBe(8 * 38);
  });
});
