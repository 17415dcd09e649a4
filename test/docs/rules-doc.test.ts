// docs/rules.md is the newcomer's way from a plan § to a rule file and its test: it must name every
// finding code of the model, every assumption of the plan with its value, and only files that exist.
// The rules list (RULES, SHEET_RULES) is the code's side of the same table: each finding code belongs to
// exactly one rule, and the page names that rule's file, plan § and severity.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES, SCHOOL_FINDING_CODES, type FindingCode } from '../../shared/model/result';
import { bossPoPlan } from '../../shared/plan/bosspo';
import type { Param } from '../../shared/plan/schema';
import { RULES, SHEET_RULES } from '../../shared/rules/evaluate';
import { SEVERITY } from '../../shared/rules/finding';

const root = fileURLToPath(new URL('../../', import.meta.url));
const doc = readFileSync(`${root}docs/rules.md`, 'utf8');

/** Every Param of the plan, wherever it sits in the plan's tree. */
function params(node: unknown, out: Param[] = []): Param[] {
  if (Array.isArray(node)) for (const item of node) params(item, out);
  else if (node !== null && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.value === 'number' && typeof o.assumption === 'boolean' && typeof o.label === 'string') out.push(o as unknown as Param);
    else for (const v of Object.values(o)) params(v, out);
  }
  return out;
}

describe('docs/rules.md', () => {
  it('has a row for every finding code, each naming its rule file', () => {
    for (const code of [...FINDING_CODES, ...SCHOOL_FINDING_CODES]) {
      const row = doc.split('\n').find((line) => line.startsWith(`| ${code} |`));
      expect(row, `row for ${code}`).toBeDefined();
      expect(row, `rule file for ${code}`).toMatch(/`shared\/rules\/[a-z-]+\.ts`/);
    }
  });

  it('lists every assumption of the plan with its value', () => {
    const assumed = params(bossPoPlan).filter((p) => p.assumption);
    expect(assumed.length).toBeGreaterThan(0);
    for (const p of assumed) expect(doc, p.label).toContain(`| ${p.label} | ${p.value} |`);
  });

  it('names only files that exist', () => {
    const named = [...doc.matchAll(/`((?:shared|test|xlsx|addin|functions|cli)\/[\w./-]+\.tsx?)`/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(10);
    for (const file of named) expect(existsSync(`${root}${file}`), file).toBe(true);
  });
});

/** The page's table row of a finding code, split into its cells: code, severity, plan §, what, rule file, tests. */
function row(code: string): string[] {
  const line = doc.split('\n').find((l) => l.startsWith(`| ${code} |`));
  expect(line, `row for ${code}`).toBeDefined();
  return line!.split(' | ').map((cell) => cell.replace(/^\| /, '').trim());
}

const ALL_RULES = [...RULES, ...SHEET_RULES];

describe('the rules list', () => {
  it('gives every finding code to exactly one rule', () => {
    const owners = new Map<string, string[]>();
    for (const rule of ALL_RULES) for (const code of rule.codes) owners.set(code, [...(owners.get(code) ?? []), rule.name]);
    for (const code of [...FINDING_CODES, ...SCHOOL_FINDING_CODES]) expect(owners.get(code), code).toHaveLength(1);
    expect([...owners.keys()].sort()).toEqual([...FINDING_CODES, ...SCHOOL_FINDING_CODES].sort());
  });

  it('names rules once each', () => {
    expect(new Set(ALL_RULES.map((r) => r.name)).size).toBe(ALL_RULES.length);
  });

  it('agrees with docs/rules.md: the row of each code names the rule\'s file, its plan § and the code\'s severity', async () => {
    for (const rule of ALL_RULES) {
      for (const code of rule.codes) {
        const [, severity, planSection, , file] = row(code);
        const path = /`(shared\/rules\/[a-z-]+\.ts)`/.exec(file ?? '')?.[1];
        expect(path, `rule file for ${code}`).toBeDefined();
        const module = (await import(pathToFileURL(`${root}${path}`).href)) as Record<string, unknown>;
        expect(Object.values(module), `${path} holds the ${rule.name} rule (${code})`).toContain(rule.apply);
        if (rule.plan === null) expect(planSection, code).toBe('—');
        else expect(planSection === rule.plan || planSection!.startsWith(`${rule.plan} `), `${code}: ${planSection} vs ${rule.plan}`).toBe(true);
        if (code in SEVERITY) expect(severity!.startsWith(SEVERITY[code as FindingCode]), `${code}: ${severity}`).toBe(true);
      }
    }
  });
});

describe('docs/architecture.md', () => {
  it('names only files and folders that exist', () => {
    const page = readFileSync(`${root}docs/architecture.md`, 'utf8');
    const named = [...page.matchAll(/`((?:shared|test|xlsx|addin|functions|cli|infra|scripts)\/[\w./-]*|azure\.yaml|eslint\.config\.js)`/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(20);
    for (const path of named) expect(existsSync(`${root}${path}`), path).toBe(true);
  });
});
