// The fixture list of test/fixtures/other-writers matches the folder and the packages' own sheet lists.
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { XlsxPackage } from '../../xlsx/package';
import { readWorkbookParts } from '../../xlsx/parts';
import { fixtureBytes, OTHER_WRITER_FIXTURES, OTHER_WRITERS_DIR } from '../fixtures/other-writers';

describe('fixtures from other writers', () => {
  it('lists every workbook in the folder, once', async () => {
    const files = (await readdir(OTHER_WRITERS_DIR)).filter((f) => /\.xls[xm]$/.test(f)).sort();
    expect(OTHER_WRITER_FIXTURES.map((f) => f.file).sort()).toEqual(files);
  });

  it.each(OTHER_WRITER_FIXTURES.map((f) => [f.file, f] as const))('%s: the sheets listed are the workbook\'s', async (file, fixture) => {
    const parts = await readWorkbookParts(XlsxPackage.open(await fixtureBytes(file)));
    expect(parts.sheets.map((s) => s.name)).toEqual(fixture.sheets);
    expect(fixture.sheets).toContain(fixture.staffSheet);
  });
});
