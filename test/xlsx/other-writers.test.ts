// The writer on workbooks from other writers (test/fixtures/other-writers): every output part is valid
// against the ECMA-376 transitional schemas, passes the rules Excel enforces beyond them, reopens with the
// project's reader with the owned columns where they were written, and a rerun gives the same bytes.
// Then one test per defect those workbooks showed.
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../shared/check';
import { columnIndex } from '../../shared/sheet/address';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { isProductSheet } from '../../shared/sheet/synonyms';
import { OWNED_HEADERS } from '../../shared/sheet/owned-columns';
import { openWorkbook } from '../../xlsx/load';
import { writeWorkbook } from '../../xlsx/write';
import { fixtureBytes, OTHER_WRITER_FIXTURES, type OtherWriterFixture } from '../fixtures/other-writers';
import { excelRuleProblems } from '../support/ooxml/excel-rules';
import { validatePackage } from '../support/ooxml/schemas';
import { readPackage, relsPathOf } from '../support/ooxml/package';
import { attr, descendants, parseXml } from '../support/ooxml/xml-tree';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const OPTIONS = { plan: bossPoPlan, referenceDate: '2026-11-28', planningYear: '2026-2027' } as const;
const SUMMARY = 'Scholingsbehoefte 2026-2027';

async function checkBytes(bytes: Uint8Array, file = 'werkmap.xlsx') {
  const wb = await openWorkbook(bytes);
  const result = await checkWorkbook({ file, sheets: wb.sheets, date1904: wb.date1904 }, OPTIONS);
  const plan = result.workbooks[0]!.writePlan;
  if (!plan) throw new Error('nothing to write');
  return { out: await writeWorkbook(wb, plan), plan };
}

async function partsOf(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out[name] = await f.async('string');
  return out;
}

/** The value at an A1 address of a grid. */
const cellAt = (grid: readonly (readonly unknown[])[], ref: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return grid[Number(m[2]) - 1]?.[columnIndex(m[1]!)! - 1] ?? null;
};

