// Which task pane views a role may use: the same rules the API enforces (interfaces.md §3, "who").
import type { MeResponse } from '../../shared/api/me';
import type { ApiRole } from '../../shared/api/common';

export type View = 'check' | 'demand' | 'register' | 'overview';

const VIEWS: Record<ApiRole, readonly View[]> = {
  // POST /api/evaluate (any key) and PUT /api/needs for its own board.
  board: ['check'],
  // GET /api/needs, PUT/DELETE /api/register, PUT /api/needs for any board.
  pabo: ['check', 'demand', 'register', 'overview'],
  // GET /api/needs only (and evaluate, open to any key).
  stuurgroep: ['overview', 'check'],
};

/** Without a known role (no API, no key, API unreachable) the pane only checks sheets. */
export function viewsFor(me: Pick<MeResponse, 'roles'> | null): View[] {
  if (!me) return ['check'];
  const order = me.roles.includes('pabo') ? VIEWS.pabo : me.roles.includes('stuurgroep') ? VIEWS.stuurgroep : VIEWS.board;
  // A principal holding several roles gets the union, in the order of its strongest role.
  const extra = me.roles.flatMap((r) => VIEWS[r]).filter((v) => !order.includes(v));
  return [...order, ...new Set(extra)];
}

/** May this caller send the need of `board` (PUT /api/needs/{year}/{board})? */
export function maySubmit(me: Pick<MeResponse, 'roles' | 'boards'> | null, board: string): boolean {
  if (!me || board.trim() === '') return false;
  if (me.roles.includes('pabo')) return true;
  const key = boardKey(board);
  return me.roles.includes('board') && me.boards.some((b) => boardKey(b) === key);
}

/** Boards compare as the API compares them: case, outer and repeated spaces do not matter. */
export function boardKey(board: string): string {
  return board.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
