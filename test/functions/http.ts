// Test helpers: requests with any method, key, content type or raw bytes, and problem+json checks.
import { connect } from 'node:net';
import { expect } from 'vitest';
import { TEST_KEYS, type TestCaller } from '../support/api-server';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export async function send(
  baseUrl: string,
  method: string,
  path: string,
  options: {
    who?: TestCaller | null;
    key?: string;
    body?: unknown;
    raw?: string | Uint8Array | ReadableStream<Uint8Array>;
    contentType?: string | null;
    headers?: Record<string, string>;
  } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  const key = options.key ?? (options.who ? TEST_KEYS[options.who] : undefined);
  if (key !== undefined) headers['x-api-key'] = key;
  let body: BodyInit | undefined;
  if (options.raw !== undefined) body = options.raw as BodyInit;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && options.contentType !== null) headers['content-type'] = options.contentType ?? 'application/json';
  const init: RequestInit & { duplex?: 'half' } = { method, headers, body };
  if (body instanceof ReadableStream) init.duplex = 'half';
  const res = await fetch(baseUrl + path, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** A raw HTTP/1.1 exchange over a socket, for requests fetch refuses to send. */
export function rawExchange(
  port: number,
  request: string | Buffer,
  options: { hangUp?: boolean } = {},
): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (data += d));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', ...rest] = data.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      const body = rest.join('\r\n\r\n');
      resolve({ status, head, body: /^transfer-encoding: *chunked/im.test(head) ? dechunk(body) : body });
    });
    socket.write(request);
    // hangUp: the client stops sending halfway (a truncated body) and closes its side.
    if (options.hangUp) socket.end();
  });
}

/** The payload of a chunked body (chunk sizes in hex, then the chunk; 0 ends it). */
function dechunk(text: string): string {
  const body = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = parseInt(body.subarray(at, eol).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts).toString('utf8');
}

/** The answer is an RFC 9457 problem with this status. */
export function expectProblem(answer: { status: number; headers?: Headers; json: unknown }, status: number) {
  expect(answer.status, JSON.stringify(answer.json)).toBe(status);
  if (answer.headers) expect(answer.headers.get('content-type') ?? '').toMatch(/^application\/problem\+json/);
  const p = answer.json as Record<string, unknown>;
  expect(p).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  expect(JSON.stringify(p)).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+/);
}
