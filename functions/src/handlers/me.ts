// GET /api/me: the caller's role, board and name (for the task pane's views); never anyone else's.
import type { MeResponse } from '../../../shared/api/me';
import { primaryRole } from '../auth/caller';
import { ok } from '../http/problem';
import type { HandlerContext } from '../http/types';

export async function me({ caller }: HandlerContext<unknown, unknown, unknown>) {
  // The pipeline only lets callers with at least one role through to a 'caller' route.
  const role = primaryRole(caller);
  const answer: MeResponse = {
    role: role === 'anonymous' ? 'board' : role,
    roles: caller?.roles ?? [],
    board: caller?.roles.includes('board') ? (caller.boards[0] ?? null) : null,
    boards: caller?.roles.includes('board') ? caller.boards : [],
    name: caller?.name ?? null,
  };
  return ok(answer);
}
