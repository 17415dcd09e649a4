// The prebuilt command line (issue 14): `npm run check` runs cli/start.cjs, which runs the esbuild bundle
// from dist/cli, building it first when it is missing or older than its sources. Here into a folder of the
// test's own (BOSSPO_CLI_DIR), so the project's build is left alone.
import { execFile } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/check';
import { save, tempDir, workedExamplesWorkbook } from '../fixtures/workbooks';
import { captureIo } from '../support/cli-io';

const run = promisify(execFile);

let dir: Awaited<ReturnType<typeof tempDir>>;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  dir = await tempDir();
  env = { ...process.env, BOSSPO_CLI_DIR: join(dir.dir, 'cli') };
});
afterAll(() => dir.cleanup());

const start = (args: string[]) =>
  run(process.execPath, ['cli/start.cjs', ...args], { cwd: process.cwd(), env }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

describe('cli/start.cjs', () => {
  it('builds the bundle when there is none, then runs it: --help, wrong usage, a check equal to the in-process one', { timeout: 120_000 }, async () => {
    const help = await start(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Gebruik \(usage\):/);
    const bundle = await stat(join(dir.dir, 'cli', 'check.cjs'));
    expect(bundle.size).toBeGreaterThan(0);
    // `--help` alone runs check.cjs only (it leaves its code cache); the parser and the check are bundles of
    // their own, loaded when there is a command line to read and a check to run.
    const cached = async () => (await readdir(join(dir.dir, 'cli'))).filter((f) => f.endsWith('.v8cache')).sort();
    expect(await cached()).toEqual(['check.cjs.v8cache']);
    expect((await start(['check', '-h'])).stdout).toBe(help.stdout);

    const wrong = await start(['check', '--colour']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^fout: /);

    const input = await save(workedExamplesWorkbook(), join(dir.dir, 'voorbeelden.xlsx'));
    const args = [input, '--date', '2026-11-28', '--json', '--out', join(dir.dir, 'uit.xlsx')];
    const built = await start(['check', ...args]);
    expect(built.code).toBe(0);
    const io = captureIo({});
    expect(await main(args, io)).toBe(0);
    expect(JSON.parse(built.stdout)).toEqual(JSON.parse(io.out));
    // zod is a bundle of its own, shared by the parser and the check (cli/build.mjs): loaded once, cached too.
    expect(await cached()).toEqual(['args.cjs.v8cache', 'check-run.cjs.v8cache', 'check.cjs.v8cache', 'zod.cjs.v8cache']);

    for (const command of ['demand', 'register']) expect((await start([command, '--help'])).stdout).toMatch(/^Gebruik/);
    expect((await start(['nothing'])).code).toBe(2);
  });

  it('rebuilds when a source is newer than the build, and not otherwise', { timeout: 120_000 }, async () => {
    await start(['check', '--help']);
    const manifestPath = join(dir.dir, 'cli', 'sources.json');
    const before = (await stat(join(dir.dir, 'cli', 'check.cjs'))).mtimeMs;
    await start(['check', '--help']);
    expect((await stat(join(dir.dir, 'cli', 'check.cjs'))).mtimeMs).toBe(before);

    // A build from before every source was last changed is stale.
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { builtAt: number; sources: string[] };
    expect(manifest.sources).toEqual(expect.arrayContaining(['cli/check.ts', 'xlsx/load.ts', 'package-lock.json']));
    await writeFile(manifestPath, JSON.stringify({ ...manifest, builtAt: 0 }));
    expect((await start(['check', '--help'])).code).toBe(0);
    expect((await stat(join(dir.dir, 'cli', 'check.cjs'))).mtimeMs).toBeGreaterThan(before);
  });
});
