// Browser mode: the same orchestrator (shared/check.ts) and the same .xlsx reader and writer (xlsx/) as the
// CLI, so the downloaded workbook holds what `npm run check` writes (the CLI deflates with node:zlib, the
// browser with fflate, so the compressed bytes of the parts written differ). Loaded only in browser mode,
// which keeps the reader out of the task pane inside Excel.
import type { Evaluator, Report } from '../../../shared/check';
import type { SchoolYear } from '../../../shared/calendar/dates';
import type { IsoDate } from '../../../shared/model/person';
import type { SheetEvaluation } from '../../../shared/model/result';
import type { SheetRead } from '../../../shared/sheet/types';
import { checkedFileName } from '../../../xlsx/file-name';

export interface FileCheck {
  /** `<name>.gecontroleerd.xlsx` (`.xlsm` for a macro-enabled workbook). */
  outputName: string;
  output: Uint8Array;
  report: Report;
  sheets: { read: SheetRead; evaluation: SheetEvaluation | null }[];
  problems: string[];
}

/** `Personeel 2026.xlsx` → `Personeel 2026.gecontroleerd.xlsx` (interfaces.md §2 and §5); an .xlsm stays .xlsm. */
export const outputNameFor = checkedFileName;

export class FileProblem extends Error {}

export async function checkFile(
  file: { name: string; bytes: Uint8Array },
  options: { referenceDate: IsoDate; planningYear: SchoolYear; board: string | null; evaluate?: Evaluator },
): Promise<FileCheck> {
  const [{ openWorkbook }, { writeWorkbook }, { checkWorkbook }, { bossPoPlan }, { isWorkbookError }] = await Promise.all([
    import('../../../xlsx/load'),
    import('../../../xlsx/write'),
    import('../../../shared/check'),
    import('../../../shared/plan/bosspo'),
    import('../../../xlsx/errors'),
  ]);
  try {
    const workbook = await openWorkbook(file.bytes);
    const base = file.name.replace(/^.*[\\/]/, '');
    const result = await checkWorkbook(
      { file: base, sheets: workbook.sheets, date1904: workbook.date1904 },
      { plan: bossPoPlan, referenceDate: options.referenceDate, planningYear: options.planningYear, board: options.board, ...(options.evaluate ? { evaluate: options.evaluate } : {}) },
    );
    const checked = result.workbooks[0]!;
    if (!checked.usable || !checked.writePlan) throw new FileProblem(checked.problems.join('; '));
    const output = await writeWorkbook(workbook, checked.writePlan);
    return { outputName: outputNameFor(file.name), output, report: result.report, sheets: checked.sheets, problems: checked.problems };
  } catch (e) {
    if (isWorkbookError(e)) throw new FileProblem(e.message);
    throw e;
  }
}
