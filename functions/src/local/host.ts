// The project's local host: node:http on 127.0.0.1 serving the same route table as Azure, for when
// Azure Functions Core Tools are absent (and for tests). Adds CORS for the task pane's origin.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createDeps, type DepsOptions } from '../deps';
import { compressResponse, type EncodedResponse } from '../http/compress';
import { createPipeline } from '../http/pipeline';
import { problem } from '../http/problem';
import type { ApiRequest, ApiResponse } from '../http/types';
import { routes } from '../routes';

export const DEFAULT_PORT = 7071;
export const DEFAULT_CORS_ORIGINS = ['https://localhost:3000', 'http://localhost:3000'];

export function corsOrigins(setting: string | undefined): string[] {
  if (!setting?.trim()) return DEFAULT_CORS_ORIGINS;
  return setting
    .split(',')
    .map((o) => o.trim().replace(/\/$/, ''))
    .filter(Boolean);
}

const BODYLESS = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS']);

function toApiRequest(req: IncomingMessage): ApiRequest {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const rawPath = q < 0 ? url : url.slice(0, q);
  return {
    method: req.method ?? 'GET',
    path: rawPath.startsWith('/') ? rawPath : new URL(rawPath, 'http://localhost').pathname,
    query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)),
    headers: {
      get(name) {
        const v = req.headers[name.toLowerCase()];
        return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
      },
    },
    body: BODYLESS.has((req.method ?? '').toUpperCase()) ? null : req,
  };
}

function send(req: IncomingMessage, res: ServerResponse, response: ApiResponse | EncodedResponse, extra: Record<string, string>) {
  if (res.headersSent) return;
  const vary = [extra.vary, response.headers.vary].filter(Boolean).join(', ');
  // Answered before the body was read (401, 413 …): discard the rest as it arrives, so the client can
  // finish sending and read the answer; nothing of it is kept.
  if (!req.complete) req.resume();
  res.writeHead(response.status, {
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    ...extra,
    ...response.headers,
    ...(vary ? { vary } : {}),
  });
  res.end(response.body);
}

export interface LocalHostOptions extends DepsOptions {
  port?: number;
  host?: string;
  /** Origins allowed by CORS; default BOSSPO_CORS_ORIGINS or the task pane's dev server. */
  corsOrigins?: string[];
}

/** Requests node:http refuses before they reach a handler (malformed, headers too large) still get a problem. */
function clientError(error: Error & { code?: string }, socket: Duplex) {
  if (!socket.writable) return socket.destroy();
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const body = JSON.stringify({
    type: `urn:bosspo:problem:${status === 431 ? 'headers-too-large' : 'malformed-request'}`,
    title: status === 431 ? 'Request header fields too large' : 'Malformed request',
    status,
    detail: status === 431 ? 'De kopregels van de aanvraag zijn te groot.' : 'Dit is geen geldige HTTP-aanvraag.',
  });
  socket.end(
    `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `content-type: application/problem+json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `connection: close\r\n\r\n${body}`,
  );
}

export function createLocalServer(options: LocalHostOptions = {}): Server {
  const env = options.env ?? process.env;
  const deps = createDeps(options);
  const handle = createPipeline(routes, deps);
  const allowed = new Set(options.corsOrigins ?? corsOrigins(env.BOSSPO_CORS_ORIGINS));

  const server = createServer(async (req, res) => {
    res.on('error', () => undefined);
    req.on('error', () => undefined);
    const origin = req.headers.origin;
    const cors: Record<string, string> =
      origin && allowed.has(origin)
        ? {
            'access-control-allow-origin': origin,
            vary: 'Origin',
            'access-control-expose-headers': 'retry-after, allow',
          }
        : {};
    try {
      if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
        const started = performance.now();
        const response: ApiResponse = cors['access-control-allow-origin']
          ? { status: 204, headers: {} }
          : problem(403, 'Deze herkomst (Origin) mag de API niet aanroepen.');
        send(req, res, response, {
          ...cors,
          ...(response.status === 204
            ? {
                'access-control-allow-methods': 'GET, POST, PUT, DELETE',
                'access-control-allow-headers': 'content-type, x-api-key, authorization',
                'access-control-max-age': '600',
              }
            : {}),
        });
        deps.log(
          JSON.stringify({
            time: new Date().toISOString(),
            method: 'OPTIONS',
            route: '(preflight)',
            status: response.status,
            ms: Math.round((performance.now() - started) * 10) / 10,
            role: 'anonymous',
          }),
        );
        return;
      }
      const response = await handle(toApiRequest(req));
      send(req, res, await compressResponse(response, req.headers['accept-encoding']), cors);
    } catch {
      send(req, res, problem(503, 'Er ging iets mis aan de kant van de server; probeer het zo opnieuw.'), cors);
    }
  });
  server.on('clientError', clientError);
  return server;
}

/** Start the local host; resolves once it listens. Port 0 picks a free port. */
export async function startLocalHost(options: LocalHostOptions = {}): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createLocalServer(options);
  server.requestTimeout = 120_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
