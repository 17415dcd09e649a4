// Open an .xlsx from bytes (browser and Node): recognise what is not a readable workbook with a clear
// message, then give every worksheet as a Grid, read straight from the package's XML (no workbook model).
// The package is kept so that writing can patch only the parts the product owns.
import type { Grid } from '../shared/sheet/types';
import type { Codec } from './codec';
import { WorkbookError } from './errors';
import { XlsxPackage } from './package';
import { relationshipsOf, workbookPartsOf, type WorkbookParts } from './parts';
import { readDateStyles, readSharedStrings, readSheetCells, type CellRange } from './read-cells';
import { parseRange } from './xml';
import { END, OPEN, XmlScanner } from './xml-scan';

export interface SheetTable {
  /** The table's part, e.g. `xl/tables/table1.xml`. */
  path: string;
  name: string;
  ref: CellRange;
}

export interface SheetGrid {
  name: string;
  grid: Grid;
  /** Hidden or very hidden worksheet. */
  hidden: boolean;
  merges: CellRange[];
  tables: SheetTable[];
}

export interface OpenedWorkbook {
  /** The workbook uses the 1904 date system. */
  date1904: boolean;
  sheets: SheetGrid[];
  /** The original bytes, untouched. */
  readonly bytes: Uint8Array;
  /** The original package; `package.edit()` gives a copy to change. */
  readonly package: XlsxPackage;
  readonly parts: WorkbookParts;
}

/** 200 MiB: far beyond any staff list; refuses what would exhaust the memory of a browser tab. */
export const MAX_WORKBOOK_BYTES = 200 * 1024 * 1024;

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** UTF-16LE text inside a binary (OLE directory entries name their streams that way). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Array.from(text).flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i <= bytes.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export function toBytes(input: Uint8Array | ArrayBuffer): Uint8Array {
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

/** Recognise the file kind before unzipping, so each bad file gets its own message. */
export function sniff(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new WorkbookError('empty');
  if (bytes.length > MAX_WORKBOOK_BYTES) throw new WorkbookError('too-large');
  if (startsWith(bytes, OLE_SIGNATURE)) {
    // An encrypted .xlsx is an OLE compound file holding EncryptionInfo and EncryptedPackage streams;
    // any other OLE file named .xlsx is an old binary .xls.
    if (containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo'))
      throw new WorkbookError('encrypted');
    throw new WorkbookError('old-xls');
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new WorkbookError('not-xlsx');
  if (bytes[2] === 0x05 && bytes[3] === 0x06) throw new WorkbookError('not-xlsx', 'empty zip');
}

function tableOf(pkg: XlsxPackage, path: string): SheetTable | null {
  const xml = pkg.readBytes(path);
  if (xml === null) return null;
  const s = new XmlScanner(xml, path);
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t !== OPEN || !s.is('table')) continue;
    const ref = parseRange(s.attr('ref') ?? '');
    return ref ? { path, name: s.attr('displayName') ?? s.attr('name') ?? '', ref } : null;
  }
  return null;
}

export interface OpenOptions {
  /** Deflate/inflate for the zip (default fflate; the command line passes node:zlib). */
  codec?: Codec;
}

export async function openWorkbook(input: Uint8Array | ArrayBuffer, options: OpenOptions = {}): Promise<OpenedWorkbook> {
  const bytes = toBytes(input);
  sniff(bytes);
  const pkg = XlsxPackage.open(bytes, options.codec);
  const parts = workbookPartsOf(pkg);
  if (parts.sheets.length === 0) throw new WorkbookError('no-sheets');

  const stringsXml = parts.sharedStringsPath ? pkg.readBytes(parts.sharedStringsPath) : null;
  const stylesXml = parts.stylesPath ? pkg.readBytes(parts.stylesPath) : null;
  const context = {
    strings: stringsXml === null ? [] : readSharedStrings(stringsXml, parts.sharedStringsPath!),
    dateStyles: stylesXml === null ? [] : readDateStyles(stylesXml, parts.stylesPath!),
    date1904: parts.date1904,
  };
  const sheets: SheetGrid[] = [];
  for (const part of parts.sheets) {
    if (part.kind !== 'worksheet') continue;
    const xml = part.path ? pkg.readBytes(part.path) : null;
    if (xml === null) {
      sheets.push({ name: part.name, grid: [], hidden: part.hidden, merges: [], tables: [] });
      continue;
    }
    const cells = readSheetCells(xml, part.path, context);
    const rels = new Map(relationshipsOf(pkg, part.path).map((r) => [r.id, r]));
    const tables = cells.tableRelIds
      .map((id) => rels.get(id))
      .flatMap((rel) => (rel && !rel.external ? [tableOf(pkg, rel.target)] : []))
      .filter((t): t is SheetTable => t !== null);
    sheets.push({ name: part.name, grid: cells.grid, hidden: part.hidden, merges: cells.merges, tables });
  }
  if (sheets.length === 0) throw new WorkbookError('no-sheets');
  return { date1904: parts.date1904, sheets, bytes, package: pkg, parts };
}
