// The check use cases, host-neutral and pure (docs/architecture.md "The flow of a check"): grids →
// readSheet → evaluate (in-process, or an injected evaluator such as the HTTP API) → attachCells →
// summarize → planWrite. Two use cases share one sheet-level step (`evaluateRead`):
// - `checkWorkbooks` / `checkWorkbook`: whole workbooks (the CLI and the add-in's browser mode);
// - `checkSheet`: one sheet a host has read already (the task pane, between its read batch and its
//   write batch; the evaluation happens outside Excel.run).
// The hosts only wire: they read the cells, choose the evaluator and apply the write plan.
import { z } from 'zod';
import { MAX_PEOPLE, type IsoDate, type Person, type RuleField } from './model/person';
import { FindingSchema, SchoolFindingSchema, Status, type SheetEvaluation } from './model/result';
import { SummarySchema, type Summary } from './model/summary';
import type { Plan } from './plan/schema';
import { RoleCode } from './plan/schema';
import type { SchoolYear } from './calendar/dates';
import { evaluateSheet } from './rules/evaluate';
import { summarize } from './summary/summarize';
import { attachCells } from './sheet/locate';
import { readSheet } from './sheet/read';
import { sameSheetName } from './sheet/sheet-name';
import type { CellRange, FieldName, Grid, SheetRead } from './sheet/types';
import { planWrite } from './report/write';
import type { WritePlan } from './report/write-plan';

// ---- the JSON report of interfaces.md §2 ---------------------------------------------------------

export const ReportPersonSchema = z.object({
  row: z.number().int().positive(),
  personId: z.string().nullable(),
  roles: z.array(RoleCode).readonly(),
  status: Status,
  refresherDue: z.string().nullable(),
  dueSoon: z.string().nullable(),
  normHours: z.number().nullable(),
  findings: z.array(FindingSchema),
});
export type ReportPerson = z.infer<typeof ReportPersonSchema>;

export const ReportSheetSchema = z.object({
  file: z.string(),
  name: z.string(),
  skipped: z.string().nullable(),
  headerRow: z.number().int().positive().nullable(),
  columns: z.record(z.string(), z.string()),
  people: z.array(ReportPersonSchema),
  findings: z.array(SchoolFindingSchema),
});
export type ReportSheet = z.infer<typeof ReportSheetSchema>;

export const ReportSchema = z.object({
  referenceDate: z.string(),
  planningYear: z.string(),
  plan: z.object({ id: z.string(), version: z.string() }),
  sheets: z.array(ReportSheetSchema),
  summary: SummarySchema,
});
export type Report = z.infer<typeof ReportSchema>;

// ---- inputs and options ----------------------------------------------------------------------------

export interface WorkbookInput {
  /** Base name of the input file, for the report. */
  file: string;
  /** Each sheet's values, and its merged ranges when the host knows them. */
  sheets: readonly { name: string; grid: Grid; merges?: readonly CellRange[] }[];
  date1904: boolean;
}

/** What an evaluator gets for one sheet: exactly the body of POST /api/evaluate, plus where it comes from. */
export interface SheetEvaluationInput {
  file: string;
  sheet: string;
  referenceDate: IsoDate;
  planningYear: SchoolYear;
  fields: RuleField[];
  people: Person[];
}

export type Evaluator = (input: SheetEvaluationInput) => Promise<SheetEvaluation>;

export interface CheckOptions {
  plan: Plan;
  referenceDate: IsoDate;
  planningYear: SchoolYear;
  /** Board for rows without a board cell (`--board`). */
  board?: string | null;
  /** Only these sheets (`--sheet`); default every sheet. */
  sheetFilter?: readonly string[];
  /** Column overrides by header text (`--map`). */
  overrides?: Record<string, FieldName | null>;
  /** Evaluate elsewhere (the HTTP API); default in-process without a register. */
  evaluate?: Evaluator;
  /** Progress for long runs (a sheet read, a sheet evaluated). */
  onProgress?: (message: string) => void;
}

/** What the sheet-level step and `checkSheet` need of the check options. */
export type SheetCheckOptions = Pick<CheckOptions, 'plan' | 'referenceDate' | 'planningYear' | 'evaluate' | 'onProgress'> & {
  /** Base name of the workbook, for the evaluator and progress lines. */
  file?: string;
};

