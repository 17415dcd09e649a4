import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { watchHost, type HostInfo } from './host';
import { MESSAGES } from './i18n';

/** Renders the pane for the host as soon as it is known, and again if a late Office.onReady reports Excel. */
function Root() {
  const [host, setHost] = useState<HostInfo | null>(null);
  useEffect(() => watchHost(setHost), []);
  return host ? <App key={host.kind} host={host} /> : <p role="status">{MESSAGES.nl.loading}</p>;
}

createRoot(document.getElementById('root')!).render(<Root />);
