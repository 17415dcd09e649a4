// Apply a WritePlan to the workbook it was made for and give the new file's bytes. The original package
// is patched, not re-serialised: parts we do not own are copied byte for byte (charts, pivot tables,
// tables, data validation, conditional formats, comments, defined names, themes), so nothing of the
// user's workbook is lost. The same workbook and plan always give the same bytes.
import type { ReportSheetWrite, WritePlan } from '../shared/report/write-plan';
import { WorkbookError } from './errors';
import type { OpenedWorkbook } from './load';
import { cellValues, chartXml, drawingXml } from './chart-xml';
import type { XlsxPackage } from './package';
import { dirOf, parseRelationships, relsPathOf, type Relationship, type WorkbookParts } from './parts';
import { patchStaffSheet, type OwnedStyles, type ValueKind } from './sheet-patch';
import { EMPTY_STYLES, StyleBook } from './styles';
import { summaryWorksheetXml } from './summary-xml';
import { growTable } from './table-patch';
import type { EncodedText } from './utf8-writer';
import { sameSheetName } from '../shared/sheet/sheet-name';
import { attributes, escapeXml, findElement, findElements, mainPrefix, setAttribute, startTag, unescapeXml } from './xml';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_REL = `${REL_NS}/worksheet`;
const STYLES_REL = `${REL_NS}/styles`;
const DRAWING_REL = `${REL_NS}/drawing`;
const CHART_REL = `${REL_NS}/chart`;
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CONTENT_TYPES = '[Content_Types].xml';

/**
 * The package being written, part by part (over XlsxPackage, which finds part names ignoring ASCII case as
 * OPC asks, ECMA-376 Part 2 §6.2.2.3); a removed part loses its content-type override when the package is
 * finished, whoever removed it.
 */
class Package {
  private readonly removed = new Set<string>();

  constructor(private readonly parts: XlsxPackage) {}

  has(path: string): boolean {
    return this.parts.has(path);
  }

  /** Every part's name, in zip order. */
  paths(): string[] {
    return this.parts.paths();
  }

  async text(path: string): Promise<string | null> {
    return this.parts.read(path);
  }

  /** Replace a part (it keeps its name, place and date in the zip) or add one at the end. */
  put(path: string, text: string | EncodedText): void {
    this.parts.put(path, text);
  }

  remove(path: string): void {
    if (!this.parts.has(path)) return;
    this.parts.remove(path);
    this.removed.add(path.toLowerCase());
  }

  toBytes(): Uint8Array {
    return this.parts.toBytes();
  }

  wasRemoved(path: string): boolean {
    return this.removed.has(path.toLowerCase());
  }

  /** Drop the content-type overrides of removed parts that were not written again. */
  async finish(): Promise<void> {
    const gone = [...this.removed].filter((p) => !this.has(p));
    if (gone.length === 0) return;
    const types = await this.text(CONTENT_TYPES);
    if (types === null) return;
    const kept = types.replace(/<(\w+:)?Override\b[^>]*\/>/g, (override) => {
      const name = unescapeXml(attributes(override).PartName ?? '').replace(/^\//, '').toLowerCase();
      return gone.includes(name) ? '' : override;
    });
    if (kept !== types) this.put(CONTENT_TYPES, kept);
  }
}

/** A part's relationships, its relationships part found ignoring case. */
async function relationshipsOf(pkg: Package, part: string): Promise<Relationship[]> {
  const xml = await pkg.text(relsPathOf(part));
  return xml === null ? [] : parseRelationships(xml, part);
}

async function addRelationship(pkg: Package, relsPath: string, type: string, target: string): Promise<string> {
  const xml =
    (await pkg.text(relsPath)) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const p = mainPrefix(xml, 'Relationships');
  const ids = new Set(findElements(xml, p, 'Relationship').map((r) => attributes(r.text).Id));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const close = xml.lastIndexOf(`</${p}Relationships>`);
  const rel = `<${p}Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  pkg.put(relsPath, close < 0 ? xml.replace(/\/>\s*$/, `>${rel}</${p}Relationships>`) : xml.slice(0, close) + rel + xml.slice(close));
  return id;
}

async function addContentType(pkg: Package, partPath: string, type: string): Promise<void> {
  const xml = (await pkg.text(CONTENT_TYPES))!;
  if (xml.toLowerCase().includes(`partname="/${escapeXml(partPath).toLowerCase()}"`)) return;
  const p = mainPrefix(xml, 'Types');
  const close = xml.lastIndexOf(`</${p}Types>`);
  pkg.put(CONTENT_TYPES, xml.slice(0, close) + `<${p}Override PartName="/${escapeXml(partPath)}" ContentType="${type}"/>` + xml.slice(close));
}

/** A new relationships part (`rId1`, `rId2`, … in the order given). */
function relationshipsXml(rels: { type: string; target: string }[]): string {
  const items = rels.map((r, i) => `<Relationship Id="rId${i + 1}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
}

/** `xl/drawings/_rels/drawing1.xml.rels` → `xl/drawings/drawing1.xml`; `_rels/.rels` → '' (the package). */
function ownerOfRels(relsPath: string): string | null {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsPath);
  return m ? m[1]! + m[2]! : null;
}

