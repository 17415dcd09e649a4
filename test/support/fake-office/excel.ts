// A fake of the part of the Excel JavaScript API the add-in uses, as strict as the documentation where
// Excel is strict. Like Office.js it queues every call and property write, runs the queue only on
// context.sync(), and throws PropertyNotLoaded when code reads a property it did not load and sync. It
// counts syncs and the bytes sent and received per sync.
//
// Every rule it enforces cites its source. The ones that hid defects before (issue 10):
// - Range.values: a string is taken the way typed input is (numbers, TRUE/FALSE, percentages, ISO dates;
//   a leading `=`, `+` or `-` is a formula) unless the cell is text-formatted; locale-shaped dates stay text.
//   @types/office-js `Excel.Range.values`: "If the returned value starts with a plus ("+"), minus ("-"), or
//   equal sign ("="), Excel interprets this value as a formula. Locale-shaped strings (such as the date
//   "19-8-2025" in nl-NL …) are stored as text instead of as dates … use … ISO (YYYY-MM-DD)".
// - Range.values / numberFormat / formulas are `any[][]` (@types/office-js): a 2-D array of the range's
//   shape, never a scalar.
// - Reads of more than five million cells fail with RangeExceedsLimit, and Excel on the web (only) refuses
//   a request or a response over 5 MB (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded):
//   https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
//   and the error table of https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
// - ChartSeriesBy `Auto`: "In Excel on desktop, the "auto" option will inspect the source data shape to
//   automatically guess whether the data is by rows or columns. In Excel on the web, "auto" will simply
//   default to "columns"." (https://learn.microsoft.com/javascript/api/excel/excel.chartseriesby)
// - Worksheet names: "The name must be fewer than 32 characters" (@types/office-js `Excel.Worksheet.name`)
//   and may not hold / \ ? * : [ ] (support.microsoft.com, "Rename a worksheet").
// - getUsedRange(valuesOnly): "If `true`, considers only cells with values as used cells (ignoring
//   formatting)"; without it, formatted cells count (@types/office-js `Excel.Worksheet.getUsedRange`).
// - Hidden and very hidden sheets (`Excel.Worksheet.visibility`) stay in the collection; activating one fails.
// - Range.getMergedAreasOrNullObject (ExcelApi 1.13): on a host without that requirement set the call fails at
//   sync with ApiNotFound (error table above: "The API you are trying to use could not be found. It may be
//   available in a newer version of Excel"); it gives only the merged areas whose top left cell is in the range
//   (OfficeDev/office-js#3611, "not a bug"); "if the merged areas count in this range is more than 512, then
//   this method will fail"; with none, a null object (@types/office-js). isNullObject, address, areaCount and
//   areas are readable only after load and sync; a null object's properties are not read (the fake throws).
// - A read-only workbook (`Excel.Workbook.readOnly`, ExcelApi 1.8) refuses every change with AccessDenied,
//   as a protected sheet does (error table above: AccessDenied "You cannot perform the requested operation").
import {
  a1Of,
  columnLetters,
  emptySheet,
  getValue,
  isEmpty,
  parseA1,
  setValue,
  usedBounds,
  type FakeChart,
  type FakeConditionalFormat,
  type FakeSheet,
  type FakeTable,
  type FakeValue,
  type FakeVisibility,
  type FakeWorkbookState,
} from './workbook';
// Sheet names are one sheet when they differ only in case (the product's one rule for it, as Excel's).
import { sameSheetName } from '../../../shared/sheet/sheet-name';

/** Where the workbook is open: the limits and the chart guess differ (see the header). */
export type FakePlatform = 'OfficeOnline' | 'PC' | 'Mac';

export interface FakeExcelOptions {
  /** Default Excel on the web, whose 5 MB payload limit is the strictest. */
  platform?: FakePlatform;
  /** Requirement sets the host supports, name → highest version (default ExcelApi 1.17, as office.ts). */
  requirementSets?: Record<string, string>;
}

/** `1.17` ≥ `1.9`: requirement-set versions compare part by part as numbers. */
export function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/** "If the merged areas count in this range is more than 512, then this method will fail" (Excel.Range.getMergedAreasOrNullObject). */
export const MERGED_AREAS_LIMIT = 512;

/** Five million cells per read (resource limits page, "Excel add-ins"). */
export const READ_CELL_LIMIT = 5_000_000;
/** Bytes of the request envelope Office.js sends around the queued actions, whatever they are. */
const REQUEST_ENVELOPE = 200;

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Envelope bytes Office.js sends per queued action (object path and ids), roughly. */
const ACTION_OVERHEAD = 60;

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  suspendedCalculation: boolean;
}

type Bounds = { r0: number; c0: number; r1: number; c1: number };

function officeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'RichApi.Error', code });
}

interface Action {
  bytes: number;
  /** Runs at sync; returns the bytes of the response it produces. */
  run: () => number;
  suspend?: boolean;
}

class Context {
  readonly queue: Action[] = [];
  readonly workbook: WorkbookProxy;
  readonly application: { suspendApiCalculationUntilNextSync: () => void };
  constructor(
    readonly state: FakeWorkbookState,
    readonly records: SyncRecord[],
    readonly platform: FakePlatform,
    readonly requirementSets: Record<string, string>,
  ) {
    this.workbook = new WorkbookProxy(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () => this.enqueue({ bytes: 0, suspend: true, run: () => 0 }, 'suspend', null),
    };
  }

  enqueue(action: Action, what: string, payload: unknown): void {
    action.bytes = ACTION_OVERHEAD + what.length + (payload === undefined ? 0 : JSON.stringify(payload ?? null).length);
    this.queue.push(action);
  }

