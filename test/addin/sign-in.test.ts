// Sign-in in real Chromium: the decision Microsoft's NAA guidance prescribes (NestedAppAuth 1.1), the
// nested-app flow through real MSAL.js against a fake Office broker (window.nestedAppAuthBridge), and
// the Office-dialog fallback against a fake dialog — including cancel, a blocked dialog, a malformed
// message and a fallback token that runs out (which asks for a click, never opens a window itself).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDialog, type RedirectClient } from '../../addin/src/auth-dialog';
import { launchChromium } from '../e2e/harness';

let server: Server;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [new URL('./auth-page.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'warning',
    define: { 'import.meta.env': '{}' },
  });
  const js = bundle.outputFiles[0]!.text;
  server = createServer((req, res) => {
    if (req.url === '/auth.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body><script type="module" src="/auth.js"></script></body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/addin/taskpane.html`);
  await page.waitForFunction(() => 'bosspoAuthTest' in window);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
});

type Result = {
  ok: boolean;
  path?: string;
  account?: string;
  tokens?: string[];
  decided?: string;
  error?: { code: string; message: string } | string;
  record: { isSetSupported: [string, string][]; broker: { method: string; scope?: string }[]; dialogs: { url: string; options: Record<string, unknown> }[]; closed: number };
};
const run = (scenario: object, clock?: number) =>
  page.evaluate(([s, c]) => (window as unknown as { bosspoAuthTest: { run: (s: object, c?: number[]) => Promise<unknown> } }).bosspoAuthTest.run(s, c === null ? undefined : [c as number]), [scenario, clock ?? null] as const) as Promise<Result>;

const goodMessage = (expiresOn: number) => JSON.stringify({ type: 'bosspo-signin', ok: true, accessToken: 'dialog-access-token', expiresOn, account: 'piet@pabo.nl' });

describe('which way to sign in', () => {
  it('asks Office for NestedAppAuth 1.1, exactly as Microsoft\'s guidance writes it', async () => {
    const r = await run({ naa: true });
    expect(r.record.isSetSupported[0]).toEqual(['NestedAppAuth', '1.1']);
    expect(r.decided).toBe('naa');
    const f = await run({ naa: false, dialog: { kind: 'message', message: goodMessage(Date.now() + 3_600_000) } });
    expect(f.decided).toBe('dialog');
  });
});

describe('nested app authentication (Office brokers the sign-in)', () => {
  it('silent first; when Office has no account yet, the interactive call; then silent again', async () => {
    const r = await run({ naa: true, brokerNeedsInteraction: true });
    expect(r.ok).toBe(true);
    expect(r.path).toBe('naa');
    expect(r.account).toBe('anna@bestuur.nl');
    const methods = r.record.broker.map((b) => b.method);
    expect(methods[0]).toBe('GetInitContext');
    expect(methods.slice(1, 3)).toEqual(['GetToken', 'GetTokenPopup']);
    expect(r.record.broker.filter((b) => b.scope).every((b) => b.scope!.includes('api://client-id/access_as_user'))).toBe(true);
    expect(r.tokens![0]).toMatch(/^naa-access-token-\d$/);
    expect(r.record.dialogs).toEqual([]);
  });

  it('a signed-in Office account gives the token silently, without any window', async () => {
    const r = await run({ naa: true });
    expect(r.ok).toBe(true);
    expect(r.record.broker.map((b) => b.method)).not.toContain('GetTokenPopup');
  });

  it('a cancelled Office sign-in is a clear Dutch message, not a stack', async () => {
    const r = await run({ naa: true, brokerNeedsInteraction: true, brokerCancels: true });
    expect(r.ok).toBe(false);
    expect(r.error).toEqual({ code: 'cancelled', message: 'Aanmelden is afgebroken.' });
  });
});

describe('the fallback without NAA: MSAL in an Office dialog', () => {
  it('opens auth-dialog.html beside the pane, takes the token it sends, closes the dialog', async () => {
    const r = await run({ naa: false, dialog: { kind: 'message', message: goodMessage(Date.now() + 3_600_000) } });
    expect(r.ok).toBe(true);
    expect(r.path).toBe('dialog');
    expect(r.account).toBe('piet@pabo.nl');
    expect(r.tokens![0]).toBe('dialog-access-token');
    expect(r.record.dialogs).toHaveLength(1);
    expect(r.record.dialogs[0]!.url).toMatch(/\/addin\/auth-dialog\.html$/);
    expect(r.record.dialogs[0]!.options).toMatchObject({ promptBeforeOpen: false });
    expect(r.record.closed).toBe(1);
    expect(r.record.broker).toEqual([]);
  });

  it('a token that runs out asks the user to sign in again instead of opening a dialog by itself', async () => {
    const now = Date.now();
    const r = await run({ naa: false, dialog: { kind: 'message', message: goodMessage(now + 3_600_000) } }, now);
    expect(r.tokens![1]).toBe('error:expired:Uw aanmelding is verlopen: kies Aanmelden (Instellingen).');
    expect(r.record.dialogs).toHaveLength(1);
  });

  it('closing the dialog is "afgebroken"; a dialog Office cannot open is "blocked"; a bad message is "failed"', async () => {
    expect((await run({ naa: false, dialog: { kind: 'event', error: 12006 } })).error).toMatchObject({ code: 'cancelled' });
    expect((await run({ naa: false, dialog: { kind: 'fail', code: 12007 } })).error).toMatchObject({ code: 'blocked' });
    const bad = await run({ naa: false, dialog: { kind: 'message', message: '{"type":"bosspo-signin","ok":true}' } });
    expect(bad.error).toMatchObject({ code: 'failed', message: 'Aanmelden is mislukt; probeer het opnieuw of vraag uw beheerder om uw rol.' });
    expect((await run({ naa: false, dialog: { kind: 'message', message: JSON.stringify({ type: 'bosspo-signin', ok: false, error: 'access_denied' }) } })).error).toMatchObject({ code: 'failed' });
  });
});

describe('the dialog page (auth-dialog.html)', () => {
  const client = (result: Awaited<ReturnType<RedirectClient['handleRedirectPromise']>>, fail?: Error & { errorCode?: string }) => {
    const calls: string[] = [];
    const c: RedirectClient = {
      initialize: async () => void calls.push('initialize'),
      handleRedirectPromise: async () => {
        calls.push('handleRedirectPromise');
        if (fail) throw fail;
        return result;
      },
      acquireTokenRedirect: async (req) => void calls.push(`acquireTokenRedirect ${req.scopes.join(' ')}`),
    };
    return { c, calls };
  };

  it('first visit: goes to Entra ID for the API scope and tells the pane nothing yet', async () => {
    const { c, calls } = client(null);
    const sent: string[] = [];
    await runDialog(c, ['api://x/access_as_user'], (m) => sent.push(m));
    expect(calls).toEqual(['initialize', 'handleRedirectPromise', 'acquireTokenRedirect api://x/access_as_user']);
    expect(sent).toEqual([]);
  });

  it('back from Entra ID: sends the token, its expiry and the account to the pane', async () => {
    const { c } = client({ accessToken: 'tok', expiresOn: new Date(2_000_000_000_000), account: { username: 'a@b.nl' } });
    const sent: string[] = [];
    await runDialog(c, ['s'], (m) => sent.push(m));
    expect(JSON.parse(sent[0]!)).toEqual({ type: 'bosspo-signin', ok: true, accessToken: 'tok', expiresOn: 2_000_000_000_000, account: 'a@b.nl' });
  });

  it('an MSAL error goes to the pane as its code only', async () => {
    const { c } = client(null, Object.assign(new Error('secret detail'), { errorCode: 'access_denied' }));
    const sent: string[] = [];
    await runDialog(c, ['s'], (m) => sent.push(m));
    expect(JSON.parse(sent[0]!)).toEqual({ type: 'bosspo-signin', ok: false, error: 'access_denied' });
  });
});
