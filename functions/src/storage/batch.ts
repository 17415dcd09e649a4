// Bulk writes: Azure Table transactions hold at most 100 entities of one partition.
import { RestError, type TableClient, type TransactionAction } from '@azure/data-tables';

export const MAX_TRANSACTION = 100;

export function chunk<T>(items: readonly T[], size = MAX_TRANSACTION): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface BatchOptions {
  /** Transactions in flight at once (default 2). */
  parallel?: number;
  /** When a transaction fails with 409/404 (another writer got there first), rewrite each action and retry once. */
  onConflict?: (action: TransactionAction) => TransactionAction;
}

const isConflict = (e: unknown) => e instanceof RestError && (e.statusCode === 409 || e.statusCode === 404);

/** Submit actions of one partition in transactions of ≤100, a few at a time. */
export async function submitInBatches(client: TableClient, actions: TransactionAction[], options: BatchOptions = {}): Promise<void> {
  const batches = chunk(actions);
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      try {
        await client.submitTransaction(batch);
      } catch (e) {
        if (!options.onConflict || !isConflict(e)) throw e;
        await client.submitTransaction(batch.map(options.onConflict));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.parallel ?? 2, batches.length) }, worker));
}
