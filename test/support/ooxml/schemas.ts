// Every part of a package against the ECMA-376 transitional schemas (test/schemas/ooxml, README there),
// with xmllint, after Markup Compatibility. Parts without a schema there (VML, Office 2010+ parts such
// as chart styles, binary parts) are listed as not validated, and so is docProps/core.xml: its schema
// imports the Dublin Core schemas from dublincore.org, which are not part of ECMA-376 and not here
// (the product never writes that part).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyMarkupCompatibility } from './markup-compatibility';
import { readPackage } from './package';
import { parseXml, serialize } from './xml-tree';

export const OOXML_SCHEMAS = fileURLToPath(new URL('../../schemas/ooxml/', import.meta.url));

const SML = 'sml.xsd';

/** The schema of a part by its content type, or null when the schemas here do not cover it. */
export function schemaFor(contentType: string): string | null {
  if (contentType === 'application/vnd.openxmlformats-package.relationships+xml') return 'opc-xsd/opc-relationships.xsd';
  if (contentType === 'application/vnd.openxmlformats-officedocument.extended-properties+xml') return 'shared-documentPropertiesExtended.xsd';
  if (contentType === 'application/vnd.openxmlformats-officedocument.custom-properties+xml') return 'shared-documentPropertiesCustom.xsd';
  if (contentType === 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml') return 'dml-chart.xsd';
  if (contentType === 'application/vnd.openxmlformats-officedocument.drawing+xml') return 'dml-spreadsheetDrawing.xsd';
  if (contentType === 'application/vnd.openxmlformats-officedocument.theme+xml') return 'dml-main.xsd';
  if (/^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.[\w.-]+\+xml$/.test(contentType)) return SML;
  if (/^application\/vnd\.ms-excel\.(sheet|template)\.macroEnabled\.main\+xml$/.test(contentType)) return SML;
  return null;
}

export interface SchemaReport {
  /** `part: message` for each part that is not valid (or not namespace-well-formed). */
  problems: string[];
  validated: string[];
  notValidated: string[];
}

export async function validatePackage(bytes: Uint8Array): Promise<SchemaReport> {
  const pkg = await readPackage(bytes);
  const problems: string[] = [];
  const validated: string[] = [];
  const notValidated: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'ooxml-'));
  try {
    const bySchema = new Map<string, { part: string; file: string }[]>();
    let n = 0;
    for (const [part, text] of pkg.parts) {
      const schema = part === '[Content_Types].xml' ? 'opc-xsd/opc-contentTypes.xsd' : schemaFor(pkg.contentTypeOf(part) ?? '');
      if (!schema) {
        notValidated.push(part);
        continue;
      }
      let xml: string;
      try {
        xml = serialize(applyMarkupCompatibility(parseXml(text)));
      } catch (e) {
        problems.push(`${part}: not namespace-well-formed XML: ${(e as Error).message}`);
        continue;
      }
      const file = join(dir, `${n++}.xml`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, xml);
      const list = bySchema.get(schema) ?? [];
      list.push({ part, file });
      bySchema.set(schema, list);
    }
    for (const [schema, list] of bySchema) {
      let output = '';
      try {
        execFileSync('xmllint', ['--noout', '--schema', join(OOXML_SCHEMAS, schema), ...list.map((l) => l.file)], { encoding: 'utf8', stdio: 'pipe' });
      } catch (e) {
        const err = e as { stderr?: string; status?: number; message: string };
        output = err.stderr ?? err.message;
        if (err.status !== 3 && err.status !== 4 && err.status !== 1) throw new Error(`xmllint could not check against ${schema} (exit ${err.status}): ${output}`, { cause: e });
      }
      for (const { part, file } of list) {
        const lines = output.split('\n').filter((l) => l.startsWith(file) && !l.endsWith(' validates'));
        if (lines.length) problems.push(`${part} (${schema}): ${lines.map((l) => l.slice(file.length)).join(' | ')}`);
        else validated.push(part);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { problems, validated, notValidated };
}
