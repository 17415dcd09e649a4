// RFC 9457 problem responses and JSON answers: the only way handlers build a response.
import { PROBLEM_CONTENT_TYPE, type Problem, type ProblemError } from '../../../shared/api/common';
import type { ApiResponse } from './types';

const TITLES: Record<number, [slug: string, title: string]> = {
  400: ['invalid-request', 'Invalid request'],
  401: ['unauthenticated', 'Unauthenticated'],
  403: ['forbidden', 'Forbidden'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  408: ['request-timeout', 'Request timeout'],
  413: ['too-large', 'Payload too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  417: ['expectation-failed', 'Expectation failed'],
  503: ['unavailable', 'Service unavailable'],
};

export const RETRY_AFTER_SECONDS = 5;

export function problem(
  status: number,
  detail: string,
  extra: { errors?: ProblemError[]; headers?: Record<string, string>; title?: string } = {},
): ApiResponse {
  const [slug, title] = TITLES[status] ?? ['error', 'Error'];
  const body: Problem = { type: `urn:bosspo:problem:${slug}`, title: extra.title ?? title, status, detail };
  if (extra.errors) body.errors = extra.errors;
  return {
    status,
    headers: { 'content-type': `${PROBLEM_CONTENT_TYPE}; charset=utf-8`, ...extra.headers },
    body: JSON.stringify(body),
  };
}

export const badRequest = (detail: string, errors: ProblemError[] = []) => problem(400, detail, { errors });
export const unauthorized = () =>
  problem(401, 'Geen of een onbekende sleutel: stuur een geldige x-api-key of meld je aan.');
export const forbidden = () => problem(403, 'Deze sleutel of rol mag dit niet.');
export const unavailable = (detail = 'De opslag is tijdelijk niet bereikbaar; probeer het zo opnieuw.') =>
  problem(503, detail, { headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } });

export function json(status: number, data: unknown, headers: Record<string, string> = {}): ApiResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(data),
  };
}

export const ok = (data: unknown) => json(200, data);
