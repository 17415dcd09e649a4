// Draws the add-in's ribbon and store icons (16/32/64/80 px) with a tiny PNG encoder, so the project owns
// them and can rebuild them without an image editor: `npx tsx addin/scripts/make-icons.ts`.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 64, 80] as const;
const BLUE: Rgba = [0, 94, 184, 255]; // Boss po blue-ish tile
const WHITE: Rgba = [255, 255, 255, 255];
type Rgba = [number, number, number, number];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixels (row-major) → PNG bytes. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Distance from point p to segment a–b. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** A rounded blue tile with a white check mark, anti-aliased by 4×4 supersampling. */
export function drawIcon(size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const radius = size * 0.2;
  const stroke = Math.max(1.2, size * 0.11);
  const check: [number, number][] = [
    [0.24, 0.53],
    [0.42, 0.71],
    [0.77, 0.31],
  ];
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let tile = 0;
      let mark = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = x + (sx + 0.5) / samples;
          const py = y + (sy + 0.5) / samples;
          const cx = Math.min(Math.max(px, radius), size - radius);
          const cy = Math.min(Math.max(py, radius), size - radius);
          if (Math.hypot(px - cx, py - cy) <= radius) tile++;
          const [a, b, c] = check.map(([u, v]) => [u * size, v * size] as const);
          const d = Math.min(segmentDistance(px, py, a![0], a![1], b![0], b![1]), segmentDistance(px, py, b![0], b![1], c![0], c![1]));
          if (d <= stroke / 2) mark++;
        }
      }
      const n = samples * samples;
      const alpha = tile / n;
      const m = Math.min(mark, tile) / n / Math.max(alpha, 1e-9);
      const i = (y * size + x) * 4;
      for (let k = 0; k < 3; k++) out[i + k] = Math.round(BLUE[k]! * (1 - m) + WHITE[k]! * m);
      out[i + 3] = Math.round(255 * alpha);
    }
  }
  return out;
}

const here = dirname(fileURLToPath(import.meta.url));
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const size of SIZES) {
    const file = join(here, '..', 'assets', `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`wrote ${file}`);
  }
}
