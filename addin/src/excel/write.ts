// Applies a WritePlan with Office.js: one sync to look (read-only mode, protection, the old report sheets, our
// old status formats, and whether each staff sheet is still as it was read), then the writes in batches that
// each stay under the payload limit, with calculation suspended until each sync. Nothing outside the owned
// columns and the report sheets is touched, and nothing at all when the look finds a reason not to write.
import { STATUSES } from '../../../shared/model/result';
import { fontOf, REPORT_STYLES, type ReportCellStyle } from '../../../shared/report/styles';
import type { StaffSheetWrite, ReportSheetWrite, ReportStyle, WritePlan, WriteValue } from '../../../shared/report/write-plan';
import { columnIndex, columnLetter } from '../../../shared/sheet/address';
import { sameSheetName } from '../../../shared/sheet/sheet-name';
import type { Cell } from '../../../shared/sheet/types';
import { officeCell, officeValue } from './cells';
import { PLANNING_BUDGET, jsonBytes, packBatches } from './payload';
import type { TableInfo } from './read';
import { unchanged, type SheetSnapshot } from './snapshot';
import { accessError, explainAccessDenied, HostError, type ExcelRun } from './types';

export interface ApplyOptions {
  date1904: boolean;
  /** What the read saw of each staff sheet in the plan (sheet name → snapshot); required for every one. */
  snapshots?: Record<string, SheetSnapshot>;
  /** The Excel tables of each staff sheet, as the read found them (sheet name → tables). */
  tables?: Record<string, TableInfo[]>;
  /** A cell note for the first report sheet (e.g. "evaluated in the task pane"), added only where notes exist (ExcelApi 1.18). */
  reportNote?: { address: string; text: string } | null;
  /** Office.context.requirements.isSetSupported('ExcelApi', '1.18'). */
  notesSupported?: boolean;
  /** Select the first report sheet when done. */
  activateReport?: boolean;
  /** For tests; default the planning budget under the 5 MB limit. */
  budget?: number;
}

export interface ApplyReport {
  syncs: number;
  batches: number;
}

interface Operation {
  bytes: number;
  apply: (context: Excel.RequestContext) => void;
}

/** Excel character units → points (Calibri 11: 7 px a character plus 5 px padding; 0.75 pt a px). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const STATUS_RULES = new Set(STATUSES.map((s) => `="${s}"`));

function statusRule(status: string): string {
  return `="${status.replace(/"/g, '""')}"`;
}

/** Splits a column's values into row chunks of at most `maxBytes` JSON each. */
function chunkRows(values: (string | number)[], maxBytes: number): { start: number; values: (string | number)[][] }[] {
  const chunks: { start: number; values: (string | number)[][] }[] = [];
  let current: (string | number)[][] = [];
  let start = 0;
  let size = 2;
  values.forEach((v, i) => {
    const cost = jsonBytes(v) + 3;
    if (current.length > 0 && size + cost > maxBytes) {
      chunks.push({ start, values: current });
      current = [];
      start = i;
      size = 2;
    }
    current.push([v]);
    size += cost;
  });
  if (current.length > 0) chunks.push({ start, values: current });
  return chunks;
}

