// The central training register (rules.md §4.12) in Table Storage. One partition per board; a record's
// identity is board + personId + training + date (interfaces.md §3), so writing it again replaces it.
// A small index table lists the boards that have records, so evaluate never scans for unknown boards.
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { RegisterRecord } from '../../../shared/model/register';
import type { TrainingCode } from '../../../shared/plan/schema';
import { submitInBatches } from './batch';
import { boardKey, boardPartition, decodeKeyPart, encodeKeyPart } from './keys';

export type RegisterEntry = Omit<RegisterRecord, 'board'>;

type RecordEntity = {
  partitionKey: string;
  rowKey: string;
  board: string;
  personId: string;
  training: string;
  date: string;
  certificate?: boolean;
};

const INDEX_PARTITION = 'boards';

/** Boards this process already wrote to the index (per table client), so a PUT does not rewrite it. */
const indexed = new WeakMap<TableClient, Map<string, string>>();

const toUpsert = (a: TransactionAction): TransactionAction => ['upsert', a[1], 'Replace'];

/** `<personId>.<training>.<date>`: the personId encoded, the rest are fixed codes and digits. */
const rowKey = (r: RegisterEntry) => `${encodeKeyPart(r.personId.trim())}.${r.training}.${r.date}`;
const personPrefix = (personId: string) => `${encodeKeyPart(personId.trim())}.`;
/** The first string after every key that starts with `prefix` ('/' follows '.'). */
const prefixEnd = (prefix: string) => prefix.slice(0, -1) + '/';

export class InvalidContinuation extends Error {
  constructor() {
    super('invalid continuation');
    this.name = 'InvalidContinuation';
  }
}

function toRecord(e: RecordEntity): RegisterRecord {
  const r: RegisterRecord = {
    personId: e.personId,
    training: e.training as TrainingCode,
    date: e.date,
    board: e.board,
  };
  if (typeof e.certificate === 'boolean') r.certificate = e.certificate;
  return r;
}

/**
 * Our continuation wraps the SDK's (whose keys the service may encode opaquely) with the partition it
 * belongs to, so a token is only ever used for the board it came from and a forged one is a 400.
 */
function wrapContinuation(sdkToken: string | undefined, partition: string): string | null {
  return sdkToken ? Buffer.from(JSON.stringify({ p: partition, t: sdkToken }), 'utf8').toString('base64url') : null;
}

function unwrapContinuation(token: string, partition: string): string {
  try {
    const outer = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { p?: unknown; t?: unknown };
    if (outer.p !== partition || typeof outer.t !== 'string') throw new InvalidContinuation();
    const inner = JSON.parse(Buffer.from(outer.t, 'base64').toString('utf8')) as { nextPartitionKey?: unknown; nextRowKey?: unknown };
    if (typeof inner.nextPartitionKey !== 'string' || (inner.nextRowKey !== undefined && typeof inner.nextRowKey !== 'string'))
      throw new InvalidContinuation();
    return outer.t;
  } catch {
    throw new InvalidContinuation();
  }
}

export class RegisterRepository {
  constructor(
    private readonly records: TableClient,
    private readonly index: TableClient,
  ) {}

  /** Upsert records of one board; counts what was new and what replaced an existing record. */
  async upsert(board: string, entries: RegisterEntry[]): Promise<{ created: number; updated: number }> {
    if (entries.length === 0) return { created: 0, updated: 0 };
    const partition = boardPartition(board);
    const display = board.trim();
    const byKey = new Map<string, RecordEntity>();
    const seen = new Set<string>();
    let created = 0;
    let updated = 0;
    const existing = await this.existingKeys(partition, entries.map(rowKey));
    for (const entry of entries) {
      const key = rowKey(entry);
      if (existing.has(key) || seen.has(key)) updated++;
      else created++;
      seen.add(key);
      const entity: RecordEntity = {
        partitionKey: partition,
        rowKey: key,
        board: display,
        personId: entry.personId.trim(),
        training: entry.training,
        date: entry.date,
      };
      if (entry.certificate !== undefined) entity.certificate = entry.certificate;
      byKey.set(key, entity);
    }
    await this.ensureIndexed(partition, display);
    // Known-new records are created (much cheaper than an upsert in the emulator, and as cheap in Azure);
    // existing ones replaced. A batch that meets a concurrent writer (409/404) is redone as upserts.
    const fresh: TransactionAction[] = [];
    const known: TransactionAction[] = [];
    for (const e of byKey.values()) {
      if (existing.has(e.rowKey)) known.push(['upsert', e, 'Replace']);
      else fresh.push(['create', e]);
    }
    await submitInBatches(this.records, [...fresh, ...known], { onConflict: toUpsert });
    return { created, updated };
  }

