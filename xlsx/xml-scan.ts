// A small pull tokenizer for the package's XML parts: start tags, end tags and text, nothing built.
// It reads the part's UTF-8 bytes as inflated, not a decoded string: decoding the 6 MB sheet part of the
// 20,000-row bench workbook to a string alone takes about 20 ms, a third of the whole read, and the reader
// needs text only for the few spans it keeps (strings are decoded per span, numbers read from the bytes).
// Elements are matched by local name, so `x:c` (Open XML SDK) reads as `c`. Comments, processing
// instructions and DOCTYPE are skipped; CDATA is text. Malformed markup is a WorkbookError. Markup
// characters are ASCII, and UTF-8 never uses an ASCII byte inside a multi-byte character, so scanning
// bytes finds exactly the markup a scan of the decoded text finds.
import { WorkbookError } from './errors';
import { unescapeXml } from './xml';

export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
export const END = 0;
export type Token = typeof OPEN | typeof CLOSE | typeof TEXT | typeof END;

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;
const BANG = 33;
const QUESTION = 63;
const AMP = 38;
const COLON = 58;
const EQUALS = 61;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

const utf8 = new TextDecoder('utf-8');

/** The bytes `[start, end)` as text (UTF-8). */
export function decodeSpan(bytes: Uint8Array, start: number, end: number): string {
  return utf8.decode(bytes.subarray(start, end));
}

