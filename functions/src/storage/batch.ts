// Bulk writes: Azure Table transactions hold at most 100 entities of one partition.
export const MAX_TRANSACTION = 100;

export function chunk<T>(items: readonly T[], size = MAX_TRANSACTION): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Run `work` over the batches, a few at a time (default 2 in flight); the first failure rejects. */
export async function inParallel<T>(batches: readonly T[], work: (batch: T) => Promise<void>, parallel = 2): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < batches.length) await work(batches[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, batches.length) }, worker));
}