export interface WorkbookResult {
  file: string;
  /** Sheets read (after the sheet filter), with their evaluation when not skipped. */
  sheets: { read: SheetRead; evaluation: SheetEvaluation | null }[];
  /** At least one staff sheet was checked. */
  usable: boolean;
  /** Problems that make this input (partly) unreadable, one clear line each; the CLI exits 1 on any. */
  problems: string[];
  /** The summary over this workbook only; null when nothing was checked. */
  summary: Summary | null;
  /** What to write into this workbook; null when nothing was checked. */
  writePlan: WritePlan | null;
}

export interface CheckResult {
  report: Report;
  workbooks: WorkbookResult[];
}

export const TOO_MANY_PEOPLE = (sheet: string, count: number) =>
  `werkblad '${sheet}' heeft ${count.toLocaleString('nl-NL')} medewerkers; de controle neemt er ten hoogste ${MAX_PEOPLE.toLocaleString('nl-NL')} per werkblad (more than ${MAX_PEOPLE} people in one sheet)`;

export const NO_USABLE_SHEET =
  'geen werkblad met een kopregel gevonden (no sheet with a header row): nodig zijn minstens twee bekende kolommen, waaronder een rolkolom';

/** A sheet with more people than one check takes (MAX_PEOPLE); its message is TOO_MANY_PEOPLE. */
export class TooManyPeople extends Error {
  constructor(
    readonly sheet: string,
    readonly count: number,
  ) {
    super(TOO_MANY_PEOPLE(sheet, count));
    this.name = 'TooManyPeople';
  }
}

/** The bundled engine: the rules in this process, without the central register. */
export const inProcessEvaluator =
  (plan: Plan): Evaluator =>
  async (input) =>
    evaluateSheet(plan, { fields: input.fields, people: input.people }, input);

/** Reads one staff sheet for a check: header row, column mapping, canonical people (shared/sheet/read.ts). */
export function readStaffSheet(
  sheet: { name: string; grid: Grid; merges?: readonly CellRange[] },
  date1904: boolean,
  options: Pick<CheckOptions, 'plan' | 'board' | 'overrides'>,
): SheetRead {
  return readSheet(sheet.grid, {
    sheetName: sheet.name,
    date1904,
    board: options.board ?? null,
    overrides: options.overrides ?? {},
    merges: sheet.merges ?? [],
    plan: options.plan,
  });
}

/**
 * The sheet-level step of every check: a sheet that was read (and not skipped) → evaluated → each
 * finding located in its cell. Throws TooManyPeople over MAX_PEOPLE, before anything is evaluated.
 */
export async function evaluateRead(read: SheetRead, options: SheetCheckOptions): Promise<SheetEvaluation> {
  if (read.skipped !== null) throw new Error(`werkblad '${read.sheet}' is overgeslagen: ${read.skipped}`);
  if (read.people.length > MAX_PEOPLE) throw new TooManyPeople(read.sheet, read.people.length);
  const file = options.file ?? '';
  if (read.people.length >= 5_000) options.onProgress?.(`${file} · ${read.sheet}: ${read.people.length} rijen gelezen`);
  const evaluate = options.evaluate ?? inProcessEvaluator(options.plan);
  const evaluated = await evaluate({
    file,
    sheet: read.sheet,
    referenceDate: options.referenceDate,
    planningYear: options.planningYear,
    fields: read.fields,
    people: read.people,
  });
  return attachCells(evaluated, read);
}

/** The summary over the checked sheets of one workbook, and what to write into it. */
export function planChecked(
  checked: readonly { read: SheetRead; evaluation: SheetEvaluation }[],
  options: Pick<CheckOptions, 'plan' | 'referenceDate' | 'planningYear'>,
): { summary: Summary; writePlan: WritePlan } {
  const { plan, referenceDate, planningYear } = options;
  const summary = summarize(
    plan,
    checked.map((r) => ({ people: r.read.people, evaluation: r.evaluation })),
    { planningYear },
  );
  const writePlan = planWrite(checked, { plan, referenceDate, planningYear, summary });
  return { summary, writePlan };
}

/** A checked sheet with its summary and write plan (the task pane's use case). */
export interface SheetCheck {
  read: SheetRead;
  evaluation: SheetEvaluation;
  summary: Summary;
  writePlan: WritePlan;
}

