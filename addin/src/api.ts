// The API client of the pane: the address and key from the settings, or the signed-in user's token.
import { createApiClient, type ApiClient } from '../../shared/api/client';
import type { LocalSettings } from './config';

export interface PaneAuth {
  account: string;
  getToken: () => Promise<string>;
}

/** null when no API address is set (the pane then evaluates with the bundled engine only). */
export function paneClient(settings: Pick<LocalSettings, 'apiUrl' | 'apiKey'>, auth: PaneAuth | null): ApiClient | null {
  const baseUrl = settings.apiUrl.trim();
  if (!baseUrl) return null;
  return createApiClient({
    baseUrl,
    ...(auth ? { getToken: auth.getToken } : settings.apiKey ? { apiKey: settings.apiKey } : {}),
  });
}
