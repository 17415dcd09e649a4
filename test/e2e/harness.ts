// What both end-to-end files need: the task pane built once into a temp folder (office.js from the npm
// package, never the CDN), served on a free port, and Debian's Chromium started headless.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { serveStatic } from './static-server';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const artifacts = join(root, 'test-artifacts');

export interface BuiltPane {
  url: string;
  close: () => Promise<void>;
}

/** Builds the task pane with the local office.js into a temp folder and serves it; close() removes it. */
export async function buildAndServePane(prefix: string): Promise<BuiltPane> {
  const outDir = mkdtempSync(join(tmpdir(), prefix));
  const previous = { office: process.env.BOSSPO_OFFICE_JS, out: process.env.BOSSPO_ADDIN_OUT };
  process.env.BOSSPO_OFFICE_JS = 'local';
  process.env.BOSSPO_ADDIN_OUT = outDir;
  try {
    await build({ configFile: join(root, 'addin', 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    if (previous.office === undefined) delete process.env.BOSSPO_OFFICE_JS;
    else process.env.BOSSPO_OFFICE_JS = previous.office;
    if (previous.out === undefined) delete process.env.BOSSPO_ADDIN_OUT;
    else process.env.BOSSPO_ADDIN_OUT = previous.out;
  }
  const served = await serveStatic(outDir, join(root, 'node_modules', '@microsoft', 'office-js', 'dist'));
  return {
    url: served.url,
    close: async () => {
      await served.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, without a browser download and without background network traffic. */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
  });
}
