// A small typed client of the HTTP API (interfaces.md §3) for Node 20 and the browser: fetch only.
// Every answer is checked against its schema; every error becomes an ApiError.
import type { z } from 'zod';
import { PlanSchema, type Plan } from '../plan/schema';
import { HealthSchema, ProblemSchema, PROBLEM_CONTENT_TYPE, type Health, type ProblemError } from './common';
import { MeResponseSchema, type MeResponse } from './me';
import { EvaluateResponseSchema, type EvaluateRequestInput, type EvaluateResponse } from './evaluate';
import { parseEvaluateResponse } from './fast-parse';
import { COMPACT_MEDIA_TYPE, decodeEvaluateResponse, encodeEvaluateRequest } from './compact';
import type { Language } from '../rules/messages';
import {
  BoardNeedsResponseSchema,
  NeedsGetResponseSchema,
  NeedsPutResponseSchema,
  type BoardNeedsResponse,
  type NeedsGetResponse,
  type NeedsPutInput,
  type NeedsPutResponse,
} from './needs';
import {
  RegisterEraseResponseSchema,
  RegisterListResponseSchema,
  RegisterPutResponseSchema,
  type RegisterEraseResponse,
  type RegisterListQuery,
  type RegisterListResponse,
  type RegisterPutResponse,
  type RegisterRecordInput,
} from './register';

export interface ApiClientOptions {
  /** e.g. `http://127.0.0.1:7071` (with or without `/api`). */
  baseUrl: string;
  /** Sent as `x-api-key` (local use, scripts, tests). */
  apiKey?: string;
  /** A bearer token for App Service Authentication in Azure (e.g. from MSAL). */
  getToken?: () => Promise<string>;
  /** Another fetch (tests); default the global one. */
  fetch?: typeof fetch;
}

/** An API call that did not succeed. `status` 0: the API could not be reached or answered nonsense. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly type: string;
  readonly errors: ProblemError[];
  /** Seconds to wait before retrying (503), when the server said so. */
  readonly retryAfter: number | null;

  constructor(init: {
    status: number;
    title: string;
    detail: string;
    type?: string;
    errors?: ProblemError[];
    retryAfter?: number | null;
    cause?: unknown;
  }) {
    super(`${init.status ? `${init.status} ` : ''}${init.title}: ${init.detail}`, { cause: init.cause });
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type ?? 'about:blank';
    this.errors = init.errors ?? [];
    this.retryAfter = init.retryAfter ?? null;
  }

  /** true when the API could not be reached at all (offer in-process evaluation instead). */
  get unreachable(): boolean {
    return this.status === 0;
  }
}

export interface PutNeedsResult extends NeedsPutResponse {
  /** 201: a new version was stored; 200: the body equalled the latest version. */
  httpStatus: 200 | 201;
}

const seg = (s: string) => encodeURIComponent(s);

