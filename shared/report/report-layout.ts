// Row-by-row layout of the product's report sheets (`Trainersvraag …`, `Overzicht OS Boss po …`) into the
// ReportSheetWrite cell/style model, remembering where each table sits so a chart can point at it.
import type { IsoDate } from '../model/person';
import type { Param } from '../plan/schema';
import { a1 } from '../sheet/address';
import type { ReportCellWrite, ReportStyle, WriteValue } from './write-plan';

/** A cell to lay out: text, number, a date, or nothing. */
export type LayoutValue = string | number | null | { date: IsoDate };

/** A table's position: 1-based header row, last row, first and last column. */
export interface TableArea {
  headerRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

export class ReportLayout {
  readonly cells: ReportCellWrite[] = [];
  row = 0;

  /** One row; `styles` per column or one style for the whole row. Returns the row number. */
  line(values: readonly LayoutValue[], styles: readonly ReportStyle[] | ReportStyle): number {
    this.row++;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === '' || v === undefined) continue;
      const style = typeof styles === 'string' ? styles : (styles[i] ?? 'text');
      this.cells.push({ row: this.row, column: i + 1, value: writeValue(v), style });
    }
    return this.row;
  }

  blank(): void {
    this.row++;
  }

  /** A header row (label style) and data rows; returns where the table sits. */
  table(
    header: readonly string[],
    rows: readonly (readonly LayoutValue[])[],
    styles: readonly ReportStyle[],
  ): TableArea {
    const headerRow = this.line(header, 'label');
    for (const r of rows) this.line(r, styles);
    return { headerRow, lastRow: this.row, firstColumn: 1, lastColumn: header.length };
  }
}

function writeValue(v: Exclude<LayoutValue, null>): WriteValue {
  if (typeof v === 'string') return { kind: 'text', text: v };
  if (typeof v === 'number') return { kind: 'number', number: v };
  return { kind: 'date', iso: v.date };
}

/** A1 range of a table's header and data rows over columns `first..last` (1-based), e.g. `A6:C10`. */
export function tableRange(area: TableArea, first = area.firstColumn, last = area.lastColumn): string {
  return `${a1(area.headerRow, first)}:${a1(area.lastRow, last)}`;
}

/** Rounded for display; figures stay numbers so the reader can compute with them. */
export function rounded(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Where a plan number comes from, for the sheets' lists of numbers used: `plan §4` or `aanname`. */
export function paramSource(p: Param): string {
  return p.assumption ? `aanname${p.planRef ? ` (bij ${p.planRef})` : ''}` : `plan ${p.planRef}`;
}
