// The in-memory workbook behind the fake Excel host: plain data, so a test can build it from a grid and
// compare it afterwards, and the browser copy can be serialised into a page.
export type FakeValue = string | number | boolean;

export interface FakeFont {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
}

export interface FakeTable {
  name: string;
  /** 0-based inclusive bounds, header row included. */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  showHeaders: boolean;
}

export interface FakeConditionalFormat {
  id: number;
  type: 'CellValue' | 'ContainsText' | 'Custom';
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  formula1: string;
  operator: string;
  fill: string | null;
  font: string | null;
}

export interface FakeChart {
  type: string;
  source: string;
  /** What the add-in asked for (`Auto`, `Columns`, `Rows`). */
  seriesBy: string;
  /** How the host plots it: desktop Excel guesses `Auto` from the range's shape, Excel on the web takes columns. */
  plottedBy: 'Columns' | 'Rows';
  title: string;
  anchor: string | null;
}

export type FakeVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** 0-based inclusive bounds of a block of cells. */
export interface FakeBounds {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface FakeSheet {
  name: string;
  /** Row-major values; a missing or '' entry is an empty cell. A formula cell holds its cached result here. */
  values: FakeValue[][];
  /** 'r,c' → formula text (`=SUM(E4:E9)`) of a formula cell. */
  formulas: Record<string, string>;
  /** 'r,c' → number format (absent: General). */
  numberFormats: Record<string, string>;
  fonts: Record<string, FakeFont>;
  /** 'r,c' → solid fill colour as set (`#RRGGBB` or an HTML colour name); absent: no fill. */
  fills: Record<string, string>;
  /** 'r,c' → horizontal alignment (Excel.HorizontalAlignment); absent: General. */
  alignments: Record<string, string>;
  /** 0-based column → width in points (absent: default). */
  columnWidths: Record<number, number>;
  protected: boolean;
  tables: FakeTable[];
  conditionalFormats: FakeConditionalFormat[];
  charts: FakeChart[];
  notes: { address: string; text: string }[];
  visibility: FakeVisibility;
  merges: FakeBounds[];
}

export interface FakeWorkbookState {
  sheets: FakeSheet[];
  active: string;
  date1904: boolean;
  /** Workbook structure protection. */
  protected: boolean;
  selection: { sheet: string; address: string } | null;
  /** Office document settings as saved in the workbook, per add-in id (Office.Settings are per add-in and per document). */
  settings: Record<string, Record<string, unknown>>;
  /** Opened read-only (view mode on the web, opened read-only, no edit rights): every change is refused. */
  readOnly: boolean;
  nextId: number;
}

export function emptySheet(name: string, values: FakeValue[][] = []): FakeSheet {
  return {
    name,
    values,
    formulas: {},
    numberFormats: {},
    fonts: {},
    fills: {},
    alignments: {},
    columnWidths: {},
    protected: false,
    tables: [],
    conditionalFormats: [],
    charts: [],
    notes: [],
    visibility: 'Visible',
    merges: [],
  };
}

/** The add-in id of the product's manifest (`<Id>` in manifest.xml), under which the fake keeps its document settings. */
export const ADDIN_ID = '3f6c2b1e-8a4d-4e8b-9c55-7d1f0b2a6e41';

export function workbookState(sheets: FakeSheet[], options: { date1904?: boolean; active?: string } = {}): FakeWorkbookState {
  return { sheets, active: options.active ?? sheets[0]?.name ?? '', date1904: options.date1904 ?? false, protected: false, selection: null, settings: {}, readOnly: false, nextId: 1 };
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export function columnLetters(c0: number): string {
  let s = '';
  for (let x = c0 + 1; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** `B3`, `B3:D9`, `M:M`, `3:3`, with or without `$` and a sheet prefix → 0-based inclusive bounds. */
export function parseA1(address: string): { r0: number; c0: number; r1: number; c1: number } {
  const ref = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '').toUpperCase();
  const parts = ref.split(':');
  if (parts.length > 2 || !parts[0]) throw Object.assign(new Error(`invalid address ${address}`), { code: 'InvalidArgument' });
  const one = (p: string) => {
    let m = /^([A-Z]{1,3})(\d+)$/.exec(p);
    if (m) return { r: Number(m[2]) - 1, c: columnNumber(m[1]!), kind: 'cell' as const };
    m = /^([A-Z]{1,3})$/.exec(p);
    if (m) return { r: -1, c: columnNumber(m[1]!), kind: 'column' as const };
    m = /^(\d+)$/.exec(p);
    if (m) return { r: Number(m[1]) - 1, c: -1, kind: 'row' as const };
    throw Object.assign(new Error(`invalid address ${address}`), { code: 'InvalidArgument' });
  };
  const a = one(parts[0]);
  const b = one(parts[1] ?? parts[0]);
  if (a.kind !== b.kind) throw Object.assign(new Error(`invalid address ${address}`), { code: 'InvalidArgument' });
  if (a.kind === 'column') return { r0: 0, r1: MAX_ROWS - 1, c0: Math.min(a.c, b.c), c1: Math.max(a.c, b.c) };
  if (a.kind === 'row') return { r0: Math.min(a.r, b.r), r1: Math.max(a.r, b.r), c0: 0, c1: MAX_COLUMNS - 1 };
  return { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
}

export function a1Of(b: { r0: number; c0: number; r1: number; c1: number }): string {
  const start = `${columnLetters(b.c0)}${b.r0 + 1}`;
  const end = `${columnLetters(b.c1)}${b.r1 + 1}`;
  return start === end ? start : `${start}:${end}`;
}

export function isEmpty(v: FakeValue | undefined): boolean {
  return v === undefined || v === '';
}

/** Bounds of the cells with a value (or formula), and unless `valuesOnly` also of formatted and merged cells; null when none. */
export function usedBounds(sheet: FakeSheet, valuesOnly = true): FakeBounds | null {
  let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
  const use = (r: number, c: number) => {
    if (r < r0) r0 = r;
    if (r > r1) r1 = r;
    if (c < c0) c0 = c;
    if (c > c1) c1 = c;
  };
  sheet.values.forEach((row, r) => {
    if (!row) return;
    row.forEach((v, c) => {
      if (!isEmpty(v)) use(r, c);
    });
  });
  const keys = [...Object.keys(sheet.formulas), ...(valuesOnly ? [] : [...Object.keys(sheet.numberFormats), ...Object.keys(sheet.fonts), ...Object.keys(sheet.fills), ...Object.keys(sheet.alignments)])];
  for (const key of keys) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    use(r, c);
  }
  // A merge is a cell format (Format Cells › Alignment › Merge cells): its cells count as formatted.
  if (!valuesOnly)
    for (const m of sheet.merges) {
      use(m.r0, m.c0);
      use(m.r1, m.c1);
    }
  return r1 < 0 ? null : { r0, c0, r1, c1 };
}

export function getValue(sheet: FakeSheet, r: number, c: number): FakeValue {
  return sheet.values[r]?.[c] ?? '';
}

export function setValue(sheet: FakeSheet, r: number, c: number, v: FakeValue): void {
  while (sheet.values.length <= r) sheet.values.push([]);
  const row = sheet.values[r]!;
  while (row.length < c) row.push('');
  row[c] = v;
}
