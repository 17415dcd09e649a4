// Excel on the web rejects requests and responses over 5 MB; every batch this adapter sends or asks for
// stays under this budget (with room for Office.js's own envelope).
export const PAYLOAD_BUDGET = 4_000_000;
/** What we plan with: the budget less a margin for the envelope of each queued operation. */
export const PLANNING_BUDGET = 3_600_000;
/** Envelope bytes Office.js adds per queued operation (object path, method id, property name). */
export const OPERATION_OVERHEAD = 160;

/** JSON size of a value as Office.js would send it (UTF-16 length is close enough for ASCII-heavy data; Dutch text is). */
export function jsonBytes(value: unknown): number {
  return JSON.stringify(value).length;
}

/** Greedy packing of sized items into batches that each stay under the budget; an oversized item gets a batch alone. */
export function packBatches<T extends { bytes: number }>(items: readonly T[], budget = PLANNING_BUDGET): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const cost = item.bytes + OPERATION_OVERHEAD;
    if (current.length > 0 && size + cost > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += cost;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
