// The command line and browser mode on the workbooks other writers made (test/fixtures/other-writers): the
// same check as test/xlsx/other-writers.test.ts, but through the entry points users run, which open the file
// and hand its sheets on themselves. A header merged over I2:K2 once lost its merged ranges on that way, so
// the owned columns were written into J and K, hidden under the merge, and a rerun added them again.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../addin/src/browser/check-file';
import { main } from '../../cli/check';
import { OWNED_HEADERS } from '../../shared/sheet/owned-columns';
import { openWorkbook } from '../../xlsx/load';
import { nodeCodec } from '../../xlsx/codec-node';
import { fixtureBytes, OTHER_WRITER_FIXTURES } from '../fixtures/other-writers';
import { tempDir } from '../fixtures/workbooks';

const DATE = ['--date', '2026-11-28'];
const quiet = { stdout: () => undefined, stderr: () => undefined, env: {} };

let dir: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await dir?.cleanup();
});

/** The header row of the staff sheet in `bytes`, as the reader gives it: column letter → text. */
async function headerRow(bytes: Uint8Array, sheet: string, row: number): Promise<Record<string, unknown>> {
  const opened = await openWorkbook(bytes, { codec: nodeCodec });
  const grid = opened.sheets.find((s) => s.name === sheet)!.grid;
  const out: Record<string, unknown> = {};
  (grid[row - 1] ?? []).forEach((v, c) => {
    if (v !== null && v !== undefined && v !== '') out[String.fromCharCode(65 + c)] = v;
  });
  return out;
}

describe('npm run check on workbooks from other writers', () => {
  for (const fixture of OTHER_WRITER_FIXTURES) {
    it(`${fixture.file}: checked, and a rerun on its own output gives the same bytes`, async () => {
      const input = join(dir.dir, fixture.file);
      await writeFile(input, await fixtureBytes(fixture.file));
      const first = join(dir.dir, `1-${fixture.file}`);
      const second = join(dir.dir, `2-${fixture.file}`);
      expect(await main([input, ...DATE, '--out', first], quiet)).toBe(0);
      expect(await main([first, ...DATE, '--out', second], quiet)).toBe(0);
      expect(Buffer.compare(await readFile(first), await readFile(second))).toBe(0);
    });
  }

  it('a header merged over I2:K2: the owned columns go right of the merge (L–P), not under it', async () => {
    const input = join(dir.dir, 'merged.xlsx');
    await writeFile(input, await fixtureBytes('openpyxl-merged-header.xlsx'));
    const out = join(dir.dir, 'merged-out.xlsx');
    expect(await main([input, ...DATE, '--out', out], quiet)).toBe(0);
    const headers = await headerRow(await readFile(out), 'Personeel', 2);
    expect(headers['J']).toBeUndefined();
    expect(headers['K']).toBeUndefined();
    expect(['L', 'M', 'N', 'O', 'P'].map((c) => headers[c])).toEqual([...OWNED_HEADERS]);
  });
});

describe('browser mode on the merged header', () => {
  it('the owned columns go right of the merge (L–P), and a rerun on the download gives the same bytes', async () => {
    const options = { referenceDate: '2026-11-28', planningYear: '2026-2027', board: null } as const;
    const first = await checkFile({ name: 'merged.xlsx', bytes: await fixtureBytes('openpyxl-merged-header.xlsx') }, options);
    const headers = await headerRow(first.output, 'Personeel', 2);
    expect(headers['J']).toBeUndefined();
    expect(['L', 'M', 'N', 'O', 'P'].map((c) => headers[c])).toEqual([...OWNED_HEADERS]);
    const again = await checkFile({ name: 'merged.xlsx', bytes: first.output }, options);
    expect(Buffer.compare(Buffer.from(again.output), Buffer.from(first.output))).toBe(0);
  });
});
