// Small host actions around one Excel.run each: list sheets, select a cell, remove what the product wrote.
import { columnLetter } from '../../../shared/sheet/address';
import { OWNED_HEADERS } from '../../../shared/sheet/owned-columns';
import { HEADER_ROWS_TO_SEARCH, isProductSheet } from './product-sheets';
import { accessError, explainAccessDenied, HostError, hostError, type ExcelRun } from './types';

export interface SheetList {
  sheets: string[];
  active: string;
}

/**
 * The visible worksheets' names and the active one (one sync). Hidden and very hidden sheets are left out:
 * a user who cannot see a sheet does not pick it as the staff sheet, and it cannot be activated.
 */
export async function listSheets(run: ExcelRun): Promise<SheetList> {
  try {
    return await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      const active = sheets.getActiveWorksheet();
      active.load('name');
      await context.sync();
      return { sheets: sheets.items.filter((s) => s.visibility === 'Visible').map((s) => s.name), active: active.name };
    });
  } catch (e) {
    throw hostError(e, null);
  }
}

/**
 * Shows the cell a data problem is about: activates its sheet and selects it (two syncs). A sheet hidden
 * since the check is never activated (Excel refuses it): the pane says how to show it instead.
 */
export async function selectCell(run: ExcelRun, sheet: string, address: string): Promise<void> {
  try {
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.load('visibility');
      await context.sync();
      if (ws.visibility !== 'Visible') throw new HostError('sheetHidden', sheet, `sheet ${sheet} is hidden`);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  } catch (e) {
    throw hostError(e, sheet);
  }
}

export interface RemovalReport {
  columns: string[];
  sheets: string[];
  syncs: number;
}

/**
 * Deletes the owned columns of `sheet` (found by their header text in the first rows) and every summary
 * sheet the product made. Office.js changes cannot be undone with Ctrl+Z: the pane asks first.
 */
export async function removeOwned(run: ExcelRun, sheet: string): Promise<RemovalReport> {
  try {
    return await run(async (context) => {
      let syncs = 0;
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.protection.load('protected');
      const top = ws.getUsedRangeOrNullObject(true);
      top.load('rowIndex,columnIndex,rowCount,columnCount');
      const all = context.workbook.worksheets;
      all.load('items/name');
      context.workbook.protection.load('protected');
      context.workbook.load('readOnly');
      await context.sync();
      syncs++;
      const refused = accessError({ readOnly: context.workbook.readOnly, sheetProtected: ws.protection.protected, structureProtected: false }, sheet);
      if (refused) throw refused;
      const columns: number[] = [];
      if (!top.isNullObject) {
        const head = ws.getRangeByIndexes(top.rowIndex, top.columnIndex, Math.min(top.rowCount, HEADER_ROWS_TO_SEARCH), top.columnCount);
        head.load('values');
        await context.sync();
        syncs++;
        const owned = new Set<string>(OWNED_HEADERS);
        const row = (head.values as unknown[][]).find((r) => r.some((v) => v === 'OS-status'));
        row?.forEach((v, i) => {
          if (typeof v === 'string' && owned.has(v)) columns.push(top.columnIndex + i);
        });
      }
      const products = all.items.map((s) => s.name).filter(isProductSheet);
      if (products.length > 0 && context.workbook.protection.protected) throw new HostError('workbookProtected', sheet, 'workbook structure is protected');
      const letters = columns.map((c) => columnLetter(c + 1));
      // Right to left, so earlier deletions do not shift the later ones.
      for (const c of [...columns].sort((a, b) => b - a)) ws.getRange(`${columnLetter(c + 1)}:${columnLetter(c + 1)}`).delete('Left' as Excel.DeleteShiftDirection);
      for (const name of products) context.workbook.worksheets.getItem(name).delete();
      if (columns.length > 0 || products.length > 0) {
        await context.sync();
        syncs++;
      }
      return { columns: letters, sheets: products, syncs };
    });
  } catch (e) {
    throw await explainAccessDenied(run, e, sheet);
  }
}

