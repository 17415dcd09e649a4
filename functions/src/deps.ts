// What every handler may use, built once per process from the app settings.
import { bossPoPlan } from '../../shared/plan/bosspo';
import type { Plan } from '../../shared/plan/schema';
import { keyRing, parseApiKeys, type KeyRing } from './auth/keys';
import { authEnabled } from './auth/principal';
import { createTokenValidator, tokenSettings, type TokenValidator } from './auth/token';
import { knownBoards, type KnownBoards } from './known-boards';
import { NeedsRepository } from './storage/needs-repository';
import { RegisterRepository } from './storage/register-repository';
import { storageTarget } from './storage/connection';
import { createStorage, type Storage } from './storage/tables';

export interface AppDeps {
  plan: Plan;
  keys: KeyRing;
  /** Boards the app knows: BOSSPO_BOARDS (default the partnership's boards) and the boards of board keys. */
  boards: KnownBoards;
  /** Trust `x-ms-client-principal` (only when App Service Authentication is on). */
  trustPrincipal: boolean;
  /** Entra ID access tokens checked in the app (BOSSPO_AUTH_TENANT_ID + BOSSPO_AUTH_CLIENT_ID), or null. */
  tokens: TokenValidator | null;
  storage: Storage;
  needs(): Promise<NeedsRepository>;
  register(): Promise<RegisterRepository>;
  now(): Date;
  /** One line per request; never a body or a name. */
  log(line: string): void;
}

export interface DepsOptions {
  env?: Record<string, string | undefined>;
  log?: (line: string) => void;
  now?: () => Date;
  plan?: Plan;
}

/** Throws ConfigError when BOSSPO_API_KEYS or BOSSPO_BOARDS is malformed, so a host refuses to start with bad keys. */
export function createDeps(options: DepsOptions = {}): AppDeps {
  const env = options.env ?? process.env;
  const now = options.now ?? (() => new Date());
  const storage = createStorage(storageTarget(env), env.BOSSPO_TABLE_PREFIX || 'bosspo');
  const keys = keyRing(parseApiKeys(env.BOSSPO_API_KEYS));
  const tokens = tokenSettings(env);
  return {
    plan: options.plan ?? bossPoPlan,
    keys,
    boards: knownBoards(env.BOSSPO_BOARDS, keys.boards),
    trustPrincipal: authEnabled(env),
    tokens: tokens ? createTokenValidator(tokens) : null,
    storage,
    needs: async () => new NeedsRepository(await storage.table('needs'), now),
    register: async () => new RegisterRepository(await storage.table('register'), await storage.table('registerboards')),
    now,
    log: options.log ?? ((line) => console.log(line)),
  };
}
