// Reading a JSON body: the 10 MiB limit holds while the bytes stream in, so nothing larger is buffered.
import { MAX_BODY_BYTES } from '../../../shared/api/common';

export class BodyTooLarge extends Error {
  constructor() {
    super('body too large');
    this.name = 'BodyTooLarge';
  }
}

export class BodyUnreadable extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'BodyUnreadable';
  }
}

/** Is the content type JSON in UTF-8 (`application/json`, optionally `; charset=utf-8`)? */
export function isJsonContentType(value: string | null): boolean {
  if (!value) return false;
  const [type, ...params] = value.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || /^charset="?utf-8"?$/.test(p));
}

/** The declared length, when it already shows the body is too large. */
export function declaredTooLarge(contentLength: string | null, limit = MAX_BODY_BYTES): boolean {
  if (!contentLength) return false;
  const n = Number(contentLength);
  return Number.isFinite(n) && n > limit;
}

export async function readBody(stream: AsyncIterable<Uint8Array> | null, limit = MAX_BODY_BYTES): Promise<Uint8Array> {
  if (!stream) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += chunk.byteLength;
      if (total > limit) throw new BodyTooLarge();
      chunks.push(chunk);
    }
  } catch (e) {
    if (e instanceof BodyTooLarge) throw e;
    // The client went away mid-body: its request, not a server fault.
    throw new BodyUnreadable('De body kwam niet volledig aan.');
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export function parseJson(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new BodyUnreadable('De body is geen geldige UTF-8-tekst.');
  }
  if (text.trim() === '') throw new BodyUnreadable('De body is leeg; verwacht JSON.');
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyUnreadable('De body is geen geldige JSON.');
  }
}
