// IDs chosen to collide in an unseeded 32-bit FNV-1a hash table (issue 12, hash flooding): what an
// attacker with a key could send. Used by the duplicate-detection and API tests.

/** Unseeded FNV-1a over UTF-16 code units: the hash an attacker could aim at. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * `n` distinct IDs, each a short stem plus one character, whose FNV-1a hashes agree in their low 17
 * bits: the last step multiplies (h ^ c), and the low bits of a product depend only on the low bits of
 * its factors, so c = h(stem) & 0xffff sends every stem whose bit 16 is clear to the same slot. With
 * `wellFormed`, stems whose character would be a lone surrogate are skipped (such text is no valid JSON
 * string for the API).
 */
export function collidingIds(n: number, wellFormed = false): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const stem = `P${i.toString(36).padStart(5, '0')}`;
    const h = fnv1a(stem);
    const c = h & 0xffff;
    if (h & 0x10000 || (wellFormed && c >= 0xd800 && c <= 0xdfff)) continue;
    out.push(stem + String.fromCharCode(c));
  }
  return out;
}

/**
 * IDs of the same shape as `ids` (the same stems) with a random last character instead: what the same
 * request costs when nobody aims at the hash. Surrogates are skipped, so the text stays well-formed.
 */
export function sameShapeRandom(ids: readonly string[], seed = 12345): string[] {
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  return ids.map((id) => {
    let c = next() & 0xffff;
    while (c >= 0xd800 && c <= 0xdfff) c = next() & 0xffff;
    return id.slice(0, -1) + String.fromCharCode(c);
  });
}
