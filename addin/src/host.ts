// Is the page inside Excel? Office.onReady tells; outside Office it reports no host, and when office.js
// did not load (offline, blocked) or never answers, the pane goes to browser mode after a few seconds.
export type HostKind = 'excel' | 'browser';

export interface HostInfo {
  kind: HostKind;
  displayLanguage: string | null;
}

export async function detectHost(timeoutMs = 3000): Promise<HostInfo> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== 'function') return { kind: 'browser', displayLanguage: null };
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  const info = await Promise.race([office.onReady().catch(() => null), timeout]);
  if (info && info.host === office.HostType.Excel)
    return { kind: 'excel', displayLanguage: office.context?.displayLanguage ?? null };
  return { kind: 'browser', displayLanguage: null };
}

/** Office's requirement-set check, false outside Office. */
export function supports(set: string, version: string): boolean {
  try {
    return !!(globalThis as { Office?: typeof Office }).Office?.context?.requirements?.isSetSupported(set, version);
  } catch {
    return false;
  }
}
