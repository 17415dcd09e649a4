import { describe, expect, it } from 'vitest';
import type { NeedsGetResponse } from '../../shared/api/needs';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { demandSheet, demandSheetName } from '../../shared/report/trainer-demand-sheet';
import { rowAfter, rows, texts } from './sheet-helpers';

const WPB = 'Scholing werkplekbegeleiders (Coaching voor werkplekbegeleiders)';
const SOIO = 'Scholing school- en instituutsopleiders';
const OB = 'Scholing onderzoeksbegeleiders';

function needs(over: Partial<NeedsGetResponse> = {}): NeedsGetResponse {
  return {
    schoolYear: '2026-2027',
    boards: {
      BOOR: { needs: { WPB: { initial: 9 }, SOIO: { initial: 2 } }, submittedAt: '2026-11-28T10:00:00.000Z', version: 2 },
      Wijzer: { needs: { WPB: { initial: 7 }, OB: { initial: 13 } }, submittedAt: '2026-11-30T23:30:00.000Z', version: 1 },
    },
    combined: {
      needs: {
        WPB: { initial: 16, groups: 1, trainerHours: 18 },
        SOIO: { initial: 2, groups: 1, trainerHours: 18 },
        OB: { initial: 13, groups: 2, trainerHours: 10 },
      },
      pools: { trainers: { trainerHours: 36, perTrainer: 7.2 }, 'docent-onderzoekers': { trainerHours: 10 } },
    },
    missing: ['SIKO', 'OZHW'],
    ...over,
  };
}

describe('Trainersvraag sheet', () => {
  it('is named after the school year', () => {
    expect(demandSheet(bossPoPlan, needs()).name).toBe('Trainersvraag 2026-2027');
    expect(demandSheetName('2027-2028')).toBe('Trainersvraag 2027-2028');
  });

  it('shows every board’s need per training and the combined need: 9 and 7 WPB give 16 people in 1 group', () => {
    const sheet = demandSheet(bossPoPlan, needs());
    const header = rowAfter(sheet, 'Behoefte per bestuur', 'Scholing');
    expect(header).toEqual(['Scholing', 'BOOR', 'Wijzer', 'Samen']);
    expect(rowAfter(sheet, 'Behoefte per bestuur', WPB)).toEqual([WPB, 9, 7, 16]);
    expect(rowAfter(sheet, 'Behoefte per bestuur', OB)).toEqual([OB, 0, 13, 13]);
    const groups = rowAfter(sheet, 'Groepen, bijeenkomsten', WPB);
    expect(groups).toEqual([WPB, 16, 16, 1, 6, 18, 'trainers']);
    expect(rowAfter(sheet, 'Groepen, bijeenkomsten', OB)).toEqual([OB, 13, 12, 2, 4, 10, 'docent-onderzoekers']);
  });

  it('lists the boards that have not submitted, and when the others did (in Amsterdam time)', () => {
    const sheet = demandSheet(bossPoPlan, needs());
    expect(rowAfter(sheet, 'Ingediend', 'BOOR')).toEqual(['BOOR', '2026-11-28', 2]);
    expect(rowAfter(sheet, 'Ingediend', 'Wijzer')).toEqual(['Wijzer', '2026-12-01', 1]);
    expect(rowAfter(sheet, 'Ingediend', 'SIKO')).toEqual(['SIKO', 'nog niet ingediend']);
    expect(texts(sheet)).toContain('Nog niet ingediend: OZHW, SIKO. Hun behoefte telt nog niet mee.');
    expect(rowAfter(sheet, 'Schooljaar', 'Besturen met ingediende behoefte')).toEqual(['Besturen met ingediende behoefte', '2 van 4']);
  });

  it('splits WPB groups over an autumn and a spring round: 3 groups → najaar 2, voorjaar 1', () => {
    const input = needs({
      combined: {
        needs: { WPB: { initial: 40, groups: 3, trainerHours: 54 } },
        pools: { trainers: { trainerHours: 54, perTrainer: 10.8 } },
      },
    });
    const sheet = demandSheet(bossPoPlan, input);
    const heading = `${WPB}: 2 rondes`;
    expect(rowAfter(sheet, heading, 'Ronde')).toEqual(['Ronde', 'Groepen', 'Bijeenkomsten', 'Trainersuren', 'Uren per trainer (5)']);
    expect(rowAfter(sheet, heading, 'najaar')).toEqual(['najaar', 2, 12, 36, 7.2]);
    expect(rowAfter(sheet, heading, 'voorjaar')).toEqual(['voorjaar', 1, 6, 18, 3.6]);
    expect(rowAfter(sheet, 'Uren per trainer', `${WPB}, najaar`)).toEqual([`${WPB}, najaar`, 36, 7.2]);
    expect(rowAfter(sheet, 'Uren per trainer', 'Totaal')).toEqual(['Totaal', 54, 10.8]);
  });

  it('gives trainer hours per pool and per trainer for the plan’s 5 trainers', () => {
    const sheet = demandSheet(bossPoPlan, needs());
    expect(rowAfter(sheet, 'Trainersuren per pool', 'trainers')).toEqual(['trainers', 36, 5, 7.2]);
    expect(rowAfter(sheet, 'Trainersuren per pool', 'docent-onderzoekers')).toEqual([
      'docent-onderzoekers',
      10,
      'niet in het plan',
    ]);
    expect(rowAfter(sheet, 'Uren per trainer', SOIO)).toEqual([SOIO, 18, 3.6]);
  });

  it('prints the plan numbers it used and marks the assumptions', () => {
    const sheet = demandSheet(bossPoPlan, needs());
    expect(rowAfter(sheet, 'Uitgangspunten', 'groepsgrootte scholing werkplekbegeleiders')).toEqual([
      'groepsgrootte scholing werkplekbegeleiders',
      16,
      'aanname',
    ]);
    const rounds = bossPoPlan.trainings.find((t) => t.code === 'WPB')!.rounds!.perYear.label;
    expect(rowAfter(sheet, 'Uitgangspunten', rounds)).toEqual([rounds, 2, 'plan §4']);
  });

  it('charts the need per board over the board table', () => {
    const sheet = demandSheet(bossPoPlan, needs());
    const headerRow = [...rows(sheet).entries()].find(([, v]) => v[0] === 'Scholing' && v[1] === 'BOOR')![0];
    const lastTraining = headerRow + bossPoPlan.trainings.length;
    expect(sheet.charts).toEqual([
      {
        title: 'Nog te scholen per scholing en bestuur',
        type: 'columnClustered',
        range: `A${headerRow}:C${lastTraining}`,
        anchor: `I${headerRow - 1}`,
      },
    ]);
  });

  it('says so when no board has submitted, and draws no chart', () => {
    const sheet = demandSheet(bossPoPlan, {
      schoolYear: '2026-2027',
      boards: {},
      combined: { needs: {}, pools: {} },
      missing: ['BOOR'],
    });
    expect(texts(sheet)).toContain('Nog geen enkel bestuur heeft zijn behoefte ingediend.');
    expect(sheet.charts).toEqual([]);
    expect(rowAfter(sheet, 'Groepen, bijeenkomsten', WPB)).toEqual([WPB, 0, 16, 0, 0, 0, 'trainers']);
  });
});
