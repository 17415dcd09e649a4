import { describe, expect, it } from 'vitest';
import { bossPoPlan } from '../../shared/plan/bosspo';
import {
  attendanceProblemText,
  readAttendance,
  recogniseTraining,
} from '../../shared/sheet/attendance';
import type { Grid } from '../../shared/sheet/types';

const read = (grid: Grid, board: string | null = null) =>
  readAttendance(grid, { sheetName: 'Deelname', date1904: false, board, plan: bossPoPlan });

describe('recognising a training in a cell', () => {
  it.each([
    ['WPB', 'WPB'],
    ['soio', 'SOIO'],
    ['SO/IO', 'SOIO'],
    ['Scholing werkplekbegeleiders', 'WPB'],
    ['Coaching voor werkplekbegeleiders', 'WPB'],
    ['Werkplekbegeleiders', 'WPB'],
    ['Scholing school- en instituutsopleiders', 'SOIO'],
    ['Scholing onderzoeksbegeleiders', 'OB'],
    ['onderzoeksbegeleider', 'OB'],
    ['Inwerkprogramma', 'INWERK'],
    ['Training intervisor', 'INTERVISOR'],
    ['Inwerken trainer', 'TRAINER'],
    ['Opfrisbijeenkomst', 'REFRESH'],
    ['Scholing werkplekbegeleiders (Coaching voor werkplekbegeleiders)', 'WPB'],
  ])('%s → %s', (text, code) => {
    expect(recogniseTraining(text, bossPoPlan)).toBe(code);
  });

  it('recognises nothing in an unrelated text', () => {
    expect(recogniseTraining('Yoga', bossPoPlan)).toBeNull();
    expect(recogniseTraining('', bossPoPlan)).toBeNull();
  });
});

describe('reading an attendance sheet, one row per participation', () => {
  const grid: Grid = [
    ['Deelname scholingen Stagebureau 2026'],
    [],
    ['Bestuur', 'Pers.nr.', 'Naam', 'Scholing', 'Datum', 'Certificaat'],
    ['BOOR', 10234, 'Anna de Vries', 'WPB', '12-03-2025', 'ja'],
    ['Wijzer', '2001', 'Piet Jansen', 'Scholing school- en instituutsopleiders', new Date(Date.UTC(2024, 4, 15)), 'nee'],
    ['BOOR', '10235', 'Kees', 'OB', 45000, 'ja'],
    ['BOOR', '10236', 'Els', 'Yoga', '01-01-2025', ''],
    ['', '10237', 'Jan', 'WPB', 'gepland', ''],
    ['BOOR', null, 'Zonder nummer', 'WPB', '01-02-2025', ''],
    ['BOOR', '10238', 'Mies', 'Opfrisbijeenkomst', '01-02-2025', ''],
    [null, null, null, null, null, null],
    ['Totaal', null, null, null, null, null],
  ];
  const result = read(grid);

  it('finds the header row below a title and maps the columns, leaving names out', () => {
    expect(result.skipped).toBeNull();
    expect(result.headerRow).toBe(3);
    expect(result.columns).toEqual({ A: 'board', B: 'personId', D: 'training', E: 'date', F: 'certificate' });
  });

  it('turns good rows into register records with their Excel row', () => {
    expect(result.records).toEqual([
      { personId: '10234', training: 'WPB', date: '2025-03-12', board: 'BOOR', certificate: true },
      { personId: '2001', training: 'SOIO', date: '2024-05-15', board: 'Wijzer', certificate: false },
      // OB has no certificate; the serial 45000 is 2023-03-15.
      { personId: '10235', training: 'OB', date: '2023-03-15', board: 'BOOR' },
      // An opfrisbijeenkomst is registered too (rules.md §4.12, spec v2).
      { personId: '10238', training: 'REFRESH', date: '2025-02-01', board: 'BOOR' },
    ]);
    expect(result.rows).toEqual([4, 5, 6, 10]);
    expect(JSON.stringify(result.records)).not.toContain('Anna');
  });

  it('reports every bad row with its cell address and a Dutch reason', () => {
    expect(result.problems.map(attendanceProblemText)).toEqual([
      'Deelname, rij 7 (D7): Onbekende scholing "Yoga".',
      'Deelname, rij 8 (A8): Het bestuur ontbreekt.',
      'Deelname, rij 8 (E8): "gepland" is geen datum.',
      'Deelname, rij 9 (B9): Het personeelsnummer ontbreekt.',
    ]);
  });

  it('uses the given board for a sheet without a board column', () => {
    const r = read(
      [
        ['Personeelsnummer', 'Training', 'Datum deelname'],
        ['7', 'SOIO', '2025-01-10'],
      ],
      'Primo Schiedam',
    );
    expect(r.records).toEqual([{ personId: '7', training: 'SOIO', date: '2025-01-10', board: 'Primo Schiedam' }]);
    const none = read([
      ['Personeelsnummer', 'Training', 'Datum'],
      ['7', 'SOIO', '2025-01-10'],
    ]);
    expect(none.records).toEqual([]);
    expect(none.problems.map((p) => [p.cell, p.message])).toEqual([[null, 'Geen kolom Bestuur en geen bestuur opgegeven.']]);
  });

  it('refuses a sheet with a training column but no date column, saying why', () => {
    const r = read([
      ['Bestuur', 'Personeelsnummer', 'Scholing'],
      ['BOOR', '7', 'WPB'],
    ]);
    expect(r.records).toEqual([]);
    expect(r.problems[0]!.message).toContain('geen kolom Datum');
  });
});

describe('reading an attendance sheet with a date column per training', () => {
  it('makes one record per dated training cell and pairs certificates', () => {
    const r = read([
      ['Bestuur', 'Medewerkernummer', 'Scholing WPB', 'Certificaat WPB', 'Scholing SO/IO', 'Scholing OB (datum)'],
      ['OZHW', '55', '01-10-2025', 'ja', '', 'nee'],
      ['OZHW', '56', 'gevolgd', '', '2026', '3 maart 2025'],
      ['OZHW', '57', '', '', '', ''],
    ]);
    expect(r.columns).toEqual({
      A: 'board',
      B: 'personId',
      C: 'training.WPB',
      D: 'certificate.WPB',
      E: 'training.SOIO',
      F: 'training.OB',
    });
    expect(r.records).toEqual([{ personId: '55', training: 'WPB', date: '2025-10-01', board: 'OZHW', certificate: true }]);
    expect(r.problems.map(attendanceProblemText)).toEqual([
      'Deelname, rij 3 (C3): Het register heeft een datum nodig; "gevolgd" zonder datum kan niet worden geregistreerd.',
    ]);
  });

  it('gives a lone Certificaat column to the only training column', () => {
    const r = read([
      ['Bestuur', 'ID', 'Coaching voor werkplekbegeleiders', 'Certificaat'],
      ['SIKO', '1', '2025-06-01', 'x'],
    ]);
    expect(r.records).toEqual([{ personId: '1', training: 'WPB', date: '2025-06-01', board: 'SIKO', certificate: true }]);
  });
});

describe('sheets that hold no attendance', () => {
  it('skips a sheet without personnel number and training columns', () => {
    expect(read([['Naam', 'Adres'], ['Anna', 'Straat 1']]).skipped).toContain('geen kopregel');
  });
  it('skips the product’s own sheets and empty sheets', () => {
    expect(readAttendance([['Bestuur']], { sheetName: 'Trainersvraag 2026-2027', date1904: false, plan: bossPoPlan }).skipped).toBe(
      'werkblad van het product zelf',
    );
    expect(read([]).skipped).toBe('leeg werkblad');
  });
});