/** Check one sheet a host has read (not skipped): the same steps and the same result as a one-sheet workbook. */
export async function checkSheet(read: SheetRead, options: SheetCheckOptions): Promise<SheetCheck> {
  const evaluation = await evaluateRead(read, options);
  return { read, evaluation, ...planChecked([{ read, evaluation }], options) };
}

function reportSheet(file: string, read: SheetRead, evaluation: SheetEvaluation | null): ReportSheet {
  const results = evaluation?.people ?? [];
  // One report person per result, sharing its findings (they are never changed afterwards).
  const people: ReportPerson[] = new Array<ReportPerson>(results.length);
  for (let i = 0; i < results.length; i++) {
    const p = results[i]!;
    people[i] = {
      row: Number(p.ref),
      personId: p.personId,
      roles: p.roles,
      status: p.status,
      refresherDue: p.refresherDue,
      dueSoon: p.dueSoon,
      normHours: p.normHours,
      findings: p.findings,
    };
  }
  return {
    file,
    name: read.sheet,
    skipped: read.skipped,
    headerRow: read.headerRow,
    columns: { ...read.columns },
    people,
    findings: evaluation?.findings ?? [],
  };
}

async function checkOne(input: WorkbookInput, options: CheckOptions): Promise<WorkbookResult> {
  const problems: string[] = [];
  const wanted = options.sheetFilter && options.sheetFilter.length > 0 ? options.sheetFilter : null;
  const sheets = wanted ? input.sheets.filter((s) => wanted.some((w) => sameSheetName(w, s.name))) : input.sheets;
  if (wanted)
    for (const name of wanted)
      if (!input.sheets.some((s) => sameSheetName(s.name, name))) problems.push(`werkblad '${name}' bestaat niet (sheet not found)`);

  const results: WorkbookResult['sheets'] = [];
  for (const sheet of sheets) {
    const read = readStaffSheet(sheet, input.date1904, options);
    if (read.skipped !== null) {
      results.push({ read, evaluation: null });
      continue;
    }
    try {
      results.push({ read, evaluation: await evaluateRead(read, { ...options, file: input.file }) });
    } catch (e) {
      if (!(e instanceof TooManyPeople)) throw e;
      problems.push(e.message);
      results.push({ read: { ...read, skipped: e.message, people: [], problems: [] }, evaluation: null });
    }
  }

  const checked = results.filter((r): r is { read: SheetRead; evaluation: SheetEvaluation } => r.evaluation !== null);
  if (checked.length === 0) {
    if (sheets.length > 0 || !wanted) problems.push(NO_USABLE_SHEET);
    return { file: input.file, sheets: results, usable: false, problems, summary: null, writePlan: null };
  }
  return { file: input.file, sheets: results, usable: true, problems, ...planChecked(checked, options) };
}

/** Check every workbook; the report's summary covers all inputs, each write plan its own workbook. */
export async function checkWorkbooks(inputs: readonly WorkbookInput[], options: CheckOptions): Promise<CheckResult> {
  const evaluate = options.evaluate ?? inProcessEvaluator(options.plan);
  const workbooks: WorkbookResult[] = [];
  for (const input of inputs) workbooks.push(await checkOne(input, { ...options, evaluate }));
  const checkedBooks = workbooks.filter((w) => w.summary !== null);
  // The sheets of every workbook, for a summary over several workbooks only (one workbook has its own).
  const all = () =>
    workbooks.flatMap((w) =>
      w.sheets.flatMap((s) => (s.evaluation ? [{ people: s.read.people, evaluation: s.evaluation }] : [])),
    );
  const report: Report = {
    referenceDate: options.referenceDate,
    planningYear: options.planningYear,
    plan: { id: options.plan.id, version: options.plan.version },
    sheets: workbooks.flatMap((w) => w.sheets.map((s) => reportSheet(w.file, s.read, s.evaluation))),
    // One checked workbook: its own summary is the summary over all inputs.
    summary: checkedBooks.length === 1 ? checkedBooks[0]!.summary! : summarize(options.plan, all(), { planningYear: options.planningYear }),
  };
  return { report, workbooks };
}

/** One workbook (the add-in's browser mode). */
export async function checkWorkbook(input: WorkbookInput, options: CheckOptions): Promise<CheckResult> {
  return checkWorkbooks([input], options);
}
