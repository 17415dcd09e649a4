import { describe, expect, it } from 'vitest';
import type { BoardNeed } from '../../shared/api/needs';
import type { KeyFigures } from '../../shared/model/summary';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { overviewSheet, overviewSheetName, trendYears, type OverviewYear } from '../../shared/report/steering-overview-sheet';
import { boardFigures, combineFigures } from '../../shared/summary/steering-figures';
import { rowAfter, rows, texts } from './sheet-helpers';

const keyFigures = (over: Partial<KeyFigures>): KeyFigures => ({
  studentsPlaced: 0,
  studentsWithCertifiedWpb: 0,
  wpbTrainedShare: null,
  soioTrainedShare: null,
  schoolsWithTrainedOb: null,
  schools: null,
  refreshersOverdue: 0,
  refreshersDue: 0,
  ...over,
});

const boor: BoardNeed = {
  needs: { WPB: { initial: 3 } },
  keyFigures: keyFigures({
    studentsPlaced: 10,
    studentsWithCertifiedWpb: 9,
    wpbTrainedShare: 0.75,
    soioTrainedShare: 1,
    schools: 3,
    schoolsWithTrainedOb: 2,
    refreshersOverdue: 1,
    refreshersDue: 4,
  }),
  roles: { WPB: { count: 4, plan: 360 }, SO: { count: 2, plan: 25 }, TRAINER: { count: 1, plan: 5 } },
  facilitation: { WPB: { normHours: 200, hoursGranted: 150 }, total: { normHours: 200, hoursGranted: 150 } },
  submittedAt: '2026-11-28T10:00:00Z',
  version: 1,
};
const wijzer: BoardNeed = {
  needs: { WPB: { initial: 7 } },
  keyFigures: keyFigures({
    studentsPlaced: 30,
    studentsWithCertifiedWpb: 15,
    wpbTrainedShare: 0.25,
    soioTrainedShare: 0.5,
    refreshersOverdue: 2,
    refreshersDue: 0,
  }),
  roles: { WPB: { count: 12, plan: 360 }, SO: { count: 1, plan: 25 }, IO: { count: 1, plan: 13 } },
  facilitation: { WPB: { normHours: 600, hoursGranted: 600 }, total: { normHours: 500, hoursGranted: 600 } },
  submittedAt: '2026-11-29T10:00:00Z',
  version: 3,
};

const current: OverviewYear = { schoolYear: '2026-2027', boards: { Wijzer: wijzer, BOOR: boor }, missing: ['SIKO'] };
const previous: OverviewYear = {
  schoolYear: '2025-2026',
  boards: { BOOR: { ...boor, keyFigures: keyFigures({ studentsPlaced: 20, studentsWithCertifiedWpb: 10, wpbTrainedShare: 0.5 }) } },
};
const empty: OverviewYear = { schoolYear: '2024-2025', boards: {} };

describe('steering overview figures', () => {
  it('adds counts and weights shares by the number of people per board', () => {
    const c = combineFigures([boardFigures(boor), boardFigures(wijzer)]);
    expect(c.studentsPlaced).toBe(40);
    expect(c.studentsWithCertifiedWpb).toBe(24);
    expect(c.studentsCertifiedShare).toBeCloseTo(0.6);
    // 0.75 of 4 WPBs and 0.25 of 12 → 6 of 16.
    expect(c.wpbTrainedShare).toBeCloseTo(6 / 16);
    // 1 of 2 SO/IO and 0.5 of 2 → 3 of 4.
    expect(c.soioTrainedShare).toBeCloseTo(0.75);
    expect(c.schools).toBe(3);
    expect(c.refreshersOverdue).toBe(3);
    expect(c.roles).toEqual({ WPB: 16, SO: 3, IO: 1, TRAINER: 1 });
    expect(c.facilitation.total).toEqual({ normHours: 700, hoursGranted: 750 });
  });

  it('keeps an unknown figure unknown rather than counting it as zero', () => {
    const f = boardFigures({});
    expect(f.studentsPlaced).toBeNull();
    expect(f.studentsCertifiedShare).toBeNull();
    expect(combineFigures([f]).wpbTrainedShare).toBeNull();
  });

  it('asks for the five school years up to the planning year', () => {
    expect(trendYears('2026-2027')).toEqual(['2022-2023', '2023-2024', '2024-2025', '2025-2026', '2026-2027']);
    expect(trendYears('2026-2027', 2)).toEqual(['2025-2026', '2026-2027']);
  });
});

