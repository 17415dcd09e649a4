// The sign-in page of the Office-dialog fallback (auth-dialog.html), for Excel without nested app
// authentication (2019/2021/2024 perpetual, older channels): Microsoft's documented fallback runs MSAL.js
// in a dialog opened with Office.context.ui.displayDialogAsync. The page signs in with a redirect to
// Entra ID and back to itself, then hands the token to the task pane with Office.context.ui.messageParent.
// No React here: this page loads alone in the dialog.
import { z } from 'zod';

/** What the dialog tells the pane (JSON through messageParent). */
export const DialogMessageSchema = z.discriminatedUnion('ok', [
  z.object({ type: z.literal('bosspo-signin'), ok: z.literal(true), accessToken: z.string().min(1), expiresOn: z.number(), account: z.string() }),
  z.object({ type: z.literal('bosspo-signin'), ok: z.literal(false), error: z.string() }),
]);
export type DialogMessage = z.infer<typeof DialogMessageSchema>;

/** The part of MSAL's PublicClientApplication the page uses. */
export interface RedirectClient {
  initialize(): Promise<void>;
  handleRedirectPromise(): Promise<{ accessToken: string; expiresOn: Date | null; account: { username: string } | null } | null>;
  acquireTokenRedirect(request: { scopes: string[]; prompt?: string }): Promise<void>;
}

/**
 * Back from Entra ID: send the token to the pane. First visit: go to Entra ID (the page navigates away).
 * Errors go to the pane as a code, never as a token or a stack.
 */
export async function runDialog(client: RedirectClient, scopes: string[], messageParent: (message: string) => void): Promise<void> {
  const send = (m: DialogMessage) => messageParent(JSON.stringify(m));
  try {
    await client.initialize();
    const result = await client.handleRedirectPromise();
    if (result) {
      send({ type: 'bosspo-signin', ok: true, accessToken: result.accessToken, expiresOn: result.expiresOn?.getTime() ?? Date.now() + 5 * 60_000, account: result.account?.username ?? '' });
      return;
    }
    await client.acquireTokenRedirect({ scopes, prompt: 'select_account' });
  } catch (e) {
    const code = (e as { errorCode?: unknown })?.errorCode;
    send({ type: 'bosspo-signin', ok: false, error: typeof code === 'string' && /^[\w.-]{1,80}$/.test(code) ? code : 'sign_in_failed' });
  }
}
