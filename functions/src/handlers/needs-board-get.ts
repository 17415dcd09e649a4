// GET /api/needs/{schoolYear}/{board}: that board's latest need and when each version came in, so a
import type { SchoolYear } from '../../../shared/calendar/dates';
// board can see what it last sent without reading other boards' needs.
import type { BoardNeedsResponse } from '../../../shared/api/needs';
import { ok } from '../http/problem';
import type { HandlerContext } from '../http/types';

export async function getBoardNeeds({
  params,
  deps,
}: HandlerContext<{ schoolYear: SchoolYear; board: string }, unknown, unknown>) {
  const repo = await deps.needs();
  const history = await repo.history(params.schoolYear, params.board);
  const last = history[history.length - 1];
  const answer: BoardNeedsResponse = {
    schoolYear: params.schoolYear,
    board: params.board,
    latest: last ? { ...last.body, submittedAt: last.submittedAt, version: last.version } : null,
    history: history.map((h) => ({ version: h.version, submittedAt: h.submittedAt })),
  };
  return ok(answer);
}
