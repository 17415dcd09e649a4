// Each board's yearly training need, every PUT kept as a version (interfaces.md §3). One partition per
// school year; per board a `latest` row and numbered version rows, written together in one transaction
// guarded by the latest row's ETag, so parallel PUTs each get their own version and none is lost.
import { odata, RestError, type TableClient } from '@azure/data-tables';
import type { NeedsPut } from '../../../shared/api/needs';
import { boardKey, decodeKeyPart, encodeKeyPart } from './keys';
import { stableStringify } from '../../../shared/api/stable-json';
import { StorageUnavailable } from './tables';

type NeedEntity = {
  partitionKey: string;
  rowKey: string;
  board: string;
  version: number;
  submittedAt: string;
  body: string;
};

export interface StoredNeed {
  board: string;
  version: number;
  submittedAt: string;
  body: NeedsPut;
}

const latestKey = (board: string) => `L.${encodeKeyPart(boardKey(board))}`;
const versionPrefix = (board: string) => `V.${encodeKeyPart(boardKey(board))}.`;
const versionKey = (board: string, version: number) => `${versionPrefix(board)}${String(version).padStart(10, '0')}`;

const MAX_ATTEMPTS = 50;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function isConflict(e: unknown): boolean {
  return e instanceof RestError && (e.statusCode === 409 || e.statusCode === 412);
}

const toStored = (e: NeedEntity): StoredNeed => ({
  board: e.board,
  version: e.version,
  submittedAt: e.submittedAt,
  body: JSON.parse(e.body) as NeedsPut,
});

export class NeedsRepository {
  constructor(
    private readonly table: TableClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private async latestEntity(year: string, board: string): Promise<(NeedEntity & { etag: string }) | null> {
    try {
      return await this.table.getEntity<NeedEntity>(year, latestKey(board));
    } catch (e) {
      if (e instanceof RestError && e.statusCode === 404) return null;
      throw e;
    }
  }

  /** Store a new version unless the body equals the latest one. */
  async put(year: string, board: string, body: NeedsPut): Promise<{ stored: boolean; version: number; submittedAt: string }> {
    const text = stableStringify(body);
    const display = board.trim();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const latest = await this.latestEntity(year, board);
      if (latest && latest.body === text)
        return { stored: false, version: latest.version, submittedAt: latest.submittedAt };
      const version = (latest?.version ?? 0) + 1;
      const submittedAt = this.now().toISOString();
      const fields = { board: display, version, submittedAt, body: text };
      const row: NeedEntity = { partitionKey: year, rowKey: versionKey(board, version), ...fields };
      const pointer: NeedEntity = { partitionKey: year, rowKey: latestKey(board), ...fields };
      try {
        await this.table.submitTransaction([
          ['create', row],
          latest ? ['update', pointer, 'Replace', { etag: latest.etag }] : ['create', pointer],
        ]);
        return { stored: true, version, submittedAt };
      } catch (e) {
        if (!isConflict(e)) throw e;
        // Someone else stored a version in between: read again and retry after a short random pause.
        await sleep(5 + Math.random() * 20 * Math.min(attempt + 1, 10));
      }
    }
    throw new StorageUnavailable(new Error('too many concurrent writers'));
  }

  /** Every board's latest need for the year, by board key. */
  async latestAll(year: string): Promise<Map<string, StoredNeed>> {
    const out = new Map<string, StoredNeed>();
    const filter = odata`PartitionKey eq ${year} and RowKey ge 'L.' and RowKey lt 'L/'`;
    for await (const e of this.table.listEntities<NeedEntity>({ queryOptions: { filter } }))
      out.set(decodeKeyPart(e.rowKey!.slice(2)), toStored(e));
    return out;
  }

  async latest(year: string, board: string): Promise<StoredNeed | null> {
    const e = await this.latestEntity(year, board);
    return e ? toStored(e) : null;
  }

  /** Every version of a board's need for the year, oldest first. */
  async history(year: string, board: string): Promise<StoredNeed[]> {
    const prefix = versionPrefix(board);
    const filter = odata`PartitionKey eq ${year} and RowKey ge ${prefix} and RowKey lt ${prefix.slice(0, -1) + '/'}`;
    const out: StoredNeed[] = [];
    for await (const e of this.table.listEntities<NeedEntity>({ queryOptions: { filter } })) out.push(toStored(e));
    return out.sort((a, b) => a.version - b.version);
  }
}
