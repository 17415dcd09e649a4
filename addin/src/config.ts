// Settings of this computer (localStorage): the API address, an API key for local use, the board, the
// language. MSAL nested app authentication is configured at build time (VITE_* variables, see README).
import { z } from 'zod';

export const LocalSettingsSchema = z.object({
  apiUrl: z.string().max(500).default(''),
  apiKey: z.string().max(500).default(''),
  board: z.string().max(200).default(''),
  language: z.enum(['nl', 'en']).nullable().default(null),
});
export type LocalSettings = z.infer<typeof LocalSettingsSchema>;

const KEY = 'bosspo.settings';

interface Env {
  VITE_BOSSPO_API_URL?: string;
  VITE_BOSSPO_API_KEY?: string;
  VITE_BOSSPO_AAD_CLIENT_ID?: string;
  VITE_BOSSPO_AAD_AUTHORITY?: string;
  VITE_BOSSPO_API_SCOPE?: string;
}
const env = ((import.meta as unknown as { env?: Env }).env ?? {}) as Env;

/** Defaults: what `npm start` passes to the dev server (its API and development key); empty in production. */
export function defaultSettings(): LocalSettings {
  return { apiUrl: env.VITE_BOSSPO_API_URL ?? '', apiKey: env.VITE_BOSSPO_API_KEY ?? '', board: '', language: null };
}

export function loadSettings(storage: Pick<Storage, 'getItem'> | null = safeStorage()): LocalSettings {
  const defaults = defaultSettings();
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return defaults;
    const parsed = LocalSettingsSchema.partial().safeParse(JSON.parse(raw));
    return parsed.success ? { ...defaults, ...Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) } : defaults;
  } catch {
    return defaults;
  }
}

export function saveSettings(settings: LocalSettings, storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  storage?.setItem(KEY, JSON.stringify(LocalSettingsSchema.parse(settings)));
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Azure AD app registration for nested app authentication; null when not configured (local use). */
export interface MsalConfig {
  clientId: string;
  authority: string;
  scopes: string[];
}

export function msalConfig(): MsalConfig | null {
  const clientId = env.VITE_BOSSPO_AAD_CLIENT_ID?.trim();
  const scope = env.VITE_BOSSPO_API_SCOPE?.trim();
  if (!clientId || !scope) return null;
  return { clientId, authority: env.VITE_BOSSPO_AAD_AUTHORITY?.trim() || 'https://login.microsoftonline.com/common', scopes: [scope] };
}
