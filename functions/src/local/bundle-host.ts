// Serves the deployable package (dist/api/index.js) over node:http on plain Node, as the Functions
// host would: it provides the worker's built-in module '@azure/functions-core' the way the Node.js
// worker does (a hook on Module.prototype.require), loads the package, collects the HTTP functions it
// registers with app.http and routes requests to their handlers. So what azd deploys is what the tests
// drive. Settings come from the environment; prints {"listening": url} first, then the app's log lines.
// Usage: node dist/api-local/host.js [package folder, default ../api]   (PORT, default 7071; 0 = free)
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import Module from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface Binding {
  type: string;
  direction?: string;
  route?: string;
  methods?: string[];
}
interface Registered {
  name: string;
  route: string;
  methods: Set<string>;
  pattern: RegExp;
  catchAll: boolean;
  handler: (request: unknown, context: unknown) => Promise<{ status?: number; headers?: Record<string, string> | Headers; body?: unknown }>;
}

const functions: Registered[] = [];

function routePattern(route: string): { pattern: RegExp; catchAll: boolean } {
  let catchAll = false;
  const source = route
    .split('/')
    .map((part) => {
      if (/^\{\*[^}]+\}$/.test(part)) {
        catchAll = true;
        return '(?:.*)';
      }
      if (/^\{[^}]+\}$/.test(part)) return '[^/]+';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`, 'i'), catchAll };
}

const coreApi = {
  version: 'bosspo-bundle-host',
  hostVersion: '4',
  setProgrammingModel: () => undefined,
  getProgrammingModel: () => undefined,
  registerHook: () => ({ dispose: () => undefined }),
  log: () => undefined,
  registerFunction(metadata: { name: string; bindings: Record<string, Binding> }, handler: Registered['handler']) {
    const trigger = Object.values(metadata.bindings).find((b) => b.type === 'httpTrigger');
    if (!trigger) throw new Error(`bundle host: function ${metadata.name} has no HTTP trigger`);
    const route = trigger.route ?? metadata.name;
    functions.push({ name: metadata.name, route, methods: new Set((trigger.methods ?? ['GET', 'POST']).map((m) => m.toUpperCase())), ...routePattern(route), handler });
    return { dispose: () => undefined };
  },
};

// The Node.js worker's mechanism for its built-in module (azure-functions-nodejs-worker, setupCoreModule).
const proto = Module.prototype as unknown as { require: (id: string) => unknown };
proto.require = new Proxy(proto.require, {
  apply(target, thisArg, args: [string]) {
    return args[0] === '@azure/functions-core' ? coreApi : Reflect.apply(target, thisArg, args);
  },
});

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(process.argv[2] ?? join(here, '..', 'api'));
await import(pathToFileURL(join(packageDir, 'index.js')).href);
// The Functions host prefers literal routes over a catch-all ({*path}).
functions.sort((a, b) => Number(a.catchAll) - Number(b.catchAll));

function webRequest(req: IncomingMessage, url: URL) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  const method = (req.method ?? 'GET').toUpperCase();
  const body = method === 'GET' || method === 'HEAD' ? null : (Readable.toWeb(req) as ReadableStream<Uint8Array>);
  return { method, url: url.href, headers, query: url.searchParams, params: {}, body };
}

const server = createServer(async (req, res) => {
  res.on('error', () => undefined);
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname.replace(/^\/api\/?/, '');
  const method = (req.method ?? 'GET').toUpperCase();
  const fn = url.pathname.startsWith('/api') ? functions.find((f) => f.pattern.test(path) && f.methods.has(method)) : undefined;
  if (!fn) {
    res.writeHead(404);
    res.end();
    return;
  }
  try {
    const answer = await fn.handler(webRequest(req, url), { functionName: fn.name, invocationId: 'local', log: () => undefined });
    if (!req.complete) req.resume();
    const headers = answer.headers instanceof Headers ? Object.fromEntries(answer.headers) : (answer.headers ?? {});
    res.writeHead(answer.status ?? 200, headers);
    const body = answer.body;
    res.end(body === undefined || body === null ? undefined : typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body));
  } catch {
    res.writeHead(500);
    res.end();
  }
});
const port = process.env.PORT === undefined || process.env.PORT === '' ? 7071 : Number(process.env.PORT);
server.listen(port, '127.0.0.1', () => {
  console.log(JSON.stringify({ listening: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, functions: functions.map((f) => f.name) }));
});
const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 3_000).unref();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
