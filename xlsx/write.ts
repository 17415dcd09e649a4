// Apply a WritePlan to the workbook it was made for and give the new file's bytes. The original package
// is patched, not re-serialised: parts we do not own are copied byte for byte (charts, pivot tables,
// tables, data validation, conditional formats, comments, defined names, themes), so nothing of the
// user's workbook is lost. The same workbook and plan always give the same bytes.
import JSZip from 'jszip';
import type { WritePlan } from '../shared/sheet/write-plan';
import { WorkbookError } from './errors';
import type { OpenedWorkbook } from './load';
import { dirOf, readRelationships, readText, relsPathOf, type WorkbookParts } from './parts';
import { patchStaffSheet, type OwnedStyles } from './sheet-patch';
import { EMPTY_STYLES, StyleBook } from './styles';
import { summaryWorksheetXml } from './summary-xml';
import { growTable } from './table-patch';
import { attributes, escapeXml, findElement, findElements, mainPrefix, startTag } from './xml';

/** Zip entry date of parts we add: fixed, so the output does not depend on the time of the run. */
const FIXED_DATE = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_REL = `${REL_NS}/worksheet`;
const STYLES_REL = `${REL_NS}/styles`;
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

class Package {
  constructor(readonly zip: JSZip) {}

  async text(path: string): Promise<string | null> {
    return readText(this.zip, path);
  }

  /** Replace or add a part; a replaced part keeps its zip date, a new one gets FIXED_DATE. */
  put(path: string, text: string): void {
    const old = this.zip.file(path);
    this.zip.file(path, text, { date: old?.date ?? FIXED_DATE, createFolders: false });
  }

  remove(path: string): void {
    this.zip.remove(path);
  }
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
  const xml = (await pkg.text('[Content_Types].xml'))!;
  if (xml.includes(`PartName="/${partPath}"`)) return;
  const p = mainPrefix(xml, 'Types');
  const close = xml.lastIndexOf(`</${p}Types>`);
  pkg.put('[Content_Types].xml', xml.slice(0, close) + `<${p}Override PartName="/${escapeXml(partPath)}" ContentType="${type}"/>` + xml.slice(close));
}

async function removeCalcChain(pkg: Package, parts: WorkbookParts): Promise<void> {
  if (!parts.calcChainPath || !pkg.zip.file(parts.calcChainPath)) return;
  pkg.remove(parts.calcChainPath);
  const rels = await pkg.text(parts.workbookRelsPath);
  if (rels) pkg.put(parts.workbookRelsPath, rels.replace(/<(\w+:)?Relationship\b[^>]*calcChain[^>]*\/>/g, ''));
  const types = await pkg.text('[Content_Types].xml');
  if (types) pkg.put('[Content_Types].xml', types.replace(/<(\w+:)?Override\b[^>]*calcChain[^>]*\/>/g, ''));
}

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

/** Add a worksheet part at the end of the workbook, or find the existing one of that name. */
async function summaryPart(pkg: Package, parts: WorkbookParts, name: string): Promise<string> {
  const existing = parts.sheets.find((s) => s.name === name && s.kind === 'worksheet' && s.path);
  if (existing) return existing.path;
  const dir = `${dirOf(parts.workbookPath)}worksheets/`;
  let n = 1;
  while (pkg.zip.file(`${dir}sheet${n}.xml`)) n++;
  const path = `${dir}sheet${n}.xml`;
  const relId = await addRelationship(pkg, parts.workbookRelsPath, WORKSHEET_REL, `worksheets/sheet${n}.xml`);
  await addContentType(pkg, path, WORKSHEET_TYPE);
  const wb = (await pkg.text(parts.workbookPath))!;
  const p = mainPrefix(wb, 'workbook');
  const rPrefix = /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(wb)?.[1];
  const sheetId = Math.max(0, ...parts.sheets.map((s) => s.sheetId)) + 1;
  const idAttr = rPrefix ? `${rPrefix}:id="${relId}"` : `xmlns:r="${REL_NS}" r:id="${relId}"`;
  const sheet = `<${p}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${idAttr}/>`;
  const sheets = findElement(wb, p, 'sheets')!;
  const close = sheets.text.lastIndexOf(`</${p}sheets>`);
  const grown = close < 0 ? `${startTag(sheets.text).replace(/\/>$/, '>')}${sheet}</${p}sheets>` : sheets.text.slice(0, close) + sheet + sheets.text.slice(close);
  pkg.put(parts.workbookPath, wb.slice(0, sheets.start) + grown + wb.slice(sheets.end));
  return path;
}

export async function writeWorkbook(workbook: OpenedWorkbook, plan: WritePlan): Promise<Uint8Array> {
  // A fresh copy of the original package: writing never changes the opened workbook, so it can be written again.
  const pkg = new Package(await JSZip.loadAsync(workbook.bytes));
  const { parts } = workbook;
  const { book, path: stylesPath } = await styleBook(pkg, parts);
  let formulaRemoved = false;

  for (const write of plan.sheets) {
    const part = parts.sheets.find((s) => s.name === write.sheet && s.kind === 'worksheet');
    const xml = part ? await pkg.text(part.path) : null;
    if (!part || xml === null) throw new WorkbookError('damaged', `sheet ${write.sheet} not found`);
    const styles: OwnedStyles = {
      text: book.xfId({ numFmt: '@' }),
      date: book.xfId({ numFmt: write.columns.find((c) => c.header === 'Opfrissen vóór')?.numberFormat ?? 'dd-mm-yyyy' }),
      number: book.xfId({ numFmt: write.columns.find((c) => c.header === 'Normuren')?.numberFormat ?? 'General' }),
      statusDxf: Object.fromEntries((write.statusFormat?.colours ?? []).map((c) => [c.status, book.dxfId(c.fill, c.font)])),
    };
    const patched = patchStaffSheet(xml, write, styles, workbook.date1904);
    formulaRemoved ||= patched.formulaRemoved;
    pkg.put(part.path, patched.xml);
    for (const rel of await readRelationships(pkg.zip, part.path)) {
      if (!rel.type.endsWith('/table') || rel.external) continue;
      const tableXml = await pkg.text(rel.target);
      const grown = tableXml === null ? null : growTable(tableXml, write);
      if (grown !== null) pkg.put(rel.target, grown);
    }
  }

  if (plan.summary) {
    const path = await summaryPart(pkg, parts, plan.summary.name);
    pkg.put(path, summaryWorksheetXml(plan.summary, book, workbook.date1904));
    // A replaced summary sheet loses whatever drawings or comments the previous one had.
    if (pkg.zip.file(relsPathOf(path))) pkg.remove(relsPathOf(path));
  }
  pkg.put(stylesPath, book.toString());
  if (formulaRemoved) await removeCalcChain(pkg, parts);

  return pkg.zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
}
