// A minimal .xlsx written part by part, for tests that need XML no writer library produces on demand
// (cached formula results 0, FALSE and "", prefixes, odd part names). One sheet `Personeel`; the styles
// part has cell format 1 = built-in date format 14.
import { deflateRawSync } from 'node:zlib';
import { crc32, DEFLATED, FIXED_DOS_DATE, FIXED_DOS_TIME, writeZip } from '../../xlsx/zip';

export function zipOf(parts: Record<string, string>): Uint8Array {
  return writeZip(
    Object.entries(parts).map(([name, text]) => {
      const raw = new TextEncoder().encode(text);
      return { kind: 'new', name, method: DEFLATED, data: new Uint8Array(deflateRawSync(raw)), crc32: crc32(raw), size: raw.length, dosTime: FIXED_DOS_TIME, dosDate: FIXED_DOS_DATE };
    }),
  );
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A workbook with one sheet whose `<sheetData>` inner XML is given. */
export function oneSheetWorkbook(sheetData: string): Uint8Array {
  return zipOf({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Personeel" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheetData}</sheetData></worksheet>`,
  });
}

/** Inline-string cells for a row: `<c r="A1" t="inlineStr"><is><t>…</t></is></c>`. */
export function textCells(row: number, texts: readonly string[]): string {
  return texts.map((t, i) => `<c r="${String.fromCharCode(65 + i)}${row}" t="inlineStr"><is><t>${t}</t></is></c>`).join('');
}
