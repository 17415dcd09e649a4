// The one calendar (shared/calendar/days.ts): every reader and writer of a day uses it, so it is checked
// against Excel's documented anchors and against the platform's own Date arithmetic for every day the
// product accepts (1900-01-01 to 2199-12-31).
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar/dates';
import { civilFromDays, dateOfSerial, daysFromCivil, daysInMonth, isRealDate, serialOfDate } from '../../shared/calendar/days';

const iso = (d: { year: number; month: number; day: number }) =>
  `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

describe('Excel serial numbers', () => {
  it('match Excel in the 1900 system, with its fictitious 29 February 1900 (serial 60)', () => {
    expect(serialOfDate('1900-01-01', false)).toBe(1);
    expect(serialOfDate('1900-02-28', false)).toBe(59);
    expect(serialOfDate('1900-03-01', false)).toBe(61);
    expect(serialOfDate('2026-11-28', false)).toBe(46354);
    expect(dateOfSerial(60, false)).toBeNull();
    expect(dateOfSerial(0, false)).toBeNull();
    expect(dateOfSerial(2_958_465, false)).toEqual({ year: 9999, month: 12, day: 31 });
    expect(dateOfSerial(2_958_466, false)).toBeNull();
    expect(dateOfSerial(46354.75, false)).toEqual({ year: 2026, month: 11, day: 28 });
  });

  it('match Excel in the 1904 system (serial 0 is 1904-01-01)', () => {
    expect(serialOfDate('1904-01-01', true)).toBe(0);
    expect(serialOfDate('2026-11-28', true)).toBe(46354 - 1462);
    expect(dateOfSerial(0, true)).toEqual({ year: 1904, month: 1, day: 1 });
    expect(dateOfSerial(-1, true)).toBeNull();
  });

  it('go both ways for every day from 1900-01-01 to 2199-12-31, and agree with Date', () => {
    const first = daysFromCivil({ year: 1900, month: 1, day: 1 });
    const last = daysFromCivil({ year: 2199, month: 12, day: 31 });
    for (let days = first; days <= last; days++) {
      const civil = civilFromDays(days);
      const text = iso(civil);
      expect(new Date(days * 86_400_000).toISOString().slice(0, 10)).toBe(text);
      expect(daysFromCivil(civil)).toBe(days);
      for (const date1904 of [false, true]) {
        const serial = serialOfDate(text, date1904);
        if (date1904 && serial < 0) continue;
        expect(dateOfSerial(serial, date1904)).toEqual(civil);
      }
    }
  });
});

describe('real days', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['0004-02-29', true],
    ['2026-1-01', false],
  ])('%s is a real day: %s', (text, real) => {
    expect(isRealDate(text)).toBe(real);
  });

  it('knows the days of every month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2025, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it('adds days across months, leap days and years', () => {
    expect(addDays('2026-11-28', 90)).toBe('2027-02-26');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
