// rules.md §5.3 (spec v2): the summary sheet, the Trainersvraag and the Overzicht count exemptions per
// training; the report sheets come out the same from both writers (xlsx/ for the CLI and browser mode,
// the task pane's Office.js adapter against the fake host).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeReportSheet } from '../../addin/src/views/report';
import type { NeedsGetResponse } from '../../shared/api/needs';
import type { Summary } from '../../shared/model/summary';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { demandSheet } from '../../shared/report/trainer-demand-sheet';
import { overviewSheet } from '../../shared/report/steering-overview-sheet';
import { summarySheet } from '../../shared/report/summary-sheet';
import type { ReportSheetWrite } from '../../shared/report/write-plan';
import { boardFigures, combineFigures } from '../../shared/summary/steering-figures';
import { openWorkbook } from '../../xlsx/load';
import { writeWorkbook } from '../../xlsx/write';
import { createFakeExcel } from '../support/fake-office/excel';
import { emptySheet, workbookState } from '../support/fake-office/workbook';
import { rowAfter } from './sheet-helpers';

const WPB = 'Scholing werkplekbegeleiders (Coaching voor werkplekbegeleiders)';
const OB = 'Scholing onderzoeksbegeleiders';
const SOIO = 'Scholing school- en instituutsopleiders';

function needs(): NeedsGetResponse {
  return {
    schoolYear: '2026-2027',
    boards: {
      BOOR: { needs: { WPB: { initial: 9 } }, exemptions: { WPB: 2, OB: 1 }, submittedAt: '2026-11-28T10:00:00.000Z', version: 2 },
      Wijzer: { needs: { WPB: { initial: 7 } }, exemptions: { WPB: 3 }, submittedAt: '2026-11-29T10:00:00.000Z', version: 1 },
      // Submitted before spec v2: no exemption counts.
      OZHW: { needs: { OB: { initial: 1 } }, submittedAt: '2026-11-01T10:00:00.000Z', version: 1 },
    },
    combined: { needs: { WPB: { initial: 16, groups: 1, trainerHours: 18 } }, pools: { trainers: { trainerHours: 18, perTrainer: 3.6 } } },
    missing: [],
  };
}

const summary: Summary = {
  needs: { WPB: { initial: 1, groups: 1, sessions: 6, trainerHours: 18 } },
  pools: {},
  keyFigures: { studentsPlaced: 2, studentsWithCertifiedWpb: 2, wpbTrainedShare: 1, soioTrainedShare: null, schoolsWithTrainedOb: null, schools: null, refreshersOverdue: 0, refreshersDue: 0 },
  roles: { WPB: { count: 3, plan: 360 } },
  facilitation: {},
  exemptions: { WPB: 2, OB: 1 },
  perSchool: null,
};

describe('exemption counts in the report sheets', () => {
  it('summary sheet: exemptions per training, 0 where none', () => {
    const sheet = summarySheet({ plan: bossPoPlan, referenceDate: '2026-11-28', planningYear: '2026-2027', summary, sheets: [] });
    expect(rowAfter(sheet, 'Vrijstellingen per scholing', 'Scholing')).toEqual(['Scholing', 'Vrijgesteld']);
    expect(rowAfter(sheet, 'Vrijstellingen per scholing', WPB)).toEqual([WPB, 2]);
    expect(rowAfter(sheet, 'Vrijstellingen per scholing', OB)).toEqual([OB, 1]);
    expect(rowAfter(sheet, 'Vrijstellingen per scholing', SOIO)).toEqual([SOIO, 0]);
  });

  it('Trainersvraag: exemptions per board and together; "onbekend" for a board that sent none', () => {
    const sheet = demandSheet(bossPoPlan, needs());
    expect(rowAfter(sheet, 'Vrijgesteld per bestuur', 'Scholing')).toEqual(['Scholing', 'BOOR', 'OZHW', 'Wijzer', 'Samen']);
    expect(rowAfter(sheet, 'Vrijgesteld per bestuur', WPB)).toEqual([WPB, 2, 'onbekend', 3, 5]);
    expect(rowAfter(sheet, 'Vrijgesteld per bestuur', OB)).toEqual([OB, 1, 'onbekend', 0, 1]);
  });

  it('Overzicht: exemptions per board and combined', () => {
    const sheet = overviewSheet(bossPoPlan, { current: needs(), history: [] });
    expect(rowAfter(sheet, 'Vrijstellingen per scholing', WPB)).toEqual([WPB, 2, 'onbekend', 3, 5]);
    expect(rowAfter(sheet, 'Vrijstellingen per scholing', SOIO)).toEqual([SOIO, 0, 'onbekend', 0, 0]);
    const boards = needs().boards;
    expect(combineFigures([boardFigures(boards.OZHW!)]).exemptions).toBeNull();
    expect(combineFigures(Object.values(boards).map(boardFigures)).exemptions).toEqual({ WPB: 5, OB: 1 });
  });

  it.each<[string, () => ReportSheetWrite]>([
    ['Trainersvraag', () => demandSheet(bossPoPlan, needs())],
    ['Overzicht', () => overviewSheet(bossPoPlan, { current: needs(), history: [] })],
    ['Scholingsbehoefte', () => summarySheet({ plan: bossPoPlan, referenceDate: '2026-11-28', planningYear: '2026-2027', summary, sheets: [] })],
  ])('%s: the xlsx writer and the task pane write the same cells', async (_, build) => {
    const sheet = build();
    const heading = sheet.cells.find((c) => c.value.kind === 'text' && /^Vrij(stellingen|gesteld) per/.test(c.value.text))!;
    const wpbRow = sheet.cells.find((c) => c.row > heading.row && c.column === 1 && c.value.kind === 'text' && c.value.text === WPB)!.row;
    const expected = sheet.cells
      .filter((c) => c.row === wpbRow)
      .map((c) => (c.value.kind === 'text' ? c.value.text : c.value.kind === 'number' ? c.value.number : null));

    // xlsx/ (CLI, browser mode): a workbook with one staff sheet, the report sheet added beside it.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Personeel').getCell('A1').value = 'Naam';
    const opened = await openWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    const written = new ExcelJS.Workbook();
    await written.xlsx.load((await writeWorkbook(opened, { sheets: [], reportSheets: [sheet] })).buffer as ArrayBuffer);
    const ws = written.getWorksheet(sheet.name)!;
    const fromXlsx = expected.map((_, i) => ws.getRow(wpbRow).getCell(i + 1).value);
    expect(fromXlsx).toEqual(expected);

    // The task pane (Office.js adapter) against the fake host.
    const fake = createFakeExcel(workbookState([emptySheet('Personeel', [['Naam']])]));
    await writeReportSheet(fake.run, sheet);
    const paneSheet = fake.state.sheets.find((s) => s.name === sheet.name)!;
    const fromPane = expected.map((_, i) => paneSheet.values[wpbRow - 1]?.[i] ?? null);
    expect(fromPane).toEqual(expected);
  });
});
