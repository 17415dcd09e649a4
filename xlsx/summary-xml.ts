// A report sheet (`Scholingsbehoefte YYYY-YYYY`, `Per school …`, `Trainersvraag …`, `Overzicht …`) as a
// complete worksheet part. It is ours: replaced on every run, so it is written from scratch with the look
// of shared/report/styles.ts, the table the Office.js writer applies too.
import { fontOf, REPORT_STYLES, type ReportCellStyle } from '../shared/report/styles';
import type { ReportSheetWrite, ReportStyle } from '../shared/report/write-plan';
import { columnLetter } from '../shared/sheet/address';
import { cellXml } from './sheet-patch';
import type { StyleBook, XfSpec } from './styles';

/** A report style as a cell format of the styles part. */
function xfSpec(style: ReportCellStyle): XfSpec {
  const font = fontOf(style);
  return {
    numFmt: style.numberFormat,
    ...(font !== null ? { font } : {}),
    ...(style.fill !== null ? { fill: style.fill } : {}),
    ...(style.horizontal !== null ? { horizontal: style.horizontal } : {}),
  };
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** `drawingRelId`: the sheet's relationship to the drawing holding its charts, if it has charts. */
export function summaryWorksheetXml(write: ReportSheetWrite, styles: StyleBook, date1904: boolean, drawingRelId: string | null = null): string {
  const ids = Object.fromEntries(
    (Object.keys(REPORT_STYLES) as ReportStyle[]).map((k) => [k, styles.xfId(xfSpec(REPORT_STYLES[k]))]),
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
