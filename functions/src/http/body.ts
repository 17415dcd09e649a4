// Reading a JSON body: the 10 MiB limit holds while the bytes stream in, so nothing larger is buffered.
import { jsonPointer, MAX_BODY_BYTES } from '../../../shared/api/common';

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

export interface ParsedBody {
  value: unknown;
  /** The first thing no schema may see, when the body holds one (see hostileInput). */
  hostile: { path: string; message: string } | null;
}

export function parseJson(bytes: Uint8Array): ParsedBody {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new BodyUnreadable('De body is geen geldige UTF-8-tekst.');
  }
  if (text.trim() === '') throw new BodyUnreadable('De body is leeg; verwacht JSON.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BodyUnreadable('De body is geen geldige JSON.');
  }
  // Both hazards below need `__proto__` in the text or a \u escape (the UTF-8 decoder is fatal, so a lone
  // surrogate can only come from an escape): plain bodies are not walked.
  const hostile = text.includes('__proto__') || text.includes('\\u') ? hostileInput(value) : null;
  return { value, hostile };
}

// A lone surrogate: a high one not followed by a low one, or a low one without a high one before it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What no schema may see, anywhere in a body: a key `__proto__` (zod's records drop it silently, and it
 * is never a key of this API: an unknown key, 400), and text that is not well-formed Unicode (a lone
 * surrogate would become U+FFFD in a storage key and merge different personnel numbers). Walked with
 * an explicit stack, so nesting depth cannot overflow the call stack.
 */
export function hostileInput(root: unknown): { path: string; message: string } | null {
  const stack: [value: unknown, path: string][] = [[root, '']];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return { path, message: 'tekst met een losse surrogaathelft: geen geldige Unicode' };
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${path}/${i}`]);
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        const at = path + jsonPointer([key]);
        if (key === '__proto__') return { path: at, message: 'onbekende sleutel "__proto__"' };
        if (LONE_SURROGATE.test(key)) return { path: at, message: 'sleutel met een losse surrogaathelft: geen geldige Unicode' };
        stack.push([(value as Record<string, unknown>)[key], at]);
      }
    }
  }
  return null;
}
