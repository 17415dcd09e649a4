// `npm run build:api`: the function app as azd deploys it, in dist/api/ — index.js (one ESM bundle of
// functions/src with shared/ and every package inside, @azure/functions included), host.json and a
// minimal package.json without dependencies. Nothing else: no TypeScript, no source maps (they would
// carry the sources), no tests, no .env or local.settings.json. The package runs on plain Node.
// Beside it, dist/api-local/host.js serves that very package over HTTP without Core Tools
// (functions/src/local/bundle-host.ts); it is never deployed.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from './api-host';

export const API_DIST = join(PROJECT_ROOT, 'dist', 'api');
export const API_LOCAL_DIST = join(PROJECT_ROOT, 'dist', 'api-local');

// An ESM bundle has no `require`; CommonJS packages inside it (and @azure/functions' lookup of the
// worker's built-in '@azure/functions-core') get Node's own, so the worker's require hook still applies.
const REQUIRE_BANNER = "import { createRequire as __bosspoCreateRequire } from 'node:module';\nconst require = __bosspoCreateRequire(import.meta.url);";

export interface BuiltApi {
  /** The deployable package (azure.yaml's api service). */
  dir: string;
  /** The local runner of that package. */
  host: string;
}

export async function buildFunctionApp(options: { outDir?: string; hostOutDir?: string } = {}): Promise<BuiltApi> {
  // esbuild is a dev dependency; imported here only, when the function app is bundled.
  const { build } = await import('esbuild');
  const dir = options.outDir ?? API_DIST;
  const hostDir = options.hostOutDir ?? API_LOCAL_DIST;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const common = {
    bundle: true,
    platform: 'node' as const,
    target: 'node20',
    format: 'esm' as const,
    banner: { js: REQUIRE_BANNER },
    // Provided by the Functions worker at run time, never installed.
    external: ['@azure/functions-core'],
    sourcemap: false,
    legalComments: 'none' as const,
    logLevel: 'warning' as const,
  };
  await build({ ...common, entryPoints: [join(PROJECT_ROOT, 'functions', 'src', 'index.ts')], outfile: join(dir, 'index.js') });
  copyFileSync(join(PROJECT_ROOT, 'functions', 'host.json'), join(dir, 'host.json'));
  const root = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string; engines?: { node?: string } };
  const pkg = {
    name: 'bosspo-functions',
    version: root.version,
    private: true,
    description: 'Boss po staff check: the function app as deployed (built by `npm run build:api`).',
    type: 'module',
    main: 'index.js',
    engines: { node: root.engines?.node ?? '>=20' },
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');

  rmSync(hostDir, { recursive: true, force: true });
  await build({ ...common, external: [], entryPoints: [join(PROJECT_ROOT, 'functions', 'src', 'local', 'bundle-host.ts')], outfile: join(hostDir, 'host.js') });
  return { dir, host: join(hostDir, 'host.js') };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const built = await buildFunctionApp();
  console.log(`Function app package: ${built.dir} (azd deploys it; see README "Deploy to Azure").`);
  console.log(`Run that package locally: node ${built.host} (or npm run start:api -- --dist).`);
}
