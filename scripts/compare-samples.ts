// Dev script (not a test): reads ../shared/samples/*.xlsx with the sheet reader and, when the rules engine
// is present, evaluates them, then compares with the *.expected.json files there and prints the
// agreement: per row status, findings, refresherDue, dueSoon, normHours and roles; the summary's needs,
// key figures, roles, exemptions and perSchool. Run: npx tsx scripts/compare-samples.ts [samples-dir]
// (default ../shared/samples, or ../../shared/samples from a worktree under /work/wt).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bossPoPlan } from '../shared/plan/bosspo';
import type { Person, RuleField } from '../shared/model/person';
import type { SheetEvaluation } from '../shared/model/result';
import type { Plan } from '../shared/plan/schema';
import { readSheet } from '../shared/sheet/read';
import type { SheetRead } from '../shared/sheet/types';
import { nodeCodec } from '../xlsx/codec-node';
import { openWorkbook } from '../xlsx/load';

interface ExpectedFinding {
  code: string;
  training?: string;
  field?: string;
}
interface ExpectedPerson {
  row: number;
  personId: string | null;
  status: string;
  findings: ExpectedFinding[];
  refresherDue: string | null;
  dueSoon?: string | null;
  normHours: number | null;
  roles: string[];
}
interface ExpectedSheet {
  name: string;
  headerRow: number | null;
  fields: string[];
  people: ExpectedPerson[];
  schoolFindings?: { code: string; school: string }[];
}
interface ExpectedSummary {
  needs: Record<string, Record<string, number>>;
  keyFigures: Record<string, number | null>;
  roles: Record<string, number>;
  exemptions?: Record<string, number>;
  perSchool?: PerSchool[] | null;
}
interface PerSchool {
  school: string | null;
  people: number;
  statuses: Record<string, number>;
  needs: Record<string, number | undefined>;
  dueSoon: number;
}
interface Expected {
  file: string;
  referenceDate: string;
  planningYear: string;
  board: string | null;
  sheets: ExpectedSheet[];
  summary?: ExpectedSummary;
}

type Evaluate = (
  plan: Plan,
  input: { fields: readonly RuleField[]; people: readonly Person[] },
  options: { referenceDate: string; planningYear: string },
) => SheetEvaluation;

type Summarize = (
  plan: Plan,
  sheets: readonly { people: readonly Person[]; evaluation: SheetEvaluation }[],
  options: { planningYear: string },
) => {
  needs: Record<string, Record<string, number> | undefined>;
  keyFigures: Record<string, unknown>;
  roles: Record<string, { count: number } | undefined>;
  exemptions?: Record<string, number | undefined>;
  perSchool?: PerSchool[] | null;
};

const dir = resolve(process.argv[2] ?? (existsSync('../shared/samples') ? '../shared/samples' : '../../shared/samples'));
const evaluatePath = resolve('shared/rules/evaluate.ts');
const evaluate: Evaluate | null = existsSync(evaluatePath)
  ? ((await import(pathToFileURL(evaluatePath).href)) as { evaluateSheet: Evaluate }).evaluateSheet
  : null;

/** The fields a sheet has in the expected files' vocabulary: per-role columns count as `roles`, the
 * composed name as `name`; the expected files call the tussenvoegsel `tv`. */
function mappedFields(read: SheetRead): string[] {
  const set = new Set<string>();
  for (const f of Object.values(read.columns)) set.add(f.startsWith('role.') ? 'roles' : f);
  if (set.has('firstName') || set.has('lastName')) set.add('name');
  return [...set].sort();
}
const expectedFields = (fields: string[]) => [...new Set(fields.map((f) => (f === 'tv' ? 'tussenvoegsel' : f)))].sort();

const summarizePath = resolve('shared/summary/summarize.ts');
const summarize: Summarize | null = existsSync(summarizePath)
  ? ((await import(pathToFileURL(summarizePath).href)) as { summarize: Summarize }).summarize
  : null;

