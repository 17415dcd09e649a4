// Apply a StaffSheetWrite to one worksheet part's XML. Only the owned columns' cells, their widths (when
// new), the sheet's dimension and our conditional format change; every other byte is copied through, so
// user cells keep value, style, formula and width exactly.
import { serialOfDate } from '../shared/calendar/days';
import { OWNED_HEADERS } from '../shared/sheet/owned-columns';
import type { StaffSheetWrite, WriteValue } from '../shared/report/write-plan';
import { columnLetter } from '../shared/sheet/address';
import { Utf8Writer, type EncodedText } from './utf8-writer';
import { attributes, escapeXml, findElement, findElements, innerXml, mainPrefix, parseRange, parseRef, setAttribute, startTag, unescapeXml } from './xml';

export type ValueKind = 'text' | 'date' | 'number';

export interface OwnedStyles {
  /**
   * The style of an owned data cell holding a value of `kind`, given the style the cell had or would show
   * before (its own, else its row's, else its column's): the user's formatting stays, with our number format.
   */
  data(kind: ValueKind, base: number): number;
  /** dxf index per status text. */
  statusDxf: Record<string, number>;
}

/** Elements that follow conditionalFormatting in CT_Worksheet, in order. */
const AFTER_CONDITIONAL_FORMATTING = [
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks',
  'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing',
  'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

/**
 * Text whose whitespace XML would not keep as written without `xml:space="preserve"` (XML 1.0 §2.10): at
 * either end, a line break or tab, or a run of spaces. Only those texts carry the attribute: on every text
 * it was 3.4 MB of the 6.2 MB Per school sheet at 20,000 rows.
 */
const NEEDS_PRESERVE = /^[ \t\n\r]|[ \t\n\r]$|[\t\n\r]| {2}/;

export function cellXml(p: string, ref: string, value: WriteValue, style: number | null, date1904: boolean): string | null {
  const s = style === null || style === 0 ? '' : ` s="${style}"`;
  switch (value.kind) {
    case 'empty':
      return null;
    case 'text':
      // An inline string is never a formula, whatever it starts with (= + - @).
      return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t${NEEDS_PRESERVE.test(value.text) ? ' xml:space="preserve"' : ''}>${escapeXml(value.text)}</${p}t></${p}is></${p}c>`;
    case 'number':
      return `<${p}c r="${ref}"${s}><${p}v>${Number.isFinite(value.number) ? String(value.number) : '0'}</${p}v></${p}c>`;
    case 'date':
      return `<${p}c r="${ref}"${s}><${p}v>${serialOfDate(value.iso, date1904)}</${p}v></${p}c>`;
  }
}

/** The `r` attribute of a cell's start tag. */
const CELL_REF = /^<[^>]*?\sr\s*=\s*["']([^"']+)["']/;
/** A formula element in a cell. */
const FORMULA = /<(\w+:)?f[\s>/]/;
/** The `spans` attribute of a row's start tag: dropped, as the row's cells change (setAttribute's pattern). */
const SPANS = /\sspans\s*=\s*("[^"]*"|'[^']*')/;

interface RowCell {
  column: number;
  xml: string;
}

/**
 * The next whole element `<p:name …/>` or `<p:name …>…</p:name>` in `xml` from `from`, found as
 * xml.ts's findElements finds it (the name followed by whitespace, `/` or `>`; self-closing when its first
 * `>` follows a `/`; else up to the first end tag), with indexOf instead of a regex per element: the
 * patcher walks every row and cell of the sheet this way (20,000 rows, 160,000 cells).
 */
function nextElement(xml: string, open: string, close: string, from: number): { start: number; end: number } | null {
  for (let at = xml.indexOf(open, from); at >= 0; at = xml.indexOf(open, at + 1)) {
    const next = xml.charCodeAt(at + open.length);
    // [\s/>]: space, tab, line feed, carriage return, `/`, `>`.
    if (next !== 32 && next !== 9 && next !== 10 && next !== 13 && next !== 47 && next !== 62) continue;
    const tagEnd = xml.indexOf('>', at + open.length);
    if (tagEnd < 0) return null;
    if (xml.charCodeAt(tagEnd - 1) === 47) return { start: at, end: tagEnd + 1 };
    const endTag = xml.indexOf(close, tagEnd + 1);
    if (endTag >= 0) return { start: at, end: endTag + close.length };
  }
  return null;
}

/**
 * The `r` of a cell's start tag (CELL_REF's capture): the form every writer uses, `<c r="A1"`, read with
 * indexOf, anything else with the regex. Called for every cell of the sheet: the regex's match arrays were
 * about a tenth of what the patch allocated.
 */
function cellRef(xml: string, open: string): string | undefined {
  if (xml.startsWith(' r="', open.length)) {
    const from = open.length + 4;
    // CELL_REF's ([^"']+)["']: up to the first quote of either kind.
    let end = from;
    for (let ch = xml.charCodeAt(end); end < xml.length && ch !== 34 && ch !== 39; ch = xml.charCodeAt(++end));
    if (end > from && end < xml.length) return xml.slice(from, end);
  }
  return CELL_REF.exec(xml)?.[1];
}

/**
 * Split a row's inner XML (`inner`, from `from` to `to`) into cells (positions implied by order when `r`
 * is absent) and the trailing XML after the last cell.
 */
function parseCells(p: string, inner: string, from = 0, to = inner.length): { cells: RowCell[]; tail: string } {
  const cells: RowCell[] = [];
  const open = `<${p}c`;
  const close = `</${p}c>`;
  const scope = from === 0 && to === inner.length ? inner : inner.slice(from, to);
  let column = 0;
  let lastEnd = 0;
  for (let el = nextElement(scope, open, close, 0); el; el = nextElement(scope, open, close, el.end)) {
    const xml = scope.slice(el.start, el.end);
    const r = cellRef(xml, open);
    const ref = r === undefined ? null : parseRef(r);
    column = ref ? ref.column : column + 1;
    cells.push({ column, xml });
    lastEnd = el.end;
  }
  return { cells, tail: scope.slice(lastEnd).trim() };
}

export interface SheetPatchResult {
  /** The worksheet part, as UTF-8. */
  part: EncodedText;
  /** A replaced owned cell held a formula: the calculation chain must be dropped. */
  formulaRemoved: boolean;
}

/** What goes in one owned cell: the header text, a value, or nothing (the old value goes). */
type Want = { header: string } | { value: WriteValue } | null;

function isWanted(want: readonly [number, Want][], column: number): boolean {
  for (let i = 0; i < want.length; i++) if (want[i]![0] === column) return true;
  return false;
}

export function patchStaffSheet(
  xml: string,
  write: StaffSheetWrite,
  styles: OwnedStyles,
  date1904: boolean,
): SheetPatchResult {
  const p = mainPrefix(xml, 'worksheet');
  const existingColumns = [...new Set(write.columns.filter((c) => c.existing).map((c) => c.column))];
  let formulaRemoved = false;

  const sheetData = findElement(xml, p, 'sheetData');
  if (!sheetData) throw new Error(`worksheet ${write.sheet} has no sheetData`);
  const inner = innerXml(sheetData.text);
  const rowOpen = `<${p}row`;
  const rowClose = `</${p}row>`;

  /**
   * Visit the rows as they are, with their numbers (implied by order when `r` is absent) and their start
   * tag's attributes, until `visit` says false. The rows are walked as they come, not collected first, so that
   * what the walk leaves behind dies young (a callback, not a generator: no object per row for that).
   */
  const eachRow = (visit: (row: number, xml: string, rowAttributes: Record<string, string>) => boolean): void => {
    let rowNumber = 0;
    for (let el = nextElement(inner, rowOpen, rowClose, 0); el; el = nextElement(inner, rowOpen, rowClose, el.end)) {
      const rowXml = inner.slice(el.start, el.end);
      const rowAttributes = attributes(startTag(rowXml));
      const r = Number(rowAttributes.r);
      rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
      if (!visit(rowNumber, rowXml, rowAttributes)) return;
    }
  };

  // The header style of the new owned columns is that of the header row's last user header cell.
  let headerRowXml = '';
  eachRow((row, rowXml) => {
    if (row !== write.headerRow) return true;
    headerRowXml = rowXml;
    return false;
  });
  const firstNew = Math.min(...write.columns.filter((c) => !c.existing).map((c) => c.column));
  const headerStyle = (() => {
    const { cells } = parseCells(p, innerXml(headerRowXml));
    const left = cells.filter((c) => c.column < firstNew && /<(\w+:)?(v|is)[\s>]/.test(c.xml)).pop();
    const s = left ? attributes(startTag(left.xml)).s : undefined;
    return s === undefined ? null : Number(s);
  })();

  // Owned cells to write per row, in the order they are added: the header texts, the values (from the
  // first to the last data row), or below the data nothing, where a previous run left something.
  const headerWants: [number, Want][] = write.columns.filter((c) => !c.existing).map((c) => [c.column, { header: c.header }]);
  const belowWants: [number, Want][] = existingColumns.map((c) => [c, null]);
  const valueWants = (row: number): [number, Want][] =>
    write.columns.map((c) => [c.column, { value: c.values[row - write.firstRow] ?? { kind: 'empty' } }]);
  const desired = (row: number): [number, Want][] | null => {
    const out =
      row === write.headerRow ? headerWants : row >= write.firstRow && row <= write.lastRow ? valueWants(row) : row > write.lastRow ? belowWants : [];
    return out.length ? out : null;
  };

  // The style a cell shows before we write it: its own, else its row's (when the row is formatted), else its
  // column's. The column's and the row's are looked up once (per column, per row), not per cell.
  const columnStyleOf = columnStylesOf(xml.slice(0, sheetData.start), p);
  const columnStyles = new Map<number, number>();
  const columnStyle = (column: number): number => {
    let s = columnStyles.get(column);
    if (s === undefined) columnStyles.set(column, (s = columnStyleOf(column)));
    return s;
  };
  /** The row's style, when the row is formatted (`row`: the attributes of its start tag; none for a new row). */
  const rowStyleOf = (row: Record<string, string> | null): number | null =>
    row !== null && (row.customFormat === '1' || row.customFormat === 'true') ? Number(row.s ?? 0) || 0 : null;
  const baseStyle = (cellXml: string | undefined, rowStyle: number | null, column: number): number => {
    if (cellXml !== undefined) return Number(attributes(startTag(cellXml)).s ?? 0) || 0;
    return rowStyle ?? columnStyle(column);
  };

  const refs = new Map(write.columns.map((c) => [c.column, columnLetter(c.column)]));
  const render = (want: Want, column: number, row: number, existing: string | undefined, rowStyle: number | null): string | null => {
    const ref = `${refs.get(column) ?? columnLetter(column)}${row}`;
    if (want !== null && 'header' in want) return cellXml(p, ref, { kind: 'text', text: want.header }, headerStyle, date1904);
    const value = want?.value ?? { kind: 'empty' };
    if (value.kind === 'empty') {
      // A cell the user formatted ahead keeps its format, without a value.
      const s = existing !== undefined ? baseStyle(existing, rowStyle, column) : 0;
      return s === 0 ? null : `<${p}c r="${ref}" s="${s}"/>`;
    }
    const style = styles.data(value.kind, baseStyle(existing, rowStyle, column));
    return cellXml(p, ref, value, style, date1904);
  };

  // The part is written as it is made, straight to UTF-8 (utf8-writer.ts): what comes before sheetData
  // (dimension, cols) and after it (conditional formats and the elements that follow them, CT_Worksheet
  // order) is patched apart from the rows, and no string of the whole part is ever made.
  let head = xml.slice(0, sheetData.start);
  head = patchDimension(head, p, write);
  head = patchColumnWidths(head, p, write);
  const afterSheetData = patchConditionalFormat(xml.slice(sheetData.end), p, write, styles);
  const firstRowAt = inner.search(new RegExp(`<${p}row[\\s>/]`));
  const lead = (firstRowAt < 0 ? inner : inner.slice(0, firstRowAt)).trim();
  // The patched part is about twice the original at first (five columns of text added to eight).
  const out = new Utf8Writer(2 * xml.length);
  out.write(head);
  out.write(startTag(sheetData.text).replace(/\/>$/, '>'));
  out.write(lead);

  /**
   * Write the row with its owned cells; false when there is no row and nothing to put in one. Plain index
   * loops: run 5,000 to 50,000 times in a process that starts cold, for-of and array destructuring made
   * iterator objects for every cell (a fifth of what the patch allocated).
   */
  const patchRow = (rowXml: string | null, rowAttributes: Record<string, string> | null, row: number, want: [number, Want][]): boolean => {
    const tagEnd = rowXml ? rowXml.indexOf('>') + 1 : 0;
    const rowTag = rowXml ? rowXml.slice(0, tagEnd) : null;
    const open = rowTag ? rowTag.replace(/\/>$/, '>').replace(SPANS, '') : `<${p}row r="${row}">`;
    // The row's inner XML: between its start tag and its end tag (none when the row is self-closing).
    const selfClosing = rowXml !== null && rowXml.charCodeAt(tagEnd - 2) === 47;
    const { cells, tail } = rowXml && !selfClosing ? parseCells(p, rowXml, tagEnd, rowXml.lastIndexOf('</')) : { cells: [], tail: '' };
    const rowStyle = rowStyleOf(rowAttributes);
    const all: RowCell[] = [];
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]!;
      if (!isWanted(want, c.column)) all.push(c);
      else if (FORMULA.test(c.xml)) formulaRemoved = true;
    }
    const kept = all.length;
    for (let w = 0; w < want.length; w++) {
      const column = want[w]![0];
      // The cell that was there: the last one in that column, if the row holds it twice.
      let existing: string | undefined;
      for (let i = 0; i < cells.length; i++) if (cells[i]!.column === column) existing = cells[i]!.xml;
      const x = render(want[w]![1], column, row, existing, rowStyle);
      if (x !== null) all.push({ column, xml: x });
    }
    if (!rowXml && all.length === kept) return false;
    // Cells in column order (a stable sort: cells already in order, as Excel writes them, stay as they are).
    let sorted = true;
    for (let i = 1; i < all.length && sorted; i++) sorted = all[i - 1]!.column <= all[i]!.column;
    if (!sorted) all.sort((a, b) => a.column - b.column);
    // Each piece straight to the part's bytes: the pieces die young, and no string per row is made.
    out.write(open);
    for (let i = 0; i < all.length; i++) out.write(all[i]!.xml);
    out.write(tail);
    out.write(rowClose);
    return true;
  };

  // Rows in order; a row that does not exist yet but needs an owned value is created in its place.
  let cursor = write.headerRow;
  const emitMissing = (limit: number) => {
    for (; cursor < limit && cursor <= write.lastRow; cursor++) {
      const want = desired(cursor);
      if (want) patchRow(null, null, cursor, want);
    }
  };
  eachRow((row, rowXml, rowAttributes) => {
    emitMissing(row);
    cursor = Math.max(cursor, row + 1);
    const want = desired(row);
    if (!want || !patchRow(rowXml, rowAttributes, row, want)) out.write(rowXml);
    return true;
  });
  emitMissing(write.lastRow + 1);

  out.write(`</${p}sheetData>`);
  out.write(afterSheetData);
  return { part: out.result(), formulaRemoved };
}

/** `head`: the worksheet part up to sheetData. */
function patchDimension(head: string, p: string, write: StaffSheetWrite): string {
  const el = findElement(head, p, 'dimension');
  if (!el) return head;
  const range = parseRange(attributes(el.text).ref ?? '');
  if (!range) return head;
  const c2 = Math.max(range.c2, ...write.columns.map((c) => c.column));
  const r2 = Math.max(range.r2, write.headerRow);
  const ref = `${columnLetter(range.c1)}${range.r1}:${columnLetter(c2)}${r2}`;
  return head.slice(0, el.start) + setAttribute(el.text, 'ref', ref) + head.slice(el.end);
}

/** The `<col>` ranges of a worksheet (or of its part before sheetData), in order. */
function columnRanges(xml: string, p: string): { min: number; max: number; tag: string }[] {
  const colsEl = findElement(xml, p, 'cols');
  return colsEl
    ? findElements(innerXml(colsEl.text), p, 'col').map((e) => {
        const a = attributes(e.text);
        return { min: Number(a.min), max: Number(a.max), tag: e.text };
      })
    : [];
}

/** The style a column range gives the cells it covers that have no element of their own (0 when none). */
function columnStylesOf(xml: string, p: string): (column: number) => number {
  const ranges = columnRanges(xml, p);
  return (column) => Number(attributes(ranges.find((r) => r.min <= column && column <= r.max)?.tag ?? '<col>').style ?? 0) || 0;
}

/**
 * New owned columns get their width; an existing `<col>` range over them is split so the rest keeps its own,
 * and the owned column keeps the range's style (a user who formatted columns I:XFD keeps that format there).
 */
function patchColumnWidths(head: string, p: string, write: StaffSheetWrite): string {
  const fresh = write.columns.filter((c) => !c.existing);
  if (fresh.length === 0) return head;
  const colsEl = findElement(head, p, 'cols');
  type Col = { min: number; max: number; tag: string };
  let cols: Col[] = columnRanges(head, p);
  const styleOf = columnStylesOf(head, p);
  for (const c of fresh) {
    const style = styleOf(c.column);
    const ours = `<${p}col min="${c.column}" max="${c.column}" width="${c.width}" customWidth="1"${style ? ` style="${style}"` : ''}/>`;
    const next: Col[] = [];
    for (const col of cols) {
      if (c.column < col.min || c.column > col.max) {
        next.push(col);
        continue;
      }
      const piece = (min: number, max: number) => ({
        min,
        max,
        tag: setAttribute(setAttribute(col.tag, 'min', String(min)), 'max', String(max)),
      });
      if (col.min < c.column) next.push(piece(col.min, c.column - 1));
      if (c.column < col.max) next.push(piece(c.column + 1, col.max));
    }
    next.push({ min: c.column, max: c.column, tag: ours });
    cols = next.sort((a, b) => a.min - b.min);
  }
  const body = cols.map((c) => c.tag).join('');
  if (colsEl) return head.slice(0, colsEl.start) + `${startTag(colsEl.text).replace(/\/>$/, '>')}${body}</${p}cols>` + head.slice(colsEl.end);
  // `head` ends where sheetData starts, and cols comes right before it (CT_Worksheet).
  return `${head}<${p}cols>${body}</${p}cols>`;
}

const quoted = (status: string) => `"${status}"`;

/**
 * Our status colours as we write them: one conditionalFormatting block on the status column alone, from the
 * first data row down, whose rules are exactly ours — "cell value equals <status>" for each status colour, in
 * order. A user's own rule on a status word (`"In orde"` on their column E) is never taken for ours.
 */
function isOurs(block: string, p: string, write: StaffSheetWrite, statuses: string[]): boolean {
  const status = write.columns.find((c) => c.header === OWNED_HEADERS[0]);
  const range = parseRange(attributes(startTag(block)).sqref ?? '');
  if (!status || !range || /\s/.test((attributes(startTag(block)).sqref ?? '').trim())) return false;
  if (range.c1 !== status.column || range.c2 !== status.column || range.r1 !== write.firstRow) return false;
  const rules = findElements(block, p, 'cfRule');
  return (
    rules.length === statuses.length &&
    rules.every((r, i) => {
      const a = attributes(startTag(r.text));
      const f = findElement(r.text, p, 'formula');
      return a.type === 'cellIs' && a.operator === 'equal' && f !== null && unescapeXml(innerXml(f.text)).trim() === quoted(statuses[i]!);
    })
  );
}

/** `tail`: the worksheet part after sheetData, where conditionalFormatting and what follows it belong. */
function patchConditionalFormat(xml: string, p: string, write: StaffSheetWrite, styles: OwnedStyles): string {
  const statuses = (write.statusFormat?.colours ?? []).map((c) => c.status).filter((s) => styles.statusDxf[s] !== undefined);
  const blocks = findElements(xml, p, 'conditionalFormatting');
  let insertAt: number | null = null;
  for (const b of [...blocks].reverse()) {
    if (!isOurs(b.text, p, write, statuses)) continue;
    xml = xml.slice(0, b.start) + xml.slice(b.end);
    insertAt = b.start;
  }
  if (!write.statusFormat) return xml;
  const priorities = [...xml.matchAll(/<(?:\w+:)?cfRule\b[^>]*\bpriority="(\d+)"/g)].map((m) => Number(m[1]));
  let priority = Math.max(0, ...priorities);
  const rules = write.statusFormat.colours
    .filter((c) => styles.statusDxf[c.status] !== undefined)
    .map(
      (c) =>
        `<${p}cfRule type="cellIs" dxfId="${styles.statusDxf[c.status]}" priority="${++priority}" operator="equal"><${p}formula>${escapeXml(quoted(c.status))}</${p}formula></${p}cfRule>`,
    )
    .join('');
  const block = `<${p}conditionalFormatting sqref="${write.statusFormat.range}">${rules}</${p}conditionalFormatting>`;
  if (insertAt === null) {
    const remaining = findElements(xml, p, 'conditionalFormatting');
    if (remaining.length) insertAt = remaining[remaining.length - 1]!.end;
    else {
      for (const name of AFTER_CONDITIONAL_FORMATTING) {
        const at = xml.search(new RegExp(`<${p}${name}[\\s>/]`));
        if (at >= 0) {
          insertAt = at;
          break;
        }
      }
      insertAt ??= xml.lastIndexOf(`</${p}worksheet>`);
    }
  }
  return xml.slice(0, insertAt) + block + xml.slice(insertAt);
}
