// Entra ID access tokens checked by the function app itself (defence in depth beside App Service
// Authentication, and the same code path tests drive with locally signed tokens): signature against the
// tenant's published keys (OpenID discovery → jwks_uri), issuer, audience, expiry, the API's scope, and
// the app roles in `roles`. jose does the JOSE work; nothing here parses JWTs by hand.
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { Caller } from './caller';
import { ConfigError } from './keys';
import { callerFromRoleValues } from './roles';

/** The delegated permission the task pane asks for (`api://<client id>/access_as_user`); infra/ declares it. */
export const API_SCOPE = 'access_as_user';
export const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com';

export interface TokenSettings {
  tenantId: string;
  /** The API's application (client) ID: a v2 token's `aud`; `api://<id>` is accepted as well. */
  clientId: string;
  /** Authority host (tests point it at a local server). */
  authority: string;
}

const Guidish = z.string().regex(/^[A-Za-z0-9.-]{1,100}$/);

/** From BOSSPO_AUTH_TENANT_ID, BOSSPO_AUTH_CLIENT_ID and BOSSPO_AUTH_AUTHORITY; null when not configured. */
export function tokenSettings(env: Record<string, string | undefined>): TokenSettings | null {
  const tenantId = env.BOSSPO_AUTH_TENANT_ID?.trim();
  const clientId = env.BOSSPO_AUTH_CLIENT_ID?.trim();
  if (!tenantId || !clientId) return null;
  if (!Guidish.safeParse(tenantId).success || !Guidish.safeParse(clientId).success)
    throw new ConfigError('BOSSPO_AUTH_TENANT_ID and BOSSPO_AUTH_CLIENT_ID must be IDs (letters, digits, dashes)');
  const authority = (env.BOSSPO_AUTH_AUTHORITY?.trim() || DEFAULT_AUTHORITY).replace(/\/+$/, '');
  return { tenantId, clientId, authority };
}

/** The tenant's keys or discovery document could not be fetched: the caller is not at fault (503). */
export class TokenKeysUnavailable extends Error {
  constructor(cause: unknown) {
    super('the identity provider could not be reached', { cause });
    this.name = 'TokenKeysUnavailable';
  }
}

const Discovery = z.object({ issuer: z.string().url(), jwks_uri: z.string().url() });

const Claims = z.object({
  tid: z.string().optional(),
  scp: z.string().optional(),
  roles: z.array(z.string()).max(500).optional(),
  name: z.string().optional(),
});

export interface SignedInCaller {
  caller: Caller;
  name: string | null;
}

export interface TokenValidator {
  /** The caller a bearer token stands for, or null when the token is not valid for this API. */
  verify(token: string): Promise<SignedInCaller | null>;
}

export function createTokenValidator(settings: TokenSettings): TokenValidator {
  let keys: Promise<{ issuer: string; jwks: JWTVerifyGetKey }> | null = null;

  function discover(): Promise<{ issuer: string; jwks: JWTVerifyGetKey }> {
    keys ??= (async () => {
      const url = `${settings.authority}/${encodeURIComponent(settings.tenantId)}/v2.0/.well-known/openid-configuration`;
      let doc: z.infer<typeof Discovery>;
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
        if (!res.ok) throw new Error(`discovery answered ${res.status}`);
        doc = Discovery.parse(await res.json());
      } catch (e) {
        throw new TokenKeysUnavailable(e);
      }
      return { issuer: doc.issuer, jwks: createRemoteJWKSet(new URL(doc.jwks_uri), { timeoutDuration: 5_000 }) };
    })().catch((e: unknown) => {
      keys = null; // try again on the next request
      throw e;
    });
    return keys;
  }

  return {
    async verify(token) {
      if (token.length > 16 * 1024) return null;
      const { issuer, jwks } = await discover();
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, jwks, {
          issuer,
          audience: [settings.clientId, `api://${settings.clientId}`],
          algorithms: ['RS256'],
          requiredClaims: ['exp', 'iat'],
          clockTolerance: 60,
        }));
      } catch (e) {
        if (e instanceof joseErrors.JWKSTimeout || (e instanceof TypeError && /fetch/i.test(e.message))) throw new TokenKeysUnavailable(e);
        return null;
      }
      const claims = Claims.safeParse(payload);
      if (!claims.success) return null;
      if (claims.data.tid !== undefined && claims.data.tid !== settings.tenantId) return null;
      // A delegated token must carry this API's scope (an app-only token has no scp and no user: refused).
      if (!(claims.data.scp ?? '').split(' ').includes(API_SCOPE)) return null;
      const name = claims.data.name?.trim().slice(0, 200) || null;
      return { caller: callerFromRoleValues(claims.data.roles ?? []), name };
    },
  };
}
