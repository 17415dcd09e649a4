// The offline package check (test/support/ooxml) finds what Excel would repair: each rule is shown to fire on
// a workbook broken in that one way, and to stay quiet on the same workbook unbroken.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../fixtures/other-writers';
import { bytesOf, richStaffWorkbook } from '../fixtures/workbooks';
import { excelRuleProblems } from '../support/ooxml/excel-rules';
import { validatePackage } from '../support/ooxml/schemas';

/** The fixture with one part changed by `edit` (a part edited to null is removed). */
async function broken(file: string, part: string, edit: (xml: string) => string | null): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await fixtureBytes(file));
  const xml = await zip.file(part)!.async('string');
  const next = edit(xml);
  if (next === null) zip.remove(part);
  else {
    expect(next, `the edit of ${part} changes it`).not.toBe(xml);
    zip.file(part, next);
  }
  return zip.generateAsync({ type: 'uint8array' });
}

describe('schema check', () => {
  it('passes a workbook with Markup Compatibility content (exceljs: mc:Ignorable, x14ac attributes)', async () => {
    const report = await validatePackage(await fixtureBytes('exceljs-staff.xlsx'));
    expect(report.problems).toEqual([]);
    expect(report.validated).toEqual(expect.arrayContaining(['xl/worksheets/sheet1.xml', 'xl/tables/table1.xml', 'xl/styles.xml', '[Content_Types].xml', 'xl/_rels/workbook.xml.rels']));
  });

  it('resolves mc:AlternateContent to its fallback before validating', async () => {
    const bytes = await broken('exceljs-staff.xlsx', 'xl/worksheets/sheet2.xml', (x) =>
      x.replace(
        '<sheetData>',
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" Requires="x14"><x14:future/></mc:Choice><mc:Fallback></mc:Fallback></mc:AlternateContent><sheetData>',
      ),
    );
    expect((await validatePackage(bytes)).problems).toEqual([]);
  });

  it('rejects a worksheet element out of schema order', async () => {
    const bytes = await broken('libreoffice-staff.xlsx', 'xl/worksheets/sheet1.xml', (x) => {
      const dv = /<dataValidations[\s\S]*?<\/dataValidations>/.exec(x)![0];
      return x.replace(dv, '').replace('<sheetData>', `${dv}<sheetData>`);
    });
    expect((await validatePackage(bytes)).problems.join('\n')).toMatch(/xl\/worksheets\/sheet1\.xml \(sml\.xsd\).*dataValidations/);
  });

  it('rejects a prefix used where it is not declared', async () => {
    const bytes = await broken('openpyxl-col-style.xlsx', 'xl/workbook.xml', (x) => x.replace(/<sheet xmlns:r="[^"]+" /, '<sheet '));
    expect((await validatePackage(bytes)).problems.join('\n')).toMatch(/xl\/workbook\.xml: not namespace-well-formed XML: .*unbound namespace prefix: "r"/);
    expect((await excelRuleProblems(bytes)).join('\n')).toMatch(/xl\/workbook\.xml: not namespace-well-formed/);
  });
});

describe('Excel rules beyond the schemas', () => {
  const expectProblem = async (bytes: Uint8Array, pattern: RegExp) => expect((await excelRuleProblems(bytes)).join('\n')).toMatch(pattern);

  it.each(['exceljs-staff.xlsx', 'libreoffice-staff.xlsx', 'openpyxl-col-style.xlsx', 'excel-calcchain.xlsx'])('finds nothing in %s as made', async (file) => {
    expect(await excelRuleProblems(await fixtureBytes(file))).toEqual([]);
  });

  it('a cell style beyond cellXfs', async () => {
    await expectProblem(await broken('exceljs-staff.xlsx', 'xl/worksheets/sheet1.xml', (x) => x.replace('<c r="A3"', '<c r="A3" s="999"')), /cell A3 s=999 but only \d+ cell styles/);
  });

  it('a conditional format with a dxf that does not exist', async () => {
    await expectProblem(await broken('openpyxl-col-style.xlsx', 'xl/worksheets/sheet1.xml', (x) => x.replace('dxfId="0"', 'dxfId="7"')), /dxfId=7 but only 1 dxfs/);
  });

  it('a table column name that is not its header cell', async () => {
    await expectProblem(await broken('exceljs-staff.xlsx', 'xl/tables/table1.xml', (x) => x.replace('name="Rol"', 'name="Functie"')), /column 'Functie' but header cell C2 holds 'Rol'/);
  });

  it('a relationship to a part that is not there, and a part without content type', async () => {
    const bytes = await broken('exceljs-staff.xlsx', 'xl/tables/table1.xml', () => null);
    await expectProblem(bytes, /xl\/worksheets\/sheet1\.xml: relationship rId\d+ points at xl\/tables\/table1\.xml, which is not in the package/);
    await expectProblem(bytes, /override for \/xl\/tables\/table1\.xml, which is not in the package/);
    const untyped = await broken('libreoffice-staff.xlsx', '[Content_Types].xml', (x) => x.replace(/<Default Extension="vml"[^>]*\/>|<Override PartName="\/xl\/drawings\/vmlDrawing1\.vml"[^>]*\/>/g, ''));
    await expectProblem(untyped, /no content type for xl\/drawings\/vmlDrawing1\.vml/);
    const mistyped = await broken('openpyxl-col-style.xlsx', '[Content_Types].xml', (x) => x.replace(/<Override PartName="\/xl\/styles\.xml"[^>]*\/>/, ''));
    await expectProblem(mistyped, /wants xl\/styles\.xml to be application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.styles\+xml, not application\/xml/);
  });

  it('an r:id without relationship', async () => {
    await expectProblem(await broken('libreoffice-staff.xlsx', 'xl/worksheets/sheet1.xml', (x) => x.replace('<drawing r:id="rId2"/>', '<drawing r:id="rId9"/>')), /drawing\/@r:id=rId9 has no relationship/);
  });

  it('sheet names equal ignoring case', async () => {
    await expectProblem(await broken('exceljs-staff.xlsx', 'xl/workbook.xml', (x) => x.replace('name="Berekening"', 'name="PERSONEEL"')), /sheet names 'Personeel' and 'PERSONEEL' are the same ignoring case/);
  });

  it('a calcChain entry for a cell without formula', async () => {
    await expectProblem(await broken('excel-calcchain.xlsx', 'xl/calcChain.xml', (x) => x.replace('<c r="B3" i="2"/>', '<c r="A3" i="2"/>')), /entry Scholingsbehoefte 2026-2027!A3 is not a formula cell/);
  });

  it('a chart cache that does not match its range or the cells', async () => {
    await expectProblem(await broken('libreoffice-staff.xlsx', 'xl/charts/chart1.xml', (x) => x.replace('<c:ptCount val="5"/><c:pt idx="0"><c:v>40</c:v>', '<c:ptCount val="4"/><c:pt idx="0"><c:v>40</c:v>')), /has ptCount 4 for 5 cells/);
    await expectProblem(await broken('libreoffice-staff.xlsx', 'xl/charts/chart1.xml', (x) => x.replace('<c:v>160</c:v>', '<c:v>161</c:v>')), /point 2 is '161' but the cell holds '160'/);
  });

  it('a cell using a shared formula whose master is gone', async () => {
    const zip = await JSZip.loadAsync(await bytesOf(richStaffWorkbook()));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(await excelRuleProblems(await zip.generateAsync({ type: 'uint8array' }))).toEqual([]);
    zip.file('xl/worksheets/sheet1.xml', sheet.replace(/<c r="H4"[^>]*>.*?<\/c>/, ''));
    await expectProblem(await zip.generateAsync({ type: 'uint8array' }), /cell H5 uses shared formula 0, which has no master cell/);
  });

  it('merged ranges that overlap, and column ranges that overlap', async () => {
    await expectProblem(await broken('libreoffice-staff.xlsx', 'xl/worksheets/sheet1.xml', (x) => x.replace('<mergeCells count="1"><mergeCell ref="A1:D1"/>', '<mergeCells count="2"><mergeCell ref="A1:D1"/><mergeCell ref="C1:E2"/>')), /merged ranges A1:D1 and C1:E2 overlap/);
    await expectProblem(await broken('openpyxl-col-style.xlsx', 'xl/worksheets/sheet1.xml', (x) => x.replace('<cols>', '<cols><col min="2" max="10" width="5" customWidth="1"/>')), /<col min="9"> overlaps/);
  });
});
