// Reads a staff sheet with Office.js: the used range's values only (no formats), in row blocks that keep
// every response under the payload limit, and the sheet's merged areas with the first block; for an ordinary
// sheet that is two syncs in all.
import type { Cell, CellRange, Grid } from '../../../shared/sheet/types';
import { supports } from '../host';
import { parseAddress, parseAreas } from './address';
import { officeCell } from './cells';
import { PLANNING_BUDGET, jsonBytes } from './payload';
import { hostError, type ExcelRun } from './types';

export interface TableInfo {
  name: string;
  /** 1-based first/last row and column of the table (header row included). */
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
  showHeaders: boolean;
}

export interface HostSheetRead {
  sheet: string;
  grid: Grid;
  date1904: boolean;
  tables: TableInfo[];
  /**
   * Where the owned columns must not go, for the reader (shared/sheet/read.ts `pastMerges`; they are appended
   * after `lastColumn`, shared/report/write.ts `ownedColumnPositions`): the sheet's merged areas (ExcelApi
   * 1.13), or on an older host the used range with formatted cells as one area that may hold merges (see
   * `readHostSheet`).
   */
  merges: CellRange[];
  /** context.sync() calls made. */
  syncs: number;
}

export interface ReadHostOptions {
  /** Whether the host has Range.getMergedAreasOrNullObject (ExcelApi 1.13); default: Office says so. */
  mergedAreas?: boolean;
  /** For tests. */
  responseBudget?: number;
}

/** Bytes a cell's value takes in a response before we have seen the sheet (numbers, short texts, empties). */
const FIRST_GUESS_BYTES_PER_CELL = 20;
/** Columns of a worksheet (XFD). */
const SHEET_COLUMNS = 16_384;

/** The sync that also asked for the merged areas failed: "if the merged areas count in this range is more than 512, then this method will fail". */
class MergedAreasFailed extends Error {
  constructor(readonly original: unknown) {
    super('reading the merged areas failed');
  }
}

/**
 * The sheet as a Grid from A1, its date system, its Excel tables and where its merges are. `sheetName` null:
 * the active sheet.
 *
 * Merged areas: with ExcelApi 1.13, `Range.getMergedAreasOrNullObject()` over the used rows, all columns, in
 * the sync of the first row block ("Returns a RangeAreas object that represents the merged areas in this
 * range. Note that if the merged areas count in this range is more than 512, then this method will fail to
 * return the result. If the RangeAreas object doesn't exist, then this method returns an object with its
 * isNullObject property set to true", @types/office-js `Excel.Range.getMergedAreasOrNullObject`). It returns
 * only the areas whose top left cell is in the range (OfficeDev/office-js#3611), hence whole rows from row 1.
 * When that sync fails (over 512 areas), the sheet is read again as on an older host.
 *
 * An older host (the manifest asks ExcelApi 1.8) cannot list merges. There the used range counting formatted
 * cells stands in for them: "the smallest range that encompasses any cells that have a value or formatting
 * assigned to them" (Microsoft Graph, worksheet: usedRange; `Excel.Worksheet.getUsedRange(valuesOnly)`:
 * "If true, considers only cells with values as used cells (ignoring formatting)"). No document says in so
 * many words that a merged-away cell counts; merging is a cell format (Format Cells › Alignment › Merge
 * cells), so the whole formatted used range is handed on as one area that may be merged, and the owned
 * columns go right of it. That is conservative: a sheet formatted further right than its values gets them
 * further right, never under a merge.
 */
export async function readHostSheet(run: ExcelRun, sheetName: string | null, options: ReadHostOptions = {}): Promise<HostSheetRead> {
  const mergedAreas = options.mergedAreas ?? supports('ExcelApi', '1.13');
  try {
    try {
      return await readOnce(run, sheetName, mergedAreas, options.responseBudget ?? PLANNING_BUDGET);
    } catch (e) {
      if (!(e instanceof MergedAreasFailed)) throw e;
      return await readOnce(run, sheetName, false, options.responseBudget ?? PLANNING_BUDGET);
    }
  } catch (e) {
    throw hostError(e instanceof MergedAreasFailed ? e.original : e, sheetName);
  }
}

function readOnce(run: ExcelRun, sheetName: string | null, mergedAreas: boolean, responseBudget: number): Promise<HostSheetRead> {
  return run(async (context) => {
    let syncs = 0;
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    const sheets = context.workbook.worksheets;
    const ws = sheetName === null ? sheets.getActiveWorksheet() : sheets.getItem(sheetName);
    ws.load('name');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    // Older hosts: the used range with formatted cells, the stand-in for the merges (see above).
    const formatted = mergedAreas ? null : ws.getUsedRangeOrNullObject(false);
    formatted?.load('rowIndex,columnIndex,rowCount,columnCount');
    ws.tables.load('items/name,items/showHeaders');
    // DATE(1904;1;2) is 1 in the 1904 date system and 1463 in the 1900 one (works from ExcelApi 1.2).
    const probe = context.workbook.functions.date(1904, 1, 2);
    probe.load('value');
    await sync();

    const date1904 = probe.value === 1;
    const tableRanges = ws.tables.items.map((t) => {
      const r = t.getRange();
      r.load('address');
      return { table: t, range: r };
    });
    const rows: Cell[][] = [];
    let merges: CellRange[] = [];
    if (formatted && !formatted.isNullObject)
      merges = [{ r1: formatted.rowIndex + 1, c1: formatted.columnIndex + 1, r2: formatted.rowIndex + formatted.rowCount, c2: formatted.columnIndex + formatted.columnCount }];
    if (used.isNullObject) {
      if (tableRanges.length > 0) await sync();
    } else {
      const { rowIndex, columnIndex, rowCount, columnCount } = used;
      for (let r = 0; r < rowIndex; r++) rows.push([]);
      let areas = mergedAreas ? ws.getRangeByIndexes(0, 0, rowIndex + rowCount, SHEET_COLUMNS).getMergedAreasOrNullObject() : null;
      areas?.load('address');
      let bytesPerCell = FIRST_GUESS_BYTES_PER_CELL;
      let start = 0;
      while (start < rowCount) {
        const blockRows = Math.max(1, Math.min(rowCount - start, Math.floor(responseBudget / bytesPerCell / columnCount)));
        const block = ws.getRangeByIndexes(rowIndex + start, columnIndex, blockRows, columnCount);
        block.load('values');
        if (areas) {
          try {
            await sync();
          } catch (e) {
            throw new MergedAreasFailed(e);
          }
          if (!areas.isNullObject) merges = parseAreas(areas.address);
          areas = null;
        } else await sync();
        const values = block.values as unknown[][];
        for (const row of values) {
          const cells: Cell[] = new Array<Cell>(columnIndex).fill(null);
          for (const v of row) cells.push(officeCell(v));
          rows.push(cells);
        }
        // Learn the real size of this sheet's cells for the next block (+20 % for texts that vary).
        bytesPerCell = Math.max(4, (jsonBytes(values) / (blockRows * columnCount)) * 1.2);
        start += blockRows;
      }
      if (rowCount === 0 && tableRanges.length > 0) await sync();
    }
    const tables = tableRanges.map(({ table, range }) => ({ name: table.name, showHeaders: table.showHeaders, ...parseAddress(range.address) }));
    return { sheet: ws.name, grid: rows, date1904, tables, merges, syncs };
  });
}
