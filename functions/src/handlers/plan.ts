// GET /api/plan: the active plan as data (roles, trainings, norms, assumptions, version).
import { ok } from '../http/problem';
import type { HandlerContext } from '../http/types';

export async function getPlan({ deps }: HandlerContext<unknown, unknown, unknown>) {
  return ok(deps.plan);
}
