// Azure Functions (Node.js v4 model) entry: registers the route table with app.http. Each function
// hands the request to the same pipeline the local host uses, which does its own route matching, so a
// catch-all function turns unknown paths and wrong methods into problem+json 404/405 as well.
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { ConfigError } from './auth/keys';
import { compressResponse } from './http/compress';
import { createDeps } from './deps';
import { createPipeline } from './http/pipeline';
import { problem } from './http/problem';
import type { ApiResponse } from './http/types';
import { routes } from './routes';

// Stream request bodies, so the 10 MiB limit holds while they come in.
app.setup({ enableHttpStream: true });

let pipeline: ((req: Parameters<ReturnType<typeof createPipeline>>[0]) => Promise<ApiResponse>) | null = null;
let configProblem: string | null = null;

function getPipeline() {
  if (!pipeline && !configProblem) {
    try {
      pipeline = createPipeline(routes, createDeps());
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      configProblem = e.message;
      console.error(`bosspo: ${e.message}`);
    }
  }
  return pipeline;
}

async function* chunks(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

async function handler(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  const handle = getPipeline();
  const res = handle
    ? await handle({
        method: request.method,
        path: new URL(request.url).pathname,
        query: request.query,
        headers: request.headers,
        body: request.body ? chunks(request.body as ReadableStream<Uint8Array>) : null,
      })
    : problem(503, 'De functie-app is niet goed ingesteld (app-instellingen); zie de logboeken.');
  // Compressed here, because nothing on the way does it for us: the Functions host hands a function's
  // body on as it is (the Node.js worker has no response-compression option), App Service on Linux
  // does not compress, IIS dynamic compression on a Windows plan covers only some text types, and Azure
  // Front Door compresses only when switched on and only bodies up to 1 MB. A body that already has a
  // Content-Encoding is passed through unchanged.
  const out = await compressResponse(res, request.headers.get('accept-encoding'));
  return { status: out.status, headers: out.headers, body: out.body };
}

for (const route of routes)
  app.http(route.name, { methods: [route.method], route: route.route, authLevel: 'anonymous', handler });

app.http('fallback', {
  methods: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'],
  route: '{*path}',
  authLevel: 'anonymous',
  handler,
});
