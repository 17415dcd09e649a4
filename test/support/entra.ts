// A stand-in for Microsoft Entra ID's token-signing side, over real HTTP: the OpenID discovery document
// and the JWKS of a tenant, served on a free port, and access tokens signed with its private key in
// the shape Entra issues v2 tokens (iss, aud, tid, scp, roles, name, iat, nbf, exp). The function app
// under test fetches the keys exactly as it would from login.microsoftonline.com.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

export interface FakeEntra {
  /** Base address to put in BOSSPO_AUTH_AUTHORITY. */
  authority: string;
  tenantId: string;
  clientId: string;
  issuer: string;
  /** How often the JWKS was fetched (the app caches it). */
  jwksFetches(): number;
  /** A token as Entra would issue it for this API; `claims` overrides or adds claims. */
  token(claims?: Record<string, unknown>, options?: { key?: 'tenant' | 'stranger'; kid?: string; alg?: string }): Promise<string>;
  /** App settings for a function app that trusts this tenant. */
  env(): Record<string, string>;
  close(): Promise<void>;
}

export async function startFakeEntra(): Promise<FakeEntra> {
  const tenantId = randomUUID();
  const clientId = randomUUID();
  const kid = 'test-key-1';
  const tenantKey = await generateKeyPair('RS256', { extractable: true });
  const strangerKey = await generateKeyPair('RS256', { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(tenantKey.publicKey)), kid, use: 'sig', alg: 'RS256' };
  let fetches = 0;

  let authority = '';
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === `/${tenantId}/v2.0/.well-known/openid-configuration`) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ issuer: `${issuerBase()}/${tenantId}/v2.0`, jwks_uri: `${authority}/${tenantId}/discovery/v2.0/keys` }));
    } else if (path === `/${tenantId}/discovery/v2.0/keys`) {
      fetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [publicJwk] }));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  authority = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Entra's issuer is always login.microsoftonline.com, whatever host served the keys.
  const issuerBase = () => 'https://login.microsoftonline.com';
  const issuer = `${issuerBase()}/${tenantId}/v2.0`;

  return {
    authority,
    tenantId,
    clientId,
    issuer,
    jwksFetches: () => fetches,
    async token(claims = {}, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const body = {
        iss: issuer,
        aud: clientId,
        tid: tenantId,
        scp: 'access_as_user',
        ver: '2.0',
        oid: randomUUID(),
        name: 'Test Gebruiker',
        iat: now - 10,
        nbf: now - 10,
        exp: now + 3600,
        ...claims,
      };
      const key: CryptoKey = options.key === 'stranger' ? strangerKey.privateKey : tenantKey.privateKey;
      const payload = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
      return new SignJWT(payload).setProtectedHeader({ alg: options.alg ?? 'RS256', kid: options.kid ?? kid, typ: 'JWT' }).sign(key);
    },
    env: () => ({ BOSSPO_AUTH_TENANT_ID: tenantId, BOSSPO_AUTH_CLIENT_ID: clientId, BOSSPO_AUTH_AUTHORITY: authority }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
