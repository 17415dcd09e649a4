// Who is calling: an Entra ID bearer token (when BOSSPO_AUTH_* are set), the App Service principal
// (only when the platform says authentication is on), or an API key (local use and scripts), in that
// order. A presented but invalid bearer token is refused outright, never passed on to a weaker check.
import type { AppDeps } from '../deps';
import type { ApiRequest } from '../http/types';
import type { Caller } from './caller';
import { callerFromPrincipal, principalName } from './principal';

function withName(caller: Caller | null, name: string | null): Caller | null {
  return caller && name ? { ...caller, name } : caller;
}

export async function identifyCaller(req: Pick<ApiRequest, 'headers'>, deps: Pick<AppDeps, 'tokens' | 'trustPrincipal' | 'keys'>): Promise<Caller | null> {
  if (deps.tokens) {
    const bearer = /^Bearer[ ]+([A-Za-z0-9._~+/-]+=*)$/i.exec(req.headers.get('authorization') ?? '')?.[1];
    if (bearer) {
      const signedIn = await deps.tokens.verify(bearer);
      return signedIn ? withName(signedIn.caller, signedIn.name) : null;
    }
    if (/^Bearer\b/i.test(req.headers.get('authorization') ?? '')) return null;
  }
  if (deps.trustPrincipal) {
    const principal = req.headers.get('x-ms-client-principal');
    if (principal) {
      const caller = callerFromPrincipal(principal);
      return withName(caller, caller ? principalName(principal) : null);
    }
  }
  const key = req.headers.get('x-api-key');
  const caller = key ? deps.keys.identify(key) : null;
  return withName(caller, caller && key ? deps.keys.nameOf(key) : null);
}
