// The zip container of an .xlsx package (APPNOTE.TXT, the PKWARE .ZIP File Format Specification): read the
// central directory, give each entry's raw bytes, and write a new archive in which untouched entries are
// copied as they are (local header, compressed data and data descriptor byte for byte) and only new or
// changed entries are compressed again. Zip64 records are read; an archive that would need zip64 to be
// written (over 4 GiB or 65,535 entries, far beyond any workbook this product accepts) is refused.
import { WorkbookError } from './errors';

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const EOCD_SIG = 0x06054b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const DESCRIPTOR_SIG = 0x08074b50;
const ZIP64_EXTRA = 0x0001;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;

export const STORED = 0;
export const DEFLATED = 8;

/** One entry of the archive as the central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** DOS time and date fields, kept when the entry is replaced. */
  dosTime: number;
  dosDate: number;
  /** The entry's central directory record, byte for byte. */
  central: Uint8Array;
  /** Local header + compressed data + data descriptor, byte for byte. */
  local: Uint8Array;
  /** Where the compressed data starts inside `local`. */
  dataStart: number;
  /** The local header offset field sits in the zip64 extra field of the central record (offset into `central`), or -1. */
  zip64OffsetAt: number;
}

const damaged = (detail: string) => new WorkbookError('damaged', detail);
const truncated = (detail: string) => new WorkbookError('truncated', detail);

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A 64-bit little-endian field as a number (exact below 2^53). */
function u64(v: DataView, at: number): number {
  return v.getUint32(at, true) + v.getUint32(at + 4, true) * 0x1_0000_0000;
}

function findEndOfCentralDirectory(v: DataView): number {
  const last = v.byteLength - 22;
  const first = Math.max(0, last - MAX16);
  for (let i = last; i >= first; i--) if (v.getUint32(i, true) === EOCD_SIG) return i;
  throw truncated('end of central directory not found');
}

const utf8 = new TextDecoder('utf-8');

/** Every entry of the archive in central-directory order (the order a rewrite keeps). */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  if (bytes.length < 22) throw truncated('shorter than an end of central directory record');
  const v = view(bytes);
  const eocd = findEndOfCentralDirectory(v);
  if (v.getUint16(eocd + 4, true) !== 0 || v.getUint16(eocd + 6, true) !== 0) throw damaged('split (multi-disk) zip');
  let count = v.getUint16(eocd + 10, true);
  let cdSize = v.getUint32(eocd + 12, true);
  let cdOffset = v.getUint32(eocd + 16, true);
  if (count === MAX16 || cdSize === MAX32 || cdOffset === MAX32) {
    const locator = eocd - 20;
    if (locator < 0 || v.getUint32(locator, true) !== ZIP64_LOCATOR_SIG) throw damaged('zip64 locator missing');
    const at = u64(v, locator + 8);
    if (at + 56 > bytes.length || v.getUint32(at, true) !== ZIP64_EOCD_SIG) throw truncated('zip64 end of central directory missing');
    count = u64(v, at + 32);
    cdSize = u64(v, at + 40);
    cdOffset = u64(v, at + 48);
  }
  if (cdOffset + cdSize > bytes.length) throw truncated('central directory beyond the end of the file');

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || v.getUint32(p, true) !== CENTRAL_SIG) throw damaged('bad central directory record');
    const flags = v.getUint16(p + 8, true);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > bytes.length) throw truncated('central directory record beyond the end of the file');
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (flags & FLAG_ENCRYPTED) throw new WorkbookError('encrypted', `encrypted zip entry ${name}`);
    let size = v.getUint32(p + 24, true);
    let compressedSize = v.getUint32(p + 20, true);
    let offset = v.getUint32(p + 42, true);
    let zip64OffsetAt = -1;
    // The zip64 extra field holds, in this order, whichever of the three fields are 0xFFFFFFFF.
    for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen; ) {
      const id = v.getUint16(e, true);
      const len = v.getUint16(e + 2, true);
      if (id === ZIP64_EXTRA) {
        let f = e + 4;
        if (size === MAX32) {
          size = u64(v, f);
          f += 8;
        }
        if (compressedSize === MAX32) {
          compressedSize = u64(v, f);
          f += 8;
        }
        if (offset === MAX32) {
          zip64OffsetAt = f - p;
          offset = u64(v, f);
        }
      }
      e += 4 + len;
    }
    if (offset + 30 > bytes.length || v.getUint32(offset, true) !== LOCAL_SIG) throw truncated(`local header of ${name} missing`);
    const localNameLen = v.getUint16(offset + 26, true);
    const localExtraLen = v.getUint16(offset + 28, true);
    const dataStart = 30 + localNameLen + localExtraLen;
    let localEnd = offset + dataStart + compressedSize;
    if (flags & FLAG_DESCRIPTOR) {
      const zip64 = hasZip64Extra(v, offset + 30 + localNameLen, localExtraLen);
      const withSig = localEnd + 4 <= bytes.length && v.getUint32(localEnd, true) === DESCRIPTOR_SIG;
      localEnd += (withSig ? 4 : 0) + (zip64 ? 20 : 12);
    }
    if (localEnd > bytes.length) throw truncated(`data of ${name} beyond the end of the file`);
    entries.push({
      name,
      method: v.getUint16(p + 10, true),
      crc32: v.getUint32(p + 16, true),
      compressedSize,
      size,
      dosTime: v.getUint16(p + 12, true),
      dosDate: v.getUint16(p + 14, true),
      central: bytes.subarray(p, end),
      local: bytes.subarray(offset, localEnd),
      dataStart,
      zip64OffsetAt,
    });
    p = end;
  }
  return entries;
}

