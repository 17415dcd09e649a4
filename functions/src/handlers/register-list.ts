// GET /api/register/{board}/records: that board's records, paged with continuation tokens.
import type { RegisterListResponse } from '../../../shared/api/register';
import { ok } from '../http/problem';
import type { HandlerContext } from '../http/types';

export async function listRegister({
  params,
  query,
  deps,
}: HandlerContext<{ board: string }, { personId?: string; pageSize: number; continuation?: string }, unknown>) {
  const answer: RegisterListResponse = await (await deps.register()).list(params.board, query);
  return ok(answer);
}
