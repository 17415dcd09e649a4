// User text that names an Object.prototype member (issue 12: no prototype lookups anywhere): a month
// word in a date cell is looked up in a Map (board names: test/functions/boards.test.ts).
import { describe, expect, it } from 'vitest';
import { dateFromText, makeDate } from '../../shared/sheet/parse';


describe('names of Object.prototype members in user text', () => {
  it('a date cell "1 constructor 2025" is no date (it read as "2025-function Object() …-01")', () => {
    for (const text of ['1 constructor 2025', 'constructor 2025', '2 toString 2024', 'hasOwnProperty 2025', '1 __proto__ 2025'])
      expect(dateFromText(text), text).toBeNull();
    expect(dateFromText('1 maart 2025')).toBe('2025-03-01');
    expect(dateFromText('sept. 2024')).toBe('2024-09-01');
  });
});

describe('dates the API accepts (1900-01-01 to 2199-12-31)', () => {
  it('the sheet reader makes a date outside them an unreadable cell, not a request the API refuses', () => {
    expect(makeDate(1899, 12, 31)).toBeNull();
    expect(makeDate(1900, 1, 1)).toBe('1900-01-01');
    expect(makeDate(2199, 12, 31)).toBe('2199-12-31');
    expect(makeDate(2200, 1, 1)).toBeNull();
    expect(dateFromText('01-01-2250')).toBeNull();
  });
});