/**
 * Remove the parts a replaced sheet alone used (drawings, charts, comments …), with their relationships and
 * content types, so no orphan is left behind. A part that something else still refers to (a pivot cache,
 * an image shared with another drawing) stays.
 */
async function dropSheetParts(pkg: Package, sheetPath: string): Promise<void> {
  const sheetRels = relsPathOf(sheetPath);
  if (!pkg.has(sheetRels)) return;
  // Part names by their lower-case key: a relationship may spell a name in another case than the zip does.
  const key = (path: string) => path.toLowerCase();
  const dropped = new Map<string, string>();
  const queue = [sheetPath];
  while (queue.length > 0) {
    for (const rel of await relationshipsOf(pkg, queue.pop()!)) {
      if (rel.external || !pkg.has(rel.target) || key(rel.target) === key(sheetPath) || dropped.has(key(rel.target))) continue;
      dropped.set(key(rel.target), rel.target);
      queue.push(rel.target);
    }
  }
  pkg.remove(sheetRels);
  const relsFiles = pkg.paths().filter((f) => ownerOfRels(f) !== null);
  for (let changed = true; changed; ) {
    changed = false;
    for (const file of relsFiles) {
      const owner = ownerOfRels(file)!;
      if (dropped.has(key(owner)) || !pkg.has(file)) continue;
      for (const rel of parseRelationships((await pkg.text(file))!, owner))
        if (!rel.external && dropped.delete(key(rel.target))) changed = true;
    }
  }
  // Each dropped part goes with its relationships part; Package.finish drops their content-type overrides.
  for (const part of dropped.values()) {
    pkg.remove(part);
    pkg.remove(relsPathOf(part));
  }
}

/**
 * The first `<dir><stem>N.xml` whose part and relationships are both unused (part names ignore case): not in
 * the package, and without a content-type override unless that override is of a part this run removed.
 */
async function freePart(pkg: Package, dir: string, stem: string, taken: Set<string>): Promise<string> {
  const types = ((await pkg.text(CONTENT_TYPES)) ?? '').toLowerCase();
  const used = (path: string) =>
    taken.has(path.toLowerCase()) || (!pkg.wasRemoved(path) && types.includes(`partname="/${escapeXml(path).toLowerCase()}"`));
  let n = 1;
  while (used(`${dir}${stem}${n}.xml`) || used(relsPathOf(`${dir}${stem}${n}.xml`))) n++;
  const path = `${dir}${stem}${n}.xml`;
  taken.add(path.toLowerCase());
  return path;
}

/** The drawing's relationship id in the report sheet's relationships, which we write afresh. */
const DRAWING_REL_ID = 'rId1';

/** Write the report sheet's charts as one drawing part holding a chart part per chart, and relate the sheet to it. */
async function addCharts(pkg: Package, parts: WorkbookParts, sheetPath: string, report: ReportSheetWrite, date1904: boolean): Promise<void> {
  if (report.charts.length === 0) return;
  const taken = new Set(pkg.paths().map((f) => f.toLowerCase()));
  const xl = dirOf(parts.workbookPath);
  const drawingPath = await freePart(pkg, `${xl}drawings/`, 'drawing', taken);
  const chartPaths: string[] = [];
  for (let i = 0; i < report.charts.length; i++) chartPaths.push(await freePart(pkg, `${xl}charts/`, 'chart', taken));

  const cells = cellValues(report);
  pkg.put(relsPathOf(sheetPath), relationshipsXml([{ type: DRAWING_REL, target: `../drawings/${drawingPath.slice(dirOf(drawingPath).length)}` }]));
  pkg.put(drawingPath, drawingXml(report.charts, report.charts.map((_, i) => `rId${i + 1}`)));
  pkg.put(relsPathOf(drawingPath), relationshipsXml(chartPaths.map((p) => ({ type: CHART_REL, target: `../charts/${p.slice(dirOf(p).length)}` }))));
  report.charts.forEach((chart, i) => pkg.put(chartPaths[i]!, chartXml(report.name, chart, cells, date1904)));
  await addContentType(pkg, drawingPath, DRAWING_TYPE);
  for (const p of chartPaths) await addContentType(pkg, p, CHART_TYPE);
}

