// Addresses as Office.js gives them back: a Range's `address` (`Blad1!B2:D10`) and a RangeAreas' `address`,
// one block per rectangle with the sheet name on each (`Personeel!I2:K2,Personeel!I3:K3`; @types/office-js
// `Excel.RangeAreas.address`: "Address value will contain the worksheet name for each rectangular block of
// cells (e.g., "Sheet1!A1:B4, Sheet1!D1:D4")"). A sheet name with spaces or other characters is quoted
// (`'Blad 1'!A1`, a quote in it doubled), and may hold commas, so blocks are split outside quotes only.
import type { CellRange } from '../../../shared/sheet/types';
import { parseRange } from '../../../xlsx/xml';

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
  const plain = ref.replace(/\$/g, '');
  const columns = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(plain);
  if (columns) {
    const a = parseRange(`${columns[1]}1`)!.c1;
    const b = parseRange(`${columns[2]}1`)!.c1;
    return { c1: Math.min(a, b), r1: 1, c2: Math.max(a, b), r2: MAX_ROW };
  }
  const rows = /^(\d+):(\d+)$/.exec(plain);
  if (rows) {
    const [a, b] = [Number(rows[1]), Number(rows[2])];
    return { c1: 1, r1: Math.min(a, b), c2: MAX_COLUMN, r2: Math.max(a, b) };
  }
  return parseRange(ref);
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
