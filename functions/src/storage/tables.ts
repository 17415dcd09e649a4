// Table clients from the connection setting, tables created when missing, and the one place that
// decides that a storage failure means "unavailable" (503 with Retry-After) rather than a bug.
import { RestError, TableClient, TableServiceClient } from '@azure/data-tables';
import type { StorageTarget } from './connection';

/** Where the connection setting is read (kept here too for existing importers). */
export { connectionString } from './connection';

export const TABLES = ['needs', 'register', 'registerboards'] as const;
export type TableName = (typeof TABLES)[number];

export class StorageUnavailable extends Error {
  constructor(cause: unknown) {
    super('table storage unavailable', { cause });
    this.name = 'StorageUnavailable';
  }
}

// Fail fast: a request should answer 503 within seconds, not wait through long back-offs.
const clientOptions = {
  allowInsecureConnection: true,
  retryOptions: { maxRetries: 2, retryDelayInMs: 100, maxRetryDelayInMs: 500 },
};

/** Network failures and 5xx / 408 / 429 answers: try again later. Anything else is not an outage. */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof StorageUnavailable) return true;
  if (error instanceof RestError) {
    const s = error.statusCode;
    return s === undefined || s >= 500 || s === 408 || s === 429;
  }
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(ECONN|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EPIPE|ECONNRESET|UND_ERR)/.test(code);
}

export interface Storage {
  table(name: TableName): Promise<TableClient>;
  /** Throws StorageUnavailable when the table service cannot be reached. */
  ping(): Promise<void>;
  /** Forget which tables exist (the service lost them, e.g. an in-memory emulator restarted). */
  reset(): void;
}

/** A connection string (Azurite, local) or the account's endpoint with the managed identity (Azure). */
export function createStorage(target: string | StorageTarget, prefix = 'bosspo'): Storage {
  const t: StorageTarget = typeof target === 'string' ? { kind: 'connectionString', connectionString: target } : target;
  const service =
    t.kind === 'identity'
      ? new TableServiceClient(t.tableEndpoint, t.credential, clientOptions)
      : TableServiceClient.fromConnectionString(t.connectionString, clientOptions);
  const clients = new Map<TableName, TableClient>();
  const ready = new Map<TableName, Promise<void>>();
  const fullName = (name: TableName) => `${prefix}${name}`;

  function client(name: TableName): TableClient {
    let c = clients.get(name);
    if (!c) {
      c =
        t.kind === 'identity'
          ? new TableClient(t.tableEndpoint, fullName(name), t.credential, clientOptions)
          : TableClient.fromConnectionString(t.connectionString, fullName(name), clientOptions);
      clients.set(name, c);
    }
    return c;
  }

  return {
    async table(name) {
      let p = ready.get(name);
      if (!p) {
        // createTable answers 409 when the table exists; the SDK treats that as success.
        p = client(name)
          .createTable()
          .catch((e: unknown) => {
            ready.delete(name);
            throw isUnavailable(e) ? new StorageUnavailable(e) : e;
          });
        ready.set(name, p);
      }
      await p;
      return client(name);
    },
    reset() {
      ready.clear();
    },
    async ping() {
      try {
        await service.getProperties({ abortSignal: AbortSignal.timeout(3_000) });
      } catch (e) {
        throw new StorageUnavailable(e);
      }
    },
  };
}
