// docs/rules.md is the newcomer's way from a plan § to a rule file and its test: it must name every
// finding code of the model, every assumption of the plan with its value, and only files that exist.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES, SCHOOL_FINDING_CODES } from '../../shared/model/result';
import { bossPoPlan } from '../../shared/plan/bosspo';
import type { Param } from '../../shared/plan/schema';

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

describe('docs/architecture.md', () => {
  it('names only files and folders that exist', () => {
    const page = readFileSync(`${root}docs/architecture.md`, 'utf8');
    const named = [...page.matchAll(/`((?:shared|test|xlsx|addin|functions|cli|infra|scripts)\/[\w./-]*|azure\.yaml|eslint\.config\.js)`/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(20);
    for (const path of named) expect(existsSync(`${root}${path}`), path).toBe(true);
  });
});