  async sync(): Promise<void> {
    const actions = this.queue.splice(0);
    // The whole request counts: the envelope and every queued action with its arguments.
    const record: SyncRecord = { requestBytes: REQUEST_ENVELOPE + actions.reduce((s, a) => s + a.bytes, 0), responseBytes: 0, actions: actions.length, suspendedCalculation: actions.some((a) => a.suspend) };
    this.records.push(record);
    const web = this.platform === 'OfficeOnline';
    if (web && record.requestBytes > PAYLOAD_LIMIT) throw officeError('RequestPayloadSizeLimitExceeded', `request of ${record.requestBytes} bytes is over the 5 MB limit`);
    for (const a of actions) record.responseBytes += a.run();
    if (web && record.responseBytes > PAYLOAD_LIMIT) throw officeError('ResponsePayloadSizeLimitExceeded', `response of ${record.responseBytes} bytes is over the 5 MB limit`);
    await Promise.resolve();
  }

  /** At sync, an API of a requirement set the host lacks: ApiNotFound. */
  requireSet(set: string, version: string, api: string): void {
    const have = this.requirementSets[set];
    if (have === undefined || !versionAtLeast(have, version))
      throw officeError('ApiNotFound', `The API you are trying to use could not be found (${api}, ${set} ${version}). It may be available in a newer version of Excel.`);
  }

  /** Every change of the workbook: refused in a read-only workbook. */
  guardWorkbookWrite(): void {
    if (this.state.readOnly) throw officeError('AccessDenied', 'The workbook is read-only.');
  }

  sheet(name: string): FakeSheet {
    const s = this.state.sheets.find((x) => sameSheetName(x.name, name));
    if (!s) throw officeError('ItemNotFound', `worksheet ${name} not found`);
    return s;
  }
}

