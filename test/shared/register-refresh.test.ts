// rules.md §4.12 (spec v2): opfrisbijeenkomsten in the central register. A REFRESH record counts as
// lastRefresher — the later of the sheet's date and the register's — also where the sheet lacks that column.
import { describe, expect, it } from 'vitest';
import type { RuleField } from '../../shared/model/person';
import type { RegisterRecord } from '../../shared/model/register';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { readAttendance } from '../../shared/sheet/attendance';
import type { Grid } from '../../shared/sheet/types';
import { codes, evaluateOne, only, person } from './helpers';

const refresh = (date: string, personId = '77'): RegisterRecord => ({ board: 'BOOR', personId, training: 'REFRESH', date });
const mentor = (lastRefresher: string | null) =>
  person({ personId: '77', roles: ['WPB'], trainings: { WPB: '2022-06-01' }, certificates: { WPB: true }, lastRefresher });
const withColumn: RuleField[] = ['training.WPB', 'certificate.WPB', 'lastRefresher'];
const withoutColumn: RuleField[] = ['training.WPB', 'certificate.WPB'];

describe('register REFRESH records (§4.12)', () => {
  it('a REFRESH record newer than the sheet\'s lastRefresher is the basis, and the finding says it comes from the register', () => {
    const r = evaluateOne(mentor('2023-05-01'), withColumn, { register: [refresh('2024-02-10')] });
    expect(r.refresherDue).toBe('2027-02-10');
    expect(codes(r.findings)).toEqual(['REFRESHER_DUE']);
    const due = only(r.findings, 'REFRESHER_DUE');
    expect(due.fromRegister).toBe(true);
    expect(due.message).toContain('10-02-2024, volgens het centrale register');
  });

  it('a REFRESH record older than the sheet\'s lastRefresher changes nothing', () => {
    const without = evaluateOne(mentor('2024-02-10'), withColumn);
    const r = evaluateOne(mentor('2024-02-10'), withColumn, { register: [refresh('2023-05-01')] });
    expect(r).toEqual({ ...without, ref: r.ref });
    expect(r.refresherDue).toBe('2027-02-10');
    expect(r.findings[0]!.fromRegister).toBeUndefined();
    expect(r.findings[0]!.message).not.toContain('register');
  });

  it('counts on a sheet without a lastRefresher column (worked example 20), the latest of several records', () => {
    const r = evaluateOne(mentor(null), withoutColumn, {
      register: [refresh('2025-01-01'), refresh('2026-10-01'), refresh('2024-01-01'), refresh('2026-10-01', '78')],
    });
    expect(r.status).toBe('In orde');
    expect(r.findings).toEqual([]);
    expect(r.refresherDue).toBe('2029-10-01');
    // Without the register the mentor trained in June 2022 is due before 1 June 2025: overdue.
    expect(codes(evaluateOne(mentor(null), withoutColumn).findings)).toEqual(['REFRESHER_OVERDUE']);
  });

  it('ignores a REFRESH record after the reference date, with no finding', () => {
    const r = evaluateOne(mentor(null), withoutColumn, { register: [refresh('2026-12-01')] });
    expect(r.refresherDue).toBe('2025-06-01');
    expect(codes(r.findings)).toEqual(['REFRESHER_OVERDUE']);
  });

  it('gives a date where the sheet says "done, date unknown": no DATE_UNKNOWN', () => {
    const p = person({ personId: '77', roles: ['WPB'], trainings: { WPB: 'done' }, certificates: { WPB: true }, lastRefresher: 'done' });
    expect(codes(evaluateOne(p, withColumn).findings)).toEqual(['DATE_UNKNOWN']);
    const r = evaluateOne(p, withColumn, { register: [refresh('2025-03-01')] });
    expect(r.findings).toEqual([]);
    expect(r.refresherDue).toBe('2028-03-01');
  });

  it('is not a training completion: a REFRESH record does not complete WPB', () => {
    const p = person({ personId: '77', roles: ['WPB'], trainings: { WPB: null } });
    const r = evaluateOne(p, withoutColumn, { register: [refresh('2025-03-01')] });
    expect(codes(r.findings)).toEqual(['TRAINING_MISSING(WPB)']);
    expect(r.completed).toEqual([]);
  });
});

describe('the attendance reader accepts opfrisbijeenkomsten (§4.12)', () => {
  const read = (grid: Grid) => readAttendance(grid, { sheetName: 'Deelname', date1904: false, board: 'BOOR', plan: bossPoPlan });

  it('one row per participation: training names as a staff sheet writes them', () => {
    const r = read([
      ['Pers.nr.', 'Scholing', 'Datum'],
      ['1', 'Opfrisbijeenkomst', '01-02-2025'],
      ['2', 'Driejaarlijkse update', '2025-03-04'],
      ['3', 'Laatste opfrisbijeenkomst', '05-06-2025'],
      ['4', 'REFRESH', '07-08-2025'],
      ['5', 'Opfrisbijeenkomst (driejaarlijkse update)', '09-10-2025'],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => [x.personId, x.training, x.date])).toEqual([
      ['1', 'REFRESH', '2025-02-01'],
      ['2', 'REFRESH', '2025-03-04'],
      ['3', 'REFRESH', '2025-06-05'],
      ['4', 'REFRESH', '2025-08-07'],
      ['5', 'REFRESH', '2025-10-09'],
    ]);
  });

  it('one row per person: an Opfrisbijeenkomst or Driejaarlijkse update column beside the training columns', () => {
    for (const header of ['Opfrisbijeenkomst', 'Driejaarlijkse update', 'Laatste opfrisbijeenkomst']) {
      const r = read([
        ['Personeelsnummer', 'Scholing WPB', header],
        ['1', '12-03-2022', '01-02-2025'],
        ['2', null, 'gepland'],
      ]);
      expect(r.columns, header).toEqual({ A: 'personId', B: 'training.WPB', C: 'training.REFRESH' });
      expect(r.records).toEqual([
        { personId: '1', training: 'WPB', date: '2022-03-12', board: 'BOOR' },
        { personId: '1', training: 'REFRESH', date: '2025-02-01', board: 'BOOR' },
      ]);
      expect(r.problems.map((p) => [p.cell, p.message])).toEqual([['C3', '"gepland" is geen datum.']]);
    }
  });
});
