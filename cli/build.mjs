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
      entryPoints: Object.fromEntries(COMMANDS.map((c) => [c, join(ROOT, 'cli', `${c}.ts`)])),
      outdir: tmp,
      outExtension: { '.js': '.cjs' },
      bundle: true,
      platform: 'node',
      target: 'node20',
      // CommonJS, so that cli/start.cjs can run it with a V8 code cache (node:vm has that for scripts only).
      format: 'cjs',
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
    for (const c of COMMANDS) {
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
