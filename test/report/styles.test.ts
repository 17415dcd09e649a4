// One look for the report sheets (shared/report/styles.ts): the .xlsx writer (CLI, browser mode) and the
// Office.js writer (task pane) render the same report with the same number format, font and fill in every
// cell. The .xlsx package is read back with exceljs, the task pane's writes land in the strict fake host.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { applyWritePlan } from '../../addin/src/excel/write';
import type { NeedsGetResponse } from '../../shared/api/needs';
import { checkWorkbook } from '../../shared/check';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { perSchoolSheetName } from '../../shared/report/per-school-sheet';
import { overviewSheet } from '../../shared/report/steering-overview-sheet';
import { REPORT_STYLES, type ReportCellStyle } from '../../shared/report/styles';
import { summarySheetName } from '../../shared/report/summary-sheet';
import { demandSheet } from '../../shared/report/trainer-demand-sheet';
import type { ReportSheetWrite } from '../../shared/report/write-plan';
import { columnLetter } from '../../shared/sheet/address';
import { openWorkbook } from '../../xlsx/load';
import { writeWorkbook } from '../../xlsx/write';
import { createFakeExcel } from '../support/fake-office/excel';
import { emptySheet, workbookState, type FakeSheet } from '../support/fake-office/workbook';

const YEAR = '2026-2027';
/** A made-up staff workbook with a school column, so a check writes the summary and the Per school sheet. */
const EXAMPLE = fileURLToPath(new URL('../../examples/boor-personeel.xlsx', import.meta.url));

function needs(schoolYear: NeedsGetResponse['schoolYear']): NeedsGetResponse {
  return {
    schoolYear,
    boards: {
      BOOR: {
        needs: { WPB: { initial: 1_234 }, SOIO: { initial: 2 }, OB: { initial: 13 } },
        exemptions: { WPB: 2 },
        keyFigures: { studentsPlaced: 1_500, studentsWithCertifiedWpb: 900, wpbTrainedShare: 0.6, soioTrainedShare: 0.5, schoolsWithTrainedOb: 3, schools: 12, refreshersOverdue: 4, refreshersDue: 7 },
        roles: { WPB: { count: 300, plan: 360 } },
        facilitation: { WPB: { normHours: 1_234.5, hoursGranted: 1_000.25 }, total: { normHours: 1_234.5, hoursGranted: 1_000.25 } },
        submittedAt: '2026-11-28T10:00:00.000Z',
        version: 2,
      },
      Wijzer: { needs: { WPB: { initial: 7 } }, submittedAt: '2026-11-30T10:00:00.000Z', version: 1 },
    },
    combined: { needs: {}, pools: {} },
    missing: ['SIKO'],
  };
}

/** What a cell looks like, as the writers' outputs say, in the table's terms. */
type Look = Pick<ReportCellStyle, 'numberFormat' | 'bold' | 'italic' | 'size' | 'fontColor' | 'fill' | 'horizontal'>;

const hex = (argb: string | undefined) => (argb ? `#${argb.slice(-6).toUpperCase()}` : null);

/** Every written cell of a report sheet in the .xlsx package, read back with exceljs. */
function xlsxLooks(ws: ExcelJS.Worksheet, defaultSize: number): Map<string, Look> {
  const out = new Map<string, Look>();
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const fill = cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid' ? hex(cell.fill.fgColor?.argb) : null;
      const size = cell.font?.size ?? defaultSize;
      out.set(cell.address, {
        numberFormat: cell.numFmt || 'General',
        bold: cell.font?.bold === true,
        italic: cell.font?.italic === true,
        size: size === defaultSize ? null : size,
        fontColor: hex(cell.font?.color?.argb),
        fill,
        horizontal: cell.alignment?.horizontal === 'left' ? 'left' : null,
      });
    }),
  );
  return out;
}

