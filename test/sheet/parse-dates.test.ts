import { describe, expect, it } from 'vitest';
import { dateFromSerial, dateFromText, parseCompletion, parseDate } from '../../shared/sheet/parse';

describe('dates (rules.md §6.3)', () => {
  it('reads a date cell (exceljs: UTC midnight) and drops a time part', () => {
    expect(parseCompletion(new Date(Date.UTC(2025, 2, 12)), false)).toBe('2025-03-12');
    expect(parseCompletion(new Date(Date.UTC(2025, 2, 12, 15, 30)), false)).toBe('2025-03-12');
  });

  it('reads Excel serial numbers in the 1900 system, with its fictitious 29 February 1900', () => {
    expect(dateFromSerial(1, false)).toBe('1900-01-01');
    expect(dateFromSerial(59, false)).toBe('1900-02-28');
    expect(dateFromSerial(60, false)).toBeNull();
    expect(dateFromSerial(61, false)).toBe('1900-03-01');
    expect(dateFromSerial(45728, false)).toBe('2025-03-12');
    expect(dateFromSerial(45728.75, false)).toBe('2025-03-12');
    expect(dateFromSerial(0, false)).toBeNull();
    expect(parseCompletion(45728, false)).toBe('2025-03-12');
    expect(parseCompletion(60, false)).toEqual({ invalid: '60' });
  });

  it('reads Excel serial numbers in the 1904 system when the workbook says so', () => {
    expect(dateFromSerial(0, true)).toBe('1904-01-01');
    expect(dateFromSerial(44266, true)).toBe('2025-03-12');
    expect(parseCompletion(44266, true)).toBe('2025-03-12');
    expect(parseDate(44266, true)).toBe('2025-03-12');
  });

  it('reads an integer 1990–2100, as number or text, as 1 January of that year', () => {
    expect(parseCompletion(2026, false)).toBe('2026-01-01');
    expect(parseCompletion('2026', false)).toBe('2026-01-01');
    expect(parseCompletion(1990, false)).toBe('1990-01-01');
    expect(parseCompletion(2100, false)).toBe('2100-01-01');
    expect(parseDate('1989', false)).toEqual({ invalid: '1989' });
    expect(parseDate('2101', false)).toEqual({ invalid: '2101' });
  });

  it('reads d-m-yyyy, d/m/yyyy and d.m.yyyy, day first', () => {
    expect(dateFromText('12-03-2025')).toBe('2025-03-12');
    expect(dateFromText('3-1-2026')).toBe('2026-01-03');
    expect(dateFromText('12/3/2025')).toBe('2025-03-12');
    expect(dateFromText('1/10/2025')).toBe('2025-10-01');
    expect(dateFromText('12.3.2025')).toBe('2025-03-12');
    expect(dateFromText('01.02.2024')).toBe('2024-02-01');
  });

  it('reads a 2-digit year as 20yy', () => {
    expect(dateFromText('12-03-25')).toBe('2025-03-12');
    expect(dateFromText('1/2/07')).toBe('2007-02-01');
  });

  it('does not mix separators', () => {
    expect(dateFromText('12-03/2025')).toBeNull();
  });

  it('reads ISO yyyy-mm-dd, also with a time part', () => {
    expect(dateFromText('2025-03-12')).toBe('2025-03-12');
    expect(dateFromText('2025-03-12T00:00:00.000Z')).toBe('2025-03-12');
    expect(dateFromText('2025-03-12 14:05')).toBe('2025-03-12');
  });

  it('reads d maand yyyy with Dutch month names and abbreviations, with or without a dot, any case', () => {
    expect(dateFromText('12 maart 2025')).toBe('2025-03-12');
    expect(dateFromText('1 Januari 2024')).toBe('2024-01-01');
    expect(dateFromText('5 mrt 2025')).toBe('2025-03-05');
    expect(dateFromText('5 mrt. 2025')).toBe('2025-03-05');
    expect(dateFromText('30 SEPT 2023')).toBe('2023-09-30');
    expect(dateFromText('17 okt. 2022')).toBe('2022-10-17');
    expect(dateFromText('3 mei 2021')).toBe('2021-05-03');
    const months = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
    months.forEach((m, i) => expect(dateFromText(`2 ${m} 2020`)).toBe(`2020-${String(i + 1).padStart(2, '0')}-02`));
    const names = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
    names.forEach((m, i) => expect(dateFromText(`2 ${m} 2020`)).toBe(`2020-${String(i + 1).padStart(2, '0')}-02`));
  });

  it('reads maand yyyy as the first of that month', () => {
    expect(dateFromText('maart 2025')).toBe('2025-03-01');
    expect(dateFromText('Sept. 2019')).toBe('2019-09-01');
    expect(dateFromText('dec 2024')).toBe('2024-12-01');
  });

  it('rejects a month name that is not Dutch', () => {
    expect(dateFromText('12 march 2025')).toBeNull();
    expect(dateFromText('mai 2025')).toBeNull();
  });

  it('reads a school year 2018-2019 or 2018/2019 as 1 August of the first year', () => {
    expect(dateFromText('2018-2019')).toBe('2018-08-01');
    expect(dateFromText('2018/2019')).toBe('2018-08-01');
    expect(dateFromText('2018-2020')).toBeNull();
  });

  it('treats a day that does not exist as invalid', () => {
    expect(parseCompletion('31-02-2025', false)).toEqual({ invalid: '31-02-2025' });
    expect(parseCompletion('29-02-2023', false)).toEqual({ invalid: '29-02-2023' });
    expect(parseCompletion('29-02-2024', false)).toBe('2024-02-29');
    expect(parseCompletion('2025-13-01', false)).toEqual({ invalid: '2025-13-01' });
    expect(parseCompletion('31 april 2025', false)).toEqual({ invalid: '31 april 2025' });
  });

  it('reads ja, x, gevolgd, afgerond and ✓ as done (date unknown) in a training field', () => {
    for (const word of ['ja', 'Ja', 'x', 'X', 'gevolgd', 'Afgerond', '✓', ' ja '])
      expect(parseCompletion(word, false)).toBe('done');
  });

  it('reads nee, -, n.v.t., nvt and empty as not done in a training field', () => {
    for (const word of ['nee', 'Nee', '-', 'n.v.t.', 'NVT', '', '   ', null]) expect(parseCompletion(word, false)).toBeNull();
  });

  it('treats anything else as invalid, keeping the raw text', () => {
    expect(parseCompletion('gepland', false)).toEqual({ invalid: 'gepland' });
    expect(parseCompletion('volgt in maart', false)).toEqual({ invalid: 'volgt in maart' });
    expect(parseCompletion('??', false)).toEqual({ invalid: '??' });
    expect(parseCompletion(-3, false)).toEqual({ invalid: '-3' });
  });

  it('reads an error cell as invalid', () => {
    expect(parseCompletion({ error: '#N/A' }, false)).toEqual({ invalid: '#N/A' });
    expect(parseDate({ error: '#REF!' }, false)).toEqual({ invalid: '#REF!' });
  });

  it('in roleStart and velonRegistration: empty is unknown, done-words are not dates', () => {
    expect(parseDate(null, false)).toBeNull();
    expect(parseDate('  ', false)).toBeNull();
    expect(parseDate('ja', false)).toEqual({ invalid: 'ja' });
    expect(parseDate('01-02-2026', false)).toBe('2026-02-01');
  });
});
