// exceljs worksheet → Grid (shared/sheet/types.ts): the values a user sees, as Office.js would give them.
// Formulas (shared ones too) give their cached result, rich text and hyperlinks their text, error cells
// `{ error }`, date-formatted cells a Date (exceljs applies the workbook's 1904 flag). The other cells of a
// merged range are empty, as in Office.js.
import type ExcelJS from 'exceljs';
import type { Cell, Grid } from '../shared/sheet/types';

// exceljs ValueType numbers (index.d.ts); constants so this module needs no runtime import of exceljs.
const V = { Null: 0, Merge: 1, Formula: 6, Error: 10 } as const;

type Loose = ExcelJS.CellValue | undefined;

function richText(value: unknown): string | null {
  if (value && typeof value === 'object' && 'richText' in value && Array.isArray((value as ExcelJS.CellRichTextValue).richText))
    return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text ?? '').join('');
  return null;
}

/** A plain value (also a formula's result) → Cell. */
export function plainCell(value: Loose): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    if (typeof value === 'number' && !Number.isFinite(value)) return null;
    return value;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'object') {
    if ('error' in value && typeof (value as ExcelJS.CellErrorValue).error === 'string')
      return { error: (value as ExcelJS.CellErrorValue).error };
    const rich = richText(value);
    if (rich !== null) return rich;
    if ('text' in value) {
      const t = (value as { text: unknown }).text;
      return typeof t === 'string' ? t : richText(t);
    }
    if ('result' in value) return plainCell((value as { result?: Loose }).result);
    if ('formula' in value || 'sharedFormula' in value) return null;
  }
  return null;
}

export function cellOf(cell: ExcelJS.Cell): Cell {
  switch (cell.type as number) {
    case V.Null:
    case V.Merge:
      return null;
    case V.Formula:
      return plainCell((cell.value as ExcelJS.CellFormulaValue).result as Loose);
    case V.Error:
      return plainCell(cell.value);
    default:
      return plainCell(cell.value);
  }
}

/** The sheet's values, row 0 = Excel row 1, trailing empty cells and rows trimmed. */
export function worksheetGrid(ws: ExcelJS.Worksheet): Grid {
  const rows: Cell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const v = cellOf(cell);
      if (v !== null) cells[col - 1] = v;
    });
    if (cells.length === 0) return;
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return rows;
}
