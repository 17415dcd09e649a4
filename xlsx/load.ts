// Open an .xlsx from bytes (browser and Node): recognise what is not a readable workbook with a clear
// message, then give every worksheet as a Grid. The original zip is kept so that writing can patch only
// the parts the product owns.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Grid } from '../shared/sheet/types';
import { WorkbookError } from './errors';
import { worksheetGrid } from './grid';
import { readWorkbookParts, type WorkbookParts } from './parts';

export interface SheetGrid {
  name: string;
  grid: Grid;
  /** Hidden or very hidden worksheet. */
  hidden: boolean;
  /** Merged ranges in A1 (`I2:K2`): the owned columns go right of those in the header and data rows. */
  merges: string[];
}

export interface OpenedWorkbook {
  /** The workbook uses the 1904 date system. */
  date1904: boolean;
  sheets: SheetGrid[];
  /** The original bytes, untouched. */
  readonly bytes: Uint8Array;
  readonly zip: JSZip;
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

async function unzip(bytes: Uint8Array): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    if (/end of central directory|corrupted zip|unexpected end|is this a zip/i.test(detail))
      throw new WorkbookError('truncated', detail);
    throw new WorkbookError('damaged', detail);
  }
}

export async function openWorkbook(input: Uint8Array | ArrayBuffer): Promise<OpenedWorkbook> {
  const bytes = toBytes(input);
  sniff(bytes);
  const zip = await unzip(bytes);
  const parts = await readWorkbookParts(zip);
  if (parts.sheets.length === 0) throw new WorkbookError('no-sheets');

  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs reads from its own copy; it never sees our zip object, which stays the source for writing.
    await workbook.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  } catch (e) {
    throw new WorkbookError('damaged', e instanceof Error ? e.message : String(e));
  }
  const byName = new Map(workbook.worksheets.map((ws) => [ws.name, ws]));
  const sheets: SheetGrid[] = [];
  for (const part of parts.sheets) {
    if (part.kind !== 'worksheet') continue;
    const ws = byName.get(part.name);
    sheets.push({ name: part.name, grid: ws ? worksheetGrid(ws) : [], hidden: part.hidden, merges: ws ? [...ws.model.merges] : [] });
  }
  if (sheets.length === 0) throw new WorkbookError('no-sheets');
  return { date1904: parts.date1904, sheets, bytes, zip, parts };
}
