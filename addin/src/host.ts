// Is the page inside Excel? Decided from whether office.js loaded and what Office.onReady reports, with no
// fixed deadline inside Office: a cold Excel on the web or Mac can take many seconds to answer, and showing
// browser mode (a file picker) there would be wrong. Only where nothing says an Office host is around does
// the pane show browser mode after a grace period, and even then a late onReady that reports Excel still
// switches the pane to Excel.
export type HostKind = 'excel' | 'browser';

export interface HostInfo {
  kind: HostKind;
  displayLanguage: string | null;
}

const BROWSER: HostInfo = { kind: 'browser', displayLanguage: null };

/** The parts of `window` the decision looks at (injectable for tests). */
export interface HostScope {
  Office?: typeof Office;
  location?: { search: string };
  name?: string;
  sessionStorage?: { getItem(key: string): string | null };
  parent?: unknown;
  self?: unknown;
  external?: unknown;
  agaveHost?: unknown;
}

/**
 * Signs that an Office host opened the page, the ones office.js itself reads (`_retrieveHostInfo` in
 * office.debug.js): the `_host_Info` query parameter, `hostInfo` in window.name, `hostInfoValue` in session
 * storage, `agaveHost` or `external.GetHostInfo` (desktop), or a parent frame (Excel on the web).
 */
export function officeHostHint(scope: HostScope): boolean {
  try {
    if (scope.location && new URLSearchParams(scope.location.search).has('_host_Info')) return true;
    if (scope.sessionStorage?.getItem('hostInfoValue')) return true;
    if (scope.name && scope.name.includes('hostInfo')) return true;
    if (scope.agaveHost !== undefined) return true;
    if (typeof (scope.external as { GetHostInfo?: unknown } | undefined)?.GetHostInfo === 'function') return true;
    return scope.parent !== undefined && scope.parent !== scope.self;
  } catch {
    // A cross-origin parent or blocked storage throws: that is a frame, so a host.
    return true;
  }
}

export interface WatchOptions {
  /** Outside any sign of an Office host: how long before browser mode shows while onReady is silent. */
  graceMs?: number;
  scope?: HostScope;
}

/**
 * Calls `onHost` with each decision: browser mode at once when office.js did not load; otherwise what
 * onReady reports, whenever it comes. Returns a function that stops listening.
 */
export function watchHost(onHost: (host: HostInfo) => void, options: WatchOptions = {}): () => void {
  const scope = options.scope ?? (globalThis as HostScope);
  const office = scope.Office;
  if (!office || typeof office.onReady !== 'function') {
    onHost(BROWSER);
    return () => undefined;
  }
  let live = true;
  let answered = false;
  const timer = officeHostHint(scope) ? null : setTimeout(() => live && !answered && onHost(BROWSER), options.graceMs ?? 3000);
  office
    .onReady()
    .then((info) => {
      answered = true;
      if (!live) return;
      if (info && info.host === office.HostType.Excel) onHost({ kind: 'excel', displayLanguage: office.context?.displayLanguage ?? null });
      else onHost(BROWSER);
    })
    .catch(() => {
      answered = true;
      if (live) onHost(BROWSER);
    })
    .finally(() => {
      if (timer !== null) clearTimeout(timer);
    });
  return () => {
    live = false;
    if (timer !== null) clearTimeout(timer);
  };
}

/** Office's requirement-set check, false outside Office. */
export function supports(set: string, version: string): boolean {
  try {
    return !!(globalThis as { Office?: typeof Office }).Office?.context?.requirements?.isSetSupported(set, version);
  } catch {
    return false;
  }
}
