// node:zlib for the zip container (command line, tests, benchmarks): native code, faster than fflate. Never
// imported by the browser bundle. Level 5, like fflate's in xlsx/codec.ts: on the 13.6 MB sheet part of the
// 20,000-row bench workbook 77 ms and 1.31 MB, against 134 ms and 1.24 MB at level 6 (fflate level 5: 216 ms).
// The CRC-32 comes from zlib too: a gzip member (RFC 1952) is a raw deflate stream between a 10-byte header
// and a trailer of CRC-32 and size, which gunzip checks. That saves a JavaScript CRC pass over every part
// read or written (about 45 ms for that sheet part).
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Codec } from './codec';
import { WorkbookError } from './errors';

const GZIP_HEADER = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];

/**
 * Inflate into one buffer of the size the zip directory gives (one byte more, so that zlib need not ask for
 * a second one to finish the member), not zlib's 16 KiB chunks joined by a copy at the end: 4.2 against
 * 6.2 ms for the 6 MB sheet part of the 20,000-row bench workbook, and no chunks left for the collector.
 * Between 16 KiB (zlib's own chunk) and 64 MiB, so a size field that lies costs no more than before.
 */
const chunkFor = (size: number) => Math.max(16 * 1024, Math.min(size + 1, 64 * 1024 * 1024));

export const nodeCodec: Codec = {
  deflate: (data) => {
    const gz = gzipSync(data, { level: 5 });
    return { data: new Uint8Array(gz.buffer, gz.byteOffset + 10, gz.length - 18), crc32: gz.readUInt32LE(gz.length - 8) };
  },
  inflate: (data, size, crc) => {
    const member = Buffer.allocUnsafe(data.length + 18);
    member.set(GZIP_HEADER, 0);
    member.set(data, 10);
    member.writeUInt32LE(crc >>> 0, data.length + 10);
    member.writeUInt32LE(size >>> 0, data.length + 14);
    let out: Buffer;
    try {
      out = gunzipSync(member, { chunkSize: chunkFor(size) });
    } catch (e) {
      throw new WorkbookError('damaged', e instanceof Error ? e.message : String(e));
    }
    if (out.length !== size) throw new WorkbookError('damaged', 'size mismatch');
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  },
};
