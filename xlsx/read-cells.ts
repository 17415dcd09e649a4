// The values of a worksheet part as a Grid (shared/sheet/types.ts), read in one pass over its XML, as
// Office.js would give them: formulas their cached value (0, FALSE and "" included), shared and inline
// strings and rich text their text, error cells `{ error }`, booleans, numbers, and date-formatted numbers
// a Date (UTC). The other cells of a merged range are empty. Also the sheet's merged ranges and table parts.
import type { Cell, CellRange, Grid } from '../shared/sheet/types';
import { CLOSE, decodeSpan, END, OPEN, stringItem, XmlScanner } from './xml-scan';
import { parseRange, parseRef } from './xml';

export type { CellRange };

export interface SheetCells {
  grid: Grid;
  merges: CellRange[];
  /** Relationship ids of the sheet's `<tablePart>`s. */
  tableRelIds: string[];
}

/** `xl/sharedStrings.xml` (its UTF-8 bytes) → the strings by index. */
export function readSharedStrings(xml: Uint8Array, part: string): string[] {
  const s = new XmlScanner(xml, part);
  const out: string[] = [];
  for (let t = s.next(); t !== END; t = s.next()) if (t === OPEN && s.is('si')) out.push(stringItem(s));
  return out;
}

/** Built-in number formats that show a date (ECMA-376 Part 1, §18.8.30 numFmt): 14–22, 27–36, 45–47, 50–58. */
function builtInDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** A format code that shows a date or time: y m d h s outside quoted text and [brackets] (as exceljs decides). */
export function isDateFormat(code: string): boolean {
  return /[ymdhsb]/i.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/[\\_*]./g, ''));
}

/** `xl/styles.xml` (its UTF-8 bytes) → for each cell format (`cellXfs` index, the cell's `s`), whether it shows a date. */
export function readDateStyles(xml: Uint8Array, part: string): boolean[] {
  const s = new XmlScanner(xml, part);
  const custom = new Map<number, string>();
  const dates: boolean[] = [];
  let inCellXfs = false;
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t === OPEN) {
      if (s.is('numFmt')) custom.set(Number(s.attr('numFmtId')), s.attr('formatCode') ?? '');
      else if (s.is('cellXfs')) inCellXfs = !s.selfClosing;
      else if (inCellXfs && s.is('xf')) {
        const id = Number(s.attr('numFmtId') ?? 0);
        const code = custom.get(id);
        dates.push(code !== undefined ? isDateFormat(code) : builtInDate(id));
        s.skip();
      }
    } else if (t === CLOSE && s.is('cellXfs')) inCellXfs = false;
  }
  return dates;
}

const DAY_MS = 86_400_000;

/**
 * An Excel serial number → Date (UTC), or null where Excel shows no date (before its day 1, or the 1900
 * system's nonexistent 29 February 1900); such a value stays the number, as Office.js gives it.
 */
export function serialToDate(serial: number, date1904: boolean): Date | null {
  if (!Number.isFinite(serial)) return null;
  if (date1904) return serial < 0 ? null : new Date(Math.round((serial - 24107) * DAY_MS));
  if (serial < 1 || Math.floor(serial) === 60) return null;
  // Serials before 60 count from 31 December 1899 (Excel's 1900 leap-year bug lies between).
  return new Date(Math.round((serial - (serial < 60 ? 25568 : 25569)) * DAY_MS));
}

