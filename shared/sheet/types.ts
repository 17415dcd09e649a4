// The contract between hosts (exceljs, Office.js) and the pure sheet layer.
// Hosts turn their cells into `Cell`s; the reader turns a grid into canonical people; the writer turns
// evaluation results into a `WritePlan` that a host applies to a real workbook.
import type { Person, RuleField } from '../model/person';
import type { PersonTrainingCode, RoleCode } from '../plan/schema';

/**
 * One cell as a host gives it, normalised: text, number (Excel serial numbers for dates from Office.js),
 * boolean, a Date (exceljs date cells, UTC midnight), an error cell (`#N/A`, `#REF!` …), or null (empty).
 * Formula cells are given as their cached result.
 */
export type Cell = string | number | boolean | Date | { error: string } | null;

/** A rectangle of cells by its 1-based corners (`I2:K2` → c1 9, r1 2, c2 11, r2 2). */
export interface CellRange {
  c1: number;
  r1: number;
  c2: number;
  r2: number;
}

/** A grid of cells, row-major, starting at A1 (row 0 is Excel row 1). Rows may be ragged. */
export type Grid = readonly (readonly Cell[])[];

/** Every field a column can map to (interfaces.md §2 `columns`). */
export type FieldName =
  | RuleField
  | 'personId'
  | 'name'
  | 'firstName'
  | 'tussenvoegsel'
  | 'lastName'
  | 'board'
  | 'roles'
  | `role.${RoleCode}`;

/** A problem reading a cell: where, what was there, and what is wrong (Dutch message). */
export interface CellProblem {
  sheet: string;
  row: number;
  column: string;
  /** A1 address, e.g. `F7`. */
  cell: string;
  field: FieldName;
  raw: string;
  message: string;
}

/** A sheet-level remark: a header that could not be mapped, a header matching two fields … */
export interface SheetRemark {
  column: string | null;
  header: string | null;
  message: string;
}

export interface ReadOptions {
  sheetName: string;
  /** The workbook uses the 1904 date system. */
  date1904: boolean;
  /** Board for rows without a board cell (`--board`, the add-in's setting). */
  board?: string | null;
  /** User overrides by header text (as typed in the sheet): a field, or null to ignore the column. */
  overrides?: Record<string, FieldName | null>;
  /** The sheet's merged ranges, when the host knows them: owned columns go right of them. */
  merges?: readonly CellRange[];
}

export interface SheetRead {
  sheet: string;
  /** Why the sheet is not a staff sheet (e.g. "geen kopregel gevonden"), or null. */
  skipped: string | null;
  /** 1-based Excel row of the header, or null when skipped. */
  headerRow: number | null;
  /** Column letter → field. */
  columns: Record<string, FieldName>;
  /** Column letter → header text as in the sheet, for every non-empty header cell. */
  headers: Record<string, string>;
  remarks: SheetRemark[];
  /** The rule fields this sheet has (POST /api/evaluate `fields`). */
  fields: RuleField[];
  /** One canonical person per processed row; `ref` is the 1-based Excel row number as text. */
  people: Person[];
  /**
   * Person ref → the row's name as the sheet gives it (the name column, else first name, tussenvoegsel and
   * last name), for the rows that have one. Only for sheets written back into the same workbook (the
   * `Per school` sheet): names never go into a person, a request or the report.
   */
  names: Record<string, string>;
  /**
   * Per person ref: the reason of each exempted training (rules.md §4.13), as the cell gives it. It stays
   * in the workbook: attachCells adds it to the EXEMPTION message, whichever evaluator ran. Absent: none.
   */
  exemptionReasons?: Record<string, Partial<Record<PersonTrainingCode, string>>>;
  problems: CellProblem[];
  /**
   * 1-based last used row and column of the grid; for a staff sheet `lastColumn` also covers every merged range
   * in the header and data rows that the owned columns would otherwise fall into (they go right of it).
   */
  lastRow: number;
  lastColumn: number;
}