  private async ensureIndexed(partition: string, display: string): Promise<void> {
    let seen = indexed.get(this.index);
    if (!seen) indexed.set(this.index, (seen = new Map()));
    if (seen.get(partition) === display) return;
    await this.index.upsertEntity({ partitionKey: INDEX_PARTITION, rowKey: partition, board: display }, 'Replace');
    seen.set(partition, display);
  }

  /** Which of these row keys exist: one key-only scan over their range, not a read per record. */
  private async existingKeys(partition: string, keys: string[]): Promise<Set<string>> {
    const sorted = [...keys].sort();
    const wanted = new Set(keys);
    const found = new Set<string>();
    const filter = odata`PartitionKey eq ${partition} and RowKey ge ${sorted[0]!} and RowKey le ${sorted[sorted.length - 1]!}`;
    const pages = this.records.listEntities({ queryOptions: { filter, select: ['RowKey'] } }).byPage({ maxPageSize: 1000 });
    for await (const page of pages) for (const e of page) if (wanted.has(e.rowKey!)) found.add(e.rowKey!);
    return found;
  }

  async list(
    board: string,
    options: { personId?: string; pageSize: number; continuation?: string },
  ): Promise<{ records: RegisterRecord[]; continuation: string | null }> {
    const partition = boardPartition(board);
    const filter = options.personId
      ? odata`PartitionKey eq ${partition} and RowKey ge ${personPrefix(options.personId)} and RowKey lt ${prefixEnd(personPrefix(options.personId))}`
      : odata`PartitionKey eq ${partition}`;
    const token = options.continuation ? unwrapContinuation(options.continuation, partition) : undefined;
    const pages = this.records
      .listEntities<RecordEntity>({ queryOptions: { filter } })
      .byPage({ maxPageSize: options.pageSize, ...(token ? { continuationToken: token } : {}) });
    const first = await pages.next();
    if (first.done) return { records: [], continuation: null };
    return { records: first.value.map(toRecord), continuation: wrapContinuation(first.value.continuationToken, partition) };
  }

  /** Every record of a board (for evaluate). */
  async all(board: string): Promise<RegisterRecord[]> {
    const out: RegisterRecord[] = [];
    const filter = odata`PartitionKey eq ${boardPartition(board)}`;
    for await (const page of this.records.listEntities<RecordEntity>({ queryOptions: { filter } }).byPage({ maxPageSize: 1000 }))
      for (const e of page) out.push(toRecord(e));
    return out;
  }

  /** Erase one person's records (AVG); answers how many were deleted. */
  async erasePerson(board: string, personId: string): Promise<number> {
    const partition = boardPartition(board);
    const prefix = personPrefix(personId);
    const filter = odata`PartitionKey eq ${partition} and RowKey ge ${prefix} and RowKey lt ${prefixEnd(prefix)}`;
    const keys: string[] = [];
    for await (const page of this.records.listEntities({ queryOptions: { filter, select: ['RowKey'] } }).byPage({ maxPageSize: 1000 }))
      for (const e of page) keys.push(e.rowKey!);
    await submitInBatches(
      this.records,
      keys.map((rowKey) => ['delete', { partitionKey: partition, rowKey }]),
    );
    return keys.length;
  }

  /** Boards with records: board key → board as first written. */
  async boards(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const filter = odata`PartitionKey eq ${INDEX_PARTITION}`;
    for await (const e of this.index.listEntities<{ board: string }>({ queryOptions: { filter } }))
      out.set(boardKey(decodeKeyPart(e.rowKey!)), e.board);
    return out;
  }
}
