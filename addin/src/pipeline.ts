// The task pane's wiring of the core's check (shared/check.ts), loaded on demand so the reader, the rules
// and the plan stay out of the pane's first load: the plan (the bundled Boss po plan), the evaluator (the
// API, or the bundled engine) and the pane's note on a summary evaluated without the server. The steps
// themselves are the core's; the pane calls them between its two Excel.run batches (pane-flow.ts).
import { ApiError, createApiClient } from '../../shared/api/client';
import { apiEvaluator } from '../../shared/api/evaluator';
import { checkSheet as checkReadSheet, inProcessEvaluator, readStaffSheet as readSheetForCheck, TooManyPeople, type Evaluator, type SheetCheck, type SheetCheckOptions } from '../../shared/check';
import { bossPoPlan } from '../../shared/plan/bosspo';
import type { CellRange, FieldName, Grid, SheetRead } from '../../shared/sheet/types';
import type { ReportSheetWrite } from '../../shared/report/write-plan';

export { ApiError, TooManyPeople, type SheetCheck };

export interface ReadInput {
  grid: Grid;
  /** The sheet's merged areas (excel/read.ts): the owned columns go right of a merge they would land under. The pane always passes them. */
  merges?: readonly CellRange[];
  sheet: string;
  date1904: boolean;
  board: string | null;
  /** The user's column mapping as remembered in the workbook (excel/settings.ts), by header text. */
  overrides: Readonly<Record<string, string | null>>;
}

export function readStaffSheet(input: ReadInput): SheetRead {
  // The pane offers only MAPPABLE_FIELDS (fields.ts), so a remembered value is a field name.
  const overrides = input.overrides as Record<string, FieldName | null>;
  return readSheetForCheck({ name: input.sheet, grid: input.grid, merges: input.merges ?? [] }, input.date1904, { plan: bossPoPlan, board: input.board, overrides });
}

/** The bundled engine: the same evaluation as the CLI in-process (no central register). */
export const localEvaluator: Evaluator = inProcessEvaluator(bossPoPlan);

export interface ApiAccess {
  baseUrl: string;
  apiKey?: string;
  getToken?: () => Promise<string>;
}

/** The evaluator a check uses: the API at `api` (the central register applied), or the bundled engine. */
export function evaluatorFor(api: ApiAccess | null): Evaluator {
  if (!api) return localEvaluator;
  return apiEvaluator(createApiClient({ baseUrl: api.baseUrl, ...(api.apiKey ? { apiKey: api.apiKey } : {}), ...(api.getToken ? { getToken: api.getToken } : {}) }));
}

/** The core's check of one read sheet with the bundled plan. */
export function checkSheet(read: SheetRead, options: Omit<SheetCheckOptions, 'plan'>): Promise<SheetCheck> {
  return checkReadSheet(read, { plan: bossPoPlan, ...options });
}

/** The summary sheet with a labelled note below it saying the pane evaluated without the server. */
export function withLocalNote(summary: ReportSheetWrite, note: string): { sheet: ReportSheetWrite; address: string } {
  const lastRow = summary.cells.reduce((m, c) => Math.max(m, c.row), 0);
  const row = lastRow + 2;
  return {
    sheet: { ...summary, cells: [...summary.cells, { row, column: 1, value: { kind: 'text', text: note }, style: 'note' }] },
    address: `A${row}`,
  };
}