describe('Overzicht OS Boss po sheet', () => {
  const sheet = overviewSheet(bossPoPlan, { current, history: [previous, empty, current] });

  it('is named after the school year', () => {
    expect(sheet.name).toBe('Overzicht OS Boss po 2026-2027');
    expect(overviewSheetName('2027-2028')).toBe('Overzicht OS Boss po 2027-2028');
  });

  it('shows key figures per board and combined', () => {
    expect(rowAfter(sheet, 'Kerncijfers per bestuur', 'Kerncijfer')).toEqual(['Kerncijfer', 'BOOR', 'Wijzer', 'Samen']);
    expect(rowAfter(sheet, 'Kerncijfers per bestuur', 'Studenten geplaatst bij werkplekbegeleiders')).toEqual([
      'Studenten geplaatst bij werkplekbegeleiders',
      10,
      30,
      40,
    ]);
    expect(rowAfter(sheet, 'Kerncijfers per bestuur', 'Aandeel studenten met een gecertificeerde werkplekbegeleider')).toEqual([
      'Aandeel studenten met een gecertificeerde werkplekbegeleider',
      0.9,
      0.5,
      0.6,
    ]);
    expect(rowAfter(sheet, 'Kerncijfers per bestuur', 'Scholen')).toEqual(['Scholen', 3, 'onbekend', 3]);
    expect(rowAfter(sheet, 'Kerncijfers per bestuur', 'Opfrisbijeenkomst nodig vóór 31 juli 2027')).toEqual([
      'Opfrisbijeenkomst nodig vóór 31 juli 2027',
      4,
      0,
      4,
    ]);
    expect(texts(sheet)).toContain('Nog niet ingediend: SIKO.');
  });

  it('writes shares as percent cells', () => {
    const r = rowAfter(sheet, 'Kerncijfers per bestuur', 'Werkplekbegeleiders met afgeronde scholing');
    expect(r).toEqual(['Werkplekbegeleiders met afgeronde scholing', 0.75, 0.25, 0.375]);
    const cell = sheet.cells.find((c) => c.value.kind === 'number' && c.value.number === 0.375)!;
    expect(cell.style).toBe('percent');
  });

  it('compares people per role with the plan’s numbers', () => {
    expect(rowAfter(sheet, 'Aantal per rol', 'Rol')).toEqual(['Rol', 'Samen', 'Volgens plan', 'Verschil', 'BOOR', 'Wijzer']);
    expect(rowAfter(sheet, 'Aantal per rol', 'werkplekbegeleider')).toEqual(['werkplekbegeleider', 16, 360, -344, 4, 12]);
    expect(rowAfter(sheet, 'Aantal per rol', 'trainer van de scholingen')).toEqual(['trainer van de scholingen', 1, 5, -4, 1, 0]);
  });

  it('compares facilitation hours with the norms', () => {
    expect(rowAfter(sheet, 'Facilitering tegen de norm', 'werkplekbegeleider')).toEqual(['werkplekbegeleider', 800, 750, -50]);
    expect(rowAfter(sheet, 'Facilitering per bestuur', 'Wijzer')).toEqual(['Wijzer', 500, 600, 1.2]);
    expect(rowAfter(sheet, 'Facilitering per bestuur', 'Samen')).toEqual(['Samen', 700, 750, 1.0714]);
  });

  it('shows the trend over the stored school years only, oldest first', () => {
    const heading = 'Ontwikkeling over de schooljaren';
    expect(rowAfter(sheet, heading, '2025-2026')).toEqual(['2025-2026', 0.5, 0.5, null, 20, 0, 1]);
    expect(rowAfter(sheet, heading, '2026-2027')).toEqual(['2026-2027', 0.6, 0.375, 0.75, 40, 3, 2]);
    expect(() => rowAfter(sheet, heading, '2024-2025')).toThrow();
  });

  it('draws charts over its tables, right of them and not on top of each other', () => {
    const byRow = rows(sheet);
    expect(sheet.charts.map((c) => c.title)).toEqual([
      'Geschoold en gecertificeerd per bestuur',
      'Opfrisbijeenkomsten per bestuur',
      'Aantal per rol tegen het plan',
      'Normuren en toegekende uren per bestuur',
      'Ontwikkeling over de schooljaren',
    ]);
    const trend = sheet.charts.at(-1)!;
    const [, start, end] = /^A(\d+):D(\d+)$/.exec(trend.range)!;
    expect(byRow.get(Number(start))![0]).toBe('Schooljaar');
    expect(byRow.get(Number(end))![0]).toBe('2026-2027');
    const anchors = sheet.charts.map((c) => /^([A-Z]+)(\d+)$/.exec(c.anchor)!);
    for (const [, column] of anchors) expect(column).toBe('I');
    const anchorRows = anchors.map((m) => Number(m[2]));
    for (let i = 1; i < anchorRows.length; i++) expect(anchorRows[i]! - anchorRows[i - 1]!).toBeGreaterThanOrEqual(16);
  });
});
