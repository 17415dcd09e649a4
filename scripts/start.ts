// `npm start`: Azurite (in memory), the function app on port 7071 and the task pane's dev server on
// https://localhost:3000, then how to sideload manifest.xml and the address for checking without Excel.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InlineConfig, PluginOption } from 'vite';
import { startApi, type ApiStack } from './api-stack';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PANE_PORT = 3000;

/** A certificate made by `npx office-addin-dev-certs install` (trusted by Office), when present. */
function officeDevCerts(): { cert: Buffer; key: Buffer } | null {
  const dir = join(homedir(), '.office-addin-dev-certs');
  const cert = join(dir, 'localhost.crt');
  const key = join(dir, 'localhost.key');
  return existsSync(cert) && existsSync(key) ? { cert: readFileSync(cert), key: readFileSync(key) } : null;
}

async function https(): Promise<{ config: Partial<InlineConfig>; how: string } | null> {
  const certs = officeDevCerts();
  if (certs) return { config: { server: { https: certs } }, how: 'certificaat van office-addin-dev-certs (vertrouwd door Office)' };
  try {
    const { default: basicSsl } = await import('@vitejs/plugin-basic-ssl');
    return {
      config: { plugins: [basicSsl({ name: 'bosspo-dev', domains: ['localhost'] }) as PluginOption] },
      how:
        'zelfondertekend ontwikkelcertificaat: open https://localhost:3000 eenmaal in uw browser en accepteer het. ' +
        'Voor Excel desktop: draai eenmaal `npx office-addin-dev-certs install` (installeert een vertrouwd certificaat) en start opnieuw.',
    };
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  console.log('Azurite en de function app starten …');
  let api: ApiStack;
  try {
    api = await startApi({ log: (line) => process.env.BOSSPO_VERBOSE && console.log(`[api] ${line}`) });
  } catch (e) {
    console.error(`De API kon niet starten: ${(e as Error).message}`);
    process.exitCode = 1;
    return;
  }
  const boardKey = Object.entries(api.keys).find(([, v]) => v.role === 'board')?.[0] ?? '';
  // The dev pane talks to this API with a development board key (VITE_* reach import.meta.env).
  process.env.VITE_BOSSPO_API_URL ??= api.url.replace('127.0.0.1', 'localhost');
  if (api.generatedKeys) process.env.VITE_BOSSPO_API_KEY ??= boardKey;

  const { createServer, mergeConfig } = await import('vite');
  const tls = await https();
  let config: InlineConfig = { configFile: join(root, 'addin', 'vite.config.ts'), server: { port: PANE_PORT, strictPort: true, host: 'localhost' } };
  if (tls) config = mergeConfig(config, tls.config);
  let server;
  try {
    server = await createServer(config);
    await server.listen();
  } catch (e) {
    console.error(`De ontwikkelserver van het taakvenster kon niet starten op poort ${PANE_PORT}: ${(e as Error).message}`);
    await api.stop();
    process.exitCode = 1;
    return;
  }
  const pane = `${tls ? 'https' : 'http'}://localhost:${PANE_PORT}/taskpane.html`;
  console.log(`
Boss po controle draait.

  API (function app):  ${api.url}  (${api.host === 'func' ? 'Azure Functions Core Tools' : 'lokale host'}; Azurite op poort ${api.azurite.port}, in het geheugen)
${api.generatedKeys ? `  Ontwikkelsleutels:   ${Object.entries(api.keys).map(([k, v]) => `${v.role}${v.board ? ` ${v.board}` : ''}: ${k}`).join('\n                       ')}\n` : ''}  Taakvenster:         ${pane}
  ${tls ? `HTTPS:               ${tls.how}` : 'LET OP: geen certificaat beschikbaar; het taakvenster draait op http. Excel laadt add-ins alleen via https, dus sideloaden werkt zo niet; de browsermodus wel.'}

Zonder Excel: open ${pane} in een browser, kies een werkmap (Werkmap kiezen), Controleer, Download.

In Excel (sideload manifest.xml):
  - Excel op het web: Start > Invoegtoepassingen > Meer invoegtoepassingen (of Invoegen > Invoegtoepassingen)
    > Mijn invoegtoepassing uploaden > kies ${join(root, 'manifest.xml')}.
  - Excel desktop (Windows): zet manifest.xml in een gedeelde map, voeg die map toe onder Bestand > Opties >
    Vertrouwenscentrum > Catalogi met vertrouwde invoegtoepassingen, herstart Excel en kies
    Start > Invoegtoepassingen > Gedeelde map.
  - Daarna: Start > Boss po controle opent het taakvenster.

Stoppen: Ctrl+C.`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStoppen …');
    // The API first: Azurite and the host are child processes that must not outlive this one.
    await api.stop().catch(() => undefined);
    await server.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

await main();
