// manifest.xml and the production manifest against Microsoft's add-in manifest XSDs, offline with xmllint.
// The XSDs are copied into the project (test/schemas/office-addin-manifest), so the test always runs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { productionManifest, normaliseBaseUrl } from '../../scripts/manifest-prod';

const xsdDir = join(import.meta.dirname, '..', 'schemas', 'office-addin-manifest');
const manifest = readFileSync(join(import.meta.dirname, '..', '..', 'manifest.xml'), 'utf8');

function validate(file: string): string {
  const schema = join(xsdDir, 'OfficeAppManifestV1_1.xsd');
  try {
    return execFileSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`xmllint rejected ${file}:\n${err.stderr ?? err.message}`);
  }
}

describe('manifest.xml', () => {
  it('validates against OfficeAppManifestV1_1.xsd with xmllint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    const dev = join(dir, 'manifest.xml');
    const prod = join(dir, 'manifest.prod.xml');
    writeFileSync(dev, manifest);
    writeFileSync(prod, productionManifest(manifest, 'https://bosspo.example.org/addin/'));
    validate(dev);
    validate(prod);
    // A manifest with an element out of order must be rejected: the check is real.
    const broken = join(dir, 'broken.xml');
    writeFileSync(broken, manifest.replace('<Version>1.0.0.0</Version>', '').replace('<ProviderName>', '<Version>1.0.0.0</Version><ProviderName>').replace('<Id>', '<ProviderName>x</ProviderName><Id>'));
    expect(() => validate(broken)).toThrow(/xmllint rejected/);
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

  it('production manifest points every address at the deployed host and nothing at localhost', () => {
    const prod = productionManifest(manifest, 'https://bosspo.example.org/addin/');
    expect(prod).not.toContain('localhost');
    expect(prod).toContain('<SourceLocation DefaultValue="https://bosspo.example.org/addin/taskpane.html"/>');
    expect(prod).toContain('https://bosspo.example.org/addin/icon-80.png');
  });

  it('refuses a deployed address that is not https', () => {
    expect(() => normaliseBaseUrl('http://bosspo.example.org')).toThrow(/https/);
    expect(() => normaliseBaseUrl('geen adres')).toThrow(/geen geldig adres/);
  });
});
