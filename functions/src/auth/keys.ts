// API keys from the app setting BOSSPO_API_KEYS (interfaces.md §3), compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ApiRole, BoardName } from '../../../shared/api/common';
import type { Caller } from './caller';

const KeyEntry = z
  .object({ name: z.string().min(1), role: ApiRole, board: BoardName.optional() })
  .refine((e) => e.role !== 'board' || e.board !== undefined, { message: 'a board key needs its board', path: ['board'] });

export const ApiKeysSchema = z.record(z.string().min(1), KeyEntry);
export type ApiKeys = z.infer<typeof ApiKeysSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parse BOSSPO_API_KEYS; an absent setting means no keys (only health answers). */
export function parseApiKeys(text: string | undefined): ApiKeys {
  if (!text || text.trim() === '') return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ConfigError('BOSSPO_API_KEYS is not valid JSON');
  }
  const parsed = ApiKeysSchema.safeParse(raw);
  if (!parsed.success)
    throw new ConfigError(
      `BOSSPO_API_KEYS is not valid: ${parsed.error.issues.map((i) => `${i.path.slice(1).join('.') || '(entry)'} ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export interface KeyRing {
  /** The caller a presented key belongs to, or null. Looks at every key, whichever matches. */
  identify(presented: string): Caller | null;
  /** Boards named by board keys (the boards the app knows). */
  boards: string[];
  /** The configured name of a presented key, or null. */
  nameOf(presented: string): string | null;
}

export function keyRing(keys: ApiKeys): KeyRing {
  const entries = Object.entries(keys).map(([key, entry]) => ({ hash: digest(key), entry }));
  return {
    identify(presented) {
      const hash = digest(presented);
      let found: (typeof entries)[number] | null = null;
      for (const e of entries) if (timingSafeEqual(hash, e.hash) && !found) found = e;
      if (!found) return null;
      return { roles: [found.entry.role], boards: found.entry.board ? [found.entry.board] : [] };
    },
    nameOf(presented) {
      const hash = digest(presented);
      let name: string | null = null;
      for (const e of entries) if (timingSafeEqual(hash, e.hash) && name === null) name = e.entry.name;
      return name;
    },
    boards: [...new Set(entries.flatMap((e) => (e.entry.role === 'board' && e.entry.board ? [e.entry.board] : [])))],
  };
}
