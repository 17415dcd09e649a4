// GET /api/needs/{schoolYear}: every board's latest need, the combined need from summed counts
import type { SchoolYear } from '../../../shared/calendar/dates';
// (never added groups), and the known boards that have not submitted yet.
import type { NeedsGetResponse } from '../../../shared/api/needs';
import { combineNeeds } from '../../../shared/summary/summarize';
import { ok } from '../http/problem';
import type { HandlerContext } from '../http/types';
import { boardKey } from '../storage/keys';

export async function getNeeds({ params, deps }: HandlerContext<{ schoolYear: SchoolYear }, unknown, unknown>) {
  const latest = await (await deps.needs()).latestAll(params.schoolYear);
  const known = new Map(deps.knownBoards.map((b) => [boardKey(b), b]));
  const boards: NeedsGetResponse['boards'] = {};
  for (const [key, stored] of latest)
    boards[known.get(key) ?? stored.board] = { ...stored.body, submittedAt: stored.submittedAt, version: stored.version };
  const answer: NeedsGetResponse = {
    schoolYear: params.schoolYear,
    boards,
    combined: combineNeeds(
      deps.plan,
      [...latest.values()].map((s) => s.body.needs),
    ),
    missing: [...known].filter(([key]) => !latest.has(key)).map(([, b]) => b).sort(),
  };
  return ok(answer);
}
