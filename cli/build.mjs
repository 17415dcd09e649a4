// @ts-check
// The command line as JavaScript built ahead of time: each command (check, demand, register) is bundled
// with esbuild into dist/cli/<command>.cjs, so no TypeScript is compiled when a command starts.
// `npm install` / `npm ci` build it (the `prepare` script); cli/start.cjs rebuilds when a source file is
// newer than the build. Plain JavaScript, because it must run before anything is built.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** dist/cli, or BOSSPO_CLI_DIR (the tests build into a folder of their own). */
const OUT_DIR = process.env.BOSSPO_CLI_DIR ? resolve(process.env.BOSSPO_CLI_DIR) : join(ROOT, 'dist', 'cli');
const COMMANDS = ['check', 'demand', 'register'];
/**
 * Bundles of their own that a command loads only when it needs them (cli/start.cjs runs them with a code
 * cache too): `check --help` then loads neither the parser (zod) nor the check, wrong usage not the check.
 * cli/check.ts's `import('./args')` becomes a require of args.cjs, and so on.
 */
const LAZY = { './args': 'args', './check-run': 'check-run' };
/**
 * Dependencies bundled once, on their own, for every bundle that uses them: zod was in both args.cjs and
 * check-run.cjs (about 450 kB each time), so a check compiled and ran it twice.
 */
const SHARED = { zod: 'zod' };
const BUNDLES = [...COMMANDS, ...Object.values(LAZY), ...Object.values(SHARED)];

/** @type {import('esbuild').Plugin} */
const lazyBundles = {
  name: 'lazy-bundles',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(LAZY).map((k) => k.replace(/[.]/g, '\\.')).join('|')})$`);
    build.onResolve({ filter }, (args) =>
      args.kind === 'dynamic-import' ? { path: `./${LAZY[/** @type {keyof typeof LAZY} */ (args.path)]}.cjs`, external: true } : undefined,
    );
  },
};
/** @type {import('esbuild').Plugin} */
const sharedBundles = {
  name: 'shared-bundles',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(SHARED).join('|')})$`);
    // The shared bundle's own entry point is bundled; every import of it elsewhere becomes a require of it.
    build.onResolve({ filter }, (args) =>
      args.kind === 'entry-point' ? undefined : { path: `./${SHARED[/** @type {keyof typeof SHARED} */ (args.path)]}.cjs`, external: true },
    );
  },
};
/** Besides the bundled sources: a dependency update or a change to the build also makes the build stale. */
const ALWAYS = ['package-lock.json', 'cli/build.mjs', 'cli/start.cjs'];

/** @returns {Promise<void>} */
export async function buildCli() {
  const { build } = await import('esbuild');
  // Build into a folder of our own and move the files in: a command started meanwhile sees old or new, never half.
  const tmp = join(OUT_DIR, `.build-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const startedAt = Date.now();
  try {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: {
        ...Object.fromEntries([...COMMANDS, ...Object.values(LAZY)].map((c) => [c, join(ROOT, 'cli', `${c}.ts`)])),
        ...Object.fromEntries(Object.entries(SHARED).map(([module, bundle]) => [bundle, module])),
      },
      outdir: tmp,
      outExtension: { '.js': '.cjs' },
      bundle: true,
      platform: 'node',
      target: 'node20',
      // CommonJS, so that cli/start.cjs can run it with a V8 code cache (node:vm has that for scripts only).
      format: 'cjs',
      // A lazy bundle's import() as require(), which cli/start.cjs answers from the code cache.
      supported: { 'dynamic-import': false },
      plugins: [lazyBundles, sharedBundles],
      // cli/io.ts's runAsScript compares import.meta.url with the script node was started with.
      define: { 'import.meta.url': '__bosspoModuleUrl' },
      banner: { js: 'var __bosspoModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
      minify: true,
      metafile: true,
      logLevel: 'warning',
    });
    const sources = Object.keys(result.metafile.inputs)
      .map((f) => relative(ROOT, resolve(ROOT, f)))
      .filter((f) => !f.split(/[\\/]/).includes('node_modules'));
    for (const c of BUNDLES) {
      renameSync(join(tmp, `${c}.cjs`), join(OUT_DIR, `${c}.cjs`));
      rmSync(join(OUT_DIR, `${c}.cjs.v8cache`), { force: true });
    }
    writeFileSync(join(tmp, 'sources.json'), JSON.stringify({ builtAt: startedAt, sources: [...ALWAYS, ...sources] }));
    renameSync(join(tmp, 'sources.json'), join(OUT_DIR, 'sources.json'));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildCli();
