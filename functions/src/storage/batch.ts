// Bulk writes: Azure Table transactions hold at most 100 entities of one partition.
import type { TableClient, TransactionAction } from '@azure/data-tables';

export const MAX_TRANSACTION = 100;

export function chunk<T>(items: readonly T[], size = MAX_TRANSACTION): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Submit actions of one partition in transactions of ≤100, a few at a time. */
export async function submitInBatches(client: TableClient, actions: TransactionAction[], parallel = 4): Promise<void> {
  const batches = chunk(actions);
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      await client.submitTransaction(batch);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, batches.length) }, worker));
}
