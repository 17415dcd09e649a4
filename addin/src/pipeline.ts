// The task pane's flow for one sheet, the same steps as shared/check.ts: read → evaluate (API or the
// bundled engine, never inside Excel.run) → attachCells → summarize → planWrite. Loaded on demand.
import { ApiError, createApiClient } from '../../shared/api/client';
import type { Evaluator } from '../../shared/check';
import type { SchoolYear } from '../../shared/calendar/dates';
import { MAX_PEOPLE, type IsoDate } from '../../shared/model/person';
import type { SheetEvaluation } from '../../shared/model/result';
import type { Summary } from '../../shared/model/summary';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { evaluateSheet } from '../../shared/rules/evaluate';
import { attachCells } from '../../shared/sheet/locate';
import { readSheet } from '../../shared/sheet/read';
import type { FieldName, Grid, SheetRead } from '../../shared/sheet/types';
import { planWrite } from '../../shared/report/write';
import type { ReportSheetWrite, WritePlan } from '../../shared/report/write-plan';

export { ApiError };
export const plan = bossPoPlan;

export interface ReadInput {
  grid: Grid;
  sheet: string;
  date1904: boolean;
  board: string | null;
  overrides: Record<string, FieldName | null>;
}

export function readStaffSheet(input: ReadInput): SheetRead {
  return readSheet(input.grid, { sheetName: input.sheet, date1904: input.date1904, board: input.board, overrides: input.overrides, plan: bossPoPlan });
}

/** The bundled engine: the same evaluation as the CLI in-process (no central register). */
export const localEvaluator: Evaluator = async (input) => evaluateSheet(bossPoPlan, { fields: input.fields, people: input.people }, input);

/** POST /api/evaluate with canonical people only (no names), in the compact form like the CLI's --api. */
export function apiEvaluator(options: { baseUrl: string; apiKey?: string; getToken?: () => Promise<string> }): Evaluator {
  const client = createApiClient({ baseUrl: options.baseUrl, ...(options.apiKey ? { apiKey: options.apiKey } : {}), ...(options.getToken ? { getToken: options.getToken } : {}) });
  return async (input) => {
    const answer = await client.evaluateCompact({ referenceDate: input.referenceDate, planningYear: input.planningYear, fields: input.fields, people: input.people });
    const k = answer.summary.keyFigures;
    return { people: answer.people, findings: answer.findings, schools: k.schools === null ? null : { count: k.schools, withTrainedOb: k.schoolsWithTrainedOb ?? 0 } };
  };
}

export class TooManyPeople extends Error {}

export interface CheckOutcome {
  read: SheetRead;
  evaluation: SheetEvaluation;
  summary: Summary;
  writePlan: WritePlan;
}

export async function checkSheet(read: SheetRead, options: { referenceDate: IsoDate; planningYear: SchoolYear; evaluate: Evaluator; file?: string }): Promise<CheckOutcome> {
  if (read.people.length > MAX_PEOPLE) throw new TooManyPeople(`${read.people.length} people`);
  const evaluated = await options.evaluate({
    file: options.file ?? '',
    sheet: read.sheet,
    referenceDate: options.referenceDate,
    planningYear: options.planningYear,
    fields: read.fields,
    people: read.people,
  });
  const evaluation = attachCells(evaluated, read);
  const { summarize } = await import('../../shared/summary/summarize');
  const summary = summarize(bossPoPlan, [{ people: read.people, evaluation }], { planningYear: options.planningYear });
  const writePlan = planWrite([{ read, evaluation }], { plan: bossPoPlan, referenceDate: options.referenceDate, planningYear: options.planningYear, summary });
  return { read, evaluation, summary, writePlan };
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
