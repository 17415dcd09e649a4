// The summary sheet (`Scholingsbehoefte YYYY-YYYY`) as a complete worksheet part. It is ours: replaced on
// every run, so it is written from scratch with the styles of the ReportStyle names.
import type { ReportSheetWrite, ReportStyle } from '../shared/report/write-plan';
import { columnLetter } from '../shared/sheet/address';
import { cellXml } from './sheet-patch';
import type { StyleBook, XfSpec } from './styles';

const GREY = '#595959';

export const SUMMARY_STYLES: Record<ReportStyle, XfSpec> = {
  title: { font: { bold: true, size: 16 } },
  subtitle: { font: { italic: true, color: GREY } },
  heading: { font: { bold: true, size: 12 }, fill: '#DDEBF7' },
  label: { font: { bold: true } },
  text: {},
  number: { numFmt: '#,##0' },
  hours: { numFmt: 'General' },
  percent: { numFmt: '0%' },
  date: { numFmt: 'dd-mm-yyyy', horizontal: 'left' },
  note: { font: { italic: true, color: GREY } },
};

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** `drawingRelId`: the sheet's relationship to the drawing holding its charts, if it has charts. */
export function summaryWorksheetXml(write: ReportSheetWrite, styles: StyleBook, date1904: boolean, drawingRelId: string | null = null): string {
  const ids = Object.fromEntries(
    (Object.keys(SUMMARY_STYLES) as ReportStyle[]).map((k) => [k, styles.xfId(SUMMARY_STYLES[k])]),
  ) as Record<ReportStyle, number>;
  const byRow = new Map<number, { column: number; xml: string }[]>();
  let maxRow = 1;
  let maxCol = 1;
  for (const c of write.cells) {
    const xml = cellXml('', `${columnLetter(c.column)}${c.row}`, c.value, ids[c.style], date1904);
    if (xml === null) continue;
    const list = byRow.get(c.row) ?? [];
    list.push({ column: c.column, xml });
    byRow.set(c.row, list);
    maxRow = Math.max(maxRow, c.row);
    maxCol = Math.max(maxCol, c.column);
  }
  const rows = [...byRow.keys()]
    .sort((a, b) => a - b)
    .map((r) => {
      const cells = byRow.get(r)!.sort((a, b) => a.column - b.column);
      return `<row r="${r}">${cells.map((c) => c.xml).join('')}</row>`;
    })
    .join('');
  const cols = write.columnWidths.length
    ? `<cols>${write.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet ${NS}><dimension ref="A1:${columnLetter(maxCol)}${maxRow}"/>` +
    '<sheetViews><sheetView workbookViewId="0" showGridLines="0"/></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rows}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    // CT_Worksheet puts drawing after pageMargins (and pageSetup, headerFooter, breaks, which we never write).
    (drawingRelId === null ? '' : `<drawing r:id="${drawingRelId}"/>`) +
    '</worksheet>'
  );
}
