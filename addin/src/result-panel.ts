// What the pane's result panel shows after a check: people per status, the most common actions, data
// problems with the cell to go to. Pure, so it is tested without a browser. (The steering group's
// Overzicht sheet is another thing: shared/report/steering-overview-sheet.ts.)
import { STATUSES, type SheetEvaluation, type Status } from '../../shared/model/result';
import type { SheetRead } from '../../shared/sheet/types';
import { actionsText } from '../../shared/report/write';
import { statusCounts } from '../../shared/summary/status-counts';

export interface DataProblem {
  sheet: string;
  cell: string | null;
  message: string;
}

export interface ResultPanelData {
  counts: { status: Status; count: number }[];
  topActions: { action: string; count: number }[];
  problems: DataProblem[];
  total: number;
}

export function resultPanelOf(sheets: readonly { read: SheetRead; evaluation: SheetEvaluation | null }[], topN = 5): ResultPanelData {
  const actions = new Map<string, number>();
  const problems: DataProblem[] = [];
  let total = 0;
  for (const { read, evaluation } of sheets) {
    for (const p of read.problems) problems.push({ sheet: read.sheet, cell: p.cell, message: p.message });
    if (!evaluation) continue;
    for (const person of evaluation.people) {
      total++;
      for (const action of actionsText(person).split('; ').filter(Boolean)) actions.set(action, (actions.get(action) ?? 0) + 1);
      for (const f of person.findings)
        if (f.severity === 'warning' && f.cell && !read.problems.some((p) => p.cell === f.cell))
          problems.push({ sheet: read.sheet, cell: f.cell, message: f.message });
    }
  }
  const counts = statusCounts(sheets.flatMap((s) => s.evaluation?.people ?? []));
  return {
    counts: STATUSES.map((status) => ({ status, count: counts[status] })),
    topActions: [...actions.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, topN).map(([action, count]) => ({ action, count })),
    problems,
    total,
  };
}
