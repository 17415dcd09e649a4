// Issue 10 item 9 on the Office.js path: a formula's value as Excel gives it (`Range.values`: 0, false,
// and '' for an empty-string result) is read as a value, with the same outcome as the CLI and browser mode
// give for the same workbook (test/cli/cached-formulas.test.ts): 0 students is 0 hours, FALSE a missing
// certificate, "" no training date, and 0 in a date column an unreadable date.
import { describe, expect, it } from 'vitest';
import { readHostSheet } from '../../addin/src/excel/read';
import { checkSheet, localEvaluator, readStaffSheet } from '../../addin/src/pipeline';
import { createFakeExcel } from '../support/fake-office/excel';
import { emptySheet, workbookState } from '../support/fake-office/workbook';

describe('cached formula results 0, FALSE and "" through Office.js', () => {
  it('are values, as in the CLI and browser mode', async () => {
    const fake = createFakeExcel(
      workbookState([
        emptySheet('Personeel', [
          ['Rol', 'Scholing WPB', 'Certificaat WPB', 'Aantal studenten'],
          ['WPB', 45728, false, 0],
          ['WPB', '', 'ja', 1],
          ['WPB', 0, 'ja'],
        ]),
      ]),
    );
    const host = await readHostSheet(fake.run, 'Personeel');
    expect(host.grid.slice(1)).toEqual([['WPB', 45728, false, 0], ['WPB', null, 'ja', 1], ['WPB', 0, 'ja', null]]);
    const read = readStaffSheet({ grid: host.grid, merges: host.merges, sheet: host.sheet, date1904: host.date1904, board: null, overrides: {} });
    const { evaluation } = await checkSheet(read, { referenceDate: '2026-11-28', planningYear: '2026-2027', evaluate: localEvaluator });
    const [zero, empty, zeroDate] = evaluation.people;
    expect(zero).toMatchObject({ ref: '2', normHours: 0, refresherDue: '2028-03-12', status: 'Actie nodig' });
    expect(zero!.findings.map((f) => f.code)).toEqual(['CERTIFICATE_MISSING']);
    expect(empty).toMatchObject({ ref: '3', normHours: 20 });
    expect(empty!.findings.map((f) => f.code)).toContain('TRAINING_MISSING');
    expect(zeroDate!.ref).toBe('4');
    expect(zeroDate!.findings.find((f) => f.code === 'INVALID_DATE')?.message).toMatch(/B4/);
  });
});
