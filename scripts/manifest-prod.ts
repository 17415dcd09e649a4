// `npm run manifest:prod -- https://host/path [--out FILE] [--previous VERSION]`: the production manifest
// for a deployed task pane. It is manifest.xml with every development address (https://localhost:3000)
// replaced, so the two can never drift apart in anything but the address; its <Version> is raised on
// every production build (Office caches an add-in by version), and it is checked against the add-in
// manifest XSDs (test/schemas/office-addin-manifest, the project's one copy) with xmllint.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEV_ORIGIN = 'https://localhost:3000';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MANIFEST_XSD = join(root, 'test', 'schemas', 'office-addin-manifest', 'OfficeAppManifestV1_1.xsd');

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

const VERSION = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})\.(\d{1,5})$/;
const versionOf = (xml: string): string | null => /<Version>([^<]+)<\/Version>/.exec(xml)?.[1]?.trim() ?? null;

/**
 * The next production version: major.minor from manifest.xml, then a build number one above the previous
 * production manifest's (carrying into the third part at 99999); 1 when there was none or it had another
 * major.minor. Office needs every part within 0–65535 for Store add-ins; the XSD allows five digits.
 */
export function nextVersion(devVersion: string, previous: string | null): string {
  const dev = VERSION.exec(devVersion);
  if (!dev) throw new Error(`manifest.xml heeft geen versie van de vorm a.b.c.d maar "${devVersion}"`);
  const prev = previous ? VERSION.exec(previous) : null;
  if (previous && !prev) throw new Error(`de vorige versie "${previous}" heeft niet de vorm a.b.c.d`);
  if (!prev || prev[1] !== dev[1] || prev[2] !== dev[2]) return `${dev[1]}.${dev[2]}.0.1`;
  let patch = Number(prev[3]);
  let build = Number(prev[4]) + 1;
  if (build > 65535) {
    patch += 1;
    build = 0;
  }
  if (patch > 65535) throw new Error(`versie ${previous} kan niet verder omhoog; verhoog de versie in manifest.xml`);
  return `${dev[1]}.${dev[2]}.${patch}.${build}`;
}

/** manifest.xml text → the same manifest for the deployed address, with the given version. */
export function productionManifest(devManifest: string, baseUrl: string, version?: string): string {
  const base = normaliseBaseUrl(baseUrl);
  if (!devManifest.includes(DEV_ORIGIN)) throw new Error(`manifest.xml bevat ${DEV_ORIGIN} niet meer; niets te vervangen`);
  const escaped = base.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const xml = devManifest.split(DEV_ORIGIN).join(escaped);
  if (version === undefined) return xml;
  if (!VERSION.test(version)) throw new Error(`versie "${version}" heeft niet de vorm a.b.c.d`);
  return xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
}

/** xmllint against the add-in manifest XSDs; throws with xmllint's complaint. null when xmllint is missing. */
export function validateManifest(file: string): 'valid' | null {
  try {
    execFileSync('xmllint', ['--noout', '--schema', MANIFEST_XSD, file], { encoding: 'utf8', stdio: 'pipe' });
    return 'valid';
  } catch (e) {
    const err = e as { code?: string; stderr?: string; message: string };
    if (err.code === 'ENOENT') return null;
    throw new Error(`xmllint keurt ${file} af:\n${err.stderr ?? err.message}`, { cause: e });
  }
}

export interface ManifestBuild {
  file: string;
  version: string;
  /** false when xmllint is not installed (the file is written; say so). */
  validated: boolean;
}

/** Writes the production manifest; the previous version comes from `previous` or the file already there. */
export function writeProductionManifest(options: { baseUrl: string; out: string; previous?: string | null }): ManifestBuild {
  const dev = readFileSync(join(root, 'manifest.xml'), 'utf8');
  const previous = options.previous ?? (existsSync(options.out) ? versionOf(readFileSync(options.out, 'utf8')) : null);
  const version = nextVersion(versionOf(dev) ?? '', previous || null);
  mkdirSync(dirname(options.out), { recursive: true });
  const tmp = `${options.out}.tmp`;
  writeFileSync(tmp, productionManifest(dev, options.baseUrl, version));
  let validated: boolean;
  try {
    validated = validateManifest(tmp) === 'valid';
  } catch (e) {
    unlinkSync(tmp);
    throw e;
  }
  renameSync(tmp, options.out);
  return { file: options.out, version, validated };
}

function main(argv: string[]): number {
  const args = [...argv];
  const option = (name: string): string | undefined => {
    const at = args.indexOf(name);
    if (at < 0) return undefined;
    const value = args[at + 1];
    if (!value) throw new Error(`${name} heeft een waarde nodig`);
    args.splice(at, 2);
    return value;
  };
  try {
    const out = resolve(option('--out') ?? join(root, 'dist', 'manifest.xml'));
    const previous = option('--previous');
    const [base] = args;
    if (!base || args.length !== 1) {
      console.error('gebruik: npm run manifest:prod -- https://your-host[/pad] [--out FILE.xml] [--previous 1.0.0.7]');
      return 2;
    }
    const built = writeProductionManifest({ baseUrl: base, out, ...(previous ? { previous } : {}) });
    console.log(`productiemanifest geschreven: ${built.file} (versie ${built.version})`);
    if (!built.validated) console.warn('xmllint ontbreekt: het manifest is niet tegen de XSD\'s gecontroleerd (apt-get install libxml2-utils).');
    return 0;
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