describe.each(OTHER_WRITER_FIXTURES.map((f) => [f.file, f] as const))('%s through the writer', (file, fixture: OtherWriterFixture) => {
  let before: Uint8Array;
  let after: Uint8Array;
  let reports: string[];

  beforeAll(async () => {
    before = await fixtureBytes(file);
    const written = await checkBytes(before, file);
    after = written.out;
    // The summary always; the Per school sheet when a staff sheet has a school column (rules.md §5.4).
    reports = written.plan.reportSheets.map((r) => r.name);
  });

  it('every part is valid against the ECMA-376 transitional schemas', async () => {
    const report = await validatePackage(after);
    expect(report.problems).toEqual([]);
    expect(report.validated).toContain('[Content_Types].xml');
  });

  it('passes the rules Excel enforces beyond the schemas', async () => {
    expect(await excelRuleProblems(after)).toEqual([]);
  });

  it('reopens with the project reader: the owned columns in the header row, every user cell as it was', async () => {
    const wb = await openWorkbook(after);
    const original = await openWorkbook(before);
    const staff = wb.sheets.find((s) => s.name === fixture.staffSheet)!;
    const headerRow = staff.grid[fixture.headerRow - 1] ?? [];
    const ownedColumns = headerRow.flatMap((c, i) => ((OWNED_HEADERS as readonly unknown[]).includes(c) ? [i] : []));
    expect(ownedColumns.map((i) => headerRow[i])).toEqual([...OWNED_HEADERS]);
    for (const sheet of original.sheets) {
      if (isProductSheet(sheet.name)) continue;
      const out = wb.sheets.find((s) => s.name === sheet.name)!.grid;
      const skip = (c: number) => sheet.name === fixture.staffSheet && ownedColumns.includes(c);
      const rows = Math.max(sheet.grid.length, out.length);
      for (let r = 0; r < rows; r++) {
        const width = Math.max(sheet.grid[r]?.length ?? 0, out[r]?.length ?? 0);
        for (let c = 0; c < width; c++) if (!skip(c)) expect(out[r]?.[c] ?? null, `${sheet.name} row ${r + 1} column ${c + 1}`).toEqual(sheet.grid[r]?.[c] ?? null);
      }
    }
    expect(reports[0]).toBe(SUMMARY);
    expect(wb.sheets.filter((s) => isProductSheet(s.name)).map((s) => s.name)).toEqual(reports);
  });

  it('an XML diff: every part the product does not own is the same byte for byte, and so is every user cell of the staff sheet', async () => {
    const a = await partsOf(before);
    const b = await partsOf(after);
    const pkg = await readPackage(before);
    const office = pkg.relationships('').find((r) => r.type.endsWith('/officeDocument'))!.target;
    const wbRels = pkg.relationships(office);
    const workbook = parseXml(a[pkg.find(office)!]!);
    const sheetPath = (name: string) => {
      const el = descendants(workbook, 'sheet').find((e) => attr(e, 'name') === name)!;
      return pkg.find(wbRels.find((r) => r.id === attr(el, 'id', REL_NS))!.target)!;
    };
    // Ours: the staff sheet, the workbook's parts that list sheets, styles and parts, the staff sheet's tables,
    // and the product's own sheets with everything they alone refer to.
    const staff = sheetPath(fixture.staffSheet);
    const owned = new Set([staff, pkg.find(office)!, relsPathOf(pkg.find(office)!), '[Content_Types].xml']);
    for (const r of wbRels) if (/\/(styles|calcChain)$/.test(r.type)) owned.add(pkg.find(r.target) ?? r.target);
    for (const r of pkg.relationships(staff)) if (r.type.endsWith('/table')) owned.add(pkg.find(r.target)!);
    const queue = fixture.sheets.filter(isProductSheet).map(sheetPath);
    while (queue.length) {
      const part = queue.pop()!;
      owned.add(part);
      owned.add(relsPathOf(part));
      for (const r of pkg.relationships(part)) if (!r.external && pkg.find(r.target) && !owned.has(pkg.find(r.target)!)) queue.push(pkg.find(r.target)!);
    }
    for (const [name, text] of Object.entries(a)) if (!owned.has(name)) expect(b[name], name).toBe(text);
    // The staff sheet: each cell of the user's, outside the owned columns, exactly as it was written.
    const ownedColumns = new Set((await checkBytes(before, file)).plan.sheets.flatMap((w) => w.columns.map((c) => c.letter)));
    const cells = (xml: string) => [...xml.matchAll(/<(?:\w+:)?c\b[^>]*?\br="([A-Z]+)(\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?c>)/g)];
    const outCells = new Set(cells(b[staff]!).map((m) => m[0]));
    const userCells = cells(a[staff]!).filter((m) => !ownedColumns.has(m[1]!));
    expect(userCells.length).toBeGreaterThan(fixture.people);
    for (const m of userCells) expect(outCells.has(m[0]), `${m[1]}${m[2]}: ${m[0]}`).toBe(true);
  });

  it('a rerun on its own output gives the same bytes', async () => {
    const again = (await checkBytes(after, file)).out;
    expect(Buffer.from(again).equals(Buffer.from(after))).toBe(true);
  });
});

describe('defects seen on workbooks from other writers', () => {
  it('openpyxl declares xmlns:r on each <sheet>: the added summary sheet declares it too, so workbook.xml stays namespace-well-formed', async () => {
    const { out } = await checkBytes(await fixtureBytes('openpyxl-merged-header.xlsx'));
    const workbook = (await partsOf(out))['xl/workbook.xml']!;
    expect(() => parseXml(workbook)).not.toThrow();
    expect(workbook).toMatch(/<sheet xmlns:r="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships" name="Scholingsbehoefte 2026-2027" sheetId="2" r:id="rId\d+"\/>/);
  });

  it('a formula of the user on the replaced summary sheet leaves no stale calcChain entry', async () => {
    const before = await partsOf(await fixtureBytes('excel-calcchain.xlsx'));
    expect(before['xl/calcChain.xml']).toContain('<c r="B3" i="2"/>');
    const { out } = await checkBytes(await fixtureBytes('excel-calcchain.xlsx'));
    const after = await partsOf(out);
    expect(after['xl/calcChain.xml']).toBeUndefined();
    expect(after['xl/_rels/workbook.xml.rels']).not.toMatch(/calcChain/);
    expect(after['[Content_Types].xml']).not.toMatch(/calcChain/);
    // The user's formula on the staff sheet stays, with its cached value; Excel rebuilds the chain.
    expect(after['xl/worksheets/sheet1.xml']).toContain('<c r="F8"><f>SUM(F2:F6)</f><v>3</v></c>');
  });

  it('a sheet "scholingsbehoefte 2026-2027" is the summary sheet to Excel: it is replaced, not joined by a second one', async () => {
    const { out } = await checkBytes(await fixtureBytes('openpyxl-lowercase-summary.xlsx'));
    const wb = await openWorkbook(out);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Personeel', SUMMARY]);
    expect(cellAt(wb.sheets[1]!.grid, 'A1')).toBe(SUMMARY);
  });

  it('after a LibreOffice re-save, the replaced summary sheet\u2019s drawing leaves no content-type override of its .rels part behind', async () => {
    const before = await partsOf(await fixtureBytes('libreoffice-summary-chart.xlsx'));
    expect(before['[Content_Types].xml']).toContain('PartName="/xl/drawings/_rels/drawing1.xml.rels"');
    const { out } = await checkBytes(await fixtureBytes('libreoffice-summary-chart.xlsx'));
    const after = await partsOf(out);
    const overrides = [...after['[Content_Types].xml']!.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]!);
    expect(overrides.filter((p) => !(p in after))).toEqual([]);
  });

  it('a header merged to the right (I2:K2): the owned columns go right of the merge, and the next run finds them there', async () => {
    const { out, plan } = await checkBytes(await fixtureBytes('openpyxl-merged-header.xlsx'));
    expect(plan.sheets[0]!.columns.map((c) => `${c.letter}:${c.header}`)).toEqual(['L:OS-status', 'M:Acties', 'N:Opfrissen vóór', 'O:Normuren', 'P:Toelichting']);
    const again = await checkBytes(out);
    expect(again.plan.sheets[0]!.columns.map((c) => `${c.letter}:${c.existing}`)).toEqual(['L:true', 'M:true', 'N:true', 'O:true', 'P:true']);
  });

  describe('formatting the user put on the columns the product takes (openpyxl-col-style.xlsx)', () => {
    let before: Record<string, string>;
    let after: Record<string, string>;
    const xfs = (styles: string) => [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g))].map((m) => m[0]);
    const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
    const cell = (sheet: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(sheet)?.[0];

    beforeAll(async () => {
      const bytes = await fixtureBytes('openpyxl-col-style.xlsx');
      before = await partsOf(bytes);
      after = await partsOf((await checkBytes(bytes)).out);
    });

    it('the <col min="9" max="16384" style> range is split around the owned columns, each keeping its style', () => {
      expect(before['xl/worksheets/sheet1.xml']).toContain('<cols><col width="13" customWidth="1" style="1" min="9" max="16384"/></cols>');
      const cols = /<cols>([\s\S]*?)<\/cols>/.exec(after['xl/worksheets/sheet1.xml']!)![1]!;
      const ranges = [...cols.matchAll(/<col\b[^>]*\/>/g)].map((m) => `${attr(m[0], 'min')}-${attr(m[0], 'max')}:${attr(m[0], 'style')}`);
      expect(ranges).toEqual(['9-9:1', '10-10:1', '11-11:1', '12-12:1', '13-13:1', '14-16384:1']);
    });

    it('cells formatted ahead keep their fill: a value gets our number format on the user\u2019s style, an empty one stays as it was', () => {
      const sheet = after['xl/worksheets/sheet1.xml']!;
      const styles = xfs(after['xl/styles.xml']!);
      const userXf = xfs(before['xl/styles.xml']!)[Number(attr(cell(before['xl/worksheets/sheet1.xml']!, 'I3')!, 's'))]!;
      // I3: OS-status "In orde" (text), K3: Opfrissen vóór (a date), L3: Normuren (a number).
      for (const [ref, numFmt] of [['I3', '49'], ['K3', undefined], ['L3', undefined]] as const) {
        const xf = styles[Number(attr(cell(sheet, ref)!, 's'))]!;
        expect(attr(xf, 'fillId'), ref).toBe(attr(userXf, 'fillId'));
        if (numFmt) expect(attr(xf, 'numFmtId'), ref).toBe(numFmt);
      }
      // J3: no action for a person "In orde": the empty cell keeps the user's format.
      expect(cell(sheet, 'J3')).toBe(cell(before['xl/worksheets/sheet1.xml']!, 'J3')!.replace(' t="n"></c>', '/>'));
    });

    it('the user\u2019s own conditional format "In orde" on E3:E6 stays; ours is on the status column', () => {
      const block = /<conditionalFormatting sqref="E3:E6">[\s\S]*?<\/conditionalFormatting>/.exec(before['xl/worksheets/sheet1.xml']!)![0];
      expect(after['xl/worksheets/sheet1.xml']).toContain(block);
      expect(after['xl/worksheets/sheet1.xml']).toMatch(/<conditionalFormatting sqref="I3:I6"><cfRule type="cellIs" dxfId="\d+" priority="2" operator="equal"><formula>&quot;Niet in orde&quot;<\/formula>/);
    });
  });
});
