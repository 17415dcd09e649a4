// DELETE /api/register/{board}/people/{personId}: erase one person's records (AVG).
import type { RegisterEraseResponse } from '../../../shared/api/register';
import { ok } from '../http/problem';
import type { HandlerContext } from '../http/types';

export async function erasePerson({
  params,
  deps,
}: HandlerContext<{ board: string; personId: string }, unknown, unknown>) {
  const answer: RegisterEraseResponse = { deleted: await (await deps.register()).erasePerson(params.board, params.personId) };
  return ok(answer);
}
