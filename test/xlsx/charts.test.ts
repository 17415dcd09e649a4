// Native charts on the report sheets written through the .xlsx adapter: the chart and drawing parts, their
// relationships and content types, series over the right cells with caches holding the sheet's values,
// element order as the schema wants it, the same bytes on a second run, no orphan parts, and the user's own
// drawings and charts untouched.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../shared/check';
import { bossPoPlan } from '../../shared/plan/bosspo';
import type { ReportSheetWrite } from '../../shared/report/write-plan';
import { openWorkbook } from '../../xlsx/load';
import { parseRelationships, relsPathOf } from '../../xlsx/parts';
import { writeWorkbook } from '../../xlsx/write';
import { unescapeXml } from '../../xlsx/xml';
import { bytesOf, d, richStaffWorkbook } from '../fixtures/workbooks';
import { excelRuleProblems } from '../support/ooxml/excel-rules';
import { validatePackage } from '../support/ooxml/schemas';

const OPTIONS = { plan: bossPoPlan, referenceDate: '2026-11-28', planningYear: '2026-2027' } as const;
const SUMMARY = 'Scholingsbehoefte 2026-2027';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

async function checkBytes(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = await openWorkbook(bytes);
  const result = await checkWorkbook({ file: 'werkmap.xlsx', sheets: wb.sheets, date1904: wb.date1904 }, OPTIONS);
  const plan = result.workbooks[0]!.writePlan;
  if (!plan) throw new Error('nothing to write');
  return writeWorkbook(wb, plan);
}

async function writeSummary(bytes: Uint8Array, summary: ReportSheetWrite): Promise<Uint8Array> {
  return writeWorkbook(await openWorkbook(bytes), { sheets: [], reportSheets: [summary] });
}

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out[name] = await f.async('string');
  return out;
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  return wb;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** `{ 'xl/charts/chart1.xml': CHART_TYPE, … }` from the Override entries. */
function overrides(types: string): Record<string, string> {
  return Object.fromEntries([...types.matchAll(/<Override PartName="\/([^"]+)" ContentType="([^"]+)"\/>/g)].map((m) => [m[1]!, m[2]!]));
}

/** The relationships of a part, with targets resolved to package paths. */
function relsOf(p: Record<string, string>, owner: string) {
  const xml = p[relsPathOf(owner)];
  return xml ? parseRelationships(xml, owner) : [];
}

/** Package problems: a relationship to a missing part, an override without its part, a part nothing refers to. */
function orphans(p: Record<string, string>): string[] {
  const problems: string[] = [];
  const reached = new Set<string>();
  const queue = [''];
  while (queue.length > 0) {
    for (const rel of relsOf(p, queue.pop()!)) {
      if (rel.external || reached.has(rel.target)) continue;
      if (!(rel.target in p)) problems.push(`missing ${rel.target}`);
      reached.add(rel.target);
      queue.push(rel.target);
    }
  }
  for (const name of Object.keys(overrides(p['[Content_Types].xml']!))) if (!(name in p)) problems.push(`override without part ${name}`);
  for (const name of Object.keys(p)) {
    if (name === '[Content_Types].xml') continue;
    const owner = /^(.*?)_rels\/([^/]*)\.rels$/.exec(name);
    if (owner ? owner[1]! + owner[2]! !== '' && !(owner[1]! + owner[2]! in p) : !reached.has(name)) problems.push(`orphan ${name}`);
  }
  return problems;
}

/** An element tree of machine-written XML (no comments, no CDATA). */
interface XmlNode {
  name: string;
  attrs: string;
  children: XmlNode[];
  text: string;
}

function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#document', attrs: '', children: [], text: '' };
  const stack = [root];
  let last = 0;
  for (const m of xml.matchAll(/<(\/?)([\w:]+)([^>]*?)(\/?)>/g)) {
    stack[stack.length - 1]!.text += unescapeXml(xml.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1]) {
      expect(stack.pop()!.name).toBe(m[2]);
      continue;
    }
    const node: XmlNode = { name: m[2]!, attrs: m[3]!, children: [], text: '' };
    stack[stack.length - 1]!.children.push(node);
    if (!m[4]) stack.push(node);
  }
  expect(stack).toHaveLength(1);
  return root.children[0]!;
}

