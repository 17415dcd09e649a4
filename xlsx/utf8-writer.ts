// A part's text written straight to UTF-8, piece by piece, for the parts the writer makes that run to
// megabytes (the patched staff sheet, the Per school sheet). Joining the pieces into one string first and
// encoding that costs several times more: on the 3.1 MB patched sheet of 5,000 rows, Array.prototype.join
// of its 5,000 row strings took 15 ms and TextEncoder.encode of the result 2.5 ms, where encodeInto row by
// row takes 2.6 ms (node 20, best of 30), and no string of megabytes is made for the garbage collector to
// move. TextEncoder.encodeInto is in browsers and Node alike.

const encoder = new TextEncoder();

/** A part's content as UTF-8 bytes, with the length of the text it encodes (UTF-16 code units). */
export interface EncodedText {
  readonly bytes: Uint8Array;
  readonly textLength: number;
}

/**
 * Pieces are gathered into a string of about this many UTF-16 code units and encoded together: one
 * encodeInto per piece (a cell, a tag) cost a call into C++ and two objects each, 75,000 times for the
 * patched sheet of 5,000 rows.
 */
const CHUNK = 16 * 1024;

export class Utf8Writer {
  private buffer: Uint8Array;
  private used = 0;
  private units = 0;
  private pending = '';

  /** `capacity`: the bytes expected (it grows as needed). */
  constructor(capacity = 64 * 1024) {
    this.buffer = new Uint8Array(Math.max(1024, capacity));
  }

  /** Append `text`; the bytes are those of TextEncoder.encode over all the text written. */
  write(text: string): void {
    this.pending += text;
    this.units += text.length;
    if (this.pending.length >= CHUNK) this.flush();
  }

  /** Append what another writer wrote. */
  append(text: EncodedText): void {
    this.flush();
    this.reserve(text.bytes.length);
    this.buffer.set(text.bytes, this.used);
    this.used += text.bytes.length;
    this.units += text.textLength;
  }

  /** The bytes written so far (a view of the writer's buffer: write no more after taking it). */
  result(): EncodedText {
    this.flush();
    return { bytes: this.buffer.subarray(0, this.used), textLength: this.units };
  }

  private flush(): void {
    if (this.pending === '') return;
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    this.reserve(this.pending.length * 3);
    this.used += encoder.encodeInto(this.pending, this.buffer.subarray(this.used)).written;
    this.pending = '';
  }

  private reserve(room: number): void {
    if (this.buffer.length - this.used >= room) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.used + room));
    grown.set(this.buffer.subarray(0, this.used));
    this.buffer = grown;
  }
}