function cellValue(type: string | null, v: string | null, inline: string | null, date: boolean, strings: readonly string[], date1904: boolean): Cell {
  switch (type) {
    case 's': {
      if (v === null) return null;
      return strings[Number(v)] ?? null;
    }
    case 'inlineStr':
      return inline ?? v;
    case 'str':
      return v ?? inline;
    case 'b':
      return v === null ? null : v.trim() === '1' || v.trim() === 'true';
    case 'e':
      return v === null ? null : { error: v.trim() };
    case 'd': {
      if (v === null) return null;
      const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.length <= 10 ? `${v}T00:00:00` : v}Z`);
      return Number.isNaN(d.getTime()) ? v : d;
    }
    default: {
      if (v === null || v.trim() === '') return null;
      const n = Number(v);
      if (!Number.isFinite(n)) return null;
      return date ? (serialToDate(n, date1904) ?? n) : n;
    }
  }
}

/**
 * A cell reference read in place from `bytes[start, end)`, exactly as parseRef (xml.ts) reads the same
 * text: `A1`, `$A$1`, lower case letters, at most three letters. False (and `at` untouched) otherwise.
 */
function readRef(bytes: Uint8Array, start: number, end: number, at: { column: number; row: number }): boolean {
  let i = bytes[start] === 36 ? start + 1 : start; // $
  const letters = i;
  let column = 0;
  for (; i < end && i - letters < 4; i++) {
    const c = bytes[i]! | 32; // lower case
    if (c < 97 || c > 122) break;
    column = column * 26 + (c - 96);
  }
  if (i === letters || i - letters > 3) return false;
  if (bytes[i] === 36 && i < end) i++;
  const digits = i;
  let row = 0;
  for (; i < end; i++) {
    const c = bytes[i]! - 48;
    if (c < 0 || c > 9) return false;
    row = row * 10 + c;
  }
  if (i === digits) return false;
  at.column = column;
  at.row = row;
  return true;
}

/**
 * A cell value `-?digits(.digits)?` of at most 15 digits read in place from `bytes[start, end)`, or NaN for
 * anything else (exponents, spaces, longer numbers: those go through Number). Exact: an integer below 10^15
 * and a power of ten up to 10^15 are both exact doubles, and dividing them rounds once, to the double
 * nearest the decimal, as Number() gives it (Clinger's fast path, "How to read floating point numbers
 * accurately", 1990).
 */
function numberAt(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = bytes[i] === 45; // -
  if (negative) i++;
  const first = i;
  let n = 0;
  for (; i < end; i++) {
    const c = bytes[i]! - 48;
    if (c < 0 || c > 9) break;
    n = n * 10 + c;
  }
  if (i === first) return NaN;
  let scale = 1;
  if (i < end && bytes[i] === 46) {
    // .
    const fraction = ++i;
    for (; i < end; i++) {
      const c = bytes[i]! - 48;
      if (c < 0 || c > 9) break;
      n = n * 10 + c;
      scale *= 10;
    }
    if (i === fraction) return NaN;
  }
  const digits = end - first - (scale === 1 ? 0 : 1);
  if (i !== end || digits > 15) return NaN;
  const x = scale === 1 ? n : n / scale;
  return negative ? -x : x;
}

/** A shared string index (digits only, at most 9) read in place, or -1. */
function indexAt(bytes: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 9) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i]! - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** The cell's `t` attribute: `s` and `n`, by far the most common, without decoding it. */
function cellType(s: XmlScanner): string | null {
  if (!s.attrSpan('t')) return null;
  if (s.attrEnd - s.attrStart === 1) {
    const c = s.bytes[s.attrStart];
    if (c === 115) return 's';
    if (c === 110) return 'n';
  }
  return s.attr('t');
}

/**
 * One worksheet part (its UTF-8 bytes) → its cells, merged ranges and table relationship ids. Cell
 * references, shared string indexes and plain numbers are read from the bytes in place (no string per
 * cell); anything unusual goes through cellValue with the decoded text.
 */
export function readSheetCells(
  xml: Uint8Array,
  part: string,
  context: { strings: readonly string[]; dateStyles: readonly boolean[]; date1904: boolean },
): SheetCells {
  const { strings, dateStyles, date1904 } = context;
  const s = new XmlScanner(xml, part);
  const rows: Cell[][] = [];
  const merges: CellRange[] = [];
  const tableRelIds: string[] = [];
  let row: Cell[] | null = null;
  let rowNumber = 0;
  let column = 0;
  const at = { column: 0, row: 0 };
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t !== OPEN) continue;
    if (s.is('c')) {
      if (s.attrSpan('r') && readRef(xml, s.attrStart, s.attrEnd, at)) {
        column = at.column;
        rowNumber = at.row;
      } else {
        const ref = s.attr('r');
        const p = ref === null ? null : parseRef(ref);
        column = p ? p.column : column + 1;
        if (p) rowNumber = p.row;
      }
      const type = cellType(s);
      const style = s.intAttr('s', 0);
      // The cached value `<v>`: its span when it is plain text (nearly always), else its text.
      let v: string | null = null;
      let vStart = -1;
      let vEnd = -1;
      let inline: string | null = null;
      if (!s.selfClosing) {
        // Up to the cell's end: its cached value `<v>`, an inline string `<is>`; the formula `<f>` is skipped.
        for (let u = s.next(); u !== END; u = s.next()) {
          if (u === CLOSE && s.is('c')) break;
          if (u !== OPEN) continue;
          if (s.is('v')) {
            if (s.plainText()) {
              v = null;
              vStart = s.textStart;
              vEnd = s.textEnd;
            } else {
              v = s.innerText();
              vEnd = -1;
            }
          } else if (s.is('is')) inline = stringItem(s);
          else s.skip();
        }
      }
      const date = dateStyles[style] === true;
      const number = vEnd >= 0 && (type === null || type === 'n') ? numberAt(xml, vStart, vEnd) : NaN;
      const index = vEnd >= 0 && type === 's' ? indexAt(xml, vStart, vEnd) : -1;
      let value: Cell;
      if (!Number.isNaN(number)) value = date ? (serialToDate(number, date1904) ?? number) : number;
      else if (index >= 0) value = strings[index] ?? null;
      else value = cellValue(type, vEnd >= 0 ? decodeSpan(xml, vStart, vEnd) : v, inline, date, strings, date1904);
      if (value === null) continue;
      if (row === null || rows[rowNumber - 1] !== row) {
        row = rows[rowNumber - 1] ?? [];
        rows[rowNumber - 1] = row;
      }
      row[column - 1] = value;
    } else if (s.is('row')) {
      const r = s.intAttr('r', 0);
      rowNumber = r > 0 ? r : rowNumber + 1;
      column = 0;
      row = null;
    } else if (s.is('mergeCell')) {
      const range = parseRange(s.attr('ref') ?? '');
      if (range) merges.push(range);
    } else if (s.is('tablePart')) {
      const id = s.attr('id', true);
      if (id) tableRelIds.push(id);
    }
  }
  // The other cells of a merged range are empty, whatever the file holds there (as Excel shows them).
  for (const m of merges)
    for (let r = m.r1; r <= m.r2; r++) {
      const cells = rows[r - 1];
      if (cells) for (let c = r === m.r1 ? m.c1 + 1 : m.c1; c <= m.c2 && c <= cells.length; c++) delete cells[c - 1];
    }
  // Rows without values are [], holes inside a row null, trailing empty cells trimmed (the Grid contract).
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r === undefined) rows[i] = [];
    else {
      let last = r.length;
      while (last > 0 && r[last - 1] === undefined) last--;
      r.length = last;
      for (let j = 0; j < last; j++) if (r[j] === undefined) r[j] = null;
    }
  }
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.length--;
  return { grid: rows, merges, tableRelIds };
}
