// What every handler may use, built once per process from the app settings.
import { bossPoPlan } from '../../shared/plan/bosspo';
import type { Plan } from '../../shared/plan/schema';
import { z } from 'zod';
import { BoardName } from '../../shared/api/common';
import { ConfigError, keyRing, parseApiKeys, type KeyRing } from './auth/keys';
import { boardKey } from './storage/keys';
import { authEnabled } from './auth/principal';
import { createTokenValidator, tokenSettings, type TokenValidator } from './auth/token';
import { NeedsRepository } from './storage/needs-repository';
import { RegisterRepository } from './storage/register-repository';
import { storageTarget } from './storage/connection';
import { createStorage, type Storage } from './storage/tables';

export interface AppDeps {
  plan: Plan;
  keys: KeyRing;
  /** Boards the app knows: from board keys and BOSSPO_BOARDS (a JSON array or comma-separated). */
  knownBoards: string[];
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

function knownBoards(fromKeys: string[], setting: string | undefined): string[] {
  let extra: string[] = [];
  if (setting?.trim()) {
    try {
      const parsed = z.array(BoardName).safeParse(JSON.parse(setting));
      if (!parsed.success) throw new ConfigError('BOSSPO_BOARDS is not a list of board names');
      extra = parsed.data;
    } catch (e) {
      if (e instanceof ConfigError) throw e;
      extra = setting.split(',').map((b) => b.trim()).filter((b) => BoardName.safeParse(b).success);
    }
  }
  const byKey = new Map<string, string>();
  for (const b of [...fromKeys, ...extra]) if (!byKey.has(boardKey(b))) byKey.set(boardKey(b), b.trim());
  return [...byKey.values()];
}

/** Throws ConfigError when BOSSPO_API_KEYS is malformed, so a host refuses to start with bad keys. */
export function createDeps(options: DepsOptions = {}): AppDeps {
  const env = options.env ?? process.env;
  const now = options.now ?? (() => new Date());
  const storage = createStorage(storageTarget(env), env.BOSSPO_TABLE_PREFIX || 'bosspo');
  const keys = keyRing(parseApiKeys(env.BOSSPO_API_KEYS));
  const tokens = tokenSettings(env);
  return {
    plan: options.plan ?? bossPoPlan,
    keys,
    knownBoards: knownBoards(keys.boards, env.BOSSPO_BOARDS),
    trustPrincipal: authEnabled(env),
    tokens: tokens ? createTokenValidator(tokens) : null,
    storage,
    needs: async () => new NeedsRepository(await storage.table('needs'), now),
    register: async () => new RegisterRepository(await storage.table('register'), await storage.table('registerboards')),
    now,
    log: options.log ?? ((line) => console.log(line)),
  };
}
