// Bundles the function app for Azure Functions Core Tools and deployment: functions/dist/index.js
// (one ESM file with shared/ inside; @azure/* stay packages, listed in functions/package.json).
// `npm run build:api`; `npm run start:api` calls it before `func start`.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from './api-host';

export async function buildFunctionApp(): Promise<string> {
  // esbuild comes with tsx and vite; imported here only, when the function app is bundled.
  const { build } = await import('esbuild');
  const appDir = join(PROJECT_ROOT, 'functions');
  await build({
    entryPoints: [join(appDir, 'src', 'index.ts')],
    outfile: join(appDir, 'dist', 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['@azure/functions', '@azure/data-tables'],
    sourcemap: true,
    logLevel: 'warning',
  });
  return appDir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = await buildFunctionApp();
  console.log(`Function app bundled in ${join(dir, 'dist')}; deploy the functions/ folder (see functions/README.md).`);
}
