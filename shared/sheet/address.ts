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
