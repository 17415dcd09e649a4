// Matching a raw path against the route table: 404 when no template fits, 405 when only the method differs.
import type { HttpMethod, RouteDef } from './types';

export const API_PREFIX = '/api/';

export type Match =
  | { kind: 'found'; route: RouteDef; params: Record<string, string> }
  | { kind: 'method'; allow: HttpMethod[]; template: string }
  | { kind: 'none' };

function matchTemplate(template: string, segments: string[]): Record<string, string> | null {
  const parts = template.split('/');
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const raw = segments[i]!;
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name) {
      let value: string;
      try {
        value = decodeURIComponent(raw);
      } catch {
        return null;
      }
      if (value === '') return null;
      params[name] = value;
    } else if (part.toLowerCase() !== raw.toLowerCase()) return null;
  }
  return params;
}

export function matchRoute(routes: readonly RouteDef[], method: string, rawPath: string): Match {
  if (!rawPath.toLowerCase().startsWith(API_PREFIX)) return { kind: 'none' };
  const rest = rawPath.slice(API_PREFIX.length).replace(/\/$/, '');
  const segments = rest.split('/');
  if (segments.some((s) => s === '')) return { kind: 'none' };
  const allow: HttpMethod[] = [];
  let template = '';
  for (const route of routes) {
    const params = matchTemplate(route.route, segments);
    if (!params) continue;
    if (route.method === method.toUpperCase()) return { kind: 'found', route, params };
    allow.push(route.method);
    template = route.route;
  }
  return allow.length ? { kind: 'method', allow, template } : { kind: 'none' };
}
