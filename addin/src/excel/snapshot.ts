// What the pane read of a staff sheet, kept as plain data so the write can check, in its own batch and before
// it writes a cell, that the sheet is still the one that was evaluated: the header row as it was, and each
// row still the same person (personnel number, else the name columns). Between the read and the write the
// pane awaits the API; a user who sorts, deletes filtered rows or inserts rows meanwhile would otherwise get
// statuses on the wrong people.
import type { Cell, FieldName, Grid, SheetRead } from '../../../shared/sheet/types';
import { columnIndex } from '../../../shared/sheet/address';

export interface SheetSnapshot {
  /** 1-based header row and its cells from column A, as read. */
  headerRow: number;
  header: Cell[];
  /** 1-based rows below the header, as far as the read went. */
  firstRow: number;
  lastRow: number;
  /** 1-based columns that identify a person on a row. */
  identityColumns: number[];
  /** Per row from `firstRow`, the identity columns' cells as read. */
  identity: Cell[][];
}

const NAME_FIELDS: readonly FieldName[] = ['name', 'firstName', 'tussenvoegsel', 'lastName'];

/** The personnel-number column, else the name columns, else every mapped column (1-based, ascending). */
export function identityColumns(columns: Record<string, FieldName>): number[] {
  const entries = Object.entries(columns);
  const pick = (test: (f: FieldName) => boolean) => entries.filter(([, f]) => test(f)).map(([letter]) => columnIndex(letter)!);
  const byId = pick((f) => f === 'personId');
  const chosen = byId.length > 0 ? byId : pick((f) => NAME_FIELDS.includes(f));
  return (chosen.length > 0 ? chosen : pick(() => true)).sort((a, b) => a - b);
}

/** The snapshot of a read staff sheet (`read.headerRow` set), from the grid the read came from. */
export function sheetSnapshot(read: Pick<SheetRead, 'headerRow' | 'lastRow' | 'lastColumn' | 'columns'>, grid: Grid): SheetSnapshot {
  if (read.headerRow === null) throw new Error('a sheet without a header row is not written');
  const headerRow = read.headerRow;
  const headerCells = grid[headerRow - 1] ?? [];
  const width = Math.max(read.lastColumn, headerCells.length);
  const columns = identityColumns(read.columns);
  const identity: Cell[][] = [];
  for (let r = headerRow + 1; r <= read.lastRow; r++) identity.push(columns.map((c) => grid[r - 1]?.[c - 1] ?? null));
  return {
    headerRow,
    header: Array.from({ length: width }, (_, i) => headerCells[i] ?? null),
    firstRow: headerRow + 1,
    lastRow: read.lastRow,
    identityColumns: columns,
    identity,
  };
}

function same(a: Cell, b: Cell): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return a.error === b.error;
}

/** True when the cells now (header row; identity rows, one array per identity column) are what the snapshot saw. */
export function unchanged(snapshot: SheetSnapshot, header: Cell[], identityByColumn: Cell[][]): boolean {
  if (header.length !== snapshot.header.length || header.some((c, i) => !same(c, snapshot.header[i]!))) return false;
  return snapshot.identity.every((row, r) => row.every((cell, k) => same(cell, identityByColumn[k]?.[r] ?? null)));
}
