// The azd hooks, run here in their dry-run mode against made-up `azd env` outputs: they must produce the
// function app package, a task pane built for those addresses that renders from its sub-path in
// Chromium, and a production manifest that validates; and say which az/azd commands they would run.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHook } from '../../scripts/azd-hooks';
import { validateManifest } from '../../scripts/manifest-prod';
import { launchChromium } from '../e2e/harness';

const CLIENT_ID = '3a1e4c2b-5d6f-4a7b-8c9d-0e1f2a3b4c5d';
const TENANT_ID = '9f8e7d6c-5b4a-4321-9876-fedcba987654';
const dist = mkdtempSync(join(tmpdir(), 'bosspo-azd-'));
const env = {
  SERVICE_API_URI: 'https://func-api-abc123.azurewebsites.net',
  SERVICE_WEB_URI: 'https://stapp-abc123.azurestaticapps.net',
  BOSSPO_PANE_URL: 'https://stapp-abc123.azurestaticapps.net/addin',
  BOSSPO_AUTH_CLIENT_ID: CLIENT_ID,
  BOSSPO_AUTH_AUTHORITY: `https://login.microsoftonline.com/${TENANT_ID}`,
  BOSSPO_API_SCOPE: `api://${CLIENT_ID}/access_as_user`,
  BOSSPO_MANIFEST_VERSION: '1.0.0.4',
  BOSSPO_SUPPORT_CONTACT: 'servicedesk@example.org',
  BOSSPO_HOOK_DRY_RUN: '1',
  BOSSPO_DIST_DIR: dist,
};

const logs: Record<string, string[]> = {};
async function hook(name: 'postprovision' | 'prepackage' | 'postdeploy') {
  logs[name] = [];
  await runHook(name, env, (line) => logs[name]!.push(line));
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.json': 'application/json' };
let server: Server;
let siteUrl = '';
const requested: { path: string; status: number }[] = [];
let browser: Browser;

beforeAll(async () => {
  await hook('prepackage');
  const root = join(dist, 'site', 'public');
  server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const file = normalize(join(root, path));
    const ok = file.startsWith(root) && existsSync(file) && statSync(file).isFile();
    requested.push({ path, status: ok ? 200 : 404 });
    if (!ok) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  siteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
});

describe('prepackage (dry run)', () => {
  it('writes the function app package azure.yaml deploys (dist/api)', () => {
    expect(readdirSync(join(dist, 'api')).sort()).toEqual(['host.json', 'index.js', 'package.json']);
  });

  it('writes a production manifest for the pane\'s address, one version above the last, valid against the XSDs', () => {
    const file = join(dist, 'manifest.xml');
    const xml = readFileSync(file, 'utf8');
    expect(xml).toContain('<Version>1.0.0.5</Version>');
    expect(xml).toContain('<SourceLocation DefaultValue="https://stapp-abc123.azurestaticapps.net/addin/taskpane.html"/>');
    expect(xml).toContain('<SupportUrl DefaultValue="https://stapp-abc123.azurestaticapps.net/addin/hulp.html"/>');
    expect(xml).not.toContain('localhost');
    expect(validateManifest(file)).toBe('valid');
    expect(logs.prepackage).toContain('[dry run] azd env set BOSSPO_MANIFEST_VERSION 1.0.0.5');
  });

  it('builds the pane with the deployed API address and sign-in settings, and no API key or local address', () => {
    const assets = join(dist, 'site', 'public', 'addin', 'assets');
    const code = readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(assets, f), 'utf8')).join('\n');
    expect(code).toContain('https://func-api-abc123.azurewebsites.net');
    expect(code).toContain(CLIENT_ID);
    expect(code).toContain(`api://${CLIENT_ID}/access_as_user`);
    expect(code).toContain(`https://login.microsoftonline.com/${TENANT_ID}`);
    expect(code).not.toMatch(/localhost:7071|dev-(boor|pabo|stuurgroep)-/);
    const html = readFileSync(join(dist, 'site', 'public', 'addin', 'taskpane.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)="\/(?!\/)/); // no root-absolute asset address
    expect(html).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(JSON.parse(readFileSync(join(dist, 'site', 'public', 'staticwebapp.config.json'), 'utf8'))).toHaveProperty('globalHeaders');
  });

  it('the built pane renders from its sub-path /addin/ in Chromium (browser mode outside Office), every asset found', async () => {
    const page = await browser.newPage();
    try {
      // office.js comes from Microsoft's CDN in production; there is no network here, as outside Office.
      await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${siteUrl}/addin/taskpane.html`);
      await page.getByText('Werkmap kiezen').first().waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Controleer' }).waitFor();
      expect(requested.filter((r) => r.status === 404)).toEqual([]);
      expect(requested.some((r) => r.path.startsWith('/addin/assets/') && r.path.endsWith('.js'))).toBe(true);
      expect(errors).toEqual([]);
      await page.goto(`${siteUrl}/addin/hulp.html`);
      await expect(page.textContent('body')).resolves.toContain('servicedesk@example.org');
      await expect(page.textContent('h1')).resolves.toBe('Boss po controle');
    } finally {
      await page.close();
    }
  });
});

describe('the deployed pane opened in an ordinary browser (outside Office, nobody signed in)', () => {
  it('checks a workbook in the page, without calling the API it cannot sign in to', { timeout: 120_000 }, async () => {
    const page = await browser.newPage();
    const apiCalls: string[] = [];
    try {
      await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
      await page.route('https://func-api-abc123.azurewebsites.net/**', (route) => {
        apiCalls.push(route.request().url());
        return route.abort();
      });
      await page.goto(`${siteUrl}/addin/taskpane.html`);
      await page.getByLabel('Werkmap kiezen').setInputFiles(join(import.meta.dirname, '..', '..', 'examples', 'boor-personeel.xlsx'));
      await page.getByRole('button', { name: 'Controleer' }).click();
      await page.getByRole('button', { name: 'Download' }).waitFor({ timeout: 60_000 });
      expect(apiCalls).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('postprovision and postdeploy (dry run)', () => {
  it('sets api://<appId> as Application ID URI, after looking whether it is there', async () => {
    await hook('postprovision');
    expect(logs.postprovision).toEqual([
      `[dry run] az ad app show --id ${CLIENT_ID} --query identifierUris --output json`,
      `[dry run] az ad app update --id ${CLIENT_ID} --identifier-uris api://${CLIENT_ID}`,
      `Application ID URI api://${CLIENT_ID} ingesteld.`,
    ]);
  });

  it('prints where the manifest is and how an admin deploys it centrally', async () => {
    await hook('postdeploy');
    const text = logs.postdeploy!.join('\n');
    expect(text).toContain(join(dist, 'manifest.xml'));
    expect(text).toContain('Geïntegreerde apps');
    expect(text).toContain('https://stapp-abc123.azurestaticapps.net/addin/taskpane.html');
  });

  it('refuses to build without the provisioning outputs, naming what is missing', async () => {
    await expect(runHook('prepackage', { BOSSPO_HOOK_DRY_RUN: '1', BOSSPO_DIST_DIR: dist }, () => undefined)).rejects.toThrow(/SERVICE_API_URI.*azd provision/);
  });
});
