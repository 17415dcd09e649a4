// Writing one report sheet (Trainersvraag, Overzicht) through the Office adapter, with its native charts.
import type { ReportSheetWrite } from '../../../shared/report/write-plan';
import type { ExcelRun } from '../excel/types';
import { applyWritePlan } from '../excel/write';
import { workbookDate1904 } from '../excel/workbook';

export async function writeReportSheet(run: ExcelRun, sheet: ReportSheetWrite): Promise<void> {
  const date1904 = await workbookDate1904(run);
  await applyWritePlan(run, { sheets: [], reportSheets: [sheet] }, { date1904, activateReport: true });
}
