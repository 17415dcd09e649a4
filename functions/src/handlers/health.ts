// GET /api/health: 200 { status: "ok" } when table storage answers, else 503.
import { ok, unavailable } from '../http/problem';
import type { HandlerContext } from '../http/types';

export async function health({ deps }: HandlerContext<unknown, unknown, unknown>) {
  try {
    await deps.storage.ping();
  } catch {
    return unavailable();
  }
  return ok({ status: 'ok' });
}
