// The central training register (rules.md §4.12) in Table Storage. One partition per board; a record's
// identity is board + personId + training + date (interfaces.md §3), so writing it again replaces it.
// A small index table lists the boards that have records, so evaluate never scans for unknown boards.
import { odata, RestError, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { RegisterRecord } from '../../../shared/model/register';
import type { TrainingCode } from '../../../shared/plan/schema';
import { chunk, inParallel } from './batch';
import { boardKey, boardPartition, decodeKeyPart, encodeKeyPart, MAX_KEY_LENGTH } from './keys';
import { StorageUnavailable } from './tables';

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

/** A stored record, under the board as the caller names it (one partition is one board). */
function toRecord(e: RecordEntity, board: string): RegisterRecord {
  const r: RegisterRecord = {
    personId: e.personId,
    training: e.training as TrainingCode,
    date: e.date,
    board,
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

/** Why storing a record would fail for its key (too long once normalised and encoded), or null. */
export function keyProblem(entry: RegisterEntry): string | null {
  const length = rowKey(entry).length;
  if (length <= MAX_KEY_LENGTH) return null;
  return `personId: te lang voor de opslag na Unicode-normalisatie (sleutel van ${length} tekens, hoogstens ${MAX_KEY_LENGTH})`;
}

/** Attempts per batch before its records are written one by one, and per record before giving up. */
const MAX_ATTEMPTS = 8;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const backoff = (attempt: number) => sleep(2 + Math.random() * 10 * Math.min(attempt + 1, 5));
const status = (e: unknown) => (e instanceof RestError ? e.statusCode : undefined);

export interface UpsertResult {
  /** Records this call inserted (the storage held no record with their identity). */
  created: number;
  /** Records this call wrote over an existing one (or a repeat of an identity earlier in the call). */
  updated: number;
  /** Records the storage refused (a 400 for that entity): their positions in `entries`. */
  refused: { position: number; reason: string }[];
}

export class RegisterRepository {
  constructor(
    private readonly records: TableClient,
    private readonly index: TableClient,
  ) {}

  /**
   * Upsert records of one board. The counts are what the storage did, exact under concurrent writers:
   * a record believed new is written with `create` (fails with 409 when another writer got there first),
   * one believed stored with `update` under `If-Match: *` (fails with 404 when it was erased meanwhile).
   * Each transaction is all or nothing, so its creates and updates are what happened; a failed one is
   * checked again and retried. A record the storage refuses (400) is refused alone, the others stored.
   */
  async upsert(board: string, entries: RegisterEntry[]): Promise<UpsertResult> {
    const result: UpsertResult = { created: 0, updated: 0, refused: [] };
    if (entries.length === 0) return result;
    const partition = boardPartition(board);
    const display = board.trim();
    // One entity per identity, the last one written wins; the positions of every record with it.
    const byKey = new Map<string, { entity: RecordEntity; positions: number[] }>();
    entries.forEach((entry, position) => {
      const key = rowKey(entry);
      const entity: RecordEntity = {
        partitionKey: partition,
        rowKey: key,
        board: display,
        personId: entry.personId.trim(),
        training: entry.training,
        date: entry.date,
      };
      if (entry.certificate !== undefined) entity.certificate = entry.certificate;
      const seen = byKey.get(key);
      if (seen) {
        seen.entity = entity;
        seen.positions.push(position);
      } else byKey.set(key, { entity, positions: [position] });
    });
    await this.ensureIndexed(partition, display);
    const stored = await this.existingKeys(partition, [...byKey.keys()]);
    let created = 0;
    const writeOne = async (entity: RecordEntity): Promise<'created' | 'updated' | 'refused'> => {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        try {
          if (stored.has(entity.rowKey)) {
            await this.records.updateEntity(entity, 'Replace', { etag: '*' });
            return 'updated';
          }
          await this.records.createEntity(entity);
          stored.add(entity.rowKey);
          return 'created';
        } catch (e) {
          const s = status(e);
          if (s === 400) return 'refused';
          if (s === 409) stored.add(entity.rowKey);
          else if (s === 404) stored.delete(entity.rowKey);
          else throw e;
        }
      }
      throw new StorageUnavailable(new Error('too many concurrent writers'));
    };
    const refusedKeys = new Set<string>();
    const writeBatch = async (batch: RecordEntity[]): Promise<void> => {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const actions: TransactionAction[] = batch.map((e) =>
          stored.has(e.rowKey) ? ['update', e, 'Replace', { etag: '*' }] : ['create', e],
        );
        try {
          await this.records.submitTransaction(actions);
          for (const a of actions) if (a[0] === 'create') created++;
          for (const e of batch) stored.add(e.rowKey);
          return;
        } catch (e) {
          const s = status(e);
          if (s === 400) break; // some entity is refused: find it by writing one by one
          if (s !== 409 && s !== 404) throw e;
          // Another writer or eraser got there first: see what is stored now, and try again.
          const now = await this.existingKeys(partition, batch.map((b) => b.rowKey));
          for (const b of batch) if (now.has(b.rowKey)) stored.add(b.rowKey);
          else stored.delete(b.rowKey);
          await backoff(attempt);
        }
      }
      for (const entity of batch) {
        const outcome = await writeOne(entity);
        if (outcome === 'created') created++;
        else if (outcome === 'refused') refusedKeys.add(entity.rowKey);
      }
    };
    await inParallel(chunk([...byKey.values()].map((v) => v.entity)), writeBatch);
    let accepted = 0;
    for (const [key, { positions }] of byKey) {
      if (refusedKeys.has(key)) {
        for (const position of positions) result.refused.push({ position, reason: 'de opslag weigert dit record (ongeldige waarde)' });
      } else accepted += positions.length;
    }
    result.created = created;
    result.updated = accepted - created;
    result.refused.sort((a, b) => a.position - b.position);
    return result;
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
    const display = board.trim();
    return { records: first.value.map((e) => toRecord(e, display)), continuation: wrapContinuation(first.value.continuationToken, partition) };
  }

  /** Every record of a board (for evaluate). */
  async all(board: string): Promise<RegisterRecord[]> {
    const out: RegisterRecord[] = [];
    const filter = odata`PartitionKey eq ${boardPartition(board)}`;
    for await (const page of this.records.listEntities<RecordEntity>({ queryOptions: { filter } }).byPage({ maxPageSize: 1000 }))
      for (const e of page) out.push(toRecord(e, board.trim()));
    return out;
  }

  /**
   * Erase one person's records (AVG); answers how many this call deleted. Idempotent under parallel
   * erasers: a transaction that meets a record someone else deleted (404) is checked again and retried
   * with what is left, so every call answers, and together they count each record once.
   */
  async erasePerson(board: string, personId: string): Promise<number> {
    const partition = boardPartition(board);
    const prefix = personPrefix(personId);
    const filter = odata`PartitionKey eq ${partition} and RowKey ge ${prefix} and RowKey lt ${prefixEnd(prefix)}`;
    const keys: string[] = [];
    for await (const page of this.records.listEntities({ queryOptions: { filter, select: ['RowKey'] } }).byPage({ maxPageSize: 1000 }))
      for (const e of page) keys.push(e.rowKey!);
    let deleted = 0;
    await inParallel(chunk(keys), async (batch) => {
      let left = batch;
      for (let attempt = 0; left.length > 0; attempt++) {
        try {
          await this.records.submitTransaction(left.map((rowKey) => ['delete', { partitionKey: partition, rowKey }]));
          deleted += left.length;
          return;
        } catch (e) {
          if (status(e) !== 404 || attempt >= MAX_ATTEMPTS) throw e;
          const now = await this.existingKeys(partition, left);
          left = left.filter((k) => now.has(k));
        }
      }
    });
    return deleted;
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
