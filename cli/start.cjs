// @ts-check
// `npm run check|demand|register -- …`: runs the prebuilt command from dist/cli (cli/build.mjs makes it),
// rebuilding it first when it is missing or a source file changed since the build (a few stat calls).
// The bundle runs through node:vm with a V8 code cache kept beside it, written after the first run: zod
// alone takes longer to compile than node takes to start. `check --help`, CPU time on this machine:
// 0.18 s as an ES module bundle, 0.10 s from the cache; bare `node -e 0` 0.08 s, `npm run env` 0.23 s.
'use strict';
const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join, resolve } = require('node:path');
const vm = require('node:vm');

const ROOT = resolve(__dirname, '..');
/** dist/cli, or BOSSPO_CLI_DIR (the tests build into a folder of their own). */
const OUT_DIR = process.env.BOSSPO_CLI_DIR ? resolve(process.env.BOSSPO_CLI_DIR) : join(ROOT, 'dist', 'cli');
const COMMANDS = ['check', 'demand', 'register'];

/** @param {string} bundle @returns {boolean} true when the bundle is missing or older than one of its sources. */
function isStale(bundle) {
  try {
    statSync(bundle);
    const manifest = JSON.parse(readFileSync(join(OUT_DIR, 'sources.json'), 'utf8'));
    return manifest.sources.some((/** @type {string} */ f) => statSync(join(ROOT, f)).mtimeMs > manifest.builtAt);
  } catch {
    return true; // no build yet, or a source was moved or deleted
  }
}

/** The exports of every bundle run so far, by path. */
/** @type {Map<string, unknown>} */
const loaded = new Map();

/**
 * The `require` a bundle runs with: another bundle of this build (`./check-run.cjs`, which check.cjs loads
 * only when there is a check to run; `./zod.cjs`, which the parser and the check share; cli/build.mjs) runs
 * through `run` too, loaded once, with its code cache.
 * @param {string} bundle
 */
function requireFor(bundle) {
  const plain = Module.createRequire(bundle);
  /** @param {string} id */
  const load = (id) => (/^\.\/[\w-]+\.cjs$/.test(id) ? run(join(dirname(bundle), id)) : plain(id));
  return Object.assign(load, plain);
}

/**
 * Run a CommonJS bundle as node would, compiled from the code cache when there is one; its exports.
 * @param {string} bundle
 * @returns {unknown}
 */
function run(bundle) {
  if (loaded.has(bundle)) return loaded.get(bundle);
  const cacheFile = `${bundle}.v8cache`;
  /** @type {Buffer | undefined} */
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  const mod = new Module(bundle);
  mod.filename = bundle;
  loaded.set(bundle, mod.exports);
  const wrapper = script.runInThisContext();
  wrapper.call(mod.exports, mod.exports, requireFor(bundle), mod, bundle, dirname(bundle));
  loaded.set(bundle, mod.exports);
  if (cachedData === undefined || script.cachedDataRejected) {
    // After the run, so the cache holds the functions the command compiled, not only the top level.
    process.once('exit', () => {
      try {
        const tmp = `${cacheFile}.${process.pid}`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
      } catch {
        // A read-only checkout runs without a cache.
      }
    });
  }
  return mod.exports;
}

async function start() {
  const [command, ...args] = process.argv.slice(2);
  if (command === undefined || !COMMANDS.includes(command)) {
    process.stderr.write(`cli/start.cjs: give one of ${COMMANDS.join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  const bundle = join(OUT_DIR, `${command}.cjs`);
  if (isStale(bundle)) await (await import('./build.mjs')).buildCli();
  // The bundle runs as if node had been started with it (runAsScript in cli/io.ts looks at argv[1]).
  process.argv = [process.argv[0] ?? 'node', bundle, ...args];
  run(bundle);
}

start().catch((/** @type {unknown} */ e) => {
  process.stderr.write(`Onverwachte fout: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