/** The same cells of the sheet the task pane wrote into the fake host. */
function paneLooks(sheet: FakeSheet, addresses: Iterable<string>): Map<string, Look> {
  const out = new Map<string, Look>();
  for (const address of addresses) {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    const column = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const key = `${Number(m[2]) - 1},${column - 1}`;
    const font = sheet.fonts[key] ?? {};
    out.set(address, {
      numberFormat: sheet.numberFormats[key] ?? 'General',
      bold: font.bold === true,
      italic: font.italic === true,
      size: font.size ?? null,
      fontColor: font.color ? font.color.toUpperCase() : null,
      fill: sheet.fills[key] ? sheet.fills[key]!.toUpperCase() : null,
      horizontal: sheet.alignments[key] === 'Left' ? 'left' : null,
    });
  }
  return out;
}

async function reportSheets(): Promise<ReportSheetWrite[]> {
  const book = await openWorkbook(new Uint8Array(readFileSync(EXAMPLE)));
  const result = await checkWorkbook(
    { file: 'boor-personeel.xlsx', sheets: book.sheets, date1904: book.date1904 },
    { plan: bossPoPlan, referenceDate: '2026-11-28', planningYear: YEAR },
  );
  const checked = result.workbooks[0]!.writePlan!.reportSheets;
  expect(checked.map((s) => s.name)).toEqual([summarySheetName(YEAR), perSchoolSheetName(YEAR)]);
  return [...checked, demandSheet(bossPoPlan, needs(YEAR)), overviewSheet(bossPoPlan, { current: needs(YEAR), history: [needs('2025-2026')] })];
}

describe('one look for the report sheets, whichever writer', () => {
  it('summary, Per school, Trainersvraag and Overzicht: the same number format, font and fill in every cell from both writers', async () => {
    const sheets = await reportSheets();

    // xlsx/ (CLI, browser mode): a workbook with one staff sheet, the report sheets added beside it.
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet('Personeel').getCell('A1').value = 'Naam';
    const opened = await openWorkbook(new Uint8Array(await blank.xlsx.writeBuffer()));
    const written = new ExcelJS.Workbook();
    await written.xlsx.load((await writeWorkbook(opened, { sheets: [], reportSheets: sheets })).buffer as ArrayBuffer);

    // The task pane (Office.js adapter) against the fake host.
    const fake = createFakeExcel(workbookState([emptySheet('Personeel', [['Naam']])]));
    await applyWritePlan(fake.run, { sheets: [], reportSheets: sheets }, { date1904: false });

    const styles = new Set<string>();
    for (const sheet of sheets) {
      const fromXlsx = xlsxLooks(written.getWorksheet(sheet.name)!, 11);
      const fromPane = paneLooks(fake.state.sheets.find((s) => s.name === sheet.name)!, fromXlsx.keys());
      const wanted = new Map(sheet.cells.map((c) => [`${columnLetter(c.column)}${c.row}`, { ...REPORT_STYLES[c.style] }]));
      expect(fromXlsx.size, sheet.name).toBe(wanted.size);
      for (const [address, look] of wanted) {
        expect(fromXlsx.get(address), `${sheet.name}!${address} (.xlsx)`).toEqual(look);
        expect(fromPane.get(address), `${sheet.name}!${address} (task pane)`).toEqual(look);
      }
      for (const c of sheet.cells) styles.add(c.style);
    }
    // Every style of the table is in these four sheets, so every entry was compared.
    expect([...styles].sort()).toEqual(Object.keys(REPORT_STYLES).sort());
  });

  it('uses the formats a Dutch HR reader expects: thousands separated, hours with two decimals, the grey of Excel’s palette', () => {
    expect(REPORT_STYLES.number.numberFormat).toBe('#,##0');
    expect(REPORT_STYLES.hours.numberFormat).toBe('#,##0.00');
    expect(REPORT_STYLES.percent.numberFormat).toBe('0%');
    expect(REPORT_STYLES.date.numberFormat).toBe('dd-mm-yyyy');
    expect(REPORT_STYLES.subtitle.fontColor).toBe('#595959');
    expect(REPORT_STYLES.note.fontColor).toBe('#595959');
    expect(REPORT_STYLES.heading.fill).toBe('#DDEBF7');
  });
});
