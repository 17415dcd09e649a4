// Sign-in in Azure with MSAL.js nested app authentication (NAA): Office brokers the token, no pop-up
// domain juggling. Loaded on demand so the first load of the pane stays small.
import type { MsalConfig } from './config';

export interface SignedIn {
  account: string;
  getToken: () => Promise<string>;
}

export async function signIn(config: MsalConfig): Promise<SignedIn> {
  const msal = await import('@azure/msal-browser');
  const app = await msal.createNestablePublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority },
  });
  const request = { scopes: config.scopes };
  const acquire = async (): Promise<{ accessToken: string; account: { username: string } | null }> => {
    const account = app.getActiveAccount() ?? app.getAllAccounts()[0] ?? null;
    try {
      return await app.acquireTokenSilent({ ...request, ...(account ? { account } : {}) });
    } catch {
      return await app.acquireTokenPopup(request);
    }
  };
  const first = await acquire();
  return {
    account: first.account?.username ?? '',
    getToken: async () => (await acquire()).accessToken,
  };
}
