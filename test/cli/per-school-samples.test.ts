// The two spec v2 samples (test/fixtures/samples) through the CLI: `summary.perSchool` in the JSON report
// equals the expected files exactly, and the written workbook has `Per school …` with the same schools, in
// the same order, beside the summary.
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/check';
import { ReportSchema } from '../../shared/check';
import { openWorkbook } from '../../xlsx/load';
import { tempDir } from '../fixtures/workbooks';

const SAMPLES = join(__dirname, '..', 'fixtures', 'samples');

describe.each(['sample-boor', 'sample-wijzer'])('%s: per school', (name) => {
  it('the JSON report and the written Per school sheet agree with the expected file', async () => {
    const expected = JSON.parse(await readFile(join(SAMPLES, `${name}.expected.json`), 'utf8')) as {
      file: string;
      referenceDate: string;
      planningYear: string;
      summary: { perSchool: { school: string | null; people: number }[] };
    };
    const dir = await tempDir();
    try {
      const input = join(dir.dir, expected.file);
      await copyFile(join(SAMPLES, expected.file), input);
      let stdout = '';
      const io = { stdout: (t: string) => (stdout += t), stderr: () => undefined, env: {} };
      const args = [input, '--date', expected.referenceDate, '--year', expected.planningYear];
      expect(await main([...args, '--json'], io)).toBe(0);
      const report = ReportSchema.parse(JSON.parse(stdout));
      expect(report.summary.perSchool).toEqual(expected.summary.perSchool);

      let printed = '';
      expect(await main(args, { ...io, stdout: (t: string) => (printed += t) })).toBe(0);
      expect(printed).toContain(`Per school ${expected.planningYear}: ${expected.summary.perSchool.length} scholen\n`);
      const written = await openWorkbook(await readFile(input.replace(/\.xlsx$/, '.gecontroleerd.xlsx')));
      const names = written.sheets.map((s) => s.name);
      expect(names.slice(-2)).toEqual([`Scholingsbehoefte ${expected.planningYear}`, `Per school ${expected.planningYear}`]);
      const grid = written.sheets.at(-1)!.grid;
      const overview = grid.findIndex((row) => row[0] === 'Overzicht per school');
      const rows = expected.summary.perSchool.map((_, i) => grid[overview + 2 + i]!);
      expect(rows.map((r) => [r[0], r[1]])).toEqual(expected.summary.perSchool.map((e) => [e.school ?? 'Zonder school', e.people]));
    } finally {
      await dir.cleanup();
    }
  });
});
