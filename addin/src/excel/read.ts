// Reads a staff sheet with Office.js: the used range's values only (no formats), in row blocks that keep
// every response under the payload limit; for an ordinary sheet that is two syncs in all.
import type { Cell, Grid } from '../../../shared/sheet/types';
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
  /** context.sync() calls made. */
  syncs: number;
}

/** Bytes a cell's value takes in a response before we have seen the sheet (numbers, short texts, empties). */
const FIRST_GUESS_BYTES_PER_CELL = 20;

/** `Blad1!B2:D10` → 1-based bounds. */
export function parseAddress(address: string): { firstRow: number; lastRow: number; firstColumn: number; lastColumn: number } {
  const ref = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const [a, b = a] = ref.split(':') as [string, string?];
  const cell = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(s);
    if (!m) throw new Error(`unexpected range address ${address}`);
    let col = 0;
    for (const ch of m[1]!.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]), col };
  };
  const p = cell(a);
  const q = cell(b!);
  return { firstRow: p.row, lastRow: q.row, firstColumn: p.col, lastColumn: q.col };
}

/**
 * The sheet as a Grid from A1, its date system and its Excel tables. `sheetName` null: the active sheet.
 * `responseBudget` is for tests.
 */
export async function readHostSheet(run: ExcelRun, sheetName: string | null, responseBudget = PLANNING_BUDGET): Promise<HostSheetRead> {
  try {
    return await run(async (context) => {
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
      if (used.isNullObject) {
        if (tableRanges.length > 0) await sync();
      } else {
        const { rowIndex, columnIndex, rowCount, columnCount } = used;
        for (let r = 0; r < rowIndex; r++) rows.push([]);
        let bytesPerCell = FIRST_GUESS_BYTES_PER_CELL;
        let start = 0;
        while (start < rowCount) {
          const blockRows = Math.max(1, Math.min(rowCount - start, Math.floor(responseBudget / bytesPerCell / columnCount)));
          const block = ws.getRangeByIndexes(rowIndex + start, columnIndex, blockRows, columnCount);
          block.load('values');
          await sync();
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
      return { sheet: ws.name, grid: rows, date1904, tables, syncs };
    });
  } catch (e) {
    throw hostError(e, sheetName);
  }
}