/** `bytes` at `at` hold the ASCII text `ascii`. */
function bytesAre(bytes: Uint8Array, at: number, ascii: string): boolean {
  if (at + ascii.length > bytes.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** Where the ASCII text `ascii` next occurs in `bytes` from `from`, or -1. */
function indexOfAscii(bytes: Uint8Array, ascii: string, from: number): number {
  const first = ascii.charCodeAt(0);
  for (let i = bytes.indexOf(first, from); i >= 0; i = bytes.indexOf(first, i + 1)) if (bytesAre(bytes, i, ascii)) return i;
  return -1;
}

/**
 * The quote `quote` that closes an attribute value starting at `from`, or -1. A loop, not indexOf: values
 * are a few bytes, and calling the built-in per attribute cost more than the scan (with the loop in
 * plainText as well, 5,000 rows read in 12 against 16 ms).
 */
function closingQuote(bytes: Uint8Array, quote: number, from: number): number {
  for (let i = from; i < bytes.length; i++) if (bytes[i] === quote) return i;
  return -1;
}

export class XmlScanner {
  /** Where the local name of the current OPEN or CLOSE tag starts and ends (`x:row` → `row`). */
  private nameStart = 0;
  private nameEnd = 0;
  /** The current OPEN tag ends with `/>` (no CLOSE token follows for it). */
  selfClosing = false;
  private pos = 0;
  private tagStart = 0;
  private tagEnd = 0;
  /** The span of the current TEXT token, or of the content `plainText()` found. */
  textStart = 0;
  textEnd = 0;
  private cdata = false;

  constructor(
    /** The part's bytes, UTF-8 (XlsxPackage.readBytes transcodes a UTF-16 part). */
    readonly bytes: Uint8Array,
    private readonly part: string,
  ) {}

  private fail(what: string): never {
    throw new WorkbookError('damaged', `${this.part}: ${what} at ${this.pos}`);
  }

  next(): Token {
    const xml = this.bytes;
    for (;;) {
      const start = this.pos;
      if (start >= xml.length) return END;
      if (xml[start] !== LT) {
        let lt = xml.indexOf(LT, start);
        if (lt < 0) lt = xml.length;
        this.textStart = start;
        this.textEnd = lt;
        this.cdata = false;
        this.pos = lt;
        return TEXT;
      }
      const c = xml[start + 1];
      if (c === BANG) {
        if (bytesAre(xml, start, '<![CDATA[')) {
          const end = indexOfAscii(xml, ']]>', start);
          if (end < 0) this.fail('unclosed CDATA');
          this.textStart = start + 9;
          this.textEnd = end;
          this.cdata = true;
          this.pos = end + 3;
          return TEXT;
        }
        const end = bytesAre(xml, start, '<!--') ? indexOfAscii(xml, '-->', start) + 2 : this.endOfTag(start);
        if (end < 2) this.fail('unclosed comment');
        this.pos = end + 1;
        continue;
      }
      if (c === QUESTION) {
        const end = indexOfAscii(xml, '?>', start);
        if (end < 0) this.fail('unclosed processing instruction');
        this.pos = end + 2;
        continue;
      }
      const end = this.endOfTag(start);
      this.pos = end + 1;
      if (c === SLASH) {
        this.nameAt(start + 2, end);
        return CLOSE;
      }
      this.selfClosing = xml[end - 1] === SLASH;
      this.tagStart = start;
      this.tagEnd = this.selfClosing ? end - 1 : end;
      this.nameAt(start + 1, this.tagEnd);
      return OPEN;
    }
  }

  /** The `>` that closes the tag starting at `start`, skipping quoted attribute values. */
  private endOfTag(start: number): number {
    const xml = this.bytes;
    for (let i = start + 1; i < xml.length; i++) {
      const c = xml[i];
      if (c === GT) return i;
      if (c === QUOTE || c === APOS) {
        const close = closingQuote(xml, c, i + 1);
        if (close < 0) break;
        i = close;
      }
    }
    return this.fail('unclosed tag');
  }

  /** Local name of the current OPEN or CLOSE tag (`x:row` → `row`). */
  get local(): string {
    return decodeSpan(this.bytes, this.nameStart, this.nameEnd);
  }

  /** The current tag's local name is `name` (ASCII; no string made: a sheet has a few tags per cell). */
  is(name: string): boolean {
    return this.nameEnd - this.nameStart === name.length && bytesAre(this.bytes, this.nameStart, name);
  }

  /** Find the local name of the tag whose name starts at `from`. */
  private nameAt(from: number, limit: number): void {
    const xml = this.bytes;
    let i = from;
    let colon = -1;
    for (; i < limit; i++) {
      const c = xml[i]!;
      if (isSpace(c) || c === SLASH || c === GT) break;
      if (c === COLON) colon = i;
    }
    this.nameStart = colon < 0 ? from : colon + 1;
    this.nameEnd = i;
  }

  /** Attribute spans of the current tag (name start, name end, value start, value end) × count, parsed on first use. */
  private readonly spans: number[] = [];
  private spanCount = 0;
  private spansOf = -1;

  private parseAttributes(): void {
    const xml = this.bytes;
    const spans = this.spans;
    let n = 0;
    let i = this.nameEnd; // after the element name
    const end = this.tagEnd;
    while (i < end) {
      let c = xml[i]!;
      if (c <= 32) {
        i++;
        continue;
      }
      const nameStart = i;
      while (i < end && (c = xml[i]!) !== EQUALS && c > 32) i++;
      const nameEnd = i;
      while (i < end && (c = xml[i]!) !== QUOTE && c !== APOS) i++;
      if (i >= end) break;
      const valueEnd = closingQuote(xml, c, i + 1);
      if (valueEnd < 0 || valueEnd > end) break;
      spans[n] = nameStart;
      spans[n + 1] = nameEnd;
      spans[n + 2] = i + 1;
      spans[n + 3] = valueEnd;
      n += 4;
      i = valueEnd + 1;
    }
    this.spanCount = n;
    this.spansOf = this.tagStart;
  }

  /**
   * An attribute of the current OPEN tag by its name as written (`r`, `t`, `r:id`), or by local name
   * with any prefix when `anyPrefix` is set. Null when absent.
   */
  attr(name: string, anyPrefix = false): string | null {
    const k = this.attrIndex(name, anyPrefix);
    if (k < 0) return null;
    return unescapeXml(decodeSpan(this.bytes, this.spans[k + 2]!, this.spans[k + 3]!));
  }

  /** An attribute's value as a non-negative integer read in place (cell styles), or `fallback`. */
  intAttr(name: string, fallback: number): number {
    const k = this.attrIndex(name, false);
    if (k < 0) return fallback;
    let n = 0;
    for (let i = this.spans[k + 2]!; i < this.spans[k + 3]!; i++) {
      const c = this.bytes[i]! - 48;
      if (c < 0 || c > 9) return fallback;
      n = n * 10 + c;
    }
    return n;
  }

  /**
   * The span of an attribute's raw value (`[attrStart, attrEnd)` in `bytes`), for values read in place
   * (cell references); false when absent.
   */
  attrSpan(name: string): boolean {
    const k = this.attrIndex(name, false);
    if (k < 0) return false;
    this.attrStart = this.spans[k + 2]!;
    this.attrEnd = this.spans[k + 3]!;
    return true;
  }
  attrStart = 0;
  attrEnd = 0;

  private attrIndex(name: string, anyPrefix: boolean): number {
    if (this.spansOf !== this.tagStart) this.parseAttributes();
    const spans = this.spans;
    for (let k = 0; k < this.spanCount; k += 4) if (this.nameMatches(spans[k]!, spans[k + 1]!, name, anyPrefix)) return k;
    return -1;
  }

  private nameMatches(start: number, end: number, name: string, anyPrefix: boolean): boolean {
    const xml = this.bytes;
    if (end - start === name.length && bytesAre(xml, start, name)) return true;
    if (!anyPrefix) return false;
    const from = end - name.length;
    return from > start + 1 && xml[from - 1] === COLON && bytesAre(xml, from, name);
  }

  /** The current TEXT token, entities resolved. */
  text(): string {
    const raw = decodeSpan(this.bytes, this.textStart, this.textEnd);
    return this.cdata ? raw : unescapeXml(raw);
  }

  /**
   * At an OPEN tag whose content is plain text only (no child element, comment, CDATA or entity, as in
   * nearly every `<v>`): the content's span in `textStart`/`textEnd`, the scanner past the element's CLOSE,
   * and true. Otherwise false and nothing consumed (read it with `innerText`).
   */
  plainText(): boolean {
    if (this.selfClosing) return false;
    const xml = this.bytes;
    const start = this.pos;
    // One pass to the next `<` (contents are a few bytes: a loop beats indexOf and a second pass for `&`).
    let lt = start;
    for (; lt < xml.length; lt++) {
      const c = xml[lt];
      if (c === LT) break;
      if (c === AMP) return false;
    }
    if (lt >= xml.length || xml[lt + 1] !== SLASH) return false;
    const end = this.endOfTag(lt);
    this.textStart = start;
    this.textEnd = lt;
    this.pos = end + 1;
    this.nameAt(lt + 2, end);
    return true;
  }

  /** All text inside the current OPEN element up to its CLOSE (child elements' text included). */
  innerText(): string {
    if (this.selfClosing) return '';
    let depth = 1;
    let out = '';
    for (;;) {
      const t = this.next();
      if (t === TEXT) out += this.text();
      else if (t === OPEN) depth += this.selfClosing ? 0 : 1;
      else if (t === CLOSE) {
        if (--depth === 0) return out;
      } else this.fail('unexpected end');
    }
  }

  /** Skip to the CLOSE of the current OPEN element. */
  skip(): void {
    if (this.selfClosing) return;
    let depth = 1;
    for (;;) {
      const t = this.next();
      if (t === OPEN) depth += this.selfClosing ? 0 : 1;
      else if (t === CLOSE) {
        if (--depth === 0) return;
      } else if (t === END) this.fail('unexpected end');
    }
  }
}

/**
 * The text of a string item (`<si>`, `<is>`): its `<t>`, or its runs' `<t>` joined; phonetic runs
 * (`<rPh>`, East Asian reading aids) are not part of the value. Call at the item's OPEN token.
 */
export function stringItem(s: XmlScanner): string {
  if (s.selfClosing) return '';
  let out = '';
  for (;;) {
    const t = s.next();
    if (t === OPEN) {
      if (s.is('t')) out += s.plainText() ? decodeSpan(s.bytes, s.textStart, s.textEnd) : s.innerText();
      else if (s.is('rPh')) s.skip();
    } else if (t === CLOSE) {
      if (s.is('si') || s.is('is')) return out;
    } else if (t === END) return out;
  }
}
