// An .xlsx package as a set of parts by name (ECMA-376 Part 2, OPC): read a part's text, replace, add or
// remove parts, and write the package again. Writing copies every part that was not replaced as it is in the
// original zip (its compressed bytes, its headers); only replaced and new parts are compressed. Part names
// compare without regard to case (OPC §9.1.1.1): `xl/worksheets/Sheet1.xml` is found as `…/sheet1.xml`.
import { fflateCodec, type Codec } from './codec';
import { WorkbookError } from './errors';
import {
  compressedData,
  crc32,
  DEFLATED,
  FIXED_DOS_DATE,
  FIXED_DOS_TIME,
  readZip,
  STORED,
  writeZip,
  type ZipEntry,
  type ZipOut,
} from './zip';
import type { EncodedText } from './utf8-writer';

/** A part as the package holds it now: as in the original zip, or new text (as a string, or already UTF-8). */
type Slot =
  | { kind: 'original'; entry: ZipEntry }
  | { kind: 'text'; name: string; text: string; was: ZipEntry | null }
  | { kind: 'encoded'; name: string; content: EncodedText; was: ZipEntry | null };

const key = (path: string) => path.toLowerCase();
const isFolder = (name: string) => name.endsWith('/');

const utf8 = new TextDecoder('utf-8', { fatal: false });

const isUtf16 = (bytes: Uint8Array) => (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);

