// Addresses as Office.js gives them back: a Range's `address` (`Blad1!B2:D10`) and a RangeAreas' `address`,
// one block per rectangle with the sheet name on each (`Personeel!I2:K2,Personeel!I3:K3`; @types/office-js
// `Excel.RangeAreas.address`: "Address value will contain the worksheet name for each rectangular block of
// cells (e.g., "Sheet1!A1:B4, Sheet1!D1:D4")"). A sheet name with spaces or other characters is quoted
// (`'Blad 1'!A1`, a quote in it doubled), and may hold commas, so blocks are split outside quotes only.
import type { CellRange } from '../../../shared/sheet/types';
import { columnIndex } from '../../../shared/sheet/address';

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** The blocks of an address, each without its sheet name (`I2:K2`). */
function blocks(address: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    // A doubled quote inside a quoted name reads as leaving and re-entering the quotes: the same in the end.
    if (ch === "'") quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(address.slice(start, i));
      start = i + 1;
    }
  }
  out.push(address.slice(start));
  // The reference is what follows the last `!`; a `!` inside a quoted sheet name comes before it.
  return out.map((b) => b.slice(b.lastIndexOf('!') + 1).trim());
}

/** `I2:K2`, `$B$3`, whole columns `I:K` or whole rows `2:3` → 1-based corners; null when it is none of those. */
function blockRange(ref: string): CellRange | null {
  const [a, b = a, more] = ref.replace(/\$/g, '').split(':');
  if (more !== undefined || !a || !b) return null;
  const p = corner(a);
  const q = corner(b);
  if (!p || !q || (p.column === null) !== (q.column === null) || (p.row === null) !== (q.row === null)) return null;
  const [c1, c2] = p.column === null ? [1, MAX_COLUMN] : [Math.min(p.column, q.column!), Math.max(p.column, q.column!)];
  const [r1, r2] = p.row === null ? [1, MAX_ROW] : [Math.min(p.row, q.row!), Math.max(p.row, q.row!)];
  return { c1, r1, c2, r2 };
}

/** `K2` → column and row; `K` → a whole column; `2` → a whole row. */
function corner(s: string): { column: number | null; row: number | null } | null {
  const m = /^([A-Za-z]{0,3})(\d*)$/.exec(s);
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const column = m[1] === '' ? null : columnIndex(m[1]!);
  const row = m[2] === '' ? null : Number(m[2]);
  return row === 0 ? null : { column, row };
}

/** Every block of an Office.js address as 1-based corners, in the order given. Throws on what is not an address. */
export function parseAreas(address: string): CellRange[] {
  return blocks(address).map((ref) => {
    const range = blockRange(ref);
    if (!range) throw new Error(`unexpected range address ${address}`);
    return range;
  });
}

/** `Blad1!B2:D10` → 1-based bounds of its (first) block. */
export function parseAddress(address: string): { firstRow: number; lastRow: number; firstColumn: number; lastColumn: number } {
  const [range] = parseAreas(address);
  return { firstRow: range!.r1, lastRow: range!.r2, firstColumn: range!.c1, lastColumn: range!.c2 };
}
