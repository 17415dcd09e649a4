// An OPC package as the checks see it: its parts by name, the content type of each (Override first, then
// Default by extension, both ignoring ASCII case as OPC part names do) and each part's relationships.
import JSZip from 'jszip';
import { attr, kids, parseXml, type XmlElement } from './xml-tree';

export interface Relationship {
  id: string;
  type: string;
  /** Resolved package path without the leading slash; external targets as written. */
  target: string;
  external: boolean;
}

export interface OpcPackage {
  /** Part names as stored in the zip (no leading slash), with their text. */
  parts: Map<string, string>;
  /** Content type per part name, lower-cased key. */
  contentTypeOf(part: string): string | null;
  overrides: { partName: string; contentType: string }[];
  /** The part of that name ignoring case, if any. */
  find(name: string): string | null;
  relationships(part: string): Relationship[];
}

const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/') + 1) : '');

export function relsPathOf(part: string): string {
  return `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`;
}

/** `xl/_rels/workbook.xml.rels` → `xl/workbook.xml`; `_rels/.rels` → '' (the package). */
export function ownerOfRels(path: string): string | null {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(path);
  return m ? m[1]! + m[2]! : null;
}

export function resolveTarget(baseDir: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : baseDir + target;
  const out: string[] = [];
  for (const seg of decodeURIComponent(raw).split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

export async function readPackage(bytes: Uint8Array): Promise<OpcPackage> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) parts.set(name, await file.async('string'));
  const byLower = new Map([...parts.keys()].map((k) => [k.toLowerCase(), k]));
  const typesXml = parts.get('[Content_Types].xml');
  const types: XmlElement | null = typesXml ? parseXml(typesXml) : null;
  const overrides = types ? kids(types, 'Override').map((o) => ({ partName: attr(o, 'PartName') ?? '', contentType: attr(o, 'ContentType') ?? '' })) : [];
  const overrideOf = new Map(overrides.map((o) => [o.partName.replace(/^\//, '').toLowerCase(), o.contentType]));
  const defaults = new Map(types ? kids(types, 'Default').map((d) => [(attr(d, 'Extension') ?? '').toLowerCase(), attr(d, 'ContentType') ?? '']) : []);
  const relCache = new Map<string, Relationship[]>();
  return {
    parts,
    overrides,
    find: (name) => byLower.get(name.toLowerCase()) ?? null,
    contentTypeOf(part) {
      const o = overrideOf.get(part.toLowerCase());
      if (o !== undefined) return o;
      const ext = part.includes('.') ? part.slice(part.lastIndexOf('.') + 1).toLowerCase() : '';
      return defaults.get(ext) ?? null;
    },
    relationships(part) {
      const cached = relCache.get(part);
      if (cached) return cached;
      const relsName = byLower.get(relsPathOf(part).toLowerCase());
      const xml = relsName ? parts.get(relsName) : undefined;
      const rels = xml
        ? kids(parseXml(xml), 'Relationship').map((r) => {
            const external = attr(r, 'TargetMode') === 'External';
            const target = attr(r, 'Target') ?? '';
            return { id: attr(r, 'Id') ?? '', type: attr(r, 'Type') ?? '', target: external ? target : resolveTarget(dirOf(part), target), external };
          })
        : [];
      relCache.set(part, rels);
      return rels;
    },
  };
}
