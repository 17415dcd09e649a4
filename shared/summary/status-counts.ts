// People per status (docs/rules.md "Finding codes", the status rule): one count for the summary sheet,
// the command line's summary and the task pane's result panel.
import { STATUSES, type Status } from '../model/result';

/** How many of `people` have each status, every status present (0 when nobody has it). */
export function statusCounts(people: Iterable<{ readonly status: Status }>): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const p of people) counts[p.status]++;
  return counts;
}