export function createApiClient(options: ApiClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '').replace(/\/api$/, '') + '/api';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function call<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    body?: unknown,
    /** The schema's safeParse, faster for large answers (same result); given the answer's content type. */
    parse: (json: unknown, contentType: string) => z.ZodSafeParseResult<z.infer<S>> = (json) => schema.safeParse(json),
    accept = 'application/json',
  ): Promise<{ data: z.infer<S>; status: number }> {
    // Compressed answers are unpacked by fetch itself. Node's fetch asks for gzip and deflate only
    // unless told: br first, smaller and about a third of gunzip's time to unpack (the compact answer
    // for 10,000 people: 143 KiB br against 177 KiB gzip, 1.6 ms against 4.4 ms; bench/api-stages.ts).
    // A browser drops this header (the Fetch standard forbids setting it) and asks for br itself.
    const headers: Record<string, string> = { accept, 'accept-encoding': 'br, gzip' };
    if (options.apiKey) headers['x-api-key'] = options.apiKey;
    if (options.getToken) headers.authorization = `Bearer ${await options.getToken()}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw new ApiError({
        status: 0,
        title: 'API niet bereikbaar',
        detail: `Geen verbinding met ${base}. Controleer het adres en of de server draait.`,
        cause,
      });
    }
    const text = await response.text().catch(() => '');
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const problem = ProblemSchema.safeParse(json);
      const retry = Number(response.headers.get('retry-after'));
      const retryAfter = Number.isFinite(retry) && retry >= 0 ? retry : null;
      if (problem.success && (response.headers.get('content-type') ?? '').startsWith(PROBLEM_CONTENT_TYPE))
        throw new ApiError({ ...problem.data, status: response.status, retryAfter });
      throw new ApiError({
        status: response.status,
        title: response.statusText || 'Fout',
        detail: `De API antwoordde met status ${response.status}.`,
        retryAfter,
      });
    }
    const parsed = parse(json, (response.headers.get('content-type') ?? '').toLowerCase());
    if (!parsed.success)
      throw new ApiError({
        status: 0,
        title: 'Onverwacht antwoord',
        detail: `Het antwoord van ${method} ${path.split('?')[0]} heeft niet de verwachte vorm.`,
        cause: parsed.error,
      });
    return { data: parsed.data, status: response.status };
  }

  const client = {
    baseUrl: base,
    async health(): Promise<Health> {
      return (await call('GET', '/health', HealthSchema)).data;
    },
    async getPlan(): Promise<Plan> {
      return (await call('GET', '/plan', PlanSchema)).data;
    },
    /** Who the caller is: role, board, name (GET /api/me). */
    async me(): Promise<MeResponse> {
      return (await call('GET', '/me', MeResponseSchema)).data;
    },
    /** POST /api/evaluate in the documented form, both ways. */
    async evaluate(request: EvaluateRequestInput): Promise<EvaluateResponse> {
      return (await call('POST', '/evaluate', EvaluateResponseSchema, request, parseEvaluateResponse)).data;
    },
    /**
     * POST /api/evaluate in the compact form both ways (shared/api/compact.ts): the same answer as
     * `evaluate`, with every message rendered here from the shared message table in `language`.
     */
    async evaluateCompact(request: EvaluateRequestInput, language: Language = 'nl'): Promise<EvaluateResponse> {
      const decode = (json: unknown, contentType: string) =>
        contentType.startsWith(COMPACT_MEDIA_TYPE) ? decodeEvaluateResponse(json, language) : parseEvaluateResponse(json);
      const accept = `${COMPACT_MEDIA_TYPE}, application/json;q=0.5`;
      return (await call('POST', '/evaluate', EvaluateResponseSchema, encodeEvaluateRequest(request), decode, accept)).data;
    },
    async putNeeds(schoolYear: string, board: string, body: NeedsPutInput): Promise<PutNeedsResult> {
      const { data, status } = await call('PUT', `/needs/${seg(schoolYear)}/${seg(board)}`, NeedsPutResponseSchema, body);
      return { ...data, httpStatus: status === 201 ? 201 : 200 };
    },
    async getNeeds(schoolYear: string): Promise<NeedsGetResponse> {
      return (await call('GET', `/needs/${seg(schoolYear)}`, NeedsGetResponseSchema)).data;
    },
    /** The board's own latest need and its history (that board, or pabo). */
    async getBoardNeeds(schoolYear: string, board: string): Promise<BoardNeedsResponse> {
      return (await call('GET', `/needs/${seg(schoolYear)}/${seg(board)}`, BoardNeedsResponseSchema)).data;
    },
    async putRegister(board: string, records: RegisterRecordInput[]): Promise<RegisterPutResponse> {
      return (await call('PUT', `/register/${seg(board)}/records`, RegisterPutResponseSchema, { records })).data;
    },
    async listRegister(board: string, query: RegisterListQuery = {}): Promise<RegisterListResponse> {
      const q = new URLSearchParams();
      if (query.personId !== undefined) q.set('personId', query.personId);
      if (query.pageSize !== undefined) q.set('pageSize', String(query.pageSize));
      if (query.continuation !== undefined) q.set('continuation', query.continuation);
      const qs = q.toString();
      return (await call('GET', `/register/${seg(board)}/records${qs ? `?${qs}` : ''}`, RegisterListResponseSchema)).data;
    },
    /** Every record of the board, following continuations. */
    async listAllRegister(board: string, query: Omit<RegisterListQuery, 'continuation'> = {}) {
      const all: RegisterListResponse['records'] = [];
      let continuation: string | undefined;
      do {
        const page = await client.listRegister(board, { ...query, continuation });
        all.push(...page.records);
        continuation = page.continuation ?? undefined;
      } while (continuation);
      return all;
    },
    async erasePerson(board: string, personId: string): Promise<RegisterEraseResponse> {
      return (await call('DELETE', `/register/${seg(board)}/people/${seg(personId)}`, RegisterEraseResponseSchema)).data;
    },
  };
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;