/** Base of every proxy: load() queues a read, properties are readable only after that sync. */
abstract class ClientObject {
  protected readonly loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: Context) {}
  /** name → value at sync time. */
  protected abstract readProperty(name: string): unknown;

  load(props?: string | string[] | Record<string, unknown>): this {
    const names = (Array.isArray(props) ? props : typeof props === 'string' ? props.split(',') : []).map((p) => p.trim()).filter(Boolean);
    this.ctx.enqueue(
      {
        bytes: 0,
        run: () => {
          let bytes = 0;
          for (const n of names.length ? names : this.defaultProperties()) {
            const v = this.readProperty(n);
            this.loaded.set(n, v);
            bytes += n.length + JSON.stringify(v ?? null).length + 4;
          }
          this.afterLoad();
          return bytes;
        },
      },
      'load',
      names,
    );
    return this;
  }

  protected defaultProperties(): string[] {
    return [];
  }

  protected afterLoad(): void {}

  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) throw officeError('PropertyNotLoaded', `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    return this.loaded.get(name) as T;
  }

  /** Queues a property write. */
  protected set(what: string, value: unknown, apply: () => void): void {
    this.ctx.enqueue({ bytes: 0, run: () => (apply(), 0) }, what, value);
  }

  /** Queues a method call. */
  protected call(what: string, args: unknown, apply: () => void): void {
    this.ctx.enqueue({ bytes: 0, run: () => (apply(), 0) }, what, args);
  }
}

class WorkbookProxy extends ClientObject {
  readonly worksheets: WorksheetCollection;
  readonly functions: { date: (y: number, m: number, d: number) => FunctionResult };
  readonly protection: WorkbookProtection;
  readonly application: Context['application'];
  constructor(ctx: Context) {
    super(ctx);
    this.worksheets = new WorksheetCollection(ctx);
    this.functions = { date: (y, m, d) => new FunctionResult(ctx, () => serial(y, m, d, ctx.state.date1904)) };
    this.protection = new WorkbookProtection(ctx);
    this.application = ctx.application;
  }
  protected readProperty(name: string): unknown {
    if (name === 'readOnly') return this.ctx.state.readOnly;
    throw officeError('InvalidArgument', `the fake does not know Workbook.${name}`);
  }
  /** `Excel.Workbook.readOnly` (ExcelApi 1.8): "Returns true if the workbook is open in read-only mode." */
  get readOnly(): boolean {
    return this.get('readOnly');
  }
}

/** Characters a sheet name may not hold (support.microsoft.com, "Rename a worksheet"). */
const BAD_SHEET_NAME = /[\\/?*:[\]]/;

function serial(y: number, m: number, d: number, date1904: boolean): number {
  const t = Date.UTC(y, m - 1, d);
  return Math.round((t - (date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30))) / 86_400_000);
}

class FunctionResult extends ClientObject {
  constructor(ctx: Context, private readonly compute: () => number) {
    super(ctx);
  }
  protected readProperty(name: string): unknown {
    if (name === 'value') return this.compute();
    if (name === 'error') return null;
    throw officeError('InvalidArgument', `unknown property ${name}`);
  }
  get value(): number {
    return this.get('value');
  }
}

class WorkbookProtection extends ClientObject {
  protected readProperty(name: string): unknown {
    if (name === 'protected') return this.ctx.state.protected;
    throw officeError('InvalidArgument', `unknown property ${name}`);
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

class WorksheetCollection extends ClientObject {
  private itemList: Worksheet[] | null = null;
  protected readProperty(name: string): unknown {
    if (name.startsWith('items')) return this.ctx.state.sheets.map((s) => s.name);
    throw officeError('InvalidArgument', `unknown property ${name}`);
  }
  protected override afterLoad(): void {
    const withVisibility = this.loaded.has('items/visibility');
    this.itemList = this.ctx.state.sheets.map((s) => {
      const w = new Worksheet(this.ctx, () => this.ctx.sheet(s.name), false);
      w.markLoaded('name', s.name);
      if (withVisibility) w.markLoaded('visibility', s.visibility);
      return w;
    });
  }
  get items(): Worksheet[] {
    if (!this.itemList) throw officeError('PropertyNotLoaded', 'items not loaded');
    return this.itemList;
  }
  getItem(name: string): Worksheet {
    return new Worksheet(this.ctx, () => this.ctx.sheet(name), false);
  }
  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.ctx, () => this.ctx.state.sheets.find((s) => sameSheetName(s.name, name)) ?? null, true);
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.ctx, () => this.ctx.sheet(this.ctx.state.active), false);
  }
  add(name: string): Worksheet {
    this.call('worksheets.add', name, () => {
      this.ctx.guardWorkbookWrite();
      // "The name must be fewer than 32 characters" (Excel.Worksheet.name); no / \ ? * : [ ] and not blank.
      if (name.length > 31 || name.trim() === '' || BAD_SHEET_NAME.test(name) || name.startsWith("'") || name.endsWith("'"))
        throw officeError('InvalidArgument', `The sheet name ${JSON.stringify(name)} is not valid.`);
      if (this.ctx.state.sheets.some((s) => sameSheetName(s.name, name))) throw officeError('ItemAlreadyExists', `a sheet named ${name} exists`);
      if (this.ctx.state.protected) throw officeError('AccessDenied', 'workbook structure is protected');
      this.ctx.state.sheets.push(emptySheet(name));
    });
    return this.getItem(name);
  }
}

class Worksheet extends ClientObject {
  readonly tables: TableCollection;
  readonly protection: SheetProtection;
  readonly charts: { add: (type: string, source: Range, seriesBy?: string) => Chart };
  readonly notes: { add: (address: string | Range, content: string) => void };
  private nullChecked = false;
  private isNull = false;
  constructor(
    ctx: Context,
    readonly resolve: () => FakeSheet | null,
    private readonly nullable: boolean,
  ) {
    super(ctx);
    this.tables = new TableCollection(ctx, () => this.must());
    this.protection = new SheetProtection(ctx, () => this.must());
    this.charts = { add: (type, source, seriesBy = 'Auto') => new Chart(ctx, this, type, source, seriesBy) };
    this.notes = {
      add: (address, content) =>
        this.call('notes.add', { address: typeof address === 'string' ? address : '(range)', content }, () => {
          this.must().notes.push({ address: typeof address === 'string' ? address : a1Of(address.bounds()), text: content });
        }),
    };
  }
  must(): FakeSheet {
    const s = this.resolve();
    if (!s) throw officeError('ItemNotFound', 'worksheet not found');
    return s;
  }
  markLoaded(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }
  protected readProperty(name: string): unknown {
    const s = this.resolve();
    this.nullChecked = true;
    this.isNull = !s;
    if (!s) {
      if (!this.nullable) throw officeError('ItemNotFound', 'worksheet not found');
      return null;
    }
    if (name === 'name') return s.name;
    if (name === 'visibility') return s.visibility;
    throw officeError('InvalidArgument', `unknown property ${name}`);
  }
  protected override defaultProperties(): string[] {
    return ['name'];
  }
  get name(): string {
    return this.get('name');
  }
  get visibility(): FakeVisibility {
    return this.get('visibility');
  }
  get isNullObject(): boolean {
    if (!this.nullChecked) throw officeError('PropertyNotLoaded', 'isNullObject is not available before load and sync');
    return this.isNull;
  }
  getRange(address?: string): Range {
    return new Range(this.ctx, this, () => (address ? parseA1(address) : { r0: 0, c0: 0, r1: 1_048_575, c1: 16_383 }), false);
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): Range {
    return new Range(this.ctx, this, () => ({ r0: r, c0: c, r1: r + rows - 1, c1: c + cols - 1 }), false);
  }
  getCell(r: number, c: number): Range {
    return this.getRangeByIndexes(r, c, 1, 1);
  }
  /** Like getUsedRangeOrNullObject, but a blank sheet gives its top left cell: "it will *not* throw an error" (Excel.Worksheet.getUsedRange). */
  getUsedRange(valuesOnly?: boolean): Range {
    return new Range(this.ctx, this, () => usedBounds(this.must(), valuesOnly === true) ?? { r0: 0, c0: 0, r1: 0, c1: 0 }, false);
  }
  /** Without `valuesOnly`, formatted cells count as used (Excel.Worksheet.getUsedRangeOrNullObject). */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return new Range(this.ctx, this, () => usedBounds(this.must(), valuesOnly === true), true);
  }
  activate(): void {
    this.call('activate', null, () => {
      const s = this.must();
      // A hidden sheet cannot be the active one: Excel refuses to activate it (issue 10's review; a very hidden
      // sheet cannot even be shown from the UI, OfficeDev/office-js#365).
      if (s.visibility !== 'Visible') throw officeError('InvalidOperation', `The sheet ${s.name} is hidden and cannot be activated.`);
      this.ctx.state.active = s.name;
    });
  }
  delete(): void {
    this.call('delete', null, () => {
      const s = this.must();
      this.ctx.guardWorkbookWrite();
      if (this.ctx.state.protected) throw officeError('AccessDenied', 'workbook structure is protected');
      this.ctx.state.sheets = this.ctx.state.sheets.filter((x) => x !== s);
      if (this.ctx.state.active === s.name) this.ctx.state.active = this.ctx.state.sheets[0]?.name ?? '';
    });
  }
}

class SheetProtection extends ClientObject {
  constructor(ctx: Context, private readonly sheet: () => FakeSheet) {
    super(ctx);
  }
  protected readProperty(name: string): unknown {
    if (name === 'protected') return this.sheet().protected;
    throw officeError('InvalidArgument', `unknown property ${name}`);
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

/** An object whose properties queue a write when set and, never loaded, throw PropertyNotLoaded when read. */
function writeOnly<T extends Record<string, (value: never) => void>>(setters: T): Record<keyof T, unknown> {
  const o = {} as Record<keyof T, unknown>;
  for (const [name, set] of Object.entries(setters))
    Object.defineProperty(o, name, {
      get: () => {
        throw officeError('PropertyNotLoaded', `${name} is not loaded`);
      },
      set,
      enumerable: true,
    });
  return o;
}

const HORIZONTAL_ALIGNMENTS = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];

function guardWrite(ctx: Context, sheet: FakeSheet): void {
  ctx.guardWorkbookWrite();
  if (sheet.protected) throw officeError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`);
}

