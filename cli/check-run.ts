// The check that `npm run check` runs (cli/check.ts reads the command line): open every input, check the
// workbooks (in process or through --api), write each checked workbook, print the summary or the report.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { checkWorkbooks, type CheckResult, type WorkbookInput } from '../shared/check';
import { STATUSES } from '../shared/model/result';
import { statusCounts } from '../shared/summary/status-counts';
import { bossPoPlan } from '../shared/plan/bosspo';
import type { Plan } from '../shared/plan/schema';
import { nodeCodec } from '../xlsx/codec-node';
import { isWorkbookError } from '../xlsx/errors';
import { openWorkbook, type OpenedWorkbook } from '../xlsx/load';
import { writeWorkbook } from '../xlsx/write';
import { outputPathFor } from './check';
import { apiEvaluator } from '../shared/api/evaluator';
import { apiClient, apiProblem, submitNeeds } from './api';
import { errorText, type Io } from './io';
import type { CliArgs } from './args';

/** Large inputs get a line of progress on stderr; small ones stay quiet. */
const PROGRESS_BYTES = 2 * 1024 * 1024;

async function readInput(path: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError('bestand niet gevonden (file not found)');
  }
  if (info.isDirectory()) throw new InputError('dit is een map, geen bestand (a directory, not a file)');
  try {
    return new Uint8Array(await readFile(path));
  } catch {
    throw new InputError('bestand kan niet gelezen worden (cannot read file)');
  }
}

class InputError extends Error {}

function humanSummary(result: CheckResult, written: Map<string, string>, inputs: Map<string, string>): string {
  const lines: string[] = [];
  for (const w of result.workbooks) {
    const input = inputs.get(w.file) ?? w.file;
    const out = written.get(w.file);
    lines.push(`${input}${out ? ` → ${out}` : ' (niet geschreven)'}`);
    for (const s of w.sheets) {
      if (s.read.skipped !== null) lines.push(`  ${s.read.sheet}: overgeslagen — ${s.read.skipped}`);
      else lines.push(`  ${s.read.sheet}: ${s.evaluation?.people.length ?? 0} rijen gecontroleerd (kopregel ${s.read.headerRow})`);
    }
    if (w.usable) {
      const counts = statusCounts(result.report.sheets.filter((s) => s.file === w.file).flatMap((s) => s.people));
      lines.push(`  ${STATUSES.map((s) => `${s}: ${counts[s]}`).join(' · ')}`);
    }
  }
  const needs = Object.entries(result.report.summary.needs)
    .filter(([, n]) => n && n.initial > 0)
    .map(([code, n]) => `${code} ${n!.initial}`);
  if (needs.length) lines.push(`Scholingsbehoefte ${result.report.planningYear}: ${needs.join(', ')}`);
  const perSchool = result.report.summary.perSchool;
  if (perSchool) {
    const schools = perSchool.filter((e) => e.school !== null).length;
    const without = perSchool.find((e) => e.school === null)?.people ?? 0;
    lines.push(`Per school ${result.report.planningYear}: ${schools} ${schools === 1 ? 'school' : 'scholen'}${without ? `, ${without} zonder school` : ''}`);
  }
  return lines.join('\n') + '\n';
}

export async function runCheck(args: CliArgs, io: Io): Promise<number> {
  const inputPaths = new Set(args.inputs.map((p) => resolve(p)));
  let exitCode = 0;
  const problem = (input: string, message: string) => {
    io.stderr(`${input}: ${message}\n`);
    exitCode = 1;
  };

  // Open every input; an unreadable one is reported and the others go on.
  const opened: { path: string; file: string; workbook: OpenedWorkbook }[] = [];
  for (const path of args.inputs) {
    try {
      const bytes = await readInput(path);
      if (bytes.length > PROGRESS_BYTES) io.stderr(`${path}: lezen (${Math.round(bytes.length / 1024 / 1024)} MB) …\n`);
      opened.push({ path, file: basename(path), workbook: await openWorkbook(bytes, { codec: nodeCodec }) });
    } catch (e) {
      if (e instanceof InputError || isWorkbookError(e)) problem(path, e.message);
      else problem(path, 'de werkmap kan niet gelezen worden (cannot read workbook)');
    }
  }

  let plan: Plan = bossPoPlan;
  const client = args.api ? apiClient(args.api, io.env.BOSSPO_API_KEY) : null;
  let result: CheckResult;
  try {
    if (client) plan = await client.getPlan();
    const inputs: WorkbookInput[] = opened.map((o) => ({
      file: o.file,
      sheets: o.workbook.sheets, // with their merged ranges: owned columns go right of a merge (shared/sheet/read.ts)
      date1904: o.workbook.date1904,
    }));
    result = await checkWorkbooks(inputs, {
      plan,
      referenceDate: args.referenceDate,
      planningYear: args.planningYear,
      board: args.board,
      sheetFilter: args.sheets,
      overrides: args.overrides,
      evaluate: client ? apiEvaluator(client) : undefined,
      onProgress: (m) => io.stderr(`${m}\n`),
    });
  } catch (e) {
    const api = apiProblem(e);
    if (api === null) throw e;
    io.stderr(`fout: ${api}\n`);
    return 1;
  }

  // Write each usable workbook beside its input (or to --out).
  const written = new Map<string, string>();
  const inputOf = new Map<string, string>();
  for (let i = 0; i < opened.length; i++) {
    const o = opened[i]!;
    const w = result.workbooks[i]!;
    inputOf.set(w.file, o.path);
    for (const p of w.problems) problem(o.path, p);
    if (!w.writePlan) continue;
    const target = args.out ?? outputPathFor(o.path);
    if (inputPaths.has(resolve(target))) {
      problem(o.path, `uitvoer ${target} zou een invoerbestand overschrijven; niet geschreven`);
      continue;
    }
    try {
      await writeFile(target, await writeWorkbook(o.workbook, w.writePlan));
      written.set(w.file, target);
    } catch (e) {
      problem(o.path, `kan ${target} niet schrijven: ${errorText(e)}`);
    }
  }

  if (args.submit && client && args.board) {
    try {
      const stored = await submitNeeds(client, args.planningYear, args.board, result.report.summary);
      io.stderr(
        `Scholingsbehoefte ${args.planningYear} van ${args.board} ${stored.stored ? `opgeslagen (versie ${stored.version})` : 'ongewijzigd (al opgeslagen)'}\n`,
      );
    } catch (e) {
      const api = apiProblem(e);
      if (api === null) throw e;
      io.stderr(`fout bij opslaan: ${api}\n`);
      exitCode = 1;
    }
  }

  if (args.json) io.stdout(`${JSON.stringify(result.report, null, 2)}\n`);
  else io.stdout(humanSummary(result, written, inputOf));
  return exitCode;
}

