// Messages (Dutch with English beside) and the short Dutch actions of the `Acties` column.
import { describe, expect, it } from 'vitest';
import { FINDING_CODES, SCHOOL_FINDING_CODES } from '../../shared/model/result';
import { actionText, MESSAGES } from '../../shared/rules/messages';
import { evaluateOne, person } from './helpers';

describe('messages', () => {
  it('every finding code has a Dutch and an English text', () => {
    for (const code of [...FINDING_CODES, ...SCHOOL_FINDING_CODES]) {
      const params = { training: 'Scholing X', field: 'students', raw: 'x', token: 't', date: '2027-03-12', school: 'A', personId: '1', count: 2 };
      expect(MESSAGES[code].nl(params).length, code).toBeGreaterThan(10);
      expect(MESSAGES[code].en(params).length, code).toBeGreaterThan(10);
      expect(MESSAGES[code].nl(params)).not.toBe(MESSAGES[code].en(params));
    }
  });

  it('writes dates the Dutch way and names fields in words', () => {
    expect(MESSAGES.VELON_EXPIRED.nl({ date: '2026-03-01' })).toContain('01-03-2026');
    expect(MESSAGES.INVALID_DATE.nl({ field: 'training.WPB', raw: 'gepland' })).toBe(
      'Datum scholing werkplekbegeleiders "gepland" is geen geldige datum; dit gegeven is niet gecontroleerd.',
    );
    expect(MESSAGES.INVALID_NUMBER.en({ field: 'students', raw: 'twee' })).toContain('Number of students "twee"');
  });

  it('actions for critical and action findings; none for warnings and info', () => {
    const r = evaluateOne(person({ roles: ['WPB'], trainings: { WPB: '2024-03-12' }, students: 1 }), ['training.WPB', 'certificate.WPB', 'students', 'hoursGranted']);
    expect(r.findings.map((f) => actionText(f, r))).toEqual([
      'Certificaat WPB regelen',
      'Opfrisbijeenkomst plannen (vóór 12-03-2027)',
      'Studenten een geschoolde, gecertificeerde werkplekbegeleider geven',
    ]);
    expect(actionText({ code: 'TRAINING_MISSING', severity: 'action', training: 'WPB' })).toBe('Scholing werkplekbegeleiders volgen');
    expect(actionText({ code: 'UNDER_FACILITATED', severity: 'action' }, { normHours: 320 })).toBe('Facilitering aanvullen tot 320 uur');
    expect(actionText({ code: 'STARTER_WITHOUT_COACH', severity: 'action' })).toBe('Coach toewijzen');
    expect(actionText({ code: 'PAIRING_MISSING', severity: 'info' })).toBeNull();
    expect(actionText({ code: 'INVALID_DATE', severity: 'warning' })).toBeNull();
  });
});