class Range extends ClientObject {
  readonly format: {
    font: Record<string, unknown>;
    fill: Record<string, unknown>;
    columnWidth: number;
    horizontalAlignment: string;
  };
  readonly conditionalFormats: ConditionalFormatCollection;
  private nullChecked = false;
  private isNull = false;
  constructor(
    ctx: Context,
    readonly worksheet: Worksheet,
    private readonly locate: () => Bounds | null,
    private readonly nullable: boolean,
  ) {
    super(ctx);
    const fontSetter = (prop: 'bold' | 'italic' | 'size' | 'color') => ({
      set: (v: unknown) =>
        this.set(`font.${prop}`, v, () => {
          const s = this.worksheet.must();
          guardWrite(this.ctx, s);
          this.eachCell((r, c) => {
            const k = `${r},${c}`;
            s.fonts[k] = { ...(s.fonts[k] ?? {}), [prop]: v };
          });
        }),
      get: () => {
        throw officeError('PropertyNotLoaded', `font.${prop} not loaded`);
      },
    });
    const font = {};
    for (const p of ['bold', 'italic', 'size', 'color'] as const) Object.defineProperty(font, p, { ...fontSetter(p), enumerable: true });
    // Excel.RangeFill.color: "#RRGGBB" (the documentation's example leaves out the #) or a named HTML colour; Excel.RangeFormat.horizontalAlignment: one of Excel.HorizontalAlignment.
    const eachKey = (f: (s: FakeSheet, key: string) => void) => {
      const s = this.worksheet.must();
      guardWrite(this.ctx, s);
      this.eachCell((r, c) => f(s, `${r},${c}`));
    };
    const fill = writeOnly({
      color: (colour: string) =>
        this.set('fill.color', colour, () => {
          if (typeof colour !== 'string' || !/^(#?[0-9A-Fa-f]{6}|[A-Za-z]+)$/.test(colour)) throw officeError('InvalidArgument', `fill.color ${JSON.stringify(colour)} is no colour`);
          eachKey((s, k) => void (s.fills[k] = colour));
        }),
    });
    const widths = writeOnly({
      horizontalAlignment: (alignment: string) =>
        this.set('horizontalAlignment', alignment, () => {
          if (!HORIZONTAL_ALIGNMENTS.includes(alignment)) throw officeError('InvalidArgument', `horizontalAlignment ${JSON.stringify(alignment)} is not an Excel.HorizontalAlignment`);
          eachKey((s, k) => void (alignment === 'General' ? delete s.alignments[k] : (s.alignments[k] = alignment)));
        }),
      columnWidth: (points: number) =>
        this.set('columnWidth', points, () => {
          const s = this.worksheet.must();
          guardWrite(this.ctx, s);
          const b = this.bounds();
          for (let c = b.c0; c <= b.c1; c++) s.columnWidths[c] = points;
        }),
    });
    this.format = Object.assign(widths, { font: font as Record<string, unknown>, fill: fill as Record<string, unknown> }) as Range['format'];
    this.conditionalFormats = new ConditionalFormatCollection(ctx, this);
  }
  bounds(): Bounds {
    const b = this.locate();
    if (!b) throw officeError('ItemNotFound', 'range is a null object');
    return b;
  }
  private eachCell(f: (r: number, c: number) => void): void {
    const b = this.bounds();
    if ((b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1) > 5_000_000) throw officeError('InvalidOperation', 'the fake does not format whole columns cell by cell');
    for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) f(r, c);
  }
  protected readProperty(name: string): unknown {
    const b = this.locate();
    this.nullChecked = true;
    this.isNull = !b;
    if (!b) {
      if (!this.nullable) throw officeError('ItemNotFound', 'range not found');
      return null;
    }
    const s = this.worksheet.must();
    switch (name) {
      case 'address':
        return `${s.name}!${a1Of(b)}`;
      case 'rowIndex':
        return b.r0;
      case 'columnIndex':
        return b.c0;
      case 'rowCount':
        return b.r1 - b.r0 + 1;
      case 'columnCount':
        return b.c1 - b.c0 + 1;
      case 'values': {
        checkReadSize(b);
        const out: FakeValue[][] = [];
        for (let r = b.r0; r <= b.r1; r++) {
          const row: FakeValue[] = [];
          for (let c = b.c0; c <= b.c1; c++) row.push(getValue(s, r, c));
          out.push(row);
        }
        return out;
      }
      case 'formulas': {
        checkReadSize(b);
        const out: FakeValue[][] = [];
        for (let r = b.r0; r <= b.r1; r++) {
          const row: FakeValue[] = [];
          for (let c = b.c0; c <= b.c1; c++) row.push(s.formulas[`${r},${c}`] ?? getValue(s, r, c));
          out.push(row);
        }
        return out;
      }
      case 'numberFormat': {
        checkReadSize(b);
        const out: string[][] = [];
        for (let r = b.r0; r <= b.r1; r++) {
          const row: string[] = [];
          for (let c = b.c0; c <= b.c1; c++) row.push(s.numberFormats[`${r},${c}`] ?? 'General');
          out.push(row);
        }
        return out;
      }
      default:
        throw officeError('InvalidArgument', `the fake does not know Range.${name}`);
    }
  }
  get isNullObject(): boolean {
    if (!this.nullChecked) throw officeError('PropertyNotLoaded', 'isNullObject is not available before load and sync');
    return this.isNull;
  }
  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  /** A 2-D array of the range's shape; each string is taken as typed input unless its cell is text-formatted (see the header). */
  set values(v: unknown) {
    this.set('values', v, () => {
      const s = this.worksheet.must();
      guardWrite(this.ctx, s);
      this.eachMatrix(v, 'values', (r, c, x) => {
        // null leaves a cell as it is ("null … will be ignored", Excel.Range.values in the API reference's examples).
        if (x === null || x === undefined) return;
        const key = `${r},${c}`;
        delete s.formulas[key];
        if (typeof x !== 'string') return setValue(s, r, c, x as FakeValue);
        const format = s.numberFormats[key];
        if (format === '@') return setValue(s, r, c, x);
        const typed = typedInput(x, this.ctx.state.date1904);
        if (typed.formula !== undefined) s.formulas[key] = typed.formula;
        if (typed.format && format === undefined) s.numberFormats[key] = typed.format;
        setValue(s, r, c, typed.value);
      });
    });
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: unknown) {
    this.set('numberFormat', v, () => {
      const s = this.worksheet.must();
      guardWrite(this.ctx, s);
      this.eachMatrix(v, 'numberFormat', (r, c, x) => {
        if (x === 'General') delete s.numberFormats[`${r},${c}`];
        else s.numberFormats[`${r},${c}`] = String(x);
      });
    });
  }
  /** `values`, `numberFormat` and `formulas` are `any[][]` in the API reference: a scalar is refused. */
  private eachMatrix(v: unknown, what: string, f: (r: number, c: number, x: unknown) => void): void {
    const b = this.bounds();
    const rows = b.r1 - b.r0 + 1;
    const cols = b.c1 - b.c0 + 1;
    if (!Array.isArray(v)) throw officeError('InvalidArgument', `Range.${what} takes a 2-D array of the range's shape (${rows}×${cols}), not ${JSON.stringify(v)}.`);
    if (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols))
      throw officeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`);
    (v as unknown[][]).forEach((row, i) => row.forEach((x, j) => f(b.r0 + i, b.c0 + j, x)));
  }
  /** The merged areas whose top left cell is in this range (see the header), ExcelApi 1.13. */
  getMergedAreasOrNullObject(): RangeAreas {
    const areas = new RangeAreas(this.ctx, this.worksheet);
    this.ctx.enqueue(
      {
        bytes: 0,
        run: () => {
          this.ctx.requireSet('ExcelApi', '1.13', 'Range.getMergedAreasOrNullObject');
          const b = this.bounds();
          const found = this.worksheet.must().merges.filter((m) => m.r0 >= b.r0 && m.r0 <= b.r1 && m.c0 >= b.c0 && m.c0 <= b.c1);
          if (found.length > MERGED_AREAS_LIMIT) throw officeError('GeneralException', `There are ${found.length} merged areas in the range, more than ${MERGED_AREAS_LIMIT}.`);
          areas.resolved = found.map((m) => ({ ...m }));
          return 0;
        },
      },
      'getMergedAreasOrNullObject',
      null,
    );
    return areas;
  }
  select(): void {
    this.call('select', null, () => {
      const s = this.worksheet.must();
      this.ctx.state.selection = { sheet: s.name, address: a1Of(this.bounds()) };
    });
  }
  /**
   * Whole columns (what removing the owned columns needs): tables and merged areas they cross shrink, as in
   * Excel. A block of cells shifted left or up that cuts through a table or a merged area is refused, as
   * Excel refuses it ("The operation is attempting to shift cells in a table"; MergedRangeConflict and
   * InvalidOperation in the error table of application-specific-api-error-handling).
   */
  delete(shift: string): void {
    this.call('delete', shift, () => {
      const s = this.worksheet.must();
      guardWrite(this.ctx, s);
      const b = this.bounds();
      const wholeColumns = b.r0 === 0 && b.r1 === 1_048_575;
      if (wholeColumns) return deleteColumns(s, b.c0, b.c1 - b.c0 + 1);
      const cuts = (x: Bounds) => x.r0 <= b.r1 && x.r1 >= b.r0 && x.c0 <= b.c1 && x.c1 >= b.c0 && !(x.r0 >= b.r0 && x.r1 <= b.r1 && x.c0 >= b.c0 && x.c1 <= b.c1);
      // Shifting cells moves everything right of (or below) the block in its rows (columns), so a table or a
      // merge there that the block does not cover whole is cut as well.
      const shifted: Bounds = shift === 'Up' ? { ...b, r1: 1_048_575 } : { ...b, c1: 16_383 };
      if (s.tables.some((t) => cuts(t) && (t.r0 < shifted.r0 || t.r1 > shifted.r1 || t.c0 < shifted.c0 || t.c1 > shifted.c1) && overlaps(t, shifted)))
        throw officeError('InvalidOperation', 'This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet.');
      if (s.merges.some((m) => cuts(m) && overlaps(m, shifted))) throw officeError('MergedRangeConflict', "We can't do that to a merged cell.");
      throw officeError('NotImplemented', 'the fake shifts whole columns only');
    });
  }
}

/** A sheet name as Excel writes it in an address: quoted unless plain letters, digits, `_` and `.`, a quote doubled. */
function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Excel.RangeAreas as getMergedAreasOrNullObject gives it: a null object when the range holds no merged area. */
class RangeAreas extends ClientObject {
  /** The areas found when the call ran at sync (null before): isNullObject is known after that sync. */
  resolved: Bounds[] | null = null;
  private areaList: { address: string }[] | null = null;
  constructor(
    ctx: Context,
    private readonly worksheet: Worksheet,
  ) {
    super(ctx);
  }
  private blockAddress(b: Bounds): string {
    return `${sheetRef(this.worksheet.must().name)}!${a1Of(b)}`;
  }
  protected readProperty(name: string): unknown {
    const areas = this.resolved ?? [];
    if (areas.length === 0) return null;
    // "Address value will contain the worksheet name for each rectangular block of cells (e.g., "Sheet1!A1:B4, Sheet1!D1:D4")" (Excel.RangeAreas.address).
    if (name === 'address') return areas.map((b) => this.blockAddress(b)).join(', ');
    if (name === 'areaCount') return areas.length;
    if (name === 'areas/items/address') return areas.map((b) => this.blockAddress(b));
    throw officeError('InvalidArgument', `the fake does not know RangeAreas.${name}`);
  }
  protected override afterLoad(): void {
    const addresses = this.loaded.get('areas/items/address');
    if (Array.isArray(addresses)) this.areaList = addresses.map((address: string) => ({ address }));
  }
  get isNullObject(): boolean {
    if (this.resolved === null) throw officeError('PropertyNotLoaded', 'isNullObject is not available before context.sync()');
    return this.resolved.length === 0;
  }
  private notNull(): void {
    if (this.isNullObject) throw officeError('InvalidOperation', 'the RangeAreas is a null object: check isNullObject before reading its properties');
  }
  get address(): string {
    const address = this.get<string>('address');
    this.notNull();
    return address;
  }
  get areaCount(): number {
    const count = this.get<number>('areaCount');
    this.notNull();
    return count;
  }
  get areas(): { items: { address: string }[] } {
    if (!this.areaList && !this.loaded.has('areas/items/address')) throw officeError('PropertyNotLoaded', "The property 'areas' is not available: load 'areas/items/address' and sync first.");
    this.notNull();
    return { items: this.areaList ?? [] };
  }
}

function overlaps(a: Bounds, b: Bounds): boolean {
  return a.r0 <= b.r1 && a.r1 >= b.r0 && a.c0 <= b.c1 && a.c1 >= b.c0;
}

/** RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number." */
function checkReadSize(b: Bounds): void {
  if ((b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1) > READ_CELL_LIMIT) throw officeError('RangeExceedsLimit', 'The cell count in the range has exceeded the maximum supported number.');
}

const DAY_MS = 86_400_000;

/**
 * A string written to a cell that is not text-formatted, taken as Excel takes typed input: a leading
 * apostrophe makes the rest text; numbers, percentages, TRUE/FALSE and ISO dates become values (with a
 * number format where the cell has none); a leading `=`, `+` or `-` is otherwise a formula. Locale-shaped
 * dates (`19-8-2025`) stay text (Excel.Range.values, quoted in the header).
 */
function typedInput(x: string, date1904: boolean): { value: FakeValue; formula?: string; format?: string } {
  if (x.startsWith("'")) return { value: x.slice(1) };
  const t = x.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { value: Number(t) };
  const pct = /^([+-]?(\d+(\.\d*)?|\.\d+))\s*%$/.exec(t);
  if (pct) return { value: Number(pct[1]) / 100, format: '0%' };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const time = Date.UTC(y, m - 1, d);
    const date = new Date(time);
    if (date.getUTCMonth() === m - 1 && date.getUTCDate() === d)
      return { value: Math.round((time - (date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30))) / DAY_MS), format: 'yyyy-mm-dd' };
  }
  // The fake does not calculate: a formula's cached value is empty until Excel would recalculate it.
  if (/^[=+-]/.test(x)) return { value: '', formula: x.startsWith('=') ? x : `=${x}` };
  return { value: x };
}

function deleteColumns(s: FakeSheet, c0: number, n: number): void {
  const shiftKey = (rec: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rec)) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      if (c < c0) out[k] = v;
      else if (c >= c0 + n) out[`${r},${c - n}`] = v;
    }
    return out;
  };
  for (const row of s.values) if (row && row.length > c0) row.splice(c0, Math.min(n, row.length - c0));
  s.numberFormats = shiftKey(s.numberFormats) as Record<string, string>;
  s.fonts = shiftKey(s.fonts) as FakeSheet['fonts'];
  s.fills = shiftKey(s.fills) as FakeSheet['fills'];
  s.alignments = shiftKey(s.alignments) as FakeSheet['alignments'];
  const widths: Record<number, number> = {};
  for (const [k, v] of Object.entries(s.columnWidths)) {
    const c = Number(k);
    if (c < c0) widths[c] = v;
    else if (c >= c0 + n) widths[c - n] = v;
  }
  s.columnWidths = widths;
  const shiftBounds = <T extends Bounds>(x: T): T | null => {
    const lo = x.c0 >= c0 + n ? x.c0 - n : x.c0 >= c0 ? c0 : x.c0;
    const hiRaw = x.c1 >= c0 + n ? x.c1 - n : x.c1 >= c0 ? c0 - 1 : x.c1;
    return hiRaw < lo ? null : { ...x, c0: lo, c1: hiRaw };
  };
  s.tables = s.tables.map(shiftBounds).filter((t): t is FakeTable => t !== null);
  s.merges = s.merges.map(shiftBounds).filter((m): m is Bounds => m !== null && (m.r1 > m.r0 || m.c1 > m.c0));
  s.formulas = shiftKey(s.formulas) as Record<string, string>;
  s.conditionalFormats = s.conditionalFormats.map(shiftBounds).filter((f): f is FakeConditionalFormat => f !== null);
}

class ConditionalFormatCollection extends ClientObject {
  private itemList: ConditionalFormat[] | null = null;
  constructor(ctx: Context, private readonly range: Range) {
    super(ctx);
  }
  private intersecting(): FakeConditionalFormat[] {
    const b = this.range.bounds();
    return this.range.worksheet.must().conditionalFormats.filter((f) => f.r0 <= b.r1 && f.r1 >= b.r0 && f.c0 <= b.c1 && f.c1 >= b.c0);
  }
  protected readProperty(name: string): unknown {
    const list = this.intersecting();
    if (name === 'items/type') return list.map((f) => f.type);
    if (name === 'items/cellValueOrNullObject/rule') return list.map((f) => (f.type === 'CellValue' ? { formula1: f.formula1, operator: f.operator } : null));
    throw officeError('InvalidArgument', `the fake does not know ConditionalFormatCollection.${name}`);
  }
  protected override afterLoad(): void {
    const withRules = this.loaded.has('items/cellValueOrNullObject/rule');
    this.itemList = this.intersecting().map((f) => new ConditionalFormat(this.ctx, this.range.worksheet, () => f, withRules));
  }
  get items(): ConditionalFormat[] {
    if (!this.itemList) throw officeError('PropertyNotLoaded', 'items not loaded');
    return this.itemList;
  }
  add(type: string): ConditionalFormat {
    let created: FakeConditionalFormat | null = null;
    this.call('conditionalFormats.add', type, () => {
      const s = this.range.worksheet.must();
      guardWrite(this.ctx, s);
      if (type !== 'CellValue') throw officeError('InvalidArgument', `the fake supports CellValue formats only, not ${type}`);
      created = { id: this.ctx.state.nextId++, type: 'CellValue', ...this.range.bounds(), formula1: '', operator: '', fill: null, font: null };
      s.conditionalFormats.push(created);
    });
    return new ConditionalFormat(this.ctx, this.range.worksheet, () => created, false);
  }
  clearAll(): void {
    this.call('conditionalFormats.clearAll', null, () => {
      const s = this.range.worksheet.must();
      const hit = new Set(this.intersecting());
      s.conditionalFormats = s.conditionalFormats.filter((f) => !hit.has(f));
    });
  }
}

class ConditionalFormat {
  readonly cellValue: { format: { fill: Record<string, unknown>; font: Record<string, unknown> }; rule: unknown };
  readonly cellValueOrNullObject: { isNullObject: boolean; rule: { formula1: string; operator: string } };
  constructor(
    private readonly ctx: Context,
    private readonly worksheet: Worksheet,
    private readonly target: () => FakeConditionalFormat | null,
    rulesLoaded: boolean,
  ) {
    const write = (what: string, value: unknown, f: (cf: FakeConditionalFormat) => void) =>
      ctx.enqueue(
        {
          bytes: 0,
          run: () => {
            const cf = this.target();
            if (!cf) throw officeError('ItemNotFound', 'conditional format not found');
            f(cf);
            return 0;
          },
        },
        what,
        value,
      );
    const fill = {};
    Object.defineProperty(fill, 'color', { set: (v: string) => write('fill.color', v, (cf) => void (cf.fill = v)), enumerable: true });
    const font = {};
    Object.defineProperty(font, 'color', { set: (v: string) => write('font.color', v, (cf) => void (cf.font = v)), enumerable: true });
    const cellValue = { format: { fill, font } } as ConditionalFormat['cellValue'];
    Object.defineProperty(cellValue, 'rule', {
      set: (v: { formula1: string; operator: string }) => write('rule', v, (cf) => Object.assign(cf, { formula1: v.formula1, operator: v.operator })),
      enumerable: true,
    });
    this.cellValue = cellValue;
    const snapshot = rulesLoaded ? this.target() : null;
    this.cellValueOrNullObject = {
      get isNullObject() {
        if (!rulesLoaded) throw officeError('PropertyNotLoaded', 'cellValueOrNullObject not loaded');
        return snapshot?.type !== 'CellValue';
      },
      get rule() {
        if (!rulesLoaded || !snapshot) throw officeError('PropertyNotLoaded', 'rule not loaded');
        return { formula1: snapshot.formula1, operator: snapshot.operator };
      },
    };
    this.typeValue = snapshot?.type ?? null;
  }
  private readonly typeValue: string | null;
  get type(): string {
    if (this.typeValue === null) throw officeError('PropertyNotLoaded', 'type not loaded');
    return this.typeValue;
  }
  delete(): void {
    this.ctx.enqueue(
      {
        bytes: 0,
        run: () => {
          const s = this.worksheet.must();
          guardWrite(this.ctx, s);
          const cf = this.target();
          s.conditionalFormats = s.conditionalFormats.filter((f) => f !== cf);
          return 0;
        },
      },
      'conditionalFormat.delete',
      null,
    );
  }
}

class TableCollection extends ClientObject {
  private itemList: Table[] | null = null;
  constructor(ctx: Context, private readonly sheet: () => FakeSheet) {
    super(ctx);
  }
  protected readProperty(name: string): unknown {
    const tables = this.sheet().tables;
    if (name === 'items/name') return tables.map((t) => t.name);
    if (name === 'items/showHeaders') return tables.map((t) => t.showHeaders);
    throw officeError('InvalidArgument', `the fake does not know TableCollection.${name}`);
  }
  protected override afterLoad(): void {
    this.itemList = this.sheet().tables.map((t) => new Table(this.ctx, this.sheet, t.name, { name: this.loaded.has('items/name'), showHeaders: this.loaded.has('items/showHeaders') }, t));
  }
  get items(): Table[] {
    if (!this.itemList) throw officeError('PropertyNotLoaded', 'items not loaded');
    return this.itemList;
  }
  getItem(name: string): Table {
    return new Table(this.ctx, this.sheet, name, { name: false, showHeaders: false }, null);
  }
}

class Table {
  readonly columns: { add: (index?: number, values?: unknown, name?: string) => void };
  constructor(
    private readonly ctx: Context,
    private readonly sheet: () => FakeSheet,
    private readonly tableName: string,
    private readonly loadedProps: { name: boolean; showHeaders: boolean },
    private readonly snapshot: FakeTable | null,
  ) {
    this.columns = {
      add: (index, values, name) =>
        ctx.enqueue(
          {
            bytes: 0,
            run: () => {
              const s = this.sheet();
              guardWrite(this.ctx, s);
              const t = this.must();
              if (index !== undefined && index !== null) throw officeError('InvalidArgument', 'the fake adds table columns at the end only');
              if (values !== undefined && values !== null) throw officeError('InvalidArgument', 'the fake adds empty table columns only');
              const c = t.c1 + 1;
              for (let r = t.r0; r <= t.r1; r++) if (!isEmpty(getValue(s, r, c)) && r !== t.r0) throw officeError('InvalidOperation', 'the column right of the table is not empty');
              t.c1 = c;
              setValue(s, t.r0, c, name ?? `Kolom${c - t.c0 + 1}`);
              return 0;
            },
          },
          'table.columns.add',
          { name },
        ),
    };
  }
  private must(): FakeTable {
    const t = this.sheet().tables.find((x) => x.name === this.tableName);
    if (!t) throw officeError('ItemNotFound', `table ${this.tableName} not found`);
    return t;
  }
  get name(): string {
    if (!this.loadedProps.name) throw officeError('PropertyNotLoaded', 'name not loaded');
    return this.tableName;
  }
  get showHeaders(): boolean {
    if (!this.loadedProps.showHeaders || !this.snapshot) throw officeError('PropertyNotLoaded', 'showHeaders not loaded');
    return this.snapshot.showHeaders;
  }
  getRange(): Range {
    const ws = new Worksheet(this.ctx, this.sheet, false);
    return new (Range as unknown as new (c: Context, w: Worksheet, l: () => Bounds, n: boolean) => Range)(this.ctx, ws, () => {
      const t = this.must();
      return { r0: t.r0, c0: t.c0, r1: t.r1, c1: t.c1 };
    }, false);
  }
}

/**
 * How Excel plots a chart's series. `Auto` on the web "will simply default to columns"; on desktop it
 * "will inspect the source data shape": like Insert › Chart, series run along the longer side's
 * perpendicular, i.e. a range wider than tall gets one series per row (Excel.ChartSeriesBy).
 */
function plottedBy(seriesBy: string, b: Bounds, platform: FakePlatform): 'Columns' | 'Rows' {
  if (seriesBy === 'Columns' || seriesBy === 'Rows') return seriesBy;
  if (seriesBy !== 'Auto') throw officeError('InvalidArgument', `seriesBy ${seriesBy} is not a ChartSeriesBy value`);
  if (platform === 'OfficeOnline') return 'Columns';
  return b.c1 - b.c0 > b.r1 - b.r0 ? 'Rows' : 'Columns';
}

class Chart {
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  private chart: FakeChart | null = null;
  constructor(
    private readonly ctx: Context,
    worksheet: Worksheet,
    type: string,
    source: Range,
    seriesBy: string,
  ) {
    ctx.enqueue(
      {
        bytes: 0,
        run: () => {
          const s = worksheet.must();
          guardWrite(this.ctx, s);
          const b = source.bounds();
          this.chart = { type, source: a1Of(b), seriesBy, plottedBy: plottedBy(seriesBy, b, ctx.platform), title: '', anchor: null };
          s.charts.push(this.chart);
          return 0;
        },
      },
      'charts.add',
      { type, seriesBy },
    );
    this.title = writeOnly({ text: (v: string) => this.later('title', v, (c) => void (c.title = v)) }) as Chart['title'];
    this.legend = writeOnly({ visible: (v: boolean) => this.later('legend', v, () => undefined) }) as Chart['legend'];
  }
  private later(what: string, v: unknown, f: (c: NonNullable<Chart['chart']>) => void): void {
    this.ctx.enqueue(
      {
        bytes: 0,
        run: () => {
          if (!this.chart) throw officeError('ItemNotFound', 'chart not found');
          f(this.chart);
          return 0;
        },
      },
      what,
      v,
    );
  }
  setPosition(start: string | Range): void {
    const anchor = typeof start === 'string' ? start : a1Of(start.bounds());
    this.later('setPosition', anchor, (c) => void (c.anchor = anchor));
  }
}

export interface FakeExcel {
  state: FakeWorkbookState;
  /** One record per context.sync(), in order, across every run. */
  syncs: SyncRecord[];
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
}

/** The fake host over a workbook state. `run` behaves like Excel.run, including its closing sync. */
export function createFakeExcel(state: FakeWorkbookState, options: FakeExcelOptions = {}): FakeExcel {
  const syncs: SyncRecord[] = [];
  const platform = options.platform ?? 'OfficeOnline';
  const sets = options.requirementSets ?? { ExcelApi: '1.17' };
  return {
    state,
    syncs,
    run: async (batch) => {
      const ctx = new Context(state, syncs, platform, sets);
      const result = await batch(ctx as unknown as Excel.RequestContext);
      if (ctx.queue.length > 0) await ctx.sync();
      return result;
    },
  };
}

export { columnLetters };
