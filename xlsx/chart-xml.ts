// The native charts of a report sheet as DrawingML parts: one chart part per ChartWrite and one drawing part
// that anchors them on the sheet. The XML mirrors what Excel itself writes for a clustered column or bar
// chart, trimmed to the elements it needs, in the schema's element order (a misordered element makes Excel
// offer to repair the file). Each series carries a cache of the sheet's values, so a viewer shows the chart
// without recalculating.
import type { ChartWrite, ReportSheetWrite, WriteValue } from '../shared/report/write-plan';
import { escapeXml, parseRange, parseRef } from './xml';

const C_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XDR_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The size of every chart, in cells from its anchor. */
export const CHART_COLUMNS = 10;
export const CHART_ROWS = 18;

/**
 * Series fills: the accent colours of Office's default theme, in Excel's order, so the bars look as Excel
 * would draw them. Written explicitly: without `c:spPr` a viewer takes the colour from the theme part, and
 * LibreOffice draws no bars at all in a workbook without one.
 */
export const SERIES_COLOURS = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'] as const;

/** Axis ids only need to be unique within one chart part. */
const CAT_AX = 500000001;
const VAL_AX = 500000002;

/** `Blad 1` → `'Blad 1'`, as a sheet name is written in a formula. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function absolute(column: number, row: number): string {
  let letters = '';
  for (let x = column; x > 0; x = Math.floor((x - 1) / 26)) letters = String.fromCharCode(65 + ((x - 1) % 26)) + letters;
  return `$${letters}$${row}`;
}

function ref(sheet: string, c1: number, r1: number, c2 = c1, r2 = r1): string {
  const from = absolute(c1, r1);
  const to = absolute(c2, r2);
  return `${quoteSheet(sheet)}!${from === to ? from : `${from}:${to}`}`;
}

function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : '0';
}

/** A cell's text as a category or series name shows it; null for an empty cell. */
function cellText(value: WriteValue | undefined): string | null {
  if (!value) return null;
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'number':
      return numberText(value.number);
    case 'date':
      return value.iso;
    case 'empty':
      return null;
  }
}

function strRef(f: string, values: (string | null)[]): string {
  const pts = values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`)).join('');
  return `<c:strRef><c:f>${escapeXml(f)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(f: string, values: (number | null)[]): string {
  const pts = values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${numberText(v)}</c:v></c:pt>`)).join('');
  return `<c:numRef><c:f>${escapeXml(f)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef>`;
}

function richText(text: string, size: number | null): string {
  const sz = size === null ? '' : ` sz="${size}"`;
  return (
    `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr${sz}/></a:pPr>` +
    `<a:r><a:rPr lang="nl-NL"${sz}/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich>`
  );
}

/** The cell values of the sheet by `row:column`. */
export function cellValues(sheet: ReportSheetWrite): Map<string, WriteValue> {
  return new Map(sheet.cells.map((c) => [`${c.row}:${c.column}`, c.value]));
}

/**
 * A `c:chartSpace` for one chart over `chart.range` of the sheet: the range's first row holds the series
 * names, its first column the categories, every further column one series.
 */
export function chartXml(sheetName: string, chart: ChartWrite, cells: Map<string, WriteValue>, date1904: boolean): string {
  const r = parseRange(chart.range);
  if (!r || r.c2 <= r.c1 || r.r2 <= r.r1) throw new Error(`chart range ${chart.range} needs a header row, a category column and a series column`);
  const at = (row: number, column: number) => cells.get(`${row}:${column}`);
  const rows: number[] = [];
  for (let row = r.r1 + 1; row <= r.r2; row++) rows.push(row);
  const categories = rows.map((row) => cellText(at(row, r.c1)));
  const catF = ref(sheetName, r.c1, r.r1 + 1, r.c1, r.r2);
  const series: string[] = [];
  for (let column = r.c1 + 1; column <= r.c2; column++) {
    const i = column - r.c1 - 1;
    const values = rows.map((row) => {
      const v = at(row, column);
      return v?.kind === 'number' ? v.number : null;
    });
    series.push(
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx>${strRef(ref(sheetName, column, r.r1), [cellText(at(r.r1, column))])}</c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${SERIES_COLOURS[i % SERIES_COLOURS.length]}"/></a:solidFill></c:spPr>` +
        '<c:invertIfNegative val="0"/>' +
        `<c:cat>${strRef(catF, categories)}</c:cat>` +
        `<c:val>${numRef(ref(sheetName, column, r.r1 + 1, column, r.r2), values)}</c:val>` +
        '</c:ser>',
    );
  }
  const horizontal = chart.type === 'barClustered';
  // One series needs no legend: the title says what the bars are (as Excel does for a single series).
  const legend = series.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : '';
  const axis = (id: number) => `<c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>`;
  return (
    DECLARATION +
    `<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">` +
    `<c:date1904 val="${date1904 ? 1 : 0}"/><c:roundedCorners val="0"/>` +
    '<c:chart>' +
    `<c:title><c:tx>${richText(chart.title, 1400)}</c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/>' +
    '<c:plotArea><c:layout/>' +
    `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    series.join('') +
    `<c:gapWidth val="182"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>` +
    `<c:catAx>${axis(CAT_AX)}<c:axPos val="${horizontal ? 'l' : 'b'}"/>` +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx>${axis(VAL_AX)}<c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines/>` +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    '</c:plotArea>' +
    legend +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    '</c:chart>' +
    '</c:chartSpace>'
  );
}

/**
 * An `xdr:wsDr` placing chart i (relationship `relIds[i]`) at its anchor, CHART_COLUMNS × CHART_ROWS cells,
 * or less high where the next chart below it in the same column starts sooner (charts never overlap).
 */
export function drawingXml(charts: ChartWrite[], relIds: string[]): string {
  const corners = charts.map((chart) => {
    const at = parseRef(chart.anchor);
    if (!at) throw new Error(`chart anchor ${chart.anchor} is not a cell address`);
    return at;
  });
  const anchors = corners.map((at, i) => {
    const below = corners.filter((o) => o.column === at.column && o.row > at.row).map((o) => o.row - at.row);
    const height = Math.min(CHART_ROWS, ...below);
    const marker = (tag: string, column: number, row: number) =>
      `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    // Markers are 0-based: column A is 0, row 1 is 0.
    return (
      '<xdr:twoCellAnchor>' +
      marker('from', at.column - 1, at.row - 1) +
      marker('to', at.column - 1 + CHART_COLUMNS, at.row - 1 + height) +
      '<xdr:graphicFrame macro="">' +
      `<xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(`Grafiek ${i + 1}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" xmlns:r="${R_NS}" r:id="${relIds[i]}"/></a:graphicData></a:graphic>` +
      '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
    );
  });
  return DECLARATION + `<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}">${anchors.join('')}</xdr:wsDr>`;
}
