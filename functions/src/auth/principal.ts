// App Service Authentication (Easy Auth) in Azure: the platform signs the user in and passes the
// principal in `x-ms-client-principal` (base64 JSON with claims). Trusted only when the platform says
// authentication is on, because otherwise anyone could send the header. App roles map as in roles.ts.
import { z } from 'zod';
import type { Caller } from './caller';
import { callerFromRoleValues } from './roles';

const PrincipalSchema = z.object({
  role_typ: z.string().optional(),
  claims: z.array(z.object({ typ: z.string(), val: z.string() })).max(500),
});

const NAME_CLAIM = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name';
const ROLE_CLAIMS = ['roles', 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role'];

export function authEnabled(env: Record<string, string | undefined>): boolean {
  return (env.WEBSITE_AUTH_ENABLED ?? '').toLowerCase() === 'true';
}

/** A principal header as a caller (roles may be empty: signed in, but none of our app roles); null when unreadable. */
export function callerFromPrincipal(header: string): Caller | null {
  if (header.length > 64 * 1024) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = PrincipalSchema.safeParse(raw);
  if (!parsed.success) return null;
  const roleTypes = new Set([...ROLE_CLAIMS, ...(parsed.data.role_typ ? [parsed.data.role_typ] : [])]);
  return callerFromRoleValues(parsed.data.claims.filter((c) => roleTypes.has(c.typ)).map((c) => c.val));
}

/** The signed-in user's name claim, only for GET /api/me (the caller is kept free of names elsewhere). */
export function principalName(header: string): string | null {
  if (header.length > 64 * 1024) return null;
  try {
    const parsed = PrincipalSchema.safeParse(JSON.parse(Buffer.from(header, 'base64').toString('utf8')));
    const name = parsed.success ? parsed.data.claims.find((c) => c.typ === 'name' || c.typ === NAME_CLAIM)?.val.trim() : undefined;
    return name ? name.slice(0, 200) : null;
  } catch {
    return null;
  }
}
