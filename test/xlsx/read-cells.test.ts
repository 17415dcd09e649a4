// The sheet reader on hand-written worksheet XML: what it reads in place from the part's bytes (cell
// references, shared string indexes, plain numbers) must equal what the text gives (parseRef, Number), and
// the unusual forms (entities, CDATA, comments, exponents, spaces, prefixes) still read as before.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../xlsx/load';
import { readSharedStrings, readSheetCells } from '../../xlsx/read-cells';
import { bytesOf, d, richStaffWorkbook } from '../fixtures/workbooks';

const utf8 = (text: string) => new TextEncoder().encode(text);
const sheet = (rows: string) => utf8(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
const STRINGS = ['nul', 'een', 'twee'];
/** Style 1 shows a date. */
const read = (rows: string, date1904 = false) => readSheetCells(sheet(rows), 'sheet.xml', { strings: STRINGS, dateStyles: [false, true], date1904 }).grid;
/** One value cell `<c …><v>text</v></c>`, read back. */
const valueOf = (text: string, attributes = '') => read(`<row r="1"><c r="A1"${attributes}><v>${text}</v></c></row>`)[0]?.[0] ?? null;

/** What the reader gave for a number cell before reading numbers in place: Number of the text. */
function asNumber(text: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

describe('numbers read in place', () => {
  const texts = ['0', '-0', '007', '1.5', '0.1', '-2.25', '1.50', '0.000001', '3.14159265358979', '1234567.891', '123456789012345',
    '999999999999999', '0.30000000000000004', '1234567890123456', '9007199254740993', '12345678901234567', '00000000000000000001',
    '1E3', '1e-3', '2.2250738585072014e-308', ' 12 ', '\n8\n', '', '1.', '.5', '-.5', '+5', '-', '5-', '1..2', '12abc', 'Infinity', '0x10'];

  it.each(texts)('%j as Number gives it', (text) => {
    expect(Object.is(valueOf(text), asNumber(text))).toBe(true);
    expect(Object.is(valueOf(text, ' t="n"'), asNumber(text))).toBe(true);
  });

  it('every decimal of up to 17 digits as Number gives it (exactness of the in-place path)', () => {
    let seed = 14;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const rows: string[] = [];
    const expected: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const digits = 1 + Math.floor(random() * 17);
      let text = '';
      for (let k = 0; k < digits; k++) text += Math.floor(random() * 10);
      const point = Math.floor(random() * (digits + 1));
      if (point > 0 && point < digits) text = `${text.slice(0, point)}.${text.slice(point)}`;
      if (random() < 0.3) text = `-${text}`;
      rows.push(`<row r="${i + 1}"><c r="A${i + 1}"><v>${text}</v></c></row>`);
      expected.push(Number(text));
    }
    const grid = read(rows.join(''));
    expect(grid.map((r) => r[0])).toEqual(expected);
  });

  it('a date-formatted number is a date; 1904 system too; an impossible date stays the number', () => {
    expect(valueOf('45728', ' s="1"')).toEqual(d(2025, 3, 12));
    expect(valueOf('44089', ' s="1"')).toEqual(d(2020, 9, 15));
    expect(read('<row r="1"><c r="A1" s="1"><v>44089</v></c></row>', true)[0]![0]).toEqual(d(2024, 9, 16));
    expect(valueOf('60', ' s="1"')).toBe(60);
    expect(valueOf('43498.75', ' s="1"')).toEqual(new Date(Date.UTC(2019, 1, 2, 18)));
  });
});

describe('other values', () => {
  it('shared string indexes as Number reads them', () => {
    const cases: [string, string | null][] = [['0', 'nul'], ['2', 'twee'], ['0002', 'twee'], [' 1', 'een'], ['1.0', 'een'], ['', 'nul'], ['3', null], ['-1', null], ['99999999999', null]];
    for (const [text, value] of cases) expect(valueOf(text, ' t="s"'), text).toBe(value);
    expect(valueOf('1', " t='s'")).toBe('een');
  });

  it('cached formula results, entities, CDATA, comments and two <v>', () => {
    expect(read('<row r="1"><c r="A1" t="str"><f>1+1</f><v>a &amp; b</v></c><c r="B1" t="str"><v><![CDATA[x<y]]></v></c><c r="C1"><v>1<!-- c -->2</v></c><c r="D1"><v>&#49;2</v></c><c r="E1" t="s"><v><![CDATA[2]]></v></c><c r="F1"><v>4</v><v>5</v></c></row>')[0]).toEqual(['a & b', 'x<y', 12, 12, 'twee', 5]);
    expect(read('<row r="1"><c r="A1" t="b"><f>FALSE()</f><v>0</v></c><c r="B1"><f>0</f><v>0</v></c><c r="C1" t="str"><f>""</f><v></v></c><c r="D1"><v/></c><c r="E1" t="e"><v>#N/A</v></c><c r="F1" t="b"><v> true </v></c></row>')[0]).toEqual([false, 0, '', null, { error: '#N/A' }, true]);
  });

  it('inline strings and shared strings: runs joined, phonetic runs left out, any script', () => {
    const grid = read('<row r="1"><c r="A1" t="inlineStr"><is><r><t>rich </t></r><r><t>text</t></r><rPh><t>x</t></rPh></is></c><c r="B1" t="inlineStr"><is><t>é ü 漢 😀 &lt;&gt;</t></is></c><c r="C1" t="str"><v>naïve</v></c></row>');
    expect(grid[0]).toEqual(['rich text', 'é ü 漢 😀 <>', 'naïve']);
    expect(readSharedStrings(utf8('<sst><si><t>Zoë</t></si><si><r><t>a</t></r><r><t xml:space="preserve"> &amp; b</t></r></si><si><t/></si><si/></sst>'), 'sst.xml')).toEqual(['Zoë', 'a & b', '', '']);
  });

  it('cell references: lower case, $, missing or unreadable (then the next column), prefixed elements', () => {
    expect(read('<row r="2"><c r="b2"><v>1</v></c><c r="$D$2"><v>2</v></c><c><v>3</v></c><c r="A"><v>4</v></c><c r="AAAA2"><v>5</v></c></row>')[1]).toEqual([null, 1, null, 2, 3, 4, 5]);
    expect(read('<x:row r="1"><x:c r="B1" t="s"><x:v>2</x:v></x:c></x:row><row><c><v>7</v></c></row><row r="4"><c r = "C4" ><v >8</v ></c></row>')).toEqual([[null, 'twee'], [7], [], [null, null, 8]]);
  });
});

describe('parts as the package holds them', () => {
  async function withSheet2(content: string | Uint8Array, compression: 'DEFLATE' | 'STORE' = 'DEFLATE'): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(await bytesOf(richStaffWorkbook()));
    zip.file('xl/worksheets/sheet2.xml', content);
    return zip.generateAsync({ type: 'uint8array', compression });
  }
  const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Zoë 漢</t></is></c><c r="B1"><v>1.5</v></c></row></sheetData></worksheet>`;

  it('a UTF-16 part, a part with a byte-order mark, a stored part: the same cells', async () => {
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) utf16.set([xml.charCodeAt(i) & 255, xml.charCodeAt(i) >> 8], 2 + 2 * i);
    for (const bytes of [await withSheet2(xml), await withSheet2(utf16), await withSheet2(`\ufeff${xml}`, 'STORE')]) {
      const wb = await openWorkbook(bytes);
      expect(wb.sheets[1]!.grid).toEqual([['Zoë 漢', 1.5]]);
    }
  });
});
