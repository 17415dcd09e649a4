// GET /api/needs/{schoolYear}: every known board's latest need, the combined need from summed counts
// (never added groups), and the known boards that have not submitted yet. Only known boards count: a
// need stored under any other name (before boards were checked) enters neither list nor total.
import type { SchoolYear } from '../../../shared/calendar/dates';
import type { NeedsGetResponse } from '../../../shared/api/needs';
import { combineNeeds } from '../../../shared/summary/summarize';
import { ok } from '../http/problem';
import type { HandlerContext } from '../http/types';
import type { StoredNeed } from '../storage/needs-repository';

export async function getNeeds({ params, deps }: HandlerContext<{ schoolYear: SchoolYear }, unknown, unknown>) {
  const latest = await (await deps.needs()).latestAll(params.schoolYear);
  const submitted: [board: string, need: StoredNeed][] = [];
  for (const [key, stored] of latest) {
    const board = deps.boards.find(key);
    if (board !== undefined) submitted.push([board, stored]);
  }
  const answer: NeedsGetResponse = {
    schoolYear: params.schoolYear,
    // fromEntries defines own properties: a board named `__proto__` is a key like any other.
    boards: Object.fromEntries(
      submitted.map(([board, s]) => [board, { ...s.body, submittedAt: s.submittedAt, version: s.version }]),
    ),
    combined: combineNeeds(
      deps.plan,
      submitted.map(([, s]) => s.body.needs),
    ),
    missing: deps.boards.names.filter((b) => !submitted.some(([s]) => s === b)).sort(),
  };
  return ok(answer);
}
