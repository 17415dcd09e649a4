// The project's local host: node:http on 127.0.0.1 serving the same route table as Azure, for when
// Azure Functions Core Tools are absent (and for tests). Adds CORS for the task pane's origin.
import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
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
  /** How often node:http looks for requests past their timeouts (ms; Node's default 30 s). */
  connectionsCheckingInterval?: number;
}

/**
 * A problem written straight onto the socket, for requests node:http answers before (or instead of)
 * the request handler: there is no response object then (Node's `clientError` and `connect` events).
 */
function rawProblem(socket: Duplex, status: number, reason: string, slug: string, detail: string) {
  const body = JSON.stringify({ type: `urn:bosspo:problem:${slug}`, title: reason, status, detail });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\n` +
      `content-type: application/problem+json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `x-content-type-options: nosniff\r\ncache-control: no-store\r\nconnection: close\r\n\r\n${body}`,
  );
}

/** node:http's parse and timeout errors, with the status Node itself would answer (its docs, 'clientError'). */
const CLIENT_ERRORS: Readonly<Record<string, [status: number, reason: string, slug: string, detail: string]>> = Object.assign(
  Object.create(null) as Record<string, [number, string, string, string]>,
  {
    HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'headers-too-large', 'De kopregels van de aanvraag zijn te groot.'],
    HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'Payload Too Large', 'too-large', 'De chunk-extensies van de aanvraag zijn te groot.'],
    ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'request-timeout', 'De aanvraag kwam niet op tijd binnen.'],
  },
);

/**
 * Requests node:http refuses before they reach a handler (a malformed request line, a bad
 * Content-Length or Transfer-Encoding, header characters it rejects, headers too large, too slow) get
 * a problem too. What Node does not let anyone answer, and so stays without a problem body:
 * - a client that already closed or reset its side (nothing can be written: the socket is destroyed);
 * - an error on a keep-alive connection while the answer to an earlier request on it is being written
 *   (a second response cannot be put in the middle of the first: the connection is closed);
 * - bytes that are no HTTP at all after a complete answer (nothing to answer them with).
 */
function clientError(error: Error & { code?: string }, socket: Duplex) {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) return socket.destroy();
  const [status, reason, slug, detail] = CLIENT_ERRORS[error.code ?? ''] ?? [
    400,
    'Bad Request',
    'malformed-request',
    'Dit is geen geldige HTTP-aanvraag.',
  ];
  rawProblem(socket, status, reason, slug, detail);
}

/** RFC 9112 §3.2: an HTTP/1.1 request has exactly one Host header (HTTP/1.0 may have none). */
function hostProblem(req: IncomingMessage): ApiResponse | null {
  let hosts = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]!.toLowerCase() === 'host') hosts++;
  if (hosts > 1) return problem(400, 'De aanvraag heeft meer dan één Host-kopregel.');
  if (hosts === 0 && req.httpVersionMajor === 1 && req.httpVersionMinor >= 1)
    return problem(400, 'De aanvraag heeft geen Host-kopregel (verplicht in HTTP/1.1).');
  return null;
}

export function createLocalServer(options: LocalHostOptions = {}): Server {
  const env = options.env ?? process.env;
  const deps = createDeps(options);
  const handle = createPipeline(routes, deps);
  const allowed = new Set(options.corsOrigins ?? corsOrigins(env.BOSSPO_CORS_ORIGINS));

  // requireHostHeader off: Node would answer a missing Host with a bare 400; hostProblem answers it.
  const serverOptions: ServerOptions = {
    requireHostHeader: false,
    ...(options.connectionsCheckingInterval ? { connectionsCheckingInterval: options.connectionsCheckingInterval } : {}),
  };
  const server = createServer(serverOptions, async (req, res) => {
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
      const badHost = hostProblem(req);
      if (badHost) {
        res.setHeader('connection', 'close');
        return send(req, res, badHost, cors);
      }
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
  // Without these listeners Node answers `Expect: <anything but 100-continue>` with a bare 417 and
  // drops CONNECT requests without an answer.
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('connection', 'close');
    send(req, res, problem(417, 'Alleen "Expect: 100-continue" wordt ondersteund.'), {});
  });
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => undefined);
    rawProblem(socket, 405, 'Method Not Allowed', 'method-not-allowed', 'CONNECT wordt niet ondersteund.');
  });
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
