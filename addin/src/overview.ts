// What the results overview shows: people per status, the most common actions, data problems with the
// cell to go to. Pure, so it is tested without a browser.
import { STATUSES, type SheetEvaluation, type Status } from '../../shared/model/result';
import type { SheetRead } from '../../shared/sheet/types';
import { actionsText } from '../../shared/report/write';

export interface DataProblem {
  sheet: string;
  cell: string | null;
  message: string;
}

export interface Overview {
  counts: { status: Status; count: number }[];
  topActions: { action: string; count: number }[];
  problems: DataProblem[];
  total: number;
}

export function overviewOf(sheets: readonly { read: SheetRead; evaluation: SheetEvaluation | null }[], topN = 5): Overview {
  const counts = new Map<Status, number>(STATUSES.map((s) => [s, 0]));
  const actions = new Map<string, number>();
  const problems: DataProblem[] = [];
  let total = 0;
  for (const { read, evaluation } of sheets) {
    for (const p of read.problems) problems.push({ sheet: read.sheet, cell: p.cell, message: p.message });
    if (!evaluation) continue;
    for (const person of evaluation.people) {
      total++;
      counts.set(person.status, (counts.get(person.status) ?? 0) + 1);
      for (const action of actionsText(person).split('; ').filter(Boolean)) actions.set(action, (actions.get(action) ?? 0) + 1);
      for (const f of person.findings)
        if (f.severity === 'warning' && f.cell && !read.problems.some((p) => p.cell === f.cell))
          problems.push({ sheet: read.sheet, cell: f.cell, message: f.message });
    }
  }
  return {
    counts: STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 })),
    topActions: [...actions.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, topN).map(([action, count]) => ({ action, count })),
    problems,
    total,
  };
}
