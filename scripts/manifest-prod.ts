// `npm run manifest:prod -- https://your-host [--out FILE]`: the production manifest for a deployed task
// pane. It is manifest.xml with every development address (https://localhost:3000) replaced, so the two
// can never drift apart in anything but the address.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEV_ORIGIN = 'https://localhost:3000';

/** Checks the deployed address: https, no query or fragment; returns it without a trailing slash. */
export function normaliseBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`"${text}" is geen geldig adres (voorbeeld: https://bosspo.example.org)`);
  }
  if (url.protocol !== 'https:') throw new Error(`Office laadt alleen add-ins via https; "${text}" begint niet met https://`);
  if (url.search || url.hash) throw new Error(`het adres "${text}" mag geen ? of # bevatten`);
  return url.href.replace(/\/+$/, '');
}

/** manifest.xml text → the same manifest for the deployed address. */
export function productionManifest(devManifest: string, baseUrl: string): string {
  const base = normaliseBaseUrl(baseUrl);
  if (!devManifest.includes(DEV_ORIGIN)) throw new Error(`manifest.xml bevat ${DEV_ORIGIN} niet meer; niets te vervangen`);
  const escaped = base.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return devManifest.split(DEV_ORIGIN).join(escaped);
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function main(argv: string[]): number {
  const args = [...argv];
  let out = join(root, 'dist', 'manifest.xml');
  const outAt = args.indexOf('--out');
  if (outAt >= 0) {
    const file = args[outAt + 1];
    if (!file) {
      console.error('--out heeft een bestandsnaam nodig');
      return 2;
    }
    out = resolve(file);
    args.splice(outAt, 2);
  }
  const [base] = args;
  if (!base || args.length !== 1) {
    console.error('gebruik: npm run manifest:prod -- https://your-host [--out FILE.xml]');
    return 2;
  }
  try {
    const xml = productionManifest(readFileSync(join(root, 'manifest.xml'), 'utf8'), base);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, xml);
    console.log(`productiemanifest geschreven: ${out}`);
    return 0;
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