const child = (n: XmlNode, name: string) => n.children.find((c) => c.name === name);
const children = (n: XmlNode, name: string) => n.children.filter((c) => c.name === name);
const attr = (n: XmlNode, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(n.attrs)?.[1];
const val = (n: XmlNode | undefined) => (n ? attr(n, 'val') : undefined);

/**
 * Child order of the elements we write, transcribed from ECMA-376 Part 1 (dml-chart.xsd, dml-main.xsd,
 * dml-spreadsheetDrawing.xsd, sml.xsd), with the children each one requires and those that may repeat.
 */
const SCHEMA: Record<string, { order: string[]; required?: string[] }> = {
  'c:chartSpace': { order: ['c:date1904', 'c:lang', 'c:roundedCorners', 'c:style', 'c:clrMapOvr', 'c:pivotSource', 'c:protection', 'c:chart', 'c:spPr', 'c:txPr', 'c:externalData', 'c:printSettings', 'c:userShapes', 'c:extLst'], required: ['c:chart'] },
  // The chart element of a chart part, not the reference to a chart in a drawing.
  'c:chartSpace/c:chart': { order: ['c:title', 'c:autoTitleDeleted', 'c:pivotFmts', 'c:view3D', 'c:floor', 'c:sideWall', 'c:backWall', 'c:plotArea', 'c:legend', 'c:plotVisOnly', 'c:dispBlanksAs', 'c:showDLblsOverMax', 'c:extLst'], required: ['c:plotArea'] },
  'c:title': { order: ['c:tx', 'c:layout', 'c:overlay', 'c:spPr', 'c:txPr', 'c:extLst'] },
  'c:tx': { order: ['c:strRef', 'c:rich', 'c:v'] },
  'c:rich': { order: ['a:bodyPr', 'a:lstStyle', 'a:p'], required: ['a:bodyPr', 'a:p'] },
  'a:p': { order: ['a:pPr', 'a:r', 'a:br', 'a:fld', 'a:endParaRPr'] },
  'a:pPr': { order: ['a:lnSpc', 'a:spcBef', 'a:spcAft', 'a:buClrTx', 'a:buClr', 'a:buSzTx', 'a:buSzPct', 'a:buSzPts', 'a:buFontTx', 'a:buFont', 'a:buNone', 'a:buAutoNum', 'a:buChar', 'a:buBlip', 'a:tabLst', 'a:defRPr', 'a:extLst'] },
  'a:r': { order: ['a:rPr', 'a:t'], required: ['a:t'] },
  'c:plotArea': { order: ['c:layout', 'c:barChart', 'c:catAx', 'c:valAx', 'c:dTable', 'c:spPr', 'c:extLst'], required: ['c:barChart', 'c:catAx', 'c:valAx'] },
  'c:barChart': { order: ['c:barDir', 'c:grouping', 'c:varyColors', 'c:ser', 'c:dLbls', 'c:gapWidth', 'c:overlap', 'c:serLines', 'c:axId', 'c:extLst'], required: ['c:barDir', 'c:axId'] },
  'c:ser': { order: ['c:idx', 'c:order', 'c:tx', 'c:spPr', 'c:invertIfNegative', 'c:pictureOptions', 'c:dPt', 'c:dLbls', 'c:trendline', 'c:errBars', 'c:cat', 'c:val', 'c:shape', 'c:extLst'], required: ['c:idx', 'c:order'] },
  'c:cat': { order: ['c:multiLvlStrRef', 'c:numRef', 'c:numLit', 'c:strRef', 'c:strLit'] },
  'c:val': { order: ['c:numRef', 'c:numLit'] },
  'c:strRef': { order: ['c:f', 'c:strCache', 'c:extLst'], required: ['c:f'] },
  'c:numRef': { order: ['c:f', 'c:numCache', 'c:extLst'], required: ['c:f'] },
  'c:strCache': { order: ['c:ptCount', 'c:pt', 'c:extLst'] },
  'c:numCache': { order: ['c:formatCode', 'c:ptCount', 'c:pt', 'c:extLst'] },
  'c:pt': { order: ['c:v'], required: ['c:v'] },
  'c:catAx': { order: ['c:axId', 'c:scaling', 'c:delete', 'c:axPos', 'c:majorGridlines', 'c:minorGridlines', 'c:title', 'c:numFmt', 'c:majorTickMark', 'c:minorTickMark', 'c:tickLblPos', 'c:spPr', 'c:txPr', 'c:crossAx', 'c:crosses', 'c:crossesAt', 'c:auto', 'c:lblAlgn', 'c:lblOffset', 'c:tickLblSkip', 'c:tickMarkSkip', 'c:noMultiLvlLbl', 'c:extLst'], required: ['c:axId', 'c:scaling', 'c:axPos', 'c:crossAx'] },
  'c:valAx': { order: ['c:axId', 'c:scaling', 'c:delete', 'c:axPos', 'c:majorGridlines', 'c:minorGridlines', 'c:title', 'c:numFmt', 'c:majorTickMark', 'c:minorTickMark', 'c:tickLblPos', 'c:spPr', 'c:txPr', 'c:crossAx', 'c:crosses', 'c:crossesAt', 'c:crossBetween', 'c:majorUnit', 'c:minorUnit', 'c:dispUnits', 'c:extLst'], required: ['c:axId', 'c:scaling', 'c:axPos', 'c:crossAx'] },
  'c:scaling': { order: ['c:logBase', 'c:orientation', 'c:max', 'c:min', 'c:extLst'] },
  'c:legend': { order: ['c:legendPos', 'c:legendEntry', 'c:layout', 'c:overlay', 'c:spPr', 'c:txPr', 'c:extLst'] },
  'xdr:wsDr': { order: ['xdr:twoCellAnchor', 'xdr:oneCellAnchor', 'xdr:absoluteAnchor'] },
  'xdr:twoCellAnchor': { order: ['xdr:from', 'xdr:to', 'xdr:graphicFrame', 'xdr:clientData'], required: ['xdr:from', 'xdr:to', 'xdr:graphicFrame', 'xdr:clientData'] },
  'xdr:from': { order: ['xdr:col', 'xdr:colOff', 'xdr:row', 'xdr:rowOff'], required: ['xdr:col', 'xdr:colOff', 'xdr:row', 'xdr:rowOff'] },
  'xdr:to': { order: ['xdr:col', 'xdr:colOff', 'xdr:row', 'xdr:rowOff'], required: ['xdr:col', 'xdr:colOff', 'xdr:row', 'xdr:rowOff'] },
  'xdr:graphicFrame': { order: ['xdr:nvGraphicFramePr', 'xdr:xfrm', 'a:graphic'], required: ['xdr:nvGraphicFramePr', 'xdr:xfrm', 'a:graphic'] },
  'xdr:nvGraphicFramePr': { order: ['xdr:cNvPr', 'xdr:cNvGraphicFramePr'], required: ['xdr:cNvPr', 'xdr:cNvGraphicFramePr'] },
  'xdr:xfrm': { order: ['a:off', 'a:ext'] },
  'a:graphic': { order: ['a:graphicData'], required: ['a:graphicData'] },
  worksheet: {
    order: ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'],
    required: ['sheetData'],
  },
};
/** Children that may occur more than once in a row. */
const REPEATABLE = new Set(['c:ser', 'c:pt', 'c:axId', 'a:p', 'a:r', 'xdr:twoCellAnchor', 'row', 'conditionalFormatting']);

/** Every schema problem in the tree: unknown or misordered children, a missing required one, a repeat. */
function schemaProblems(node: XmlNode, path = node.name, parent = ''): string[] {
  const out: string[] = [];
  const rule = SCHEMA[`${parent}/${node.name}`] ?? SCHEMA[node.name];
  if (rule) {
    let at = -1;
    let previous = '';
    for (const c of node.children) {
      const i = rule.order.indexOf(c.name);
      if (i < 0) out.push(`${path}: unexpected ${c.name}`);
      else if (i < at) out.push(`${path}: ${c.name} after ${previous}`);
      else if (i === at && !REPEATABLE.has(c.name)) out.push(`${path}: ${c.name} twice`);
      if (i >= 0) [at, previous] = [Math.max(at, i), c.name];
    }
    for (const r of rule.required ?? []) if (!child(node, r)) out.push(`${path}: ${r} missing`);
  }
  for (const c of node.children) out.push(...schemaProblems(c, `${path}/${c.name}`, node.name));
  return out;
}

/** `'Blad 1'!$B$3:$B$5` → the sheet name and the cells, row by row. */
function cellsOf(f: string): { sheet: string; cells: string[] } {
  const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(f);
  if (!m) throw new Error(`not a reference: ${f}`);
  const [c1, r1, c2, r2] = [m[2]!, Number(m[3]), m[4] ?? m[2]!, Number(m[5] ?? m[3])];
  expect(c1 === c2 || r1 === r2).toBe(true);
  const cells: string[] = [];
  if (c1 === c2) for (let r = r1; r <= r2; r++) cells.push(`${c1}${r}`);
  else for (let c = c1.charCodeAt(0); c <= c2.charCodeAt(0); c++) cells.push(`${String.fromCharCode(c)}${r1}`);
  return { sheet: m[1]!.replace(/''/g, "'"), cells };
}

/** The cache of a strRef or numRef as a list, null where it has no point. */
function cacheOf(ref: XmlNode): (string | null)[] {
  const cache = child(ref, 'c:strCache') ?? child(ref, 'c:numCache')!;
  const out: (string | null)[] = Array.from({ length: Number(val(child(cache, 'c:ptCount'))) }, () => null);
  for (const pt of children(cache, 'c:pt')) out[Number(attr(pt, 'idx'))] = child(pt, 'c:v')!.text;
  return out;
}

/** Every series reference of a chart agrees with the cells of the written workbook. */
function expectCachesMatchCells(chart: XmlNode, wb: ExcelJS.Workbook): void {
  const sers = children(child(child(child(chart, 'c:chart')!, 'c:plotArea')!, 'c:barChart')!, 'c:ser');
  expect(sers.length).toBeGreaterThan(0);
  for (const ser of sers)
    for (const ref of [child(child(ser, 'c:tx')!, 'c:strRef')!, child(child(ser, 'c:cat')!, 'c:strRef')!, child(child(ser, 'c:val')!, 'c:numRef')!]) {
      const { sheet, cells } = cellsOf(child(ref, 'c:f')!.text);
      const ws = wb.getWorksheet(sheet)!;
      const values = cells.map((a) => {
        const v = ws.getCell(a).value;
        return v === null || v === undefined ? null : ref.name === 'c:numRef' && typeof v !== 'number' ? null : String(v);
      });
      expect(cacheOf(ref), child(ref, 'c:f')!.text).toEqual(values);
    }
}

/** A small staff workbook with nothing but a header row and three people. */
async function staffBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Personeel');
  ws.addRow(['Personeelsnummer', 'Rol', 'Scholing WPB', 'Aantal studenten']);
  ws.addRow([2001, 'WPB', null, 2]);
  ws.addRow([2002, 'WPB', d(2025, 2, 3), 1]);
  ws.addRow([2003, 'Schoolopleider', null, null]);
  return bytesOf(wb);
}

