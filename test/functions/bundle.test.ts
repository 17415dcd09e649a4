// The function app package is what is tested: `npm run build:api` writes the folder azd deploys, and
// that package — loaded from a folder outside the project, so no node_modules can help it — passes the
// same route checks as the sources, through API keys, the App Service principal and Entra tokens.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalHostProcess, type LocalHostProcess } from '../../scripts/api-host';
import { buildFunctionApp, type BuiltApi } from '../../scripts/api-build';
import { startAzurite, type AzuriteHandle } from '../support/azurite';
import { startFakeEntra, type FakeEntra } from '../support/entra';
import { KEY_CALLERS, runRouteMatrix, viaKeys, viaPrincipal, viaToken } from '../support/route-matrix';
import { TEST_KEY_CONFIG, TEST_KEYS } from '../support/api-server';

let built: BuiltApi;
let azurite: AzuriteHandle;
let entra: FakeEntra;
let host: LocalHostProcess;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [relative(dir, full)];
  });
}

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'bosspo-api-'));
  built = await buildFunctionApp({ outDir: join(out, 'api'), hostOutDir: join(out, 'api-local') });
  azurite = await startAzurite();
  entra = await startFakeEntra();
  host = await startLocalHostProcess({
    bundleHost: built.host,
    bundleDir: built.dir,
    env: {
      BOSSPO_API_KEYS: JSON.stringify({ ...TEST_KEY_CONFIG, 'bundle-key-primo-0123456789': { name: 'HR Primo', role: 'board', board: 'Primo Schiedam' } }),
      BOSSPO_STORAGE: azurite.connectionString,
      BOSSPO_BOARDS: '',
      WEBSITE_AUTH_ENABLED: 'True',
      ...entra.env(),
    },
  });
}, 120_000);

afterAll(async () => {
  await host?.stop();
  await azurite?.stop();
  await entra?.close();
});

describe('the deployable package (dist/api)', () => {
  it('holds index.js, host.json and a package.json without dependencies — no TypeScript, maps, tests, .env or keys', () => {
    expect(files(built.dir).sort()).toEqual(['host.json', 'index.js', 'package.json']);
    const pkg = JSON.parse(readFileSync(join(built.dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg).toMatchObject({ main: 'index.js', type: 'module' });
    expect(pkg.dependencies).toBeUndefined();
    const code = readFileSync(join(built.dir, 'index.js'), 'utf8');
    expect(code).not.toMatch(/sourceMappingURL|sourcesContent/);
    expect(code).not.toMatch(/['"]vitest['"]|\.test\.ts|test\/support\//);
    expect(code).toContain('// functions/src/routes.ts'); // esbuild's module marker: the check above looks at real module paths
    for (const key of Object.values(TEST_KEYS)) expect(code).not.toContain(key);
    expect(code).not.toContain('change-me');
    const hostJson = JSON.parse(readFileSync(join(built.dir, 'host.json'), 'utf8')) as { version: string; extensions: { http: { routePrefix: string } } };
    expect(hostJson.version).toBe('2.0');
    expect(hostJson.extensions.http.routePrefix).toBe('api');
  });

  it('registers every route of the route table with app.http, plus the catch-all for 404/405', async () => {
    const { routes } = await import('../../functions/src/routes');
    const res = await fetch(`${host.url}/api/health`);
    expect([200, 503]).toContain(res.status);
    const missing = await fetch(`${host.url}/api/no-such-route`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const wrongMethod = await fetch(`${host.url}/api/plan`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect([...host.functions].sort()).toEqual([...routes.map((r) => r.name), 'fallback'].sort());
  });

  it('passes the route checks through API keys', async () => {
    const keyOf = { boor: TEST_KEYS.boor, primo: 'bundle-key-primo-0123456789', pabo: TEST_KEYS.pabo, stuurgroep: TEST_KEYS.stuurgroep };
    expect(await runRouteMatrix(host.url, viaKeys(keyOf), KEY_CALLERS)).toEqual([]);
  });

  it('passes the route checks through Entra access tokens', async () => {
    expect(await runRouteMatrix(host.url, viaToken((claims) => entra.token(claims)))).toEqual([]);
  });

  it('passes the route checks through the App Service principal', async () => {
    expect(await runRouteMatrix(host.url, viaPrincipal)).toEqual([]);
  });
});