function staffOperations(write: StaffSheetWrite, options: ApplyOptions, budget: number, oldFormats: Excel.ConditionalFormatCollection | null): Operation[] {
  const ops: Operation[] = [];
  const ws = (c: Excel.RequestContext) => c.workbook.worksheets.getItem(write.sheet);
  const rows = write.lastRow - write.firstRow + 1;

  // New owned columns join an Excel table that ends just left of them on the header row.
  const tables = options.tables?.[write.sheet] ?? [];
  const fresh = write.columns.filter((c) => !c.existing).sort((a, b) => a.column - b.column);
  let tableEnd = fresh.length > 0 ? tables.find((t) => t.showHeaders && t.firstRow === write.headerRow && t.lastColumn === fresh[0]!.column - 1) : undefined;
  for (const col of fresh) {
    if (tableEnd && col.column === tableEnd.lastColumn + 1) {
      const table = tableEnd;
      ops.push({ bytes: jsonBytes(col.header) + jsonBytes(table.name), apply: (c) => void ws(c).tables.getItem(table.name).columns.add(undefined, undefined, col.header) });
      tableEnd = { ...table, lastColumn: col.column };
    }
  }

  for (const col of write.columns) {
    ops.push({
      bytes: jsonBytes(col.header) + 40,
      apply: (c) => {
        const header = ws(c).getRange(`${col.letter}${write.headerRow}`);
        header.values = [[col.header]];
        if (!col.existing) header.format.font.bold = true;
      },
    });
    if (!col.existing) ops.push({ bytes: 40, apply: (c) => void (ws(c).getRange(`${col.letter}:${col.letter}`).format.columnWidth = widthToPoints(col.width)) });
    if (rows <= 0) continue;
    // The format goes first, so Excel takes the values as the format says; in a text-formatted cell a
    // string is kept as it is, elsewhere text that Excel would convert gets the apostrophe (cells.ts).
    const textFormatted = col.numberFormat === TEXT_FORMAT;
    const values = col.values.slice(0, rows).map((v: WriteValue) => officeValue(v, options.date1904, textFormatted));
    while (values.length < rows) values.push('');
    const formatCell = [col.numberFormat];
    for (const chunk of chunkRows(values, Math.floor(budget / 2) - jsonBytes(formatCell) * rows)) {
      const from = write.firstRow + chunk.start;
      const to = from + chunk.values.length - 1;
      // numberFormat is `any[][]`: one entry per cell of the range (@types/office-js Excel.Range.numberFormat).
      const formats = chunk.values.map(() => formatCell);
      ops.push({
        bytes: jsonBytes(chunk.values) + jsonBytes(formats),
        apply: (c) => {
          const range = ws(c).getRange(`${col.letter}${from}:${col.letter}${to}`);
          range.numberFormat = formats;
          range.values = chunk.values;
        },
      });
    }
  }

  // Our old status colours go (only rules we made: "cell value equals <status>"); the new ones cover the used rows.
  if (oldFormats) {
    const ours = oldFormats.items.filter((f) => f.type === 'CellValue' && !f.cellValueOrNullObject.isNullObject && STATUS_RULES.has(f.cellValueOrNullObject.rule.formula1));
    if (ours.length > 0) ops.push({ bytes: 60 * ours.length, apply: () => ours.forEach((f) => f.delete()) });
  }
  if (write.statusFormat && rows > 0) {
    const { range, colours } = write.statusFormat;
    ops.push({
      bytes: jsonBytes(colours) + 120 * colours.length,
      apply: (c) => {
        const target = ws(c).getRange(range);
        for (const colour of colours) {
          const cf = target.conditionalFormats.add('CellValue' as Excel.ConditionalFormatType);
          cf.cellValue.format.fill.color = colour.fill;
          cf.cellValue.format.font.color = colour.font;
          cf.cellValue.rule = { formula1: statusRule(colour.status), operator: 'EqualTo' };
        }
      },
    });
  }
  return ops;
}

const TEXT_FORMAT = '@';

/** The font, fill and alignment of a report style (shared/report/styles.ts), as Office.js sets them; null when it has none. */
function lookOf(style: ReportCellStyle): ((range: Excel.Range) => void) | null {
  const font = fontOf(style);
  const { fill, horizontal } = style;
  if (font === null && fill === null && horizontal === null) return null;
  return (range) => {
    if (font !== null) Object.assign(range.format.font, font);
    if (fill !== null) range.format.fill.color = fill;
    if (horizontal === 'left') range.format.horizontalAlignment = 'Left' as Excel.HorizontalAlignment;
  };
}

const LOOKS = Object.fromEntries((Object.keys(REPORT_STYLES) as ReportStyle[]).map((k) => [k, lookOf(REPORT_STYLES[k])])) as Record<
  ReportStyle,
  ((range: Excel.Range) => void) | null
>;