const USER_CHART =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><!-- de grafiek van de gebruiker --><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>';
const USER_DRAWING =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><!-- tekening van de gebruiker --></xdr:wsDr>';

/** The staff workbook with a drawing and chart of the user's own on the staff sheet, as Excel would store them. */
async function withUserChart(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const sheet = (await zip.file('xl/worksheets/sheet1.xml')!.async('string')).replace('</worksheet>', '<drawing r:id="rId99"/></worksheet>');
  zip.file('xl/worksheets/sheet1.xml', sheet);
  const rels = zip.file('xl/worksheets/_rels/sheet1.xml.rels');
  const rel = '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>';
  zip.file(
    'xl/worksheets/_rels/sheet1.xml.rels',
    rels
      ? (await rels.async('string')).replace('</Relationships>', `${rel}</Relationships>`)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`,
  );
  zip.file('xl/drawings/drawing1.xml', USER_DRAWING);
  zip.file(
    'xl/drawings/_rels/drawing1.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>',
  );
  zip.file('xl/charts/chart1.xml', USER_CHART);
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace('</Types>', `<Override PartName="/xl/drawings/drawing1.xml" ContentType="${DRAWING_TYPE}"/><Override PartName="/xl/charts/chart1.xml" ContentType="${CHART_TYPE}"/></Types>`),
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A report sheet with two tables: need per board (two series) and a one-series table with a gap. */
function report(charts: ReportSheetWrite['charts']): ReportSheetWrite {
  const text = (t: string) => ({ kind: 'text' as const, text: t });
  const num = (n: number) => ({ kind: 'number' as const, number: n });
  const cells: ReportSheetWrite['cells'] = [
    { row: 1, column: 1, value: text("Trainersvraag 2026-2027 & 'overzicht'"), style: 'title' },
    { row: 3, column: 1, value: text('Scholing'), style: 'label' },
    { row: 3, column: 2, value: text('Bestuur <A>'), style: 'label' },
    { row: 3, column: 3, value: text('Bestuur B'), style: 'label' },
    { row: 4, column: 1, value: text('WPB'), style: 'text' },
    { row: 4, column: 2, value: num(12), style: 'number' },
    { row: 4, column: 3, value: num(7), style: 'number' },
    { row: 5, column: 1, value: text('SOIO'), style: 'text' },
    { row: 5, column: 2, value: num(3.5), style: 'number' },
    { row: 5, column: 3, value: num(0), style: 'number' },
    { row: 6, column: 1, value: text('REFRESH'), style: 'text' },
    { row: 6, column: 2, value: num(20), style: 'number' },
    { row: 6, column: 3, value: text('n.v.t.'), style: 'text' },
    { row: 9, column: 1, value: text('Jaar'), style: 'label' },
    { row: 9, column: 2, value: text('Aandeel'), style: 'label' },
    { row: 10, column: 1, value: text('2025-2026'), style: 'text' },
    { row: 10, column: 2, value: num(0.4), style: 'percent' },
    { row: 11, column: 1, value: text('2026-2027'), style: 'text' },
  ];
  return { name: "Trainersvraag 't & 2026-2027", cells, columnWidths: [20, 12, 12], charts };
}

const TWO_CHARTS: ReportSheetWrite['charts'] = [
  { title: 'Nog te scholen per bestuur', type: 'columnClustered', range: 'A3:C6', anchor: 'E2' },
  { title: 'Aandeel per jaar', type: 'barClustered', range: 'A9:B11', anchor: 'E21' },
];

describe('the summary sheet of a check gets its chart as native DrawingML', () => {
  let before: Uint8Array;
  let after: Uint8Array;
  let p: Record<string, string>;

  beforeAll(async () => {
    before = await bytesOf(richStaffWorkbook());
    after = await checkBytes(before);
    p = await parts(after);
  });

  it('relates the summary sheet to a drawing that relates to a chart, with their content types', async () => {
    const wb = await openWorkbook(after);
    const summary = wb.parts.sheets.find((s) => s.name === SUMMARY)!;
    const sheetRels = relsOf(p, summary.path);
    expect(sheetRels.map((r) => [r.id, r.type.split('/').pop(), r.target])).toEqual([['rId1', 'drawing', 'xl/drawings/drawing1.xml']]);
    expect(relsOf(p, 'xl/drawings/drawing1.xml').map((r) => [r.id, r.type.split('/').pop(), r.target])).toEqual([
      ['rId1', 'chart', 'xl/charts/chart1.xml'],
    ]);
    const types = overrides(p['[Content_Types].xml']!);
    expect(types['xl/drawings/drawing1.xml']).toBe(DRAWING_TYPE);
    expect(types['xl/charts/chart1.xml']).toBe(CHART_TYPE);
    expect(p[summary.path]).toMatch(/<pageMargins [^>]*\/><drawing r:id="rId1"\/><\/worksheet>$/);
  });

  it('charts the need per training: a horizontal clustered bar over the need table of the sheet', async () => {
    const chart = parseXml(p['xl/charts/chart1.xml']!);
    const bar = child(child(child(chart, 'c:chart')!, 'c:plotArea')!, 'c:barChart')!;
    expect(val(child(bar, 'c:barDir'))).toBe('bar');
    expect(val(child(bar, 'c:grouping'))).toBe('clustered');
    const title = child(child(child(chart, 'c:chart')!, 'c:title')!, 'c:tx')!;
    expect(JSON.stringify(title)).toContain('"text":"Nog te scholen per scholing"');
    const ser = children(bar, 'c:ser');
    expect(ser).toHaveLength(1);
    const header = cacheOf(child(child(ser[0]!, 'c:tx')!, 'c:strRef')!);
    expect(header).toEqual(['Nog te scholen']);
    const categories = cacheOf(child(child(ser[0]!, 'c:cat')!, 'c:strRef')!);
    expect(categories.some((c) => c?.startsWith('Scholing werkplekbegeleiders'))).toBe(true);
    expectCachesMatchCells(chart, await load(after));
  });

  it('writes the chart, drawing and sheet in the schema order Excel requires', async () => {
    const summary = (await openWorkbook(after)).parts.sheets.find((s) => s.name === SUMMARY)!;
    for (const name of ['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', summary.path]) expect(schemaProblems(parseXml(p[name]!)), name).toEqual([]);
  });

  it('places the chart at its anchor, 10 columns wide and 18 rows high, with the chart by relationship', async () => {
    const drawing = parseXml(p['xl/drawings/drawing1.xml']!);
    const anchor = child(drawing, 'xdr:twoCellAnchor')!;
    const marker = (n: XmlNode) => ['xdr:col', 'xdr:row'].map((k) => Number(child(n, k)!.text));
    const [col, row] = marker(child(anchor, 'xdr:from')!);
    expect(marker(child(anchor, 'xdr:to')!)).toEqual([col! + 10, row! + 18]);
    // The plan anchors the need chart in column H.
    expect(col).toBe(7);
    expect(p['xl/drawings/drawing1.xml']).toContain('uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart ');
    expect(p['xl/drawings/drawing1.xml']).toContain('r:id="rId1"/>');
  });

  it('leaves no orphan part, and exceljs still loads the workbook', async () => {
    expect(orphans(p)).toEqual([]);
    const wb = await load(after);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Personeel', 'Notities', SUMMARY]);
  });

  it('a second run replaces the drawing and chart: identical bytes, nothing left over', async () => {
    const again = await checkBytes(after);
    expect(sha(again)).toBe(sha(after));
    const q = await parts(again);
    expect(Object.keys(q).filter((n) => /^xl\/(drawings\/(_rels\/)?drawing\d|charts\/)/.test(n)).sort()).toEqual([
      'xl/charts/chart1.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/drawings/drawing1.xml',
    ]);
    expect(orphans(q)).toEqual([]);
    expect(sha(await checkBytes(before))).toBe(sha(after));
  });
});

describe('a workbook with its own drawing and chart', () => {
  let before: Uint8Array;
  let after: Uint8Array;
  let a: Record<string, string>;
  let b: Record<string, string>;

  beforeAll(async () => {
    before = await withUserChart(await staffBytes());
    after = await checkBytes(before);
    a = await parts(before);
    b = await parts(after);
  });

  it('keeps the user’s drawing, chart and their relationships byte for byte', () => {
    for (const name of ['xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/charts/chart1.xml', 'xl/worksheets/_rels/sheet1.xml.rels'])
      expect(b[name], name).toBe(a[name]);
    expect(b['xl/worksheets/sheet1.xml']).toContain('<drawing r:id="rId99"/>');
    expect(schemaProblems(parseXml(b['xl/worksheets/sheet1.xml']!))).toEqual([]);
  });

  it('gives its own parts the next free names', () => {
    const summaryRels = Object.keys(b).filter((n) => n.startsWith('xl/worksheets/_rels/') && n !== 'xl/worksheets/_rels/sheet1.xml.rels');
    expect(summaryRels).toHaveLength(1);
    expect(b[summaryRels[0]!]).toContain('Target="../drawings/drawing2.xml"');
    expect(b['xl/drawings/_rels/drawing2.xml.rels']).toContain('Target="../charts/chart2.xml"');
    expect(b['xl/charts/chart2.xml']).toContain('<c:barDir val="bar"/>');
    const types = overrides(b['[Content_Types].xml']!);
    expect([types['xl/drawings/drawing1.xml'], types['xl/drawings/drawing2.xml']]).toEqual([DRAWING_TYPE, DRAWING_TYPE]);
    expect([types['xl/charts/chart1.xml'], types['xl/charts/chart2.xml']]).toEqual([CHART_TYPE, CHART_TYPE]);
    expect(orphans(b)).toEqual([]);
  });

  it('a second run keeps the user’s parts and gives the same bytes', async () => {
    const again = await checkBytes(after);
    expect(sha(again)).toBe(sha(after));
    expect(sha(await checkBytes(before))).toBe(sha(after));
  });
});

describe('a report sheet with several charts', () => {
  let p: Record<string, string>;
  let after: Uint8Array;

  beforeAll(async () => {
    after = await writeSummary(await staffBytes(), report(TWO_CHARTS));
    p = await parts(after);
  });

  it('writes one chart part per chart in one drawing, in order', () => {
    const drawing = parseXml(p['xl/drawings/drawing1.xml']!);
    const anchors = children(drawing, 'xdr:twoCellAnchor');
    expect(anchors.map((x) => [child(child(x, 'xdr:from')!, 'xdr:col')!.text, child(child(x, 'xdr:from')!, 'xdr:row')!.text])).toEqual([['4', '1'], ['4', '20']]);
    expect(anchors.map((x) => attr(child(child(x, 'xdr:graphicFrame')!, 'xdr:nvGraphicFramePr')!.children[0]!, 'id'))).toEqual(['2', '3']);
    expect(relsOf(p, 'xl/drawings/drawing1.xml').map((r) => [r.id, r.target])).toEqual([
      ['rId1', 'xl/charts/chart1.xml'],
      ['rId2', 'xl/charts/chart2.xml'],
    ]);
    for (const name of ['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/drawings/drawing1.xml']) expect(schemaProblems(parseXml(p[name]!)), name).toEqual([]);
  });

  it('a column chart with one series per column, named by its header, over a quoted sheet name', async () => {
    const chart = parseXml(p['xl/charts/chart1.xml']!);
    const plot = child(child(chart, 'c:chart')!, 'c:plotArea')!;
    const bar = child(plot, 'c:barChart')!;
    expect(val(child(bar, 'c:barDir'))).toBe('col');
    const sers = children(bar, 'c:ser');
    expect(sers.map((s) => [val(child(s, 'c:idx')), val(child(s, 'c:order'))])).toEqual([['0', '0'], ['1', '1']]);
    expect(sers.map((s) => child(child(child(s, 'c:tx')!, 'c:strRef')!, 'c:f')!.text)).toEqual([
      "'Trainersvraag ''t & 2026-2027'!$B$3",
      "'Trainersvraag ''t & 2026-2027'!$C$3",
    ]);
    expect(sers.map((s) => cacheOf(child(child(s, 'c:tx')!, 'c:strRef')!))).toEqual([['Bestuur <A>'], ['Bestuur B']]);
    expect(sers.map((s) => child(child(child(s, 'c:val')!, 'c:numRef')!, 'c:f')!.text.split('!')[1])).toEqual(['$B$4:$B$6', '$C$4:$C$6']);
    // A text cell among the numbers is a gap, not a zero.
    expect(sers.map((s) => cacheOf(child(child(s, 'c:val')!, 'c:numRef')!))).toEqual([['12', '3.5', '20'], ['7', '0', null]]);
    expect(cacheOf(child(child(sers[1]!, 'c:cat')!, 'c:strRef')!)).toEqual(['WPB', 'SOIO', 'REFRESH']);
    // Two series need a legend; the axes cross each other.
    expect(val(child(child(child(chart, 'c:chart')!, 'c:legend')!, 'c:legendPos'))).toBe('b');
    const [cat, value] = [child(plot, 'c:catAx')!, child(plot, 'c:valAx')!];
    expect(children(bar, 'c:axId').map(val)).toEqual([val(child(cat, 'c:axId')), val(child(value, 'c:axId'))]);
    expect(val(child(cat, 'c:crossAx'))).toBe(val(child(value, 'c:axId')));
    expect(val(child(value, 'c:crossAx'))).toBe(val(child(cat, 'c:axId')));
    expect([val(child(cat, 'c:axPos')), val(child(value, 'c:axPos'))]).toEqual(['b', 'l']);
  });

  it('each series has its own explicit solid fill (LibreOffice draws no bars without one when there is no theme part), and the parts are schema-valid', async () => {
    const sers = children(child(child(child(parseXml(p['xl/charts/chart1.xml']!), 'c:chart')!, 'c:plotArea')!, 'c:barChart')!, 'c:ser');
    const fills = sers.map((s) => attr(child(child(child(s, 'c:spPr')!, 'a:solidFill')!, 'a:srgbClr')!, 'val'));
    expect(fills).toEqual(['4472C4', 'ED7D31']);
    expect((await validatePackage(after)).problems).toEqual([]);
    expect(await excelRuleProblems(after)).toEqual([]);
  });

  it('a bar chart with one series has no legend, and an empty cell has no cached point', async () => {
    const chart = parseXml(p['xl/charts/chart2.xml']!);
    expect(child(child(chart, 'c:chart')!, 'c:legend')).toBeUndefined();
    const plot = child(child(chart, 'c:chart')!, 'c:plotArea')!;
    expect(val(child(child(plot, 'c:barChart')!, 'c:barDir'))).toBe('bar');
    expect([val(child(child(plot, 'c:catAx')!, 'c:axPos')), val(child(child(plot, 'c:valAx')!, 'c:axPos'))]).toEqual(['l', 'b']);
    const ser = child(child(plot, 'c:barChart')!, 'c:ser')!;
    expect(cacheOf(child(child(ser, 'c:val')!, 'c:numRef')!)).toEqual(['0.4', null]);
    expect(p['xl/charts/chart2.xml']).toContain('<c:ptCount val="2"/><c:pt idx="0"><c:v>0.4</c:v></c:pt></c:numCache>');
  });

  it('the caches hold the values exceljs reads from the written sheet', async () => {
    const wb = await load(after);
    for (const name of ['xl/charts/chart1.xml', 'xl/charts/chart2.xml']) expectCachesMatchCells(parseXml(p[name]!), wb);
  });

  it('a chart is less high where the next chart in its column starts sooner, so they never overlap', async () => {
    const close = TWO_CHARTS.map((c, i) => ({ ...c, anchor: i === 0 ? 'E2' : 'E18' }));
    const drawing = parseXml((await parts(await writeSummary(await staffBytes(), report(close))))['xl/drawings/drawing1.xml']!);
    const rowsOf = children(drawing, 'xdr:twoCellAnchor').map((x) => ['xdr:from', 'xdr:to'].map((k) => Number(child(child(x, k)!, 'xdr:row')!.text)));
    expect(rowsOf).toEqual([[1, 17], [17, 35]]);
  });

  it('rewritten with one chart, the second chart part, its relationship and content type are gone', async () => {
    const again = await writeSummary(after, report(TWO_CHARTS.slice(0, 1)));
    const q = await parts(again);
    expect(Object.keys(q).filter((n) => n.startsWith('xl/charts/'))).toEqual(['xl/charts/chart1.xml']);
    expect(q['[Content_Types].xml']).not.toContain('chart2.xml');
    expect(q['xl/drawings/_rels/drawing1.xml.rels']).not.toContain('chart2.xml');
    expect(orphans(q)).toEqual([]);
  });

  it('rewritten without charts, the sheet has no drawing and no drawing or chart part is left', async () => {
    const again = await writeSummary(after, report([]));
    const q = await parts(again);
    expect(Object.keys(q).filter((n) => /drawing|chart/.test(n))).toEqual([]);
    expect(q['[Content_Types].xml']).not.toMatch(/drawing|chart/);
    expect(orphans(q)).toEqual([]);
    expect(Object.values(q).some((x) => x.includes('<drawing '))).toBe(false);
  });
});
