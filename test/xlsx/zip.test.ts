// The zip container (xlsx/zip.ts, xlsx/package.ts): what other zip writers produce is read (data
// descriptors, stored entries, zip64 records), and a rewrite copies every part it did not change as it was
// (local header, compressed bytes, data descriptor) while only the parts put are compressed again.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { nodeCodec } from '../../xlsx/codec-node';
import { fflateCodec } from '../../xlsx/codec';
import { WorkbookError } from '../../xlsx/errors';
import { XlsxPackage } from '../../xlsx/package';
import { Utf8Writer } from '../../xlsx/utf8-writer';
import { DEFLATED, readZip, STORED, writeZip, type ZipOut } from '../../xlsx/zip';

/** A text written piece by piece to UTF-8, as the writer writes its large parts. */
function encoded(...pieces: string[]) {
  const w = new Utf8Writer(16); // smaller than the text: the writer grows
  for (const piece of pieces) w.write(piece);
  return w.result();
}

const PARTS: Record<string, string> = {
  '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  'xl/workbook.xml': '<workbook>één</workbook>',
  'xl/worksheets/Sheet1.xml': `<worksheet>${'<row/>'.repeat(500)}</worksheet>`,
  'docProps/app.xml': '<Properties/>',
};

async function jszipOf(options: JSZip.JSZipGeneratorOptions<'uint8array'>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(PARTS)) zip.file(name, text);
  return zip.generateAsync({ ...options, type: 'uint8array' });
}

/** The same archive with zip64 end records and each entry's offset in a zip64 extra field, as large-file writers do. */
function asZip64(bytes: Uint8Array): Uint8Array {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = bytes.length - 22;
  const count = v.getUint16(eocd + 10, true);
  const cdOffset = v.getUint32(eocd + 16, true);
  const records: Uint8Array[] = [];
  for (let i = 0, p = cdOffset; i < count; i++) {
    const n = v.getUint16(p + 28, true);
    const m = v.getUint16(p + 30, true);
    const k = v.getUint16(p + 32, true);
    const rec = new Uint8Array(46 + n + 12 + m + k);
    rec.set(bytes.subarray(p, p + 46 + n), 0);
    const rv = new DataView(rec.buffer);
    rv.setUint16(30, m + 12, true);
    rv.setUint32(42, 0xffffffff, true);
    rv.setUint16(46 + n, 0x0001, true);
    rv.setUint16(48 + n, 8, true);
    rv.setUint32(50 + n, v.getUint32(p + 42, true), true);
    rec.set(bytes.subarray(p + 46 + n, p + 46 + n + m + k), 46 + n + 12);
    records.push(rec);
    p += 46 + n + m + k;
  }
  const cdSize = records.reduce((s, r) => s + r.length, 0);
  const zip64Eocd = new Uint8Array(56);
  const zv = new DataView(zip64Eocd.buffer);
  zv.setUint32(0, 0x06064b50, true);
  zv.setUint32(4, 44, true);
  zv.setUint16(12, 45, true);
  zv.setUint32(24, count, true);
  zv.setUint32(32, count, true);
  zv.setUint32(40, cdSize, true);
  zv.setUint32(48, cdOffset, true);
  const locator = new Uint8Array(20);
  const lv = new DataView(locator.buffer);
  lv.setUint32(0, 0x07064b50, true);
  lv.setUint32(8, cdOffset + cdSize, true);
  lv.setUint32(16, 1, true);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 0xffff, true);
  ev.setUint16(10, 0xffff, true);
  ev.setUint32(12, 0xffffffff, true);
  ev.setUint32(16, 0xffffffff, true);
  const out = new Uint8Array(cdOffset + cdSize + 56 + 20 + 22);
  out.set(bytes.subarray(0, cdOffset), 0);
  let p = cdOffset;
  for (const r of records) {
    out.set(r, p);
    p += r.length;
  }
  out.set(zip64Eocd, p);
  out.set(locator, p + 56);
  out.set(end, p + 76);
  return out;
}

const textsOf = (pkg: XlsxPackage) => Object.fromEntries(pkg.paths().map((p) => [p, pkg.read(p)]));

