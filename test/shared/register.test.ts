// rules.md §4.12: records of the central register merged into a person before the rules run.
import { describe, expect, it } from 'vitest';
import type { RuleField } from '../../shared/model/person';
import { RegisterRecordSchema, type RegisterRecord } from '../../shared/model/register';
import { codes, evaluateOne, only, person } from './helpers';

const rec = (training: RegisterRecord['training'], date: string, extra: Partial<RegisterRecord> = {}): RegisterRecord => ({
  board: 'BOOR',
  personId: '10234',
  training,
  date,
  ...extra,
});
const wpb = (input: Parameters<typeof person>[0] = {}) => person({ personId: '10234', roles: ['WPB'], ...input });
const fields: RuleField[] = ['training.WPB', 'certificate.WPB', 'students'];

describe('central register merge', () => {
  it('a newer register date is the basis of the refresher, and the finding says so', () => {
    const r = evaluateOne(wpb({ trainings: { WPB: '2020-03-01' }, certificates: { WPB: true } }), fields, {
      register: [rec('WPB', '2024-02-01')],
    });
    expect(r.refresherDue).toBe('2027-02-01');
    const due = only(r.findings, 'REFRESHER_DUE');
    expect(due.fromRegister).toBe(true);
    expect(due.message).toContain('centrale register');
  });

  it('an older register date leaves the sheet date in charge (no register mark)', () => {
    const r = evaluateOne(wpb({ trainings: { WPB: '2024-02-01' }, certificates: { WPB: true } }), fields, {
      register: [rec('WPB', '2020-03-01'), rec('WPB', '2019-01-01')],
    });
    const due = only(r.findings, 'REFRESHER_DUE');
    expect(due.fromRegister).toBeUndefined();
    expect(due.message).not.toContain('register');
  });

  it('the latest of several register dates counts', () => {
    const r = evaluateOne(wpb({ trainings: { WPB: null }, certificates: { WPB: true } }), fields, {
      register: [rec('WPB', '2021-01-01'), rec('WPB', '2025-05-05'), rec('WPB', '2023-01-01')],
    });
    expect(r.refresherDue).toBe('2028-05-05');
    expect(r.findings).toEqual([]);
  });

  it('a register record with a certificate counts as the certificate', () => {
    const r = evaluateOne(wpb({ students: 2, trainings: { WPB: '2025-01-01' }, certificates: { WPB: false } }), fields, {
      register: [rec('WPB', '2024-06-01', { certificate: true })],
    });
    expect(r.findings).toEqual([]);
    expect(r.status).toBe('In orde');
  });

  it('a register completion without certificate raises CERTIFICATE_MISSING marked as from the register', () => {
    const r = evaluateOne(wpb({ students: 1, trainings: { WPB: null } }), fields, { register: [rec('WPB', '2025-01-01')] });
    expect(codes(r.findings)).toEqual(['CERTIFICATE_MISSING(WPB)', 'STUDENT_WITHOUT_CERTIFIED_WPB']);
    expect(r.findings.every((f) => f.fromRegister === true)).toBe(true);
    expect(r.findings[0]!.message).toContain('register');
  });

  it('counts where the sheet lacks the training column: no DATA_MISSING, no TRAINING_MISSING', () => {
    const r = evaluateOne(person({ personId: '10234', roles: ['SO'] }), [], { register: [rec('SOIO', '2025-09-01')] });
    expect(r.findings).toEqual([]);
    expect(r.refresherDue).toBe('2028-09-01');
    expect(r.completed).toEqual(['SOIO']);
  });

  it('counts where the sheet cell reads "done, date unknown": the register date replaces DATE_UNKNOWN', () => {
    const r = evaluateOne(wpb({ trainings: { WPB: 'done' }, certificates: { WPB: true } }), fields, {
      register: [rec('WPB', '2025-01-01')],
    });
    expect(r.findings).toEqual([]);
    expect(r.refresherDue).toBe('2028-01-01');
  });

  it('an unreadable sheet cell stays INVALID_DATE, while the register completes the training', () => {
    const r = evaluateOne(wpb({ students: 1, trainings: { WPB: { invalid: 'gepland' } }, certificates: { WPB: true } }), fields, {
      register: [rec('WPB', '2025-01-01')],
    });
    expect(codes(r.findings)).toEqual(['INVALID_DATE']);
    expect(r.completed).toEqual(['WPB']);
  });

  it('matches on board (trimmed, any case) and personId; other boards and people do not match', () => {
    const p = wpb({ board: ' boor ', personId: ' 10234 ', trainings: { WPB: null } });
    expect(evaluateOne(p, ['training.WPB'], { register: [rec('WPB', '2025-01-01', { board: 'BOOR' })] }).findings).toEqual([]);
    expect(codes(evaluateOne(p, ['training.WPB'], { register: [rec('WPB', '2025-01-01', { board: 'Wijzer' })] }).findings)).toEqual([
      'TRAINING_MISSING(WPB)',
    ]);
    expect(codes(evaluateOne(p, ['training.WPB'], { register: [rec('WPB', '2025-01-01', { personId: '999' })] }).findings)).toEqual([
      'TRAINING_MISSING(WPB)',
    ]);
    const noId = wpb({ personId: null, trainings: { WPB: null } });
    expect(codes(evaluateOne(noId, ['training.WPB'], { register: [rec('WPB', '2025-01-01')] }).findings)).toEqual(['TRAINING_MISSING(WPB)']);
  });

  it('a register date after the reference date does not count', () => {
    const r = evaluateOne(wpb({ trainings: { WPB: null } }), ['training.WPB'], { register: [rec('WPB', '2027-01-01')] });
    expect(codes(r.findings)).toEqual(['TRAINING_MISSING(WPB)']);
  });

  it('the record schema needs a board, a personId, a training (REFRESH included) and a real date', () => {
    expect(RegisterRecordSchema.safeParse(rec('WPB', '2025-01-01')).success).toBe(true);
    expect(RegisterRecordSchema.safeParse({ ...rec('WPB', '2025-01-01'), board: ' ' }).success).toBe(false);
    expect(RegisterRecordSchema.safeParse({ ...rec('WPB', '2025-02-30') }).success).toBe(false);
    expect(RegisterRecordSchema.safeParse({ ...rec('WPB', '2025-01-01'), training: 'REFRESH' }).success).toBe(true);
    expect(RegisterRecordSchema.safeParse({ ...rec('WPB', '2025-01-01'), training: 'OPFRIS' }).success).toBe(false);
    expect(RegisterRecordSchema.safeParse({ ...rec('WPB', '2025-01-01'), name: 'Jan' }).success).toBe(false);
  });
});
