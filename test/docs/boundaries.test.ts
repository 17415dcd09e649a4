// The rooms' boundaries (docs/architecture.md) are ESLint rules; this proves they fire, so a green
// `npm run lint` means something.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${cwd}${file}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import boundaries', () => {
  it.each([
    ['shared/rules/x.ts', 'no Node built-ins', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n"],
    ['shared/api/x.ts', 'Azure belongs to functions/', "import { TableClient } from '@azure/data-tables';\nexport const t = TableClient;\n"],
    ['shared/sheet/x.ts', 'UI belongs to addin/', "import { useState } from 'react';\nexport const s = useState;\n"],
    ['shared/sheet/x.ts', 'imports nothing outside shared/', "import { openWorkbook } from '../../xlsx/load';\nexport const o = openWorkbook;\n"],
    ['shared/report/x.ts', 'imports nothing outside shared/', "import { writeWorkbook } from '../../xlsx/write';\nexport const w = writeWorkbook;\n"],
    ['shared/sheet/x.ts', 'shared/sheet/ reads staff sheets', "import { planWrite } from '../report/write';\nexport const p = planWrite;\n"],
    ['shared/sheet/x.ts', 'shared/sheet/ reads staff sheets', "import { needsFromCounts } from '../summary/needs';\nexport const n = needsFromCounts;\n"],
    ['shared/summary/x.ts', 'shared/summary/ is arithmetic', "import { demandSheet } from '../report/trainer-demand-sheet';\nexport const d = demandSheet;\n"],
    ['shared/summary/x.ts', 'Only the types of shared/api/', "import { NeedsGetResponseSchema } from '../api/needs';\nexport const s = NeedsGetResponseSchema;\n"],
    ['shared/report/x.ts', 'shared/report/ lays out report sheets', "import { uploadAttendance } from '../register/attendance-upload';\nexport const u = uploadAttendance;\n"],
    ['shared/x.ts', 'host globals', 'export const w = window.location.href;\n'],
    ['shared/x.ts', 'host globals', "export const b = Buffer.from('a');\n"],
    ['functions/src/handlers/x.ts', 'functions/ (the API) depends only on shared/', "import { openWorkbook } from '../../../xlsx/load';\nexport const o = openWorkbook;\n"],
    ['xlsx/x.ts', 'xlsx/ (workbook files', "import { main } from '../cli/check';\nexport const m = main;\n"],
    ['cli/x.ts', 'cli/ depends on shared/ and xlsx/ only', "import { routes } from '../functions/src/routes';\nexport const r = routes;\n"],
    ['addin/src/excel/x.ts', 'addin/ depends on shared/ and xlsx/', "import { routes } from '../../../functions/src/routes';\nexport const r = routes;\n"],
  ])('%s: refused (%s)', async (file, why, code) => {
    const found = await problems(file, code);
    expect(found.join('\n')).toContain(why);
  });

  it.each([
    ['shared/rules/x.ts', "import { z } from 'zod';\nimport { addYears } from '../calendar/dates';\nexport const a = [z, addYears];\n"],
    ['shared/report/x.ts', "import type { NeedsGetResponse } from '../api/needs';\nimport { needsFromCounts } from '../summary/needs';\nimport { a1 } from '../sheet/address';\nexport type N = NeedsGetResponse;\nexport const a = [needsFromCounts, a1];\n"],
    ['cli/x.ts', "import { openWorkbook } from '../xlsx/load';\nimport { readFileSync } from 'node:fs';\nexport const a = [openWorkbook, readFileSync];\n"],
    ['addin/src/browser/x.ts', "import { openWorkbook } from '../../../xlsx/load';\nexport const a = [openWorkbook, window];\n"],
  ])('%s: imports within the boundaries pass', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
