// A new workbook with one empty worksheet: the package the report commands patch (the writer only ever
// patches an existing package). The least a workbook needs (ECMA-376 Part 1, §12.2): content types, the
// package relationship to the workbook, the workbook with its sheet list, its relationships, the sheet.
import { fflateCodec, type Codec } from './codec';
import { DEFLATED, FIXED_DOS_DATE, FIXED_DOS_TIME, writeZip } from './zip';
import { escapeXml } from './xml';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

export function blankWorkbook(sheetName: string, codec: Codec = fflateCodec): Uint8Array {
  const parts: [string, string][] = [
    [
      '[Content_Types].xml',
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/></Types>`,
    ],
    ['_rels/.rels', `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      'xl/workbook.xml',
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    ['xl/_rels/workbook.xml.rels', `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    ['xl/worksheets/sheet1.xml', `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData/></worksheet>`],
  ];
  return writeZip(
    parts.map(([name, xml]) => {
      const raw = new TextEncoder().encode(DECLARATION + xml);
      const deflated = codec.deflate(raw);
      return { kind: 'new', name, method: DEFLATED, data: deflated.data, crc32: deflated.crc32, size: raw.length, dosTime: FIXED_DOS_TIME, dosDate: FIXED_DOS_DATE };
    }),
  );
}