const findingKey = (f: ExpectedFinding) => `${f.code}${f.training ? `(${f.training})` : ''}${f.field ? `[${f.field}]` : ''}`;
const sameSet = (a: readonly string[], b: readonly string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

let rowsTotal = 0;
let rowsAgree = 0;
let headerChecks = 0;
let headerAgree = 0;
let otherChecks = 0;
let otherAgree = 0;
const check = (label: string, got: unknown, want: unknown) => {
  otherChecks++;
  const ok = JSON.stringify(got) === JSON.stringify(want);
  if (ok) otherAgree++;
  else console.log(`    ${label}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
};

for (const file of readdirSync(dir).filter((f) => f.endsWith('.expected.json')).sort()) {
  const expected = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Expected;
  const wb = await openWorkbook(new Uint8Array(readFileSync(join(dir, expected.file))), { codec: nodeCodec });
  const date1904 = wb.date1904;
  console.log(`\n# ${basename(expected.file)} (1904: ${date1904}, board: ${expected.board ?? '-'})`);
  const summarized: { people: readonly Person[]; evaluation: SheetEvaluation }[] = [];
  for (const exp of expected.sheets) {
    const ws = wb.sheets.find((s) => s.name === exp.name);
    if (!ws) {
      console.log(`  sheet "${exp.name}": MISSING in workbook`);
      continue;
    }
    const read = readSheet(ws.grid, {
      sheetName: ws.name,
      date1904,
      board: expected.board,
      plan: bossPoPlan,
    });
    const fieldsGot = mappedFields(read);
    const fieldsWant = expectedFields(exp.fields);
    headerChecks += 2;
    const headerOk = read.headerRow === exp.headerRow;
    const fieldsOk = sameSet(fieldsGot, fieldsWant);
    headerAgree += Number(headerOk) + Number(fieldsOk);
    console.log(`  sheet "${exp.name}": headerRow ${read.headerRow} (expected ${exp.headerRow}) ${headerOk ? 'ok' : 'DIFF'}`);
    console.log(`    fields ${fieldsOk ? 'ok' : 'DIFF'}: ${fieldsGot.join(', ')}`);
    if (!fieldsOk) console.log(`    expected:  ${fieldsWant.join(', ')}`);
    for (const r of read.remarks) console.log(`    remark: ${r.message}`);
    for (const p of read.problems) console.log(`    problem: ${p.cell} ${p.field} "${p.raw}"`);
    if (!evaluate) continue;
    const result = evaluate(bossPoPlan, { fields: read.fields, people: read.people }, {
      referenceDate: expected.referenceDate,
      planningYear: expected.planningYear,
    });
    const byRef = new Map(result.people.map((p) => [p.ref, p]));
    for (const want of exp.people) {
      rowsTotal++;
      const got = byRef.get(String(want.row));
      if (!got) {
        console.log(`    row ${want.row}: MISSING`);
        continue;
      }
      const diffs: string[] = [];
      if (got.status !== want.status) diffs.push(`status ${got.status} ≠ ${want.status}`);
      if (got.refresherDue !== want.refresherDue) diffs.push(`refresherDue ${got.refresherDue} ≠ ${want.refresherDue}`);
      if (want.dueSoon !== undefined && got.dueSoon !== want.dueSoon) diffs.push(`dueSoon ${got.dueSoon} ≠ ${want.dueSoon}`);
      if (got.normHours !== want.normHours) diffs.push(`normHours ${got.normHours} ≠ ${want.normHours}`);
      if (!sameSet(got.roles, want.roles)) diffs.push(`roles ${got.roles.join('+')} ≠ ${want.roles.join('+')}`);
      if ((got.personId ?? null) !== (want.personId ?? null)) diffs.push(`personId ${got.personId} ≠ ${want.personId}`);
      // Compare the keys the expected file gives (code, and training/field where it has them).
      const gotKeys = got.findings.map((f) =>
        findingKey({
          code: f.code,
          ...(f.training ? { training: f.training } : {}),
          ...(f.field && want.findings.some((w) => w.code === f.code && w.field) ? { field: f.field } : {}),
        }),
      );
      const wantKeys = want.findings.map(findingKey);
      if (!sameSet(gotKeys, wantKeys)) diffs.push(`findings [${gotKeys.join(', ')}] ≠ [${wantKeys.join(', ')}]`);
      if (diffs.length === 0) rowsAgree++;
      else console.log(`    row ${want.row}: ${diffs.join('; ')}`);
    }
    summarized.push({ people: read.people, evaluation: result });
    if (exp.schoolFindings) {
      const key = (f: { code: string; school: string }) => `${f.code}@${f.school}`;
      check('school findings', result.findings.map(key).sort(), exp.schoolFindings.map(key).sort());
    }
    const extra = result.people.filter((p) => !exp.people.some((w) => String(w.row) === p.ref));
    for (const p of extra) console.log(`    row ${p.ref}: not in the expected file`);
    rowsTotal += extra.length;
  }
  if (summarize && evaluate && expected.summary) {
    const got = summarize(bossPoPlan, summarized, { planningYear: expected.planningYear });
    const want = expected.summary;
    for (const [training, need] of Object.entries(want.needs))
      for (const [k, v] of Object.entries(need)) check(`summary needs.${training}.${k}`, got.needs[training]?.[k] ?? null, v);
    for (const [k, v] of Object.entries(want.keyFigures)) check(`summary keyFigures.${k}`, got.keyFigures[k] ?? null, v);
    const roleCounts = Object.fromEntries(Object.entries(got.roles).map(([r, v]) => [r, v?.count ?? 0]).filter(([, c]) => c !== 0));
    check('summary roles', Object.fromEntries(Object.entries(roleCounts).sort()), Object.fromEntries(Object.entries(want.roles).sort()));
    if (want.exemptions) {
      const sorted = (o: Record<string, number | undefined>) => Object.fromEntries(Object.entries(o).filter(([, n]) => n).sort());
      check('summary exemptions', sorted(got.exemptions ?? {}), sorted(want.exemptions));
    }
    if (want.perSchool !== undefined) {
      // The schools in their order (rules.md §5.4), then each school's figures; key order within needs is free.
      const gotSchools = got.perSchool ?? null;
      check('summary perSchool schools', gotSchools?.map((e) => e.school) ?? null, want.perSchool?.map((e) => e.school) ?? null);
      const entry = (e: PerSchool) => ({ ...e, needs: Object.fromEntries(Object.entries(e.needs).filter(([, n]) => n).sort()) });
      for (const w of want.perSchool ?? []) {
        const g = gotSchools?.find((e) => e.school === w.school);
        check(`summary perSchool[${w.school ?? 'null'}]`, g ? entry(g) : null, entry(w));
      }
    }
  }
}

console.log(`\nheader row + fields: ${headerAgree}/${headerChecks} agree`);
if (evaluate) console.log(`rows: ${rowsAgree}/${rowsTotal} agree`);
else console.log('rows: not compared (shared/rules/evaluate.ts not present yet)');
if (otherChecks > 0) console.log(`school findings and summary figures: ${otherAgree}/${otherChecks} agree`);
