// Every route of the API for every kind of caller, with the answer the spec's "who" column demands
// (interfaces.md §3): allowed → 2xx, a role without the right → 403, nobody → 401, health for anyone.
// Run against the source's local host and against the deployable bundle, through API keys, the App
// Service principal and Entra tokens alike, so each path is held to the same table.

export type MatrixCaller = 'boor' | 'primo' | 'pabo' | 'stuurgroep' | 'norole' | 'nobody';
export const MATRIX_CALLERS: readonly MatrixCaller[] = ['boor', 'primo', 'pabo', 'stuurgroep', 'norole', 'nobody'];

/** The app-role values (Entra `roles`) of each caller; `board:PRIMO` is the board "Primo Schiedam" by its code. */
export const MATRIX_ROLES: Record<MatrixCaller, string[] | null> = {
  boor: ['board:BOOR'],
  primo: ['board:PRIMO'],
  pabo: ['pabo'],
  stuurgroep: ['stuurgroep'],
  norole: ['viewer'],
  nobody: null,
};

interface Check {
  method: string;
  path: string;
  body?: unknown;
  /** Who may; everyone else with a role gets 403. 'anyone' also admits callers without credentials. */
  who: readonly MatrixCaller[] | 'anyone' | 'caller';
}

const evaluateBody = { referenceDate: '2026-11-28', fields: ['training.WPB'], people: [{ ref: '1', roles: ['WPB'], trainings: { WPB: '2025-03-12' } }] };

export const ROUTE_CHECKS: readonly Check[] = [
  { method: 'GET', path: '/api/health', who: 'anyone' },
  { method: 'GET', path: '/api/plan', who: 'caller' },
  { method: 'GET', path: '/api/me', who: 'caller' },
  { method: 'POST', path: '/api/evaluate', body: evaluateBody, who: 'caller' },
  { method: 'PUT', path: '/api/needs/2026-2027/BOOR', body: { needs: { WPB: { initial: 2 } } }, who: ['boor', 'pabo'] },
  { method: 'PUT', path: '/api/needs/2026-2027/Primo%20Schiedam', body: { needs: { WPB: { initial: 1 } } }, who: ['primo', 'pabo'] },
  { method: 'GET', path: '/api/needs/2026-2027/BOOR', who: ['boor', 'pabo'] },
  { method: 'GET', path: '/api/needs/2026-2027/Primo%20Schiedam', who: ['primo', 'pabo'] },
  { method: 'GET', path: '/api/needs/2026-2027', who: ['pabo', 'stuurgroep'] },
  { method: 'PUT', path: '/api/register/BOOR/records', body: { records: [{ personId: '10234', training: 'WPB', date: '2025-03-12', certificate: true }] }, who: ['pabo'] },
  { method: 'GET', path: '/api/register/BOOR/records', who: ['boor', 'pabo'] },
  { method: 'GET', path: '/api/register/Primo%20Schiedam/records', who: ['primo', 'pabo'] },
  { method: 'DELETE', path: '/api/register/BOOR/people/10234', who: ['pabo'] },
];

export function expectedStatus(check: Check, caller: MatrixCaller): '2xx' | 401 | 403 {
  if (check.who === 'anyone') return '2xx';
  if (caller === 'nobody') return 401;
  if (caller === 'norole') return 403;
  if (check.who === 'caller') return '2xx';
  return check.who.includes(caller) ? '2xx' : 403;
}

/**
 * Sends every check as every caller (headers from `credentials`) and answers the mismatches as text
 * lines (empty when the API keeps the table), so a failure names each route and caller at fault.
 */
export async function runRouteMatrix(
  baseUrl: string,
  credentials: Credentials,
  callers: readonly MatrixCaller[] = MATRIX_CALLERS,
): Promise<string[]> {
  const wrong: string[] = [];
  for (const caller of callers) {
    const auth = Object.fromEntries(Object.entries(await credentials(caller)).filter((e): e is [string, string] => e[1] !== undefined));
    for (const check of ROUTE_CHECKS) {
      const headers: Record<string, string> = { ...auth };
      if (check.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(baseUrl + check.path, {
        method: check.method,
        headers,
        ...(check.body !== undefined ? { body: JSON.stringify(check.body) } : {}),
      });
      const text = await res.text();
      const want = expectedStatus(check, caller);
      const ok = want === '2xx' ? res.status >= 200 && res.status < 300 : res.status === want;
      const problem = res.status >= 400 ? (res.headers.get('content-type') ?? '').startsWith('application/problem+json') : true;
      if (!ok || !problem) wrong.push(`${caller} ${check.method} ${check.path}: ${res.status} (want ${want}) ${text.slice(0, 160)}`);
    }
  }
  return wrong;
}

type Credentials = (caller: MatrixCaller) => Promise<Record<string, string | undefined>> | Record<string, string | undefined>;

/** x-ms-client-principal as App Service hands it: base64 JSON, the name and each role as claims. */
export function principalHeader(roles: string[], name = 'Test Gebruiker'): string {
  const nameType = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name';
  const claims = [{ typ: nameType, val: name }, { typ: 'name', val: name }, ...roles.map((val) => ({ typ: 'roles', val }))];
  return Buffer.from(JSON.stringify({ auth_typ: 'aad', name_typ: nameType, role_typ: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role', claims })).toString('base64');
}

/** Each caller's app roles as an Entra access token from `mint`. */
export const viaToken = (mint: (claims: { roles: string[] }) => Promise<string>): Credentials => async (caller) => {
  const roles = MATRIX_ROLES[caller];
  return roles ? { authorization: `Bearer ${await mint({ roles })}` } : {};
};

/** Each caller's app roles in the App Service principal header. */
export const viaPrincipal: Credentials = (caller) => {
  const roles = MATRIX_ROLES[caller];
  return roles ? { 'x-ms-client-principal': principalHeader(roles) } : {};
};

/** Each caller's API key (callers without one send none). */
export const viaKeys = (keyOf: Partial<Record<MatrixCaller, string>>): Credentials => (caller) => {
  const key = keyOf[caller];
  return key ? { 'x-api-key': key } : {};
};

/** The callers an API key can stand for (a key always has a role). */
export const KEY_CALLERS: readonly MatrixCaller[] = ['boor', 'primo', 'pabo', 'stuurgroep', 'nobody'];
