// The check use cases of shared/check.ts: one sheet (the task pane) and whole workbooks (CLI, browser mode)
// are the same steps and give the same result; the API evaluator, the needs body and the status counts
// are one each, used by every host.
import { describe, expect, it } from 'vitest';
import { apiEvaluator } from '../../shared/api/evaluator';
import { needsBody, NeedsPutSchema } from '../../shared/api/needs';
import { checkSheet, checkWorkbook, evaluateRead, inProcessEvaluator, readStaffSheet, TooManyPeople, TOO_MANY_PEOPLE, type Evaluator } from '../../shared/check';
import { MAX_PEOPLE } from '../../shared/model/person';
import { STATUSES } from '../../shared/model/result';
import { bossPoPlan } from '../../shared/plan/bosspo';
import type { Grid } from '../../shared/sheet/types';
import { statusCounts } from '../../shared/summary/status-counts';
import { P, R } from './helpers';

const grid: Grid = [
  ['Personeel'],
  [],
  ['Personeelsnummer', 'Naam', 'Rol', 'School', 'Scholing WPB', 'Certificaat WPB', 'Aantal studenten'],
  [1, 'An de Vries', 'WPB', 'De Linde', 45728, 'ja', 2],
  [2, 'Bo Smit', 'WPB', 'De Linde', null, null, 1],
  [3, 'Cor Jansen', 'SO', 'Het Anker', 'gepland', null, null],
  [4, 'Dirk Ali', null, 'Het Anker', null, null, null],
  [5, 'Eva Bos', 'WPB', 'De Linde', 'onbekend', null, 1],
];
const options = { plan: bossPoPlan, referenceDate: R, planningYear: P } as const;

describe('one check use case', () => {
  it('checking one read sheet gives what checking the workbook gives: evaluation, summary and write plan', async () => {
    const read = readStaffSheet({ name: 'Personeel', grid }, false, { ...options, board: 'BOOR' });
    const sheet = await checkSheet(read, options);
    const book = await checkWorkbook({ file: 'p.xlsx', sheets: [{ name: 'Personeel', grid }], date1904: false }, { ...options, board: 'BOOR' });
    const workbook = book.workbooks[0]!;
    expect(workbook.usable).toBe(true);
    expect(sheet.evaluation).toEqual(workbook.sheets[0]!.evaluation);
    expect(sheet.summary).toEqual(workbook.summary);
    expect(sheet.writePlan).toEqual(workbook.writePlan);
    expect(sheet.evaluation.people.map((p) => p.status)).toEqual(book.report.sheets[0]!.people.map((p) => p.status));
  });

  it('locates every finding in its cell, whichever evaluator answered', async () => {
    const read = readStaffSheet({ name: 'Personeel', grid }, false, { ...options, board: 'BOOR' });
    // An evaluator that answers like the API: no cells (they never leave the workbook side).
    const bare: Evaluator = async (input) => {
      const answer = await inProcessEvaluator(bossPoPlan)(input);
      return { ...answer, people: answer.people.map((p) => ({ ...p, findings: p.findings.map(({ cell: _cell, ...f }) => f) })) };
    };
    const located = await evaluateRead(read, { ...options, evaluate: bare });
    const inProcess = await evaluateRead(read, options);
    expect(located).toEqual(inProcess);
    expect(located.people.flatMap((p) => p.findings).some((f) => typeof f.cell === 'string')).toBe(true);
  });

  it('refuses a sheet over MAX_PEOPLE before anything is evaluated; the workbook check skips it with the message', async () => {
    const big: Grid = [['Personeelsnummer', 'Rol'], ...Array.from({ length: MAX_PEOPLE + 1 }, (_, i) => [i + 1, 'WPB'])];
    const read = readStaffSheet({ name: 'Groot', grid: big }, false, { ...options, board: 'BOOR' });
    let evaluated = 0;
    const counting: Evaluator = async (input) => {
      evaluated++;
      return inProcessEvaluator(bossPoPlan)(input);
    };
    const error = await checkSheet(read, { ...options, evaluate: counting }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyPeople);
    expect((error as TooManyPeople).message).toBe(TOO_MANY_PEOPLE('Groot', MAX_PEOPLE + 1));

    const book = await checkWorkbook({ file: 'g.xlsx', sheets: [{ name: 'Groot', grid: big }], date1904: false }, { ...options, board: 'BOOR', evaluate: counting });
    const w = book.workbooks[0]!;
    expect(w.problems[0]).toBe(TOO_MANY_PEOPLE('Groot', MAX_PEOPLE + 1));
    expect(w.sheets[0]!.read.skipped).toBe(TOO_MANY_PEOPLE('Groot', MAX_PEOPLE + 1));
    expect(w.usable).toBe(false);
    expect(evaluated).toBe(0);
  });

  it('refuses to evaluate a skipped sheet', async () => {
    const read = readStaffSheet({ name: 'Leeg', grid: [['geen kopregel']] }, false, { ...options, board: 'BOOR' });
    expect(read.skipped).not.toBeNull();
    await expect(checkSheet(read, options)).rejects.toThrow(/overgeslagen/);
  });
});

describe('the API evaluator and the needs body', () => {
  it('asks the compact evaluation with canonical people only and takes the school counts from the answer', async () => {
    const read = readStaffSheet({ name: 'Personeel', grid }, false, { ...options, board: 'BOOR' });
    const local = await inProcessEvaluator(bossPoPlan)({ file: '', sheet: 'Personeel', referenceDate: R, planningYear: P, fields: read.fields, people: read.people });
    const requests: unknown[] = [];
    const evaluate = apiEvaluator({
      evaluateCompact: async (request) => {
        requests.push(request);
        return {
          referenceDate: R,
          planningYear: P,
          planVersion: bossPoPlan.version,
          people: local.people,
          findings: local.findings,
          summary: { keyFigures: { schools: 2, schoolsWithTrainedOb: null } },
        } as never;
      },
    });
    const answer = await evaluate({ file: 'p.xlsx', sheet: 'Personeel', referenceDate: R, planningYear: P, fields: read.fields, people: read.people });
    expect(requests).toEqual([{ referenceDate: R, planningYear: P, fields: read.fields, people: read.people }]);
    expect(JSON.stringify(requests)).not.toContain('Vries');
    expect(answer).toEqual({ people: local.people, findings: local.findings, schools: { count: 2, withTrainedOb: 0 } });
  });

  it('sends the summary as the PUT body: needs, key figures, roles, facilitation and exemptions, nothing else', async () => {
    const { summary } = await checkSheet(readStaffSheet({ name: 'Personeel', grid }, false, { ...options, board: 'BOOR' }), options);
    const body = needsBody(summary);
    expect(Object.keys(body).sort()).toEqual(['exemptions', 'facilitation', 'keyFigures', 'needs', 'roles']);
    expect(body.needs).toEqual(summary.needs);
    expect(NeedsPutSchema.parse(body)).toEqual(body);
  });
});

describe('status counts', () => {
  it('counts every status, zero where nobody has it', () => {
    expect(statusCounts([])).toEqual(Object.fromEntries(STATUSES.map((s) => [s, 0])));
    const counts = statusCounts([{ status: 'In orde' }, { status: 'Actie nodig' }, { status: 'In orde' }]);
    expect(counts['In orde']).toBe(2);
    expect(counts['Actie nodig']).toBe(1);
    expect(counts['Niet in orde']).toBe(0);
    expect(Object.keys(counts)).toEqual([...STATUSES]);
  });
});