describe('reading what other zip writers produce', () => {
  it.each([
    ['deflated', { compression: 'DEFLATE' }],
    ['stored', { compression: 'STORE' }],
    ['with data descriptors', { compression: 'DEFLATE', streamFiles: true }],
  ] as const)('%s entries', async (_, options) => {
    const bytes = await jszipOf(options);
    for (const codec of [nodeCodec, fflateCodec]) expect(textsOf(XlsxPackage.open(bytes, codec))).toEqual(PARTS);
    const methods = readZip(bytes).filter((e) => !e.name.endsWith('/')).map((e) => e.method);
    expect(methods.every((m) => m === (options.compression === 'STORE' ? STORED : DEFLATED))).toBe(true);
  });

  it('zip64 end records and zip64 offsets', async () => {
    const bytes = asZip64(await jszipOf({ compression: 'DEFLATE' }));
    expect(textsOf(XlsxPackage.open(bytes, nodeCodec))).toEqual(PARTS);
    // Written again, the copied entries keep their zip64 offset field, pointing at their new place.
    const pkg = XlsxPackage.open(bytes, nodeCodec).edit();
    pkg.remove('docProps/app.xml');
    const again = XlsxPackage.open(pkg.toBytes(), nodeCodec);
    expect(textsOf(again)).toEqual(Object.fromEntries(Object.entries(PARTS).filter(([k]) => k !== 'docProps/app.xml')));
  });

  it('a part in UTF-16 (with its byte-order mark) reads as text', async () => {
    const zip = new JSZip();
    const text = '<workbook>één</workbook>';
    zip.file('le.xml', new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]));
    zip.file('be.xml', new Uint8Array([0xfe, 0xff, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]));
    const pkg = XlsxPackage.open(await zip.generateAsync({ type: 'uint8array' }));
    expect([pkg.read('le.xml'), pkg.read('be.xml')]).toEqual([text, text]);
    // Written back in UTF-8, its declaration says so.
    const edit = pkg.edit();
    edit.put('le.xml', `<?xml version="1.0" encoding="UTF-16" standalone="yes"?>\n${text}`);
    const again = XlsxPackage.open(edit.toBytes());
    expect(again.read('le.xml')).toBe(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`);
  });

  it('part names ignore case, as OPC says', async () => {
    const pkg = XlsxPackage.open(await jszipOf({ compression: 'DEFLATE' }));
    expect(pkg.read('xl/worksheets/sheet1.xml')).toBe(PARTS['xl/worksheets/Sheet1.xml']);
    expect(pkg.has('XL/WORKBOOK.XML')).toBe(true);
  });

  it('a changed byte in a part is a damaged workbook, not wrong values', async () => {
    const bytes = await jszipOf({ compression: 'STORE' });
    const at = Buffer.from(bytes).indexOf('één');
    bytes[at + 4] = 'x'.charCodeAt(0);
    for (const codec of [nodeCodec, fflateCodec])
      expect(() => XlsxPackage.open(bytes, codec).read('xl/workbook.xml')).toThrow(WorkbookError);
    const deflated = await jszipOf({ compression: 'DEFLATE' });
    const entry = readZip(deflated).find((e) => e.name === 'xl/worksheets/Sheet1.xml')!;
    const inData = entry.local.byteOffset - deflated.byteOffset + entry.dataStart + 3;
    deflated[inData] = deflated[inData]! ^ 0x55;
    for (const codec of [nodeCodec, fflateCodec])
      expect(() => XlsxPackage.open(deflated, codec).read('xl/worksheets/Sheet1.xml')).toThrow(WorkbookError);
  });

  it('two parts whose names differ only in case are a damaged package, not one part silently dropped', async () => {
    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', '<a/>');
    zip.file('xl/worksheets/Sheet1.xml', '<b/>');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(() => XlsxPackage.open(bytes)).toThrow(expect.objectContaining({ problem: 'damaged' }));
  });

  it('an encrypted zip entry says so', async () => {
    const bytes = await jszipOf({ compression: 'STORE' });
    const first = readZip(bytes)[0]!;
    const at = Buffer.from(bytes).indexOf(Buffer.from(first.central));
    bytes[at + 8] = bytes[at + 8]! | 1;
    expect(() => XlsxPackage.open(bytes)).toThrow(expect.objectContaining({ problem: 'encrypted' }));
  });
});

describe('writing only what changed', () => {
  it.each([
    ['deflated', { compression: 'DEFLATE' }],
    ['stored', { compression: 'STORE' }],
    ['with data descriptors', { compression: 'DEFLATE', streamFiles: true }],
  ] as const)('%s: every other entry is copied byte for byte, in its place; the changed part reads back', async (_, options) => {
    const bytes = await jszipOf(options);
    const pkg = XlsxPackage.open(bytes, nodeCodec).edit();
    pkg.put('xl/workbook.xml', '<workbook>twee</workbook>');
    pkg.put('xl/new.xml', '<nieuw/>');
    const out = pkg.toBytes();
    const before = readZip(bytes);
    const after = readZip(out);
    expect(after.map((e) => e.name)).toEqual([...before.map((e) => e.name), 'xl/new.xml']);
    for (const e of before) {
      const a = after.find((x) => x.name === e.name)!;
      if (e.name === 'xl/workbook.xml') {
        expect(a.method).toBe(DEFLATED);
        expect([a.dosDate, a.dosTime]).toEqual([e.dosDate, e.dosTime]);
      } else expect(Buffer.from(a.local).equals(Buffer.from(e.local))).toBe(true);
    }
    const again = XlsxPackage.open(out, fflateCodec);
    expect(again.read('xl/workbook.xml')).toBe('<workbook>twee</workbook>');
    expect(again.read('xl/new.xml')).toBe('<nieuw/>');
    // The opened package itself is unchanged, and the same edits give the same bytes.
    expect(XlsxPackage.open(bytes).read('xl/workbook.xml')).toBe(PARTS['xl/workbook.xml']);
    const twice = XlsxPackage.open(bytes, nodeCodec).edit();
    twice.put('xl/workbook.xml', '<workbook>twee</workbook>');
    twice.put('xl/new.xml', '<nieuw/>');
    expect(Buffer.from(twice.toBytes()).equals(Buffer.from(out))).toBe(true);
  });

  it('a part put back unchanged stays the original entry; nothing changed gives the original bytes', async () => {
    const bytes = await jszipOf({ compression: 'DEFLATE' });
    const pkg = XlsxPackage.open(bytes).edit();
    pkg.put('xl/workbook.xml', PARTS['xl/workbook.xml']!);
    expect(Buffer.from(pkg.toBytes()).equals(Buffer.from(bytes))).toBe(true);
  });

  it('a part put as UTF-8 bytes is the same as put as text: the same zip, read back, unchanged stays the original', async () => {
    const bytes = await jszipOf({ compression: 'DEFLATE' });
    const asText = XlsxPackage.open(bytes, nodeCodec).edit();
    const asBytes = XlsxPackage.open(bytes, nodeCodec).edit();
    const text = `<?xml version="1.0"?><workbook>${'twee € 𝄞 '.repeat(400)}</workbook>`;
    asText.put('xl/workbook.xml', text);
    asBytes.put('xl/workbook.xml', encoded('<?xml version="1.0"?><workbook>', ...Array(400).fill('twee € 𝄞 '), '</workbook>'));
    expect(asBytes.read('xl/workbook.xml')).toBe(text);
    expect(Buffer.from(asBytes.toBytes()).equals(Buffer.from(asText.toBytes()))).toBe(true);
    // Put back with exactly its original text, it stays the original entry.
    const unchanged = XlsxPackage.open(bytes).edit();
    unchanged.put('xl/workbook.xml', encoded('<workbook>', 'één</workbook>'));
    expect(Buffer.from(unchanged.toBytes()).equals(Buffer.from(bytes))).toBe(true);
    // The same length, another text: written anew.
    const other = XlsxPackage.open(bytes).edit();
    other.put('xl/workbook.xml', encoded('<workbook>', 'eén</workbook>'));
    expect(XlsxPackage.open(other.toBytes()).read('xl/workbook.xml')).toBe('<workbook>eén</workbook>');
  });

  it('a part put as UTF-8 bytes that declares UTF-16 says UTF-8', async () => {
    const pkg = XlsxPackage.open(await jszipOf({ compression: 'DEFLATE' })).edit();
    pkg.put('le.xml', encoded(`<?xml version="1.0" encoding='utf-16le' standalone="yes"?>`, '\n<a>één</a>'));
    pkg.put('no-declaration.xml', encoded('<a>encoding="UTF-16"</a>'));
    const again = XlsxPackage.open(pkg.toBytes());
    expect(again.read('le.xml')).toBe(`<?xml version="1.0" encoding='UTF-8' standalone="yes"?>\n<a>één</a>`);
    expect(again.read('no-declaration.xml')).toBe('<a>encoding="UTF-16"</a>');
  });

  it('refuses clearly what would need zip64', () => {
    const entries: ZipOut[] = Array.from({ length: 0xffff }, (_, i) => ({
      kind: 'new', name: `p${i}`, method: STORED, data: new Uint8Array(), crc32: 0, size: 0, dosTime: 0, dosDate: 0,
    }));
    expect(() => writeZip(entries)).toThrow(/zip64/);
  });
});
