// Check workbooks as Excel would before opening them: every part against the ECMA-376 transitional schemas
// and the rules Excel enforces beyond them. Usage: npx tsx test/support/ooxml/check-package.ts FILE.xlsx ...
// Prints each problem; exits 1 when there is one.
import { readFile } from 'node:fs/promises';
import { excelRuleProblems } from './excel-rules';
import { validatePackage } from './schemas';

export async function packageProblems(bytes: Uint8Array): Promise<string[]> {
  const schema = await validatePackage(bytes);
  return [...schema.problems, ...(await excelRuleProblems(bytes))];
}

async function main(files: string[]): Promise<number> {
  let failed = false;
  for (const file of files) {
    const problems = await packageProblems(new Uint8Array(await readFile(file)));
    console.log(`${file}: ${problems.length === 0 ? 'no problems' : `${problems.length} problem(s)`}`);
    for (const p of problems) console.log(`  ${p}`);
    failed ||= problems.length > 0;
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