/**
 * Drop the calculation chain, its relationship and content type. Excel rebuilds it on the next calculation;
 * a chain listing a cell that no longer holds a formula makes Excel repair the file ("Removed Records:
 * Formula from /xl/calcChain.xml part").
 */
async function removeCalcChain(pkg: Package, parts: WorkbookParts): Promise<void> {
  if (!parts.calcChainPath || !pkg.has(parts.calcChainPath)) return;
  pkg.remove(parts.calcChainPath);
  const rels = await pkg.text(parts.workbookRelsPath);
  if (rels) pkg.put(parts.workbookRelsPath, rels.replace(/<(\w+:)?Relationship\b[^>]*calcChain[^>]*\/>/g, ''));
}

/** A formula anywhere in a worksheet part. */
const hasFormula = (xml: string) => /<(\w+:)?f[\s>/]/.test(xml);

async function styleBook(pkg: Package, parts: WorkbookParts): Promise<{ book: StyleBook; path: string }> {
  if (parts.stylesPath) {
    const xml = await pkg.text(parts.stylesPath);
    if (xml !== null) return { book: new StyleBook(xml), path: parts.stylesPath };
  }
  const path = `${dirOf(parts.workbookPath)}styles.xml`;
  await addRelationship(pkg, parts.workbookRelsPath, STYLES_REL, 'styles.xml');
  await addContentType(pkg, path, STYLES_TYPE);
  return { book: new StyleBook(EMPTY_STYLES), path };
}

/**
 * The part of the report sheet `name`: the existing sheet of that name (ignoring case, as Excel compares sheet
 * names; it takes the product's spelling), or a new worksheet part at the end of the workbook.
 */
async function reportSheetPart(pkg: Package, parts: WorkbookParts, name: string): Promise<{ path: string; replaced: boolean }> {
  const existing = parts.sheets.find((s) => sameSheetName(s.name, name) && s.kind === 'worksheet' && s.path);
  if (existing) {
    if (existing.name !== name) await renameSheet(pkg, parts, existing.name, name);
    return { path: existing.path, replaced: true };
  }
  // A sheet added earlier in this write has its content type but no part yet: freePart skips it too.
  const taken = new Set(pkg.paths().map((f) => f.toLowerCase()));
  const path = await freePart(pkg, `${dirOf(parts.workbookPath)}worksheets/`, 'sheet', taken);
  const relId = await addRelationship(pkg, parts.workbookRelsPath, WORKSHEET_REL, `worksheets/${path.slice(dirOf(path).length)}`);
  await addContentType(pkg, path, WORKSHEET_TYPE);
  const wb = (await pkg.text(parts.workbookPath))!;
  const p = mainPrefix(wb, 'workbook');
  const sheets = findElement(wb, p, 'sheets')!;
  // From the workbook as it is now: a sheet added earlier in this write has taken its id already.
  const ids = findElements(sheets.text, p, 'sheet').map((e) => Number(attributes(e.text).sheetId) || 0);
  const sheetId = Math.max(0, ...ids) + 1;
  // The relationships namespace is declared on the element that uses it: a workbook may declare it on each
  // <sheet> only (openpyxl does), so a prefix found elsewhere in the part need not be in scope here.
  const sheet = `<${p}sheet xmlns:r="${REL_NS}" name="${escapeXml(name)}" sheetId="${sheetId}" r:id="${relId}"/>`;
  const close = sheets.text.lastIndexOf(`</${p}sheets>`);
  const grown = close < 0 ? `${startTag(sheets.text).replace(/\/>$/, '>')}${sheet}</${p}sheets>` : sheets.text.slice(0, close) + sheet + sheets.text.slice(close);
  pkg.put(parts.workbookPath, wb.slice(0, sheets.start) + grown + wb.slice(sheets.end));
  return { path, replaced: false };
}

