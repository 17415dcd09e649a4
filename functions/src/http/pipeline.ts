// Every request goes through here, checks in the order of interfaces.md §3: route (404, 405, and 404 for a
// board that is not a known board), caller (401, 403), content type (415), size (413), body (400). Nothing
// escapes as a 500: an unexpected failure becomes a 503 problem without internals, a storage 400 a 400.
// One log line per request.
import { RestError } from '@azure/data-tables';
import type { z } from 'zod';
import { zodProblems } from '../../../shared/api/common';
import { primaryRole, type Caller } from '../auth/caller';
import { identifyCaller } from '../auth/identify';
import type { AppDeps } from '../deps';
import { InvalidContinuation } from '../storage/register-repository';
import { isUnavailable } from '../storage/tables';
import { BodyTooLarge, BodyUnreadable, declaredTooLarge, isJsonContentType, parseJson, readBody, type ParsedBody } from './body';
import { badRequest, forbidden, problem, unauthorized, unavailable } from './problem';
import { matchRoute } from './router';
import type { ApiRequest, ApiResponse, RouteDef } from './types';

interface Outcome {
  response: ApiResponse;
  route: string;
  caller: Caller | null;
}

type Checked<T> = { ok: true; value: T } | { ok: false; response: ApiResponse };

function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: string,
  parse: (value: unknown) => z.ZodSafeParseResult<z.infer<S>> = (v) => schema.safeParse(v),
): Checked<z.infer<S>> {
  const parsed = parse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = zodProblems(parsed.error);
  const total = parsed.error.issues.length;
  const more = total > errors.length ? ` (${total} fouten, de eerste ${errors.length} staan in errors)` : '';
  return { ok: false, response: badRequest(`${where} klopt niet${more}.`, errors) };
}

async function run(req: ApiRequest, routes: readonly RouteDef[], deps: AppDeps, out: Outcome): Promise<ApiResponse> {
  const match = matchRoute(routes, req.method, req.path);
  if (match.kind === 'none') return problem(404, 'Dit adres bestaat niet in de API.');
  if (match.kind === 'method') {
    out.route = `/api/${match.template}`;
    return problem(405, `Gebruik ${match.allow.join(' of ')} voor dit adres.`, {
      headers: { allow: match.allow.join(', ') },
    });
  }
  const { route, params } = match;
  out.route = `/api/${route.route}`;

  // A board in the path is a known board, whoever asks (the list is not secret): checked with the route.
  if (params.board !== undefined) {
    const board = deps.boards.find(params.board);
    if (board === undefined)
      return problem(404, `Onbekend bestuur. De API kent deze besturen: ${deps.boards.names.join(', ')}.`, {
        title: 'Unknown board',
      });
    params.board = board;
  }

  if (route.access !== 'anyone') {
    const caller = await identifyCaller(req, deps);
    out.caller = caller;
    if (!caller) return unauthorized();
    if (caller.roles.length === 0) return forbidden();
    if (route.access !== 'caller' && !route.access(caller, params)) return forbidden();
  }

  // Started now, awaited (or not) by the handler; a failure nobody awaits is not an unhandled rejection.
  const early = route.early && out.caller ? route.early(out.caller, deps) : null;
  early?.catch(() => undefined);

  let json: unknown = undefined;
  if (route.body) {
    if (!isJsonContentType(req.headers.get('content-type')))
      return problem(415, 'Stuur JSON met Content-Type: application/json (UTF-8).');
    const tooLarge = () => problem(413, 'De body is groter dan 10 MiB.');
    if (declaredTooLarge(req.headers.get('content-length'))) return tooLarge();
    let parsed: ParsedBody;
    try {
      parsed = parseJson(await readBody(req.body));
    } catch (e) {
      if (e instanceof BodyTooLarge) return tooLarge();
      if (e instanceof BodyUnreadable) return badRequest(e.detail, [{ path: '', message: e.detail }]);
      throw e;
    }
    json = parsed.value;
    const countProblem = route.body.tooLarge?.(json);
    if (countProblem) return problem(413, countProblem);
    if (parsed.hostile) return badRequest('De body klopt niet.', [parsed.hostile]);
  }

  const p = route.params ? validate(route.params, params, 'Het adres') : { ok: true as const, value: params };
  if (!p.ok) return p.response;
  const q = route.query
    ? validate(route.query, Object.fromEntries(req.query), 'De querystring')
    : { ok: true as const, value: {} };
  if (!q.ok) return q.response;
  const b = route.body ? validate(route.body.schema, json, 'De body', route.body.parse) : { ok: true as const, value: undefined };
  if (!b.ok) return b.response;

  return route.handler({ params: p.value, query: q.value, body: b.value, caller: out.caller, early, headers: req.headers, deps });
}

/** Map a failure to a problem: storage outages and anything unexpected both become 503, never 500. */
function failure(error: unknown, deps: AppDeps): ApiResponse {
  if (error instanceof InvalidContinuation)
    return badRequest('Het vervolgtoken (continuation) is ongeldig.', [{ path: '/continuation', message: 'ongeldig' }]);
  if (error instanceof RestError && error.statusCode === 404 && /TableNotFound/i.test(String(error.code))) {
    deps.storage.reset();
    return unavailable();
  }
  if (isUnavailable(error)) return unavailable();
  // The storage answered and refused what this request carried: the client's input, never a 503.
  if (error instanceof RestError && error.statusCode === 400)
    return badRequest('De opslag weigert een waarde uit deze aanvraag.', [{ path: '', message: 'geweigerd door de opslag' }]);
  return unavailable('Er ging iets mis aan de kant van de server; probeer het zo opnieuw.');
}

export function createPipeline(routes: readonly RouteDef[], deps: AppDeps) {
  return async function handle(req: ApiRequest): Promise<ApiResponse> {
    const started = performance.now();
    const out: Outcome = { response: undefined as unknown as ApiResponse, route: '(none)', caller: null };
    let error: string | undefined;
    try {
      out.response = await run(req, routes, deps, out);
    } catch (e) {
      // The error's class and code only: messages may carry keys or values.
      error = `${(e as Error)?.name ?? 'Error'}${(e as { code?: unknown })?.code ? `:${String((e as { code?: unknown }).code)}` : ''}`;
      out.response = failure(e, deps);
    }
    deps.log(
      JSON.stringify({
        time: new Date().toISOString(),
        method: req.method.slice(0, 10),
        route: out.route,
        status: out.response.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        role: primaryRole(out.caller),
        ...(error ? { error } : {}),
      }),
    );
    return out.response;
  };
}
