import { describe, expect, it } from 'vitest';
import { parseBoolean, parseNamed, parseNumber, parsePersonId, parseText } from '../../shared/sheet/parse';

describe('booleans: certificates and per-role columns (rules.md §6.3)', () => {
  it('reads the yes-words as yes, any case', () => {
    for (const yes of ['ja', 'J', 'yes', 'Y', 'x', '✓', '1', 'TRUE', 'waar', 'Gecertificeerd'])
      expect(parseBoolean(yes, false)).toBe(true);
    expect(parseBoolean(true, false)).toBe(true);
    expect(parseBoolean(1, false)).toBe(true);
  });

  it('reads a date as yes: a date cell, a date text, a date serial', () => {
    expect(parseBoolean(new Date(Date.UTC(2024, 5, 1)), false)).toBe(true);
    expect(parseBoolean('12-03-2024', false)).toBe(true);
    expect(parseBoolean('maart 2024', false)).toBe(true);
    expect(parseBoolean(45728, false)).toBe(true);
  });

  it('reads everything else as no', () => {
    for (const no of ['nee', 'n', '0', '-', '', '  ', 'in aanvraag', 'Jan Jansen', null, false, 0, 7])
      expect(parseBoolean(no, false)).toBe(false);
  });

  it('gives null (unreadable) for an error cell', () => {
    expect(parseBoolean({ error: '#N/A' }, false)).toBeNull();
  });
});

describe('numbers (rules.md §6.3)', () => {
  it('reads a numeric cell', () => {
    expect(parseNumber(2)).toBe(2);
    expect(parseNumber(0)).toBe(0);
    expect(parseNumber(12.5)).toBe(12.5);
  });

  it('reads digits with a decimal part after a comma or a dot', () => {
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber(' 12,5 ')).toBe(12.5);
    expect(parseNumber('7.25')).toBe(7.25);
  });

  it('reads empty as unknown', () => {
    expect(parseNumber(null)).toBeNull();
    expect(parseNumber('   ')).toBeNull();
  });

  it('reads the no-words nvt, n.v.t., n.v.t, geen and - (any case) as 0 (spec v2)', () => {
    for (const word of ['nvt', 'NVT', 'n.v.t.', 'N.V.T', 'geen', 'Geen', '-', ' - ', ' nvt '])
      expect(parseNumber(word), word).toBe(0);
  });

  it('treats other text, a negative number and an error cell as invalid', () => {
    expect(parseNumber('nvt.')).toEqual({ invalid: 'nvt.' });
    expect(parseNumber('--')).toEqual({ invalid: '--' });
    expect(parseNumber('twee')).toEqual({ invalid: 'twee' });
    expect(parseNumber('12 uur')).toEqual({ invalid: '12 uur' });
    expect(parseNumber('-2')).toEqual({ invalid: '-2' });
    expect(parseNumber(-2)).toEqual({ invalid: '-2' });
    expect(parseNumber(true)).toEqual({ invalid: 'true' });
    expect(parseNumber({ error: '#DIV/0!' })).toEqual({ invalid: '#DIV/0!' });
  });
});

describe('names of others: pairedWith, coach (rules.md §6.3)', () => {
  it('tells whether someone is named, never keeping the name', () => {
    expect(parseNamed('Mohamed Berg')).toBe(true);
    expect(parseNamed(12345)).toBe(true);
  });

  it('reads empty, no-words, geen, n.v.t. and nvt as nobody', () => {
    for (const nobody of [null, '', '  ', 'nee', 'geen', 'Geen', 'n.v.t.', 'nvt', '-', 0]) expect(parseNamed(nobody)).toBe(false);
  });

  it('gives null for an error cell', () => {
    expect(parseNamed({ error: '#N/A' })).toBeNull();
  });
});

describe('personId and text', () => {
  it('reads a numeric cell as its integer digits and text trimmed', () => {
    expect(parsePersonId(210702)).toBe('210702');
    expect(parsePersonId(210702.0)).toBe('210702');
    expect(parsePersonId(' 00123 ')).toBe('00123');
    expect(parsePersonId('  ')).toBeNull();
    expect(parsePersonId({ error: '#N/A' })).toBeNull();
  });

  it('trims text and caps very long text', () => {
    expect(parseText('  De Kameleon ')).toBe('De Kameleon');
    expect(parseText('x'.repeat(5000))).toHaveLength(200);
  });
});
