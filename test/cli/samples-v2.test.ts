// The two spec v2 samples (copied from the shared samples into test/fixtures/samples) through the CLI's
// in-process check: every row's status, findings, refresherDue, dueSoon, normHours and roles, the school
// findings, and the summary's needs, key figures, roles and exemptions agree with the expected files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/check';
import { ReportSchema, type Report } from '../../shared/check';
import { tempDir } from '../fixtures/workbooks';
import { copyFile } from 'node:fs/promises';

interface Expected {
  file: string;
  referenceDate: string;
  planningYear: string;
  sheets: {
    name: string;
    headerRow: number;
    people: { row: number; personId: string | null; status: string; findings: { code: string; training?: string }[]; refresherDue: string | null; dueSoon: string | null; normHours: number | null; roles: string[] }[];
    schoolFindings: { code: string; school: string }[];
  }[];
  summary: {
    needs: Record<string, Record<string, number>>;
    keyFigures: Record<string, number | null>;
    roles: Record<string, number>;
    exemptions: Record<string, number>;
  };
}

const SAMPLES = join(__dirname, '..', 'fixtures', 'samples');
const key = (f: { code: string; training?: string }) => (f.training ? `${f.code}(${f.training})` : f.code);

async function report(file: string, expected: Expected): Promise<Report> {
  const dir = await tempDir();
  try {
    const input = join(dir.dir, file);
    await copyFile(join(SAMPLES, file), input);
    let stdout = '';
    const code = await main([input, '--date', expected.referenceDate, '--year', expected.planningYear, '--json'], {
      stdout: (t) => (stdout += t),
      stderr: () => undefined,
      env: {},
    });
    expect(code).toBe(0);
    return ReportSchema.parse(JSON.parse(stdout));
  } finally {
    await dir.cleanup();
  }
}

describe.each(['sample-boor', 'sample-wijzer'])('%s (spec v2)', (name) => {
  const expected = JSON.parse(readFileSync(join(SAMPLES, `${name}.expected.json`), 'utf8')) as Expected;

  it('agrees row by row and on the summary', async () => {
    const r = await report(expected.file, expected);
    for (const want of expected.sheets) {
      const sheet = r.sheets.find((s) => s.name === want.name)!;
      expect(sheet.headerRow).toBe(want.headerRow);
      expect(sheet.people.map((p) => p.row)).toEqual(want.people.map((p) => p.row));
      for (const [i, w] of want.people.entries()) {
        const got = sheet.people[i]!;
        const label = `row ${w.row}`;
        expect({ status: got.status, refresherDue: got.refresherDue, dueSoon: got.dueSoon, normHours: got.normHours, personId: got.personId }, label).toEqual({
          status: w.status,
          refresherDue: w.refresherDue,
          dueSoon: w.dueSoon,
          normHours: w.normHours,
          personId: w.personId,
        });
        expect([...got.roles].sort(), label).toEqual([...w.roles].sort());
        expect(got.findings.map(key).sort(), label).toEqual(w.findings.map(key).sort());
      }
      const schoolKey = (f: { code: string; school: string }) => `${f.code}@${f.school}`;
      expect(sheet.findings.map(schoolKey).sort()).toEqual(want.schoolFindings.map(schoolKey).sort());
    }
    const s = r.summary;
    for (const [training, need] of Object.entries(expected.summary.needs))
      expect(s.needs[training as keyof typeof s.needs], training).toMatchObject(need);
    expect(s.keyFigures).toMatchObject(expected.summary.keyFigures);
    expect(Object.fromEntries(Object.entries(s.roles).map(([role, v]) => [role, v!.count]))).toEqual(expected.summary.roles);
    expect(s.exemptions).toEqual(expected.summary.exemptions);
  });

  it('names the reason of each exemption in its message', async () => {
    const r = await report(expected.file, expected);
    const exemptions = r.sheets.flatMap((sh) => sh.people.flatMap((p) => p.findings.filter((f) => f.code === 'EXEMPTION')));
    expect(exemptions.length).toBe(Object.values(expected.summary.exemptions).reduce((a, b) => a + b, 0));
    for (const f of exemptions) expect(f.message).toMatch(/^Cel [A-Z]+\d+: Vrijgesteld van .+: telt als gevolgd, zonder certificaat\./);
  });
});