function reportOperations(report: ReportSheetWrite, exists: boolean, note: ApplyOptions['reportNote'], options: ApplyOptions): Operation[] {
  const ops: Operation[] = [];
  const sheet = (c: Excel.RequestContext) => c.workbook.worksheets.getItem(report.name);
  if (exists) ops.push({ bytes: 80, apply: (c) => c.workbook.worksheets.getItem(report.name).delete() });
  ops.push({ bytes: 80, apply: (c) => void c.workbook.worksheets.add(report.name) });
  report.columnWidths.forEach((w, i) => {
    const letter = String.fromCharCode(65 + i);
    if (i < 26) ops.push({ bytes: 40, apply: (c) => void (sheet(c).getRange(`${letter}:${letter}`).format.columnWidth = widthToPoints(w)) });
  });
  const cells = [...report.cells].sort((a, b) => a.row - b.row || a.column - b.column);
  const byRow = new Map<number, typeof cells>();
  for (const cell of cells) byRow.set(cell.row, [...(byRow.get(cell.row) ?? []), cell]);
  // One write per run of adjacent cells in a row, with the run's number formats first; styles after.
  for (const [row, rowCells] of byRow) {
    let run: typeof cells = [];
    const flush = () => {
      if (run.length === 0) return;
      const first = run[0]!.column;
      const last = run[run.length - 1]!.column;
      const address = `${columnLetter(first)}${row}:${columnLetter(last)}${row}`;
      const formats = [run.map((c) => REPORT_STYLES[c.style].numberFormat)];
      const values = [run.map((c) => officeValue(c.value, options.date1904, REPORT_STYLES[c.style].numberFormat === TEXT_FORMAT))];
      ops.push({
        bytes: jsonBytes(values) + jsonBytes(formats) + 40,
        apply: (c) => {
          const r = sheet(c).getRange(address);
          r.numberFormat = formats;
          r.values = values;
        },
      });
      run = [];
    };
    for (const cell of rowCells) {
      if (run.length > 0 && cell.column !== run[run.length - 1]!.column + 1) flush();
      run.push(cell);
    }
    flush();
  }
  // The look after the values: one call per run of adjacent cells in a row with the same style.
  for (const [row, rowCells] of byRow) {
    for (let i = 0; i < rowCells.length; ) {
      const first = rowCells[i]!;
      let j = i + 1;
      while (j < rowCells.length && rowCells[j]!.style === first.style && rowCells[j]!.column === rowCells[j - 1]!.column + 1) j++;
      const look = LOOKS[first.style];
      const address = `${columnLetter(first.column)}${row}:${columnLetter(rowCells[j - 1]!.column)}${row}`;
      if (look) ops.push({ bytes: 120, apply: (c) => look(sheet(c).getRange(address)) });
      i = j;
    }
  }
  for (const chart of report.charts) {
    ops.push({
      bytes: jsonBytes(chart) + 120,
      apply: (c) => {
        const ws = sheet(c);
        const type = (chart.type === 'barClustered' ? 'BarClustered' : 'ColumnClustered') as Excel.ChartType;
        // Every chart range has its categories down the first column and one series per further column. With
        // `Auto`, desktop Excel would guess the orientation from the range's shape (Excel.ChartSeriesBy), so
        // a range wider than tall (one or two school years, up to two boards, more boards than trainings)
        // would plot with categories and series swapped; Excel on the web always takes columns.
        const added = ws.charts.add(type, ws.getRange(chart.range), 'Columns' as Excel.ChartSeriesBy);
        added.title.text = chart.title;
        // One series: the title says what the bars are. Several (one per board): the legend names them.
        added.legend.visible = seriesCount(chart.range) > 1;
        added.setPosition(chart.anchor);
      },
    });
  }
  if (note && options.notesSupported) ops.push({ bytes: jsonBytes(note) + 60, apply: (c) => void sheet(c).notes.add(note.address, note.text) });
  return ops;
}

/** Data series in a chart range whose first column holds the categories (`A7:C14` → 2). */
function seriesCount(range: string): number {
  const m = /^([A-Z]+)\d+:([A-Z]+)\d+$/.exec(range);
  const first = m ? columnIndex(m[1]!) : null;
  const last = m ? columnIndex(m[2]!) : null;
  return first !== null && last !== null ? last - first : 1;
}


/** Row blocks of a snapshot's identity cells whose answer stays under `budget` bytes (+20 % for texts that vary). */
function identityBlocks(snapshot: SheetSnapshot, budget: number): { start: number; count: number }[] {
  const rows = snapshot.identity.length;
  const perRow = Math.max(8, (jsonBytes(snapshot.identity) / Math.max(1, rows)) * 1.2);
  const blockRows = Math.max(1, Math.floor(budget / perRow));
  const blocks: { start: number; count: number }[] = [];
  if (snapshot.identityColumns.length > 0) for (let start = 0; start < rows; start += blockRows) blocks.push({ start, count: Math.min(blockRows, rows - start) });
  return blocks;
}

/** Queues the loads of one block: a range per identity column. */
function loadIdentity(ws: Excel.Worksheet, snapshot: SheetSnapshot, block: { start: number; count: number }): Excel.Range[] {
  return snapshot.identityColumns.map((c) => {
    const r = ws.getRangeByIndexes(snapshot.firstRow - 1 + block.start, c - 1, block.count, 1);
    r.load('values');
    return r;
  });
}

const cellsOf = (range: Excel.Range): Cell[][] => (range.values as unknown[][]).map((row) => row.map(officeCell));

