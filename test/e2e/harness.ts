// What both end-to-end files need: the task pane built once into a temp folder (office.js from the npm
// package, never the CDN), served on a free port, Debian's Chromium started headless, and the check that
// the pane fits the widths Office gives it (320–450 px) without horizontal scrolling.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { build } from 'vite';
import type { FakeSheet } from '../support/fake-office/workbook';
import { toPalettePng } from './png-palette';
import { sheetHtml } from './sheet-html';
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

/** At 320, 350, 400 and 450 px wide: no horizontal scrolling and no element past the edge; a screenshot each. */
export async function expectFits(page: Page, mode: string): Promise<void> {
  for (const width of [320, 350, 400, 450]) {
    await page.setViewportSize({ width, height: 1000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await overflow(page), `${width} px`).toEqual({ scrollWidth: width, beyond: [] });
    await page.screenshot({ path: join(artifacts, `addin-${mode}-${width}px.png`), fullPage: true });
  }
}

/**
 * The page's scroll width, and every visible element whose box ends right of the viewport (tag, label and
 * right edge), e.g. an input running past the pane's edge even where an ancestor clips it.
 */
async function overflow(page: Page): Promise<{ scrollWidth: number; beyond: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const beyond: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
      if (r.right > width + 0.5) beyond.push(`${el.tagName.toLowerCase()}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ''} ${(el.textContent ?? '').trim().slice(0, 30)} → ${Math.round(r.right)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, beyond: beyond.slice(0, 10) };
  });
}

/**
 * A picture of a written sheet, as a grid with its charts (test-artifacts/<file>): a palette PNG, small
 * enough to commit as a README picture (docs/screenshots/).
 */
export async function sheetPicture(browser: Browser, sheet: FakeSheet, date1904: boolean, file: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 600 } });
  try {
    const page = await context.newPage();
    await page.setContent(sheetHtml(sheet, date1904));
    writeFileSync(join(artifacts, file), toPalettePng(await page.screenshot({ fullPage: true })));
  } finally {
    await context.close();
  }
}
