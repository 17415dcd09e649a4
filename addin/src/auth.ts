// Sign-in in Azure, following Microsoft's guidance for Office add-ins ("Enable SSO in an Office Add-in
// using nested app authentication"): where Office supports NestedAppAuth 1.1, MSAL.js nested app
// authentication (createNestablePublicClientApplication; Office brokers the sign-in) with a silent token
// call first and an interactive one when that fails; elsewhere (Excel 2019/2021/2024 perpetual, older
// channels) the documented fallback: MSAL in an Office dialog (auth-dialog.html) that hands the token back.
// Sign-in starts only from the user's click (Instellingen › Aanmelden), so no browser blocks a window; a
// fallback token that runs out asks for that click again instead of opening a window on its own.
import { DialogMessageSchema } from './auth-dialog';
import type { MsalConfig } from './config';
import { MESSAGES, languageFor, type Messages } from './i18n';

export type SignInPath = 'naa' | 'dialog';

export interface SignedIn {
  account: string;
  path: SignInPath;
  getToken: () => Promise<string>;
}

export class SignInError extends Error {
  constructor(
    readonly code: 'cancelled' | 'blocked' | 'failed' | 'expired',
    message: string,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

/** The Office.js surface sign-in uses (typed after @types/office-js). */
export interface OfficeForAuth {
  context: {
    displayLanguage?: string;
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    ui: Pick<Office.UI, 'displayDialogAsync'>;
  };
  AsyncResultStatus: { Failed: Office.AsyncResultStatus.Failed | string | number };
  EventType: { DialogMessageReceived: Office.EventType.DialogMessageReceived | string; DialogEventReceived: Office.EventType.DialogEventReceived | string };
}

/** Microsoft's check, to the letter: NAA only where the NestedAppAuth 1.1 requirement set is supported. */
export function signInPath(office: OfficeForAuth): SignInPath {
  return office.context.requirements.isSetSupported('NestedAppAuth', '1.1') ? 'naa' : 'dialog';
}

export interface SignInOptions {
  office?: OfficeForAuth;
  /** MSAL (loaded on demand; tests pass the same module). */
  msal?: () => Promise<Pick<typeof import('@azure/msal-browser'), 'createNestablePublicClientApplication' | 'InteractionRequiredAuthError'>>;
  /** Address of the dialog page; default auth-dialog.html beside the pane. */
  dialogUrl?: string;
  now?: () => number;
}

const texts = (office: OfficeForAuth): Messages => MESSAGES[languageFor(office.context.displayLanguage)];

export async function signIn(config: MsalConfig, options: SignInOptions = {}): Promise<SignedIn> {
  const office = options.office ?? (Office as unknown as OfficeForAuth);
  return signInPath(office) === 'naa' ? signInNested(config, office, options) : signInWithDialog(config, office, options);
}

async function signInNested(config: MsalConfig, office: OfficeForAuth, options: SignInOptions): Promise<SignedIn> {
  const t = texts(office);
  const msal = await (options.msal ?? (() => import('@azure/msal-browser')))();
  const app = await msal.createNestablePublicClientApplication({ auth: { clientId: config.clientId, authority: config.authority } });
  const request = { scopes: config.scopes };
  const acquire = async () => {
    const account = app.getActiveAccount() ?? app.getAllAccounts()[0] ?? null;
    try {
      return await app.acquireTokenSilent({ ...request, ...(account ? { account } : {}) });
    } catch {
      // Silent failed (no account yet, consent, expired session): Office shows its own sign-in.
      try {
        return await app.acquireTokenPopup(request);
      } catch (e) {
        const code = (e as { errorCode?: string }).errorCode ?? '';
        throw new SignInError(/cancel/i.test(code) ? 'cancelled' : 'failed', /cancel/i.test(code) ? t.signInCancelled : t.signInFailed);
      }
    }
  };
  const first = await acquire();
  if (first.account) app.setActiveAccount(first.account);
  return { account: first.account?.username ?? '', path: 'naa', getToken: async () => (await acquire()).accessToken };
}

function signInWithDialog(config: MsalConfig, office: OfficeForAuth, options: SignInOptions): Promise<SignedIn> {
  const t = texts(office);
  const now = options.now ?? (() => Date.now());
  const url = options.dialogUrl ?? new URL('auth-dialog.html', location.href).href;
  return new Promise<SignedIn>((resolve, reject) => {
    // Called synchronously from the click, so Office on the web does not block the dialog.
    office.context.ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, (result) => {
      if (result.status === office.AsyncResultStatus.Failed) {
        // 12007: a dialog is already open; 12009: the user blocked dialogs (docs: "Office dialog errors").
        reject(new SignInError('blocked', t.signInBlocked));
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(office.EventType.DialogMessageReceived as Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        let message;
        try {
          message = DialogMessageSchema.safeParse(JSON.parse((arg as { message: string }).message));
        } catch {
          message = null;
        }
        if (!message?.success || !message.data.ok) return reject(new SignInError('failed', t.signInFailed));
        const { accessToken, expiresOn, account } = message.data;
        resolve({
          account,
          path: 'dialog',
          getToken: async () => {
            // Two minutes of margin; after that only the user's click may open a new dialog.
            if (expiresOn - now() > 2 * 60_000) return accessToken;
            throw new SignInError('expired', t.signInAgain);
          },
        });
      });
      dialog.addEventHandler(office.EventType.DialogEventReceived as Office.EventType.DialogEventReceived, (arg) => {
        // 12006: the user closed the dialog.
        const error = (arg as { error?: number }).error;
        reject(new SignInError(error === 12006 ? 'cancelled' : 'failed', error === 12006 ? t.signInCancelled : t.signInFailed));
      });
    });
  });
}
