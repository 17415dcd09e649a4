// manifest.xml and the production manifest against Microsoft's add-in manifest XSDs (kept in the project:
// test/schemas/office-addin-manifest, used by npm run manifest:prod too), offline with xmllint; the
// production build's version and addresses.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextVersion, normaliseBaseUrl, productionManifest, validateManifest, writeProductionManifest } from '../../scripts/manifest-prod';

const manifest = readFileSync(join(import.meta.dirname, '..', '..', 'manifest.xml'), 'utf8');
const tmp = () => mkdtempSync(join(tmpdir(), 'manifest-'));

describe('manifest.xml', () => {
  it('validates against OfficeAppManifestV1_1.xsd with xmllint, and the check is real', () => {
    const dir = tmp();
    const dev = join(dir, 'manifest.xml');
    writeFileSync(dev, manifest);
    expect(validateManifest(dev)).toBe('valid');
    // A manifest with an element out of order must be rejected.
    const broken = join(dir, 'broken.xml');
    writeFileSync(broken, manifest.replace('<Version>1.0.0.0</Version>', '').replace('<ProviderName>', '<Version>1.0.0.0</Version><ProviderName>').replace('<Id>', '<ProviderName>x</ProviderName><Id>'));
    expect(() => validateManifest(broken)).toThrow(/xmllint keurt/);
  });

  it('asks Excel for ExcelApi 1.8, a Workbook host, the task pane on localhost:3000 and a Home tab button', () => {
    expect(manifest).toMatch(/<Host Name="Workbook"\/>/);
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1.8"\/>/);
    expect(manifest).toMatch(/<SourceLocation DefaultValue="https:\/\/localhost:3000\/taskpane.html"\/>/);
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    expect(manifest).toMatch(/<DefaultLocale>nl-NL<\/DefaultLocale>/);
    expect(manifest).toMatch(/Locale="en-US"/);
    for (const size of [16, 32, 64, 80]) {
      expect(manifest).toContain(`icon-${size}.png`);
      const png = readFileSync(join(import.meta.dirname, '..', '..', 'addin', 'assets', `icon-${size}.png`));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('SupportUrl points at the help page the build ships (hulp.html), which exists in the pane\'s sources', () => {
    expect(manifest).toContain('<SupportUrl DefaultValue="https://localhost:3000/hulp.html"/>');
    const help = readFileSync(join(import.meta.dirname, '..', '..', 'addin', 'hulp.html'), 'utf8');
    expect(help).toMatch(/<html lang="nl">/);
    expect(help).toMatch(/privacy/i);
  });
});

describe('the production manifest', () => {
  it('points every address at the deployed host and sub-path, nothing at localhost, and still validates', () => {
    const prod = productionManifest(manifest, 'https://bosspo.example.org/addin/', '1.0.0.3');
    expect(prod).not.toContain('localhost');
    expect(prod).toContain('<SourceLocation DefaultValue="https://bosspo.example.org/addin/taskpane.html"/>');
    expect(prod).toContain('<SupportUrl DefaultValue="https://bosspo.example.org/addin/hulp.html"/>');
    expect(prod).toContain('https://bosspo.example.org/addin/icon-80.png');
    expect(prod).toContain('<Version>1.0.0.3</Version>');
    const file = join(tmp(), 'prod.xml');
    writeFileSync(file, prod);
    expect(validateManifest(file)).toBe('valid');
  });

  it('raises the version on every production build (Office caches add-ins by version)', () => {
    expect(nextVersion('1.0.0.0', null)).toBe('1.0.0.1');
    expect(nextVersion('1.0.0.0', '1.0.0.1')).toBe('1.0.0.2');
    expect(nextVersion('1.0.0.0', '1.0.3.65535')).toBe('1.0.4.0');
    expect(nextVersion('1.1.0.0', '1.0.0.9')).toBe('1.1.0.1');
    expect(() => nextVersion('1.0.0.0', 'x')).toThrow(/vorm/);
    const out = join(tmp(), 'manifest.xml');
    const first = writeProductionManifest({ baseUrl: 'https://a.example.org/addin', out });
    const second = writeProductionManifest({ baseUrl: 'https://a.example.org/addin', out });
    expect([first.version, second.version]).toEqual(['1.0.0.1', '1.0.0.2']);
    expect(first.validated && second.validated).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain('<Version>1.0.0.2</Version>');
    expect(writeProductionManifest({ baseUrl: 'https://a.example.org/addin', out, previous: '1.0.0.41' }).version).toBe('1.0.0.42');
  });

  it('refuses a deployed address that is not https', () => {
    expect(() => normaliseBaseUrl('http://bosspo.example.org')).toThrow(/https/);
    expect(() => normaliseBaseUrl('geen adres')).toThrow(/geen geldig adres/);
  });
});
