// What the product writes into a workbook, as plain data. The pure writer builds it; a host adapter
// (exceljs in the CLI and browser mode, Office.js in the add-in) applies it. Nothing else of the user's
// workbook changes (interfaces.md §1).

import type { OwnedHeader } from '../sheet/owned-columns';

/** A value to write. Text is always written as text, never as a formula, whatever it starts with. */
export type WriteValue =
  | { kind: 'text'; text: string }
  | { kind: 'number'; number: number }
  /** A real date cell; `iso` is YYYY-MM-DD. */
  | { kind: 'date'; iso: string }
  | { kind: 'empty' };

export interface OwnedColumnWrite {
  header: OwnedHeader;
  /** 1-based column index. */
  column: number;
  /** Column letter, e.g. `M`. */
  letter: string;
  /** true: the header was found in the sheet and the column is rewritten in place. */
  existing: boolean;
  /** Excel number format for the data cells: `dd-mm-yyyy`, `0.##`, or `@` (text). */
  numberFormat: string;
  /** Width in Excel character units, applied only when the column is new. */
  width: number;
  /** One value per row from `firstRow` to `lastRow` (both 1-based, inclusive), in order. */
  values: WriteValue[];
}

export interface StatusColour {
  status: string;
  /** Fill and font colours as `#RRGGBB`. */
  fill: string;
  font: string;
}

export interface StaffSheetWrite {
  sheet: string;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  columns: OwnedColumnWrite[];
  /** Conditional formats on the status column over `firstRow..lastRow` only (A1 range, e.g. `M4:M120`). */
  statusFormat: { range: string; colours: StatusColour[] } | null;
}

/** How a report cell looks: an entry of REPORT_STYLES (styles.ts), applied alike by both writers. */
export type ReportStyle = 'title' | 'subtitle' | 'heading' | 'label' | 'text' | 'number' | 'hours' | 'percent' | 'date' | 'value' | 'note';

export interface ReportCellWrite {
  /** 1-based row and column. */
  row: number;
  column: number;
  value: WriteValue;
  style: ReportStyle;
}

/** A native chart on a report sheet: the add-in draws it with Office.js, xlsx/ writes it as DrawingML. */
export interface ChartWrite {
  title: string;
  type: 'columnClustered' | 'barClustered';
  /** A1 range of the data including its header row and category column, e.g. `A6:B10`. */
  range: string;
  /** Where the chart's top-left corner goes, e.g. `F4`. */
  anchor: string;
}

/** A report sheet: the product's own, replaced whole on every run. */
export interface ReportSheetWrite {
  /** `Scholingsbehoefte YYYY-YYYY`, `Per school YYYY-YYYY`, `Trainersvraag YYYY-YYYY` or `Overzicht OS Boss po YYYY-YYYY`. */
  name: string;
  cells: ReportCellWrite[];
  /** Column widths in Excel character units, column 1 first. */
  columnWidths: number[];
  charts: ChartWrite[];
}

export interface WritePlan {
  /** The owned columns of each checked staff sheet. */
  sheets: StaffSheetWrite[];
  /**
   * The report sheets, in the order they are added to the workbook. A check writes `Scholingsbehoefte …`
   * and, when a checked sheet has a school column, `Per school …` (rules.md §5.4) beside it; the pabo's
   * and the steering group's views write one `Trainersvraag …` or `Overzicht OS Boss po …`. The first is
   * the one a host selects and puts a note on when asked to.
   */
  reportSheets: ReportSheetWrite[];
}
