// A1 addresses for messages and write plans: 1-based column index ↔ letters.

const letterCache: string[] = [];

/** 1 → `A`, 26 → `Z`, 27 → `AA`. */
export function columnLetter(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`column ${n} is not a 1-based column number`);
  const cached = letterCache[n];
  if (cached !== undefined) return cached;
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  if (n < 20_000) letterCache[n] = s;
  return s;
}

/** `A` → 1, `AA` → 27; null when the text is not a column name. */
export function columnIndex(letters: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1-based row and column → `F7`. */
export function a1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** `I2:K2` (or `I2`, `$I$2`) → 1-based corners; null when the text is not an A1 range. */
export function parseRangeA1(ref: string): { firstRow: number; lastRow: number; firstColumn: number; lastColumn: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const c1 = columnIndex(m[1]!)!;
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnIndex(m[3])! : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { firstRow: Math.min(r1, r2), lastRow: Math.max(r1, r2), firstColumn: Math.min(c1, c2), lastColumn: Math.max(c1, c2) };
}
