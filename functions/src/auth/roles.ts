// App-role values (Entra ID `roles` claim, or the App Service principal's role claims) → the API's
// roles. A board's role is `board:<code>` with the code from the one board table (shared/plan/boards.ts),
// so `board:PRIMO` is the board "Primo Schiedam"; `board.<code>` and the board's name are accepted too.
import type { ApiRole } from '../../../shared/api/common';
import { BoardName } from '../../../shared/api/common';
import { BOARDS, boardKey } from '../../../shared/plan/boards';
import type { Caller } from './caller';

/** The board a role suffix names: a code or a name from the table, else the suffix itself as a name. */
export function boardOfRole(suffix: string): string | null {
  const wanted = boardKey(suffix);
  const known = BOARDS.find((b) => boardKey(b.code) === wanted || boardKey(b.name) === wanted);
  if (known) return known.name;
  const name = BoardName.safeParse(suffix.trim());
  return name.success ? name.data : null;
}

/** Role values as a caller; values that are none of our roles are ignored (an empty `roles` means 403). */
export function callerFromRoleValues(values: readonly string[]): Caller {
  const roles = new Set<ApiRole>();
  const boards: string[] = [];
  for (const raw of values) {
    const value = raw.trim();
    const suffix = /^board[:.](.+)$/i.exec(value)?.[1];
    if (suffix !== undefined) {
      const board = boardOfRole(suffix);
      if (board !== null) {
        roles.add('board');
        if (!boards.some((b) => boardKey(b) === boardKey(board))) boards.push(board);
      }
    } else if (value.toLowerCase() === 'pabo') roles.add('pabo');
    else if (value.toLowerCase() === 'stuurgroep') roles.add('stuurgroep');
  }
  return { roles: [...roles], boards };
}