/** Applies the plan; ≤ 2 syncs when its checks and writes fit one request each, one more per further 4 MB block. */
export async function applyWritePlan(run: ExcelRun, plan: WritePlan, options: ApplyOptions): Promise<ApplyReport> {
  const budget = options.budget ?? PLANNING_BUDGET;
  let current: string | null = plan.sheets[0]?.sheet ?? plan.reportSheets[0]?.name ?? null;
  const snapshotOf = (sheet: string) => Object.entries(options.snapshots ?? {}).find(([name]) => sameSheetName(name, sheet))?.[1];
  for (const w of plan.sheets) if (!snapshotOf(w.sheet)) throw new Error(`no snapshot of ${w.sheet}: a staff sheet is written only after checking it is still as read`);
  try {
    return await run(async (context) => {
      let syncs = 0;
      const sync = async () => {
        syncs++;
        await context.sync();
      };
      // Look first: read-only mode, protection, our old status formats, old report sheets, and the staff
      // sheets' header rows and identities (the first block of rows with the look; further blocks after it).
      context.workbook.load('readOnly');
      const looks = plan.sheets.map((w) => {
        const ws = context.workbook.worksheets.getItem(w.sheet);
        ws.protection.load('protected');
        const snapshot = snapshotOf(w.sheet)!;
        const header = ws.getRangeByIndexes(snapshot.headerRow - 1, 0, 1, Math.max(1, snapshot.header.length));
        header.load('values');
        const blocks = identityBlocks(snapshot, budget / Math.max(1, plan.sheets.length));
        const first = blocks[0] ? loadIdentity(ws, snapshot, blocks[0]) : [];
        const status = w.columns.find((c) => c.header === 'OS-status');
        let formats: Excel.ConditionalFormatCollection | null = null;
        if (status?.existing) {
          formats = ws.getRange(`${status.letter}:${status.letter}`).conditionalFormats;
          formats.load('items/type,items/cellValueOrNullObject/rule');
        }
        return { write: w, ws, formats, snapshot, header, blocks, first };
      });
      // The report sheets: ours, replaced whole (an old one is deleted first).
      const reports = plan.reportSheets;
      const oldReports = reports.map((r) => {
        const old = context.workbook.worksheets.getItemOrNullObject(r.name);
        old.load('name');
        return old;
      });
      if (reports.length > 0) context.workbook.protection.load('protected');
      await sync();
      const readOnly = context.workbook.readOnly;
      for (const look of looks) {
        current = look.write.sheet;
        const refused = accessError({ readOnly, sheetProtected: look.ws.protection.protected, structureProtected: false }, look.write.sheet);
        if (refused) throw refused;
      }
      if (reports.length > 0) {
        current = reports[0]!.name;
        const refused = accessError({ readOnly, sheetProtected: false, structureProtected: context.workbook.protection.protected }, reports[0]!.name, true);
        if (refused) throw refused;
      }
      for (const look of looks) {
        current = look.write.sheet;
        const identity: Cell[][] = look.snapshot.identityColumns.map(() => []);
        for (const [i, block] of look.blocks.entries()) {
          let ranges = look.first;
          if (i > 0) {
            ranges = loadIdentity(look.ws, look.snapshot, block);
            await sync();
          }
          ranges.forEach((r, k) => {
            for (const row of cellsOf(r)) identity[k]!.push(row[0] ?? null);
          });
        }
        if (!unchanged(look.snapshot, cellsOf(look.header)[0] ?? [], identity))
          throw new HostError('sheetChanged', look.write.sheet, `sheet ${look.write.sheet} changed after it was read`);
      }

      const ops: Operation[] = [];
      for (const look of looks) ops.push(...staffOperations(look.write, options, budget, look.formats));
      // The note belongs to the first report sheet only.
      reports.forEach((report, i) => ops.push(...reportOperations(report, !oldReports[i]!.isNullObject, i === 0 ? options.reportNote : null, options)));
      if (reports[0] && options.activateReport) {
        const name = reports[0].name;
        ops.push({ bytes: 40, apply: (c) => c.workbook.worksheets.getItem(name).activate() });
      }
      const batches = packBatches(ops, budget);
      for (const batch of batches) {
        context.application.suspendApiCalculationUntilNextSync();
        for (const op of batch) op.apply(context);
        await sync();
      }
      return { syncs, batches: batches.length };
    });
  } catch (e) {
    throw await explainAccessDenied(run, e, current);
  }
}
