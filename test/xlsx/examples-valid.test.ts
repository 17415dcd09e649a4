// The project's own example workbooks and test workbooks, through the check and the writer: every output
// part schema-valid and clean under Excel's further rules (as for the other writers' workbooks).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../shared/check';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { openWorkbook } from '../../xlsx/load';
import { writeWorkbook } from '../../xlsx/write';
import { bytesOf, richStaffWorkbook, tableStaffWorkbook, workedExamplesWorkbook } from '../fixtures/workbooks';
import { excelRuleProblems } from '../support/ooxml/excel-rules';
import { validatePackage } from '../support/ooxml/schemas';

const OPTIONS = { plan: bossPoPlan, referenceDate: '2026-11-28', planningYear: '2026-2027' } as const;
const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

const sources: [string, () => Promise<Uint8Array>][] = [
  ...['boor-personeel.xlsx', 'ozhw-scholen.xlsx', 'primo-siko-tabel.xlsx', 'wijzer-medewerkers.xlsx'].map(
    (f) => [`examples/${f}`, async () => new Uint8Array(await readFile(join(EXAMPLES, f)))] as [string, () => Promise<Uint8Array>],
  ),
  ['richStaffWorkbook', () => bytesOf(richStaffWorkbook())],
  ['tableStaffWorkbook', () => bytesOf(tableStaffWorkbook())],
  ['workedExamplesWorkbook', () => bytesOf(workedExamplesWorkbook())],
];

describe.each(sources)('%s through the writer', (_, source) => {
  it('is schema-valid and passes Excel\u2019s further rules', async () => {
    const wb = await openWorkbook(await source());
    const result = await checkWorkbook({ file: 'werkmap.xlsx', sheets: wb.sheets, date1904: wb.date1904 }, OPTIONS);
    const out = await writeWorkbook(wb, result.workbooks[0]!.writePlan!);
    expect((await validatePackage(out)).problems).toEqual([]);
    expect(await excelRuleProblems(out)).toEqual([]);
  });
});
