// The boards the API knows (interfaces.md §3): the app setting BOSSPO_BOARDS, by default the
// partnership's table in shared/plan/boards.ts, plus the boards named by board keys. A `{board}` in a
// path that is none of them is a 404 on every board route, so no junk board enters the combined need.
// A Map keyed by the compared form: no name (`__proto__`, `constructor`) can reach a prototype.
import { z } from 'zod';
import { BoardName } from '../../shared/api/common';
import { BOARDS } from '../../shared/plan/boards';
import { ConfigError } from './auth/keys';
import { boardKey, boardPartition, MAX_KEY_LENGTH } from './storage/keys';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export interface KnownBoards {
  /** Every known board in its configured spelling, in configuration order. */
  readonly names: readonly string[];
  /** The configured spelling of a board as a client wrote it (trimmed, case-folded), or undefined. */
  find(name: string): string | undefined;
}

/** BOSSPO_BOARDS: a JSON array of names, or names separated by commas; empty or absent: the default. */
function configured(setting: string | undefined): string[] {
  if (!setting?.trim()) return BOARDS.map((b) => b.name);
  let raw: unknown;
  try {
    raw = JSON.parse(setting);
  } catch {
    raw = setting.split(',');
  }
  const parsed = z.array(BoardName).safeParse(raw);
  if (!parsed.success) throw new ConfigError('BOSSPO_BOARDS is not a list of board names (a JSON array or names separated by commas)');
  return parsed.data;
}

export function knownBoards(setting: string | undefined, fromKeys: readonly string[] = []): KnownBoards {
  const byKey = new Map<string, string>();
  for (const name of [...configured(setting), ...fromKeys]) {
    const display = name.trim();
    // Every storage key derived from a board must fit Table Storage's key limit (1 KiB, 512 UTF-16 units).
    if (boardPartition(display).length > MAX_KEY_LENGTH)
      throw new ConfigError(`BOSSPO_BOARDS: a board name is too long for a storage key (${display.slice(0, 40)}…)`);
    if (!byKey.has(boardKey(display))) byKey.set(boardKey(display), display);
  }
  const names = [...byKey.values()];
  // Spaces around a name are forgiven, control characters (a newline, NUL) are not: no board has them.
  return { names, find: (name) => (CONTROL.test(name) ? undefined : byKey.get(boardKey(name))) };
}
