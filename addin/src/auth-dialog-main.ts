// Entry of auth-dialog.html: MSAL's standard client with this page as redirect URI (registered as an SPA
// redirect URI by infra/app/entra.bicep), then runDialog.
import { msalConfig } from './config';
import { runDialog } from './auth-dialog';

Office.onReady(async () => {
  const reply = (message: string) => Office.context.ui.messageParent(message);
  const config = msalConfig();
  if (!config) return reply(JSON.stringify({ type: 'bosspo-signin', ok: false, error: 'not_configured' }));
  const { PublicClientApplication } = await import('@azure/msal-browser');
  const redirectUri = new URL(location.pathname, location.origin).href;
  const client = new PublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority, redirectUri },
    cache: { cacheLocation: 'sessionStorage' },
  });
  await runDialog(client, config.scopes, reply);
});
