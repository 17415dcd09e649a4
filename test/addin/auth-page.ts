// Runs in Chromium (bundled by test/addin/sign-in.test.ts): the pane's sign-in module with the real
// MSAL.js against a fake Office host — its NestedAppAuth requirement check, a fake NAA broker on
// window.nestedAppAuthBridge speaking MSAL's bridge protocol, and a fake Office dialog — so both flows
// and the decision between them are driven as they would be inside Excel.
import * as msal from '@azure/msal-browser';
import { signIn, signInPath, SignInError, type OfficeForAuth } from '../../addin/src/auth';

type DialogScript = { kind: 'message'; message: string } | { kind: 'event'; error: number } | { kind: 'fail'; code: number };

interface Scenario {
  naa: boolean;
  /** What the fake dialog does when it opens. */
  dialog?: DialogScript;
  /** The broker has no signed-in account at first (silent fails, the popup signs in). */
  brokerNeedsInteraction?: boolean;
  /** The broker's popup is cancelled by the user. */
  brokerCancels?: boolean;
}

const b64url = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const fakeJwt = (claims: object) => `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;

const record: { isSetSupported: [string, string | undefined][]; broker: { method: string; scope?: string }[]; dialogs: { url: string; options: unknown }[]; closed: number } = {
  isSetSupported: [],
  broker: [],
  dialogs: [],
  closed: 0,
};

function installBroker(s: Scenario) {
  let signedIn = !s.brokerNeedsInteraction;
  const listeners: ((m: string) => void)[] = [];
  const tenantId = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
  const account = { homeAccountId: `oid-1.${tenantId}`, environment: 'login.microsoftonline.com', tenantId, username: 'anna@bestuur.nl', localAccountId: 'oid-1', name: 'Anna' };
  const token = (n: number) => ({
    access_token: `naa-access-token-${n}`,
    expires_in: 3600,
    scope: 'api://client-id/access_as_user',
    id_token: fakeJwt({ aud: 'client-id', iss: `https://login.microsoftonline.com/${tenantId}/v2.0`, tid: tenantId, oid: 'oid-1', preferred_username: 'anna@bestuur.nl', name: 'Anna', iat: 1, exp: 9999999999 }),
  });
  let issued = 0;
  (window as unknown as { nestedAppAuthBridge: unknown }).nestedAppAuthBridge = {
    addEventListener: (_type: string, cb: (m: string) => void) => listeners.push(cb),
    removeEventListener: () => undefined,
    postMessage(text: string) {
      const req = JSON.parse(text) as { method: string; requestId: string; tokenParams?: { scope?: string } };
      record.broker.push({ method: req.method, ...(req.tokenParams?.scope ? { scope: req.tokenParams.scope } : {}) });
      let reply: object;
      if (req.method === 'GetInitContext') reply = { success: true, initContext: { sdkName: 'fake-office-host', sdkVersion: '1.0.0', capabilities: {} } };
      else if (req.method === 'GetToken' && !signedIn) reply = { success: false, error: { status: 'USER_INTERACTION_REQUIRED', code: 'interaction_required', description: 'no account' } };
      else if (req.method === 'GetTokenPopup' && s.brokerCancels) reply = { success: false, error: { status: 'USER_CANCEL', code: 'user_cancelled', description: 'cancelled' } };
      else if (req.method === 'GetToken' || req.method === 'GetTokenPopup') {
        signedIn = true;
        reply = { success: true, token: token(++issued), account };
      } else reply = { success: false, error: { status: 'PERSISTENT_ERROR', code: 'unsupported', description: req.method } };
      setTimeout(() => listeners.forEach((l) => l(JSON.stringify({ messageType: 'NestedAppAuthResponse', requestId: req.requestId, ...reply }))), 5);
    },
  };
}

function fakeOffice(s: Scenario): OfficeForAuth {
  return {
    context: {
      displayLanguage: 'nl-NL',
      requirements: {
        isSetSupported(name: string, minVersion?: string) {
          record.isSetSupported.push([name, minVersion]);
          return s.naa && name === 'NestedAppAuth' && minVersion === '1.1';
        },
      },
      ui: {
        displayDialogAsync(url: string, options: unknown, callback?: (r: unknown) => void) {
          record.dialogs.push({ url, options });
          const script = s.dialog ?? { kind: 'event', error: 12006 };
          if (script.kind === 'fail') return void callback?.({ status: 'failed', error: { code: script.code } });
          const handlers: Record<string, (arg: unknown) => void> = {};
          const dialog = { addEventHandler: (type: string, h: (arg: unknown) => void) => void (handlers[type] = h), close: () => void record.closed++ };
          callback?.({ status: 'succeeded', value: dialog });
          setTimeout(() => {
            if (script.kind === 'message') handlers.dialogMessageReceived?.({ message: script.message, origin: location.origin });
            else handlers.dialogEventReceived?.({ error: script.error });
          }, 10);
        },
      } as unknown as Pick<Office.UI, 'displayDialogAsync'>,
    },
    AsyncResultStatus: { Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
  };
}

const config = { clientId: 'client-id', authority: 'https://login.microsoftonline.com/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', scopes: ['api://client-id/access_as_user'] };

async function run(s: Scenario, clock?: number[]) {
  record.isSetSupported = [];
  record.broker = [];
  record.dialogs = [];
  record.closed = 0;
  if (s.naa) installBroker(s);
  const office = fakeOffice(s);
  const now = () => clock?.[0] ?? Date.now();
  try {
    const signed = await signIn(config, { office, msal: async () => msal, dialogUrl: new URL('auth-dialog.html', location.href).href, now });
    const tokens: string[] = [await signed.getToken()];
    if (clock) clock[0] = (clock[0] ?? 0) + 3_600_000;
    let later: string;
    try {
      later = await signed.getToken();
    } catch (e) {
      later = `error:${(e as SignInError).code}:${(e as Error).message}`;
    }
    tokens.push(later);
    return { ok: true, path: signed.path, account: signed.account, tokens, record: structuredClone(record), decided: signInPath(office) };
  } catch (e) {
    return { ok: false, error: e instanceof SignInError ? { code: e.code, message: e.message } : String(e), record: structuredClone(record) };
  }
}

(window as unknown as { bosspoAuthTest: unknown }).bosspoAuthTest = { run };