/** A part's text: UTF-8, or UTF-16 when it starts with that byte-order mark (XML 1.0 §4.3.3 allows both). */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return utf8.decode(bytes);
}
const utf8Encoder = new TextEncoder();
/** UTF-8 as written, a leading U+FEFF included: the exact text of an encoded part. */
const exactUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** An XML declaration naming UTF-16: parts are written in UTF-8, so it says UTF-8 instead. */
const UTF16_DECLARATION = /^(<\?xml[^>]*encoding=["'])UTF-16(?:LE|BE)?(["'])/i;
const utf8Declared = (text: string) => text.replace(UTF16_DECLARATION, '$1UTF-8$2');

/** utf8Declared for a text already encoded: the pattern cannot pass the first `>`, so only the bytes before it are looked at. */
function utf8DeclaredBytes(bytes: Uint8Array): Uint8Array {
  const end = bytes.indexOf(0x3e); // `>`, ASCII: the bytes before it decode on their own
  const head = exactUtf8.decode(bytes.subarray(0, end < 0 ? bytes.length : end));
  const fixed = utf8Declared(head);
  if (fixed === head) return bytes;
  const fixedBytes = utf8Encoder.encode(fixed);
  const out = new Uint8Array(fixedBytes.length + bytes.length - (end < 0 ? bytes.length : end));
  out.set(fixedBytes);
  if (end >= 0) out.set(bytes.subarray(end), fixedBytes.length);
  return out;
}

/** The original archive, parsed once and shared by every edit of it. */
class Archive {
  readonly entries: ZipEntry[];
  private readonly texts = new Map<ZipEntry, string>();
  /** Inflated once: the reader scans a part's bytes, and writing may decode the same part later. */
  private readonly inflated = new Map<ZipEntry, Uint8Array>();

  constructor(
    bytes: Uint8Array,
    readonly codec: Codec,
  ) {
    this.entries = readZip(bytes);
  }

  text(entry: ZipEntry): string {
    let text = this.texts.get(entry);
    if (text === undefined) {
      text = decode(this.bytes(entry));
      this.texts.set(entry, text);
    }
    return text;
  }

  bytes(entry: ZipEntry): Uint8Array {
    let bytes = this.inflated.get(entry);
    if (bytes === undefined) {
      bytes = this.inflate(entry);
      this.inflated.set(entry, bytes);
    }
    return bytes;
  }

  private inflate(entry: ZipEntry): Uint8Array {
    const data = compressedData(entry);
    if (entry.method === STORED) {
      if (crc32(data) !== entry.crc32) throw new WorkbookError('damaged', `${entry.name}: checksum mismatch`);
      return data;
    }
    if (entry.method !== DEFLATED) throw new WorkbookError('damaged', `${entry.name}: compression method ${entry.method}`);
    try {
      return this.codec.inflate(data, entry.size, entry.crc32);
    } catch (e) {
      throw new WorkbookError('damaged', `${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

export class XlsxPackage {
  private constructor(
    private readonly archive: Archive,
    private readonly slots: Map<string, Slot>,
  ) {}

  /** Open the zip (throws WorkbookError for what is not a readable zip). */
  static open(bytes: Uint8Array, codec: Codec = fflateCodec): XlsxPackage {
    const archive = new Archive(bytes, codec);
    const slots = new Map<string, Slot>();
    for (const entry of archive.entries) {
      // Two parts whose names differ only in case are one part name twice (OPC §6.2.2.3): a damaged package,
      // and writing it back would silently keep only one of them.
      if (slots.has(key(entry.name))) throw new WorkbookError('damaged', `two parts named ${entry.name}`);
      slots.set(key(entry.name), { kind: 'original', entry });
    }
    return new XlsxPackage(archive, slots);
  }

  /** A fresh copy to change: this package stays as it is, and the original bytes are shared. */
  edit(): XlsxPackage {
    return new XlsxPackage(this.archive, new Map(this.slots));
  }

  has(path: string): boolean {
    const slot = this.slots.get(key(path));
    return slot !== undefined && !isFolder(slot.kind === 'original' ? slot.entry.name : slot.name);
  }

  /** Every part's name (folders left out), in zip order. */
  paths(): string[] {
    const out: string[] = [];
    for (const slot of this.slots.values()) {
      const name = slot.kind === 'original' ? slot.entry.name : slot.name;
      if (!isFolder(name)) out.push(name);
    }
    return out;
  }

  /** The part's text (UTF-8), or null when there is no such part. */
  read(path: string): string | null {
    const slot = this.slots.get(key(path));
    if (slot === undefined) return null;
    if (slot.kind === 'encoded') return exactUtf8.decode(slot.content.bytes);
    return slot.kind === 'text' ? slot.text : this.archive.text(slot.entry);
  }

  /**
   * The part's bytes in UTF-8 for the reader's scanner (xlsx/xml-scan.ts), or null when there is no such
   * part: as inflated, not decoded; a UTF-16 part transcoded.
   */
  readBytes(path: string): Uint8Array | null {
    const slot = this.slots.get(key(path));
    if (slot === undefined) return null;
    if (slot.kind === 'text') return utf8Encoder.encode(slot.text);
    if (slot.kind === 'encoded') return slot.content.bytes;
    const bytes = this.archive.bytes(slot.entry);
    return isUtf16(bytes) ? utf8Encoder.encode(decode(bytes)) : bytes;
  }

  /** `read` for callers written against an asynchronous package. */
  async text(path: string): Promise<string | null> {
    return this.read(path);
  }

  /**
   * Replace a part (it keeps its place, name and date in the zip) or add one at the end; its text as a string,
   * or already encoded (a Utf8Writer's result) for a part of megabytes.
   */
  put(path: string, text: string | EncodedText): void {
    const k = key(path);
    const slot = this.slots.get(k);
    const was = slot === undefined ? null : slot.kind === 'original' ? slot.entry : slot.was;
    const name = slot === undefined ? path : slot.kind === 'original' ? slot.entry.name : slot.name;
    this.slots.set(k, typeof text === 'string' ? { kind: 'text', name, text, was } : { kind: 'encoded', name, content: text, was });
  }

  remove(path: string): void {
    this.slots.delete(key(path));
  }

  /** The package as a zip: unchanged parts byte for byte, changed parts compressed anew. */
  toBytes(): Uint8Array {
    const out: ZipOut[] = [];
    for (const slot of this.slots.values()) {
      if (slot.kind === 'original') {
        out.push({ kind: 'copy', entry: slot.entry });
        continue;
      }
      // A part put back with exactly its original text stays the original entry.
      if (slot.was && this.isOriginalText(slot.was, slot)) {
        out.push({ kind: 'copy', entry: slot.was });
        continue;
      }
      // Parts are written in UTF-8; a part that was UTF-16 says so in its declaration no longer.
      const raw = slot.kind === 'text' ? utf8Encoder.encode(utf8Declared(slot.text)) : utf8DeclaredBytes(slot.content.bytes);
      const deflated = this.archive.codec.deflate(raw);
      out.push({
        kind: 'new',
        name: slot.name,
        method: DEFLATED,
        data: deflated.data,
        crc32: deflated.crc32,
        size: raw.length,
        dosTime: slot.was?.dosTime ?? FIXED_DOS_TIME,
        dosDate: slot.was?.dosDate ?? FIXED_DOS_DATE,
      });
    }
    return writeZip(out);
  }

  private isOriginalText(original: ZipEntry, slot: Slot & { kind: 'text' | 'encoded' }): boolean {
    const text = this.archive.text(original);
    if (slot.kind === 'text') return text === slot.text;
    // Texts of different lengths differ: no need to decode.
    return text.length === slot.content.textLength && text === exactUtf8.decode(slot.content.bytes);
  }
}