function hasZip64Extra(v: DataView, start: number, length: number): boolean {
  for (let e = start; e + 4 <= start + length; e += 4 + v.getUint16(e + 2, true)) if (v.getUint16(e, true) === ZIP64_EXTRA) return true;
  return false;
}

/** The entry's compressed bytes. */
export function compressedData(entry: ZipEntry): Uint8Array {
  return entry.local.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** An entry to write: one copied as it is, or new content already compressed. */
export type ZipOut =
  | { kind: 'copy'; entry: ZipEntry }
  | { kind: 'new'; name: string; method: number; data: Uint8Array; crc32: number; size: number; dosTime: number; dosDate: number };

/** 2020-01-01 00:00 as DOS date and time: the date of parts we add, so output does not depend on the clock. */
export const FIXED_DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;
export const FIXED_DOS_TIME = 0;

const utf8Encoder = new TextEncoder();

/** Write the archive: copied entries byte for byte, new ones with a fresh local header and central record. */
export function writeZip(entries: readonly ZipOut[]): Uint8Array {
  if (entries.length >= MAX16) throw new Error(`zip with ${entries.length} entries would need zip64; not written`);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const out of entries) {
    if (offset > MAX32 - 1) throw new Error('zip over 4 GiB would need zip64; not written');
    if (out.kind === 'copy') {
      const { entry } = out;
      const central = entry.central.slice();
      const cv = view(central);
      if (entry.zip64OffsetAt >= 0) {
        cv.setUint32(entry.zip64OffsetAt, offset >>> 0, true);
        cv.setUint32(entry.zip64OffsetAt + 4, Math.floor(offset / 0x1_0000_0000), true);
      } else cv.setUint32(42, offset, true);
      locals.push(entry.local);
      centrals.push(central);
      offset += entry.local.length;
      continue;
    }
    if (out.data.length >= MAX32 || out.size >= MAX32) throw new Error(`${out.name} over 4 GiB would need zip64; not written`);
    const name = utf8Encoder.encode(out.name);
    const flags = /^[\x20-\x7e]*$/.test(out.name) ? 0 : FLAG_UTF8;
    const local = new Uint8Array(30 + name.length + out.data.length);
    const lv = view(local);
    lv.setUint32(0, LOCAL_SIG, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, out.method, true);
    lv.setUint16(10, out.dosTime, true);
    lv.setUint16(12, out.dosDate, true);
    lv.setUint32(14, out.crc32, true);
    lv.setUint32(18, out.data.length, true);
    lv.setUint32(22, out.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(out.data, 30 + name.length);
    const central = new Uint8Array(46 + name.length);
    const cv = view(central);
    cv.setUint32(0, CENTRAL_SIG, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, out.method, true);
    cv.setUint16(12, out.dosTime, true);
    cv.setUint16(14, out.dosDate, true);
    cv.setUint32(16, out.crc32, true);
    cv.setUint32(20, out.data.length, true);
    cv.setUint32(24, out.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  if (offset + cdSize > MAX32) throw new Error('zip over 4 GiB would need zip64; not written');
  const result = new Uint8Array(offset + cdSize + 22);
  let p = 0;
  for (const part of [...locals, ...centrals]) {
    result.set(part, p);
    p += part.length;
  }
  const ev = view(result);
  ev.setUint32(p, EOCD_SIG, true);
  ev.setUint16(p + 8, entries.length, true);
  ev.setUint16(p + 10, entries.length, true);
  ev.setUint32(p + 12, cdSize, true);
  ev.setUint32(p + 16, offset, true);
  return result;
}