/** Give the sheet `from` the name `to` in the workbook part (its `<sheet>` element only). */
async function renameSheet(pkg: Package, parts: WorkbookParts, from: string, to: string): Promise<void> {
  const wb = (await pkg.text(parts.workbookPath))!;
  const p = mainPrefix(wb, 'workbook');
  const sheets = findElement(wb, p, 'sheets');
  const el = sheets && findElements(sheets.text, p, 'sheet').find((e) => attributes(e.text).name === from);
  if (!sheets || !el) return;
  const at = sheets.start + el.start;
  pkg.put(parts.workbookPath, wb.slice(0, at) + setAttribute(el.text, 'name', to) + wb.slice(at + el.text.length));
}

export async function writeWorkbook(workbook: OpenedWorkbook, plan: WritePlan): Promise<Uint8Array> {
  // A fresh copy of the original package: writing never changes the opened workbook, so it can be written again.
  // Parts not put are copied from the original zip as they are; only the parts put are compressed again.
  const pkg = new Package(workbook.package.edit());
  const { parts } = workbook;
  const { book, path: stylesPath } = await styleBook(pkg, parts);
  let formulaRemoved = false;

  for (const write of plan.sheets) {
    const part = parts.sheets.find((s) => sameSheetName(s.name, write.sheet) && s.kind === 'worksheet');
    const xml = part ? await pkg.text(part.path) : null;
    if (!part || xml === null) throw new WorkbookError('damaged', `sheet ${write.sheet} not found`);
    const formats: Record<ValueKind, string> = {
      text: '@',
      date: write.columns.find((c) => c.header === 'Opfrissen vóór')?.numberFormat ?? 'dd-mm-yyyy',
      number: write.columns.find((c) => c.header === 'Normuren')?.numberFormat ?? 'General',
    };
    // One style per (kind, base style): asked once per owned cell, and each answer parses the styles part.
    // By kind, then by base style: no key string made per cell.
    const dataStyles: Record<ValueKind, Map<number, number>> = { text: new Map(), date: new Map(), number: new Map() };
    const styles: OwnedStyles = {
      data: (kind, base) => {
        let id = dataStyles[kind].get(base);
        if (id === undefined) dataStyles[kind].set(base, (id = book.withNumFmt(base, formats[kind])));
        return id;
      },
      statusDxf: Object.fromEntries((write.statusFormat?.colours ?? []).map((c) => [c.status, book.dxfId(c.fill, c.font)])),
    };
    const patched = patchStaffSheet(xml, write, styles, workbook.date1904);
    formulaRemoved ||= patched.formulaRemoved;
    pkg.put(part.path, patched.part);
    for (const rel of await relationshipsOf(pkg, part.path)) {
      if (!rel.type.endsWith('/table') || rel.external) continue;
      const tableXml = await pkg.text(rel.target);
      const grown = tableXml === null ? null : growTable(tableXml, write);
      if (grown !== null) pkg.put(rel.target, grown);
    }
  }

  // The report sheets (the summary, then the Per school sheet beside it): ours, replaced on every run. Every sheet is found
  // or added first (sheet order), then written with the sheets that have charts last: their drawing and
  // chart parts are dropped and added again on every run, so they go after every part that stays, and a
  // second run keeps every part and content type in the same order, so the same bytes.
  const reports = plan.reportSheets;
  const found: { path: string; replaced: boolean }[] = [];
  for (const report of reports) found.push(await reportSheetPart(pkg, parts, report.name));
  const order = reports.map((_, i) => i).sort((a, b) => Number(reports[a]!.charts.length > 0) - Number(reports[b]!.charts.length > 0));
  for (const i of order) {
    const report = reports[i]!;
    const { path, replaced } = found[i]!;
    // A formula the user typed on the old sheet goes with it, and so must its calculation chain entry.
    if (replaced) formulaRemoved ||= hasFormula((await pkg.text(path)) ?? '');
    // A replaced report sheet loses whatever drawings, charts or comments the previous one had.
    await dropSheetParts(pkg, path);
    // The sheet part goes first: a second run then keeps every part in the same zip order, so the same bytes.
    const drawingRelId = report.charts.length > 0 ? DRAWING_REL_ID : null;
    pkg.put(path, summaryWorksheetXml(report, book, workbook.date1904, drawingRelId));
    await addCharts(pkg, parts, path, report, workbook.date1904);
  }
  pkg.put(stylesPath, book.toString());
  if (formulaRemoved) await removeCalcChain(pkg, parts);
  await pkg.finish();

  return pkg.toBytes();
}
