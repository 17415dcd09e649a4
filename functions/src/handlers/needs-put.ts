// PUT /api/needs/{schoolYear}/{board}: 201 when a new version is stored, 200 when it equals the latest.
import type { SchoolYear } from '../../../shared/calendar/dates';
import type { NeedsPut, NeedsPutResponse } from '../../../shared/api/needs';
import { json } from '../http/problem';
import type { HandlerContext } from '../http/types';

export async function putNeeds({
  params,
  body,
  deps,
}: HandlerContext<{ schoolYear: SchoolYear; board: string }, unknown, NeedsPut>) {
  const result = await (await deps.needs()).put(params.schoolYear, params.board, body);
  const answer: NeedsPutResponse = {
    schoolYear: params.schoolYear,
    board: params.board,
    version: result.version,
    submittedAt: result.submittedAt,
    stored: result.stored,
  };
  return json(result.stored ? 201 : 200, answer);
}
