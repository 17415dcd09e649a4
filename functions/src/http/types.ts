// The handler's own request and response types: the Azure adapter (index.ts) and the local host
// (local/host.ts) each translate to and from these in a few lines, so both serve the same handlers.
import type { z } from 'zod';
import type { Caller } from '../auth/caller';
import type { AppDeps } from '../deps';

export interface ApiRequest {
  method: string;
  /** The raw (still percent-encoded) path, e.g. `/api/register/BOOR/records`. */
  path: string;
  query: URLSearchParams;
  headers: { get(name: string): string | null };
  /** The body as it streams in; null when there is none. */
  body: AsyncIterable<Uint8Array> | null;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HandlerContext<P, Q, B, E = unknown> {
  params: P;
  query: Q;
  body: B;
  caller: Caller | null;
  /** What the route's `early` started before the body was read (null when it has none or there is no caller). */
  early: Promise<E> | null;
  /** The request's headers (content negotiation: Accept). */
  headers: ApiRequest['headers'];
  deps: AppDeps;
}

/** Who may call a route: anyone, any caller with a key, or a rule over the caller and the path. */
export type Access = 'anyone' | 'caller' | ((caller: Caller, params: Record<string, string>) => boolean);

export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  E = unknown,
> {
  /** Function name in Azure. */
  name: string;
  method: HttpMethod;
  /** Template below the `/api` prefix, e.g. `needs/{schoolYear}/{board}` (Azure route syntax). */
  route: string;
  access: Access;
  params?: P;
  query?: Q;
  /** A JSON body: refused with 413 when `tooLarge` says so (before the schema), 400 when the schema fails. */
  body?: {
    schema: B;
    tooLarge?: (json: unknown) => string | null;
    /** The schema's safeParse, faster for large bodies; must accept, reject and report exactly as `schema`. */
    parse?: (json: unknown) => z.ZodSafeParseResult<z.infer<B>>;
  };
  /**
   * Started once the caller is known, before the body is read, so that a storage round trip the handler
   * will need overlaps reading and checking the body. Its outcome matters only if the handler awaits it:
   * a failure is then the handler's (503), else it is ignored.
   */
  early?: (caller: Caller, deps: AppDeps) => Promise<E>;
  handler: (ctx: HandlerContext<z.infer<P>, z.infer<Q>, z.infer<B>, E>) => Promise<ApiResponse>;
}

/** Keeps each route's handler typed by its own schemas inside a mixed table. */
export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, E = unknown>(
  def: RouteDef<P, Q, B, E>,
): RouteDef {
  return def as unknown as RouteDef;
}
