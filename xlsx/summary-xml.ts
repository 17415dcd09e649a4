// A report sheet (`Scholingsbehoefte YYYY-YYYY`, `Per school …`, `Trainersvraag …`, `Overzicht …`) as a
// complete worksheet part. It is ours: replaced on every run, so it is written from scratch with the look
// of shared/report/styles.ts, the table the Office.js writer applies too.
import { fontOf, REPORT_STYLES, type ReportCellStyle } from '../shared/report/styles';
import type { ReportCellWrite, ReportSheetWrite, ReportStyle } from '../shared/report/write-plan';
import { columnLetter } from '../shared/sheet/address';
import { cellXml } from './sheet-patch';
import type { StyleBook, XfSpec } from './styles';
import { Utf8Writer, type EncodedText } from './utf8-writer';

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

/** Cells in sheet order, row by row and left to right; cells of one place keep the order given (a stable sort). */
function inSheetOrder(cells: readonly ReportCellWrite[]): readonly ReportCellWrite[] {
  // The layouts write row by row, left to right: most sheets need no sort at all.
  for (let i = 1; i < cells.length; i++) {
    const a = cells[i - 1]!;
    const b = cells[i]!;
    if (a.row > b.row || (a.row === b.row && a.column > b.column)) return [...cells].sort((x, y) => x.row - y.row || x.column - y.column);
  }
  return cells;
}

/** `drawingRelId`: the sheet's relationship to the drawing holding its charts, if it has charts. */
export function summaryWorksheetXml(write: ReportSheetWrite, styles: StyleBook, date1904: boolean, drawingRelId: string | null = null): EncodedText {
  const ids = Object.fromEntries(
    (Object.keys(REPORT_STYLES) as ReportStyle[]).map((k) => [k, styles.xfId(xfSpec(REPORT_STYLES[k]))]),
  ) as Record<ReportStyle, number>;
  // One pass over the cells in sheet order, each row one string as it closes, written straight to UTF-8
  // (utf8-writer.ts): the Per school sheet of a large board has tens of thousands of cells (5,000 rows: 1.4 MB).
  const cols = write.columnWidths.length
    ? `<cols>${write.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const rows = new Utf8Writer(256 * write.cells.length);
  let row = 0;
  let rowXml = '';
  let maxRow = 1;
  let maxCol = 1;
  const cells = inSheetOrder(write.cells);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    const xml = cellXml('', `${columnLetter(c.column)}${c.row}`, c.value, ids[c.style], date1904);
    if (xml === null) continue;
    if (c.row !== row) {
      if (row !== 0) rows.write(`<row r="${row}">${rowXml}</row>`);
      row = c.row;
      rowXml = '';
    }
    rowXml += xml;
    maxRow = Math.max(maxRow, c.row);
    maxCol = Math.max(maxCol, c.column);
  }
  if (row !== 0) rows.write(`<row r="${row}">${rowXml}</row>`);
  // The dimension, known only now, goes before the rows.
  const out = new Utf8Writer(rows.result().bytes.length + 1024);
  out.write(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<worksheet ${NS}><dimension ref="A1:${columnLetter(maxCol)}${maxRow}"/>` +
      '<sheetViews><sheetView workbookViewId="0" showGridLines="0"/></sheetViews>' +
      `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`,
  );
  out.append(rows.result());
  out.write(
    '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      // CT_Worksheet puts drawing after pageMargins (and pageSetup, headerFooter, breaks, which we never write).
      (drawingRelId === null ? '' : `<drawing r:id="${drawingRelId}"/>`) +
      '</worksheet>',
  );
  return out.result();
}
