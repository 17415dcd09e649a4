// Read back a ReportSheetWrite the way a person reads the sheet: find a row by its first cell.
import type { ReportSheetWrite, WriteValue } from '../../shared/report/write-plan';

export function plain(v: WriteValue): string | number | null {
  if (v.kind === 'text') return v.text;
  if (v.kind === 'number') return v.number;
  if (v.kind === 'date') return v.iso;
  return null;
}

/** Rows as arrays of plain values (1-based row → values, column 1 at index 0). */
export function rows(sheet: ReportSheetWrite): Map<number, (string | number | null)[]> {
  const out = new Map<number, (string | number | null)[]>();
  for (const c of sheet.cells) {
    const r = out.get(c.row) ?? [];
    r[c.column - 1] = plain(c.value);
    out.set(c.row, r);
  }
  for (const r of out.values()) for (let i = 0; i < r.length; i++) if (r[i] === undefined) r[i] = null;
  return out;
}

/** The rows whose first cell is `label`, in order. */
export function rowsLabelled(sheet: ReportSheetWrite, label: string): { row: number; values: (string | number | null)[] }[] {
  return [...rows(sheet).entries()]
    .filter(([, v]) => v[0] === label)
    .sort((a, b) => a[0] - b[0])
    .map(([row, values]) => ({ row, values }));
}

/** The first row after `headingRow` whose first cell is `label`. */
export function rowAfter(sheet: ReportSheetWrite, heading: string, label: string): (string | number | null)[] {
  const all = [...rows(sheet).entries()].sort((a, b) => a[0] - b[0]);
  const start = all.findIndex(([, v]) => typeof v[0] === 'string' && v[0].startsWith(heading));
  if (start < 0) throw new Error(`no heading ${heading}`);
  const hit = all.slice(start + 1).find(([, v]) => v[0] === label);
  if (!hit) throw new Error(`no row ${label} after ${heading}`);
  return hit[1];
}

export function texts(sheet: ReportSheetWrite): string[] {
  return sheet.cells.flatMap((c) => (c.value.kind === 'text' ? [c.value.text] : []));
}
