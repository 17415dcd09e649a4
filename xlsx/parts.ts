// Where things live inside an .xlsx package: the workbook part, each sheet's part, styles, relationships.
import { WorkbookError } from './errors';
import type { XlsxPackage } from './package';
import { attributes, findElement, findElements, mainPrefix } from './xml';

export interface Relationship {
  id: string;
  type: string;
  /** Package path without a leading slash, e.g. `xl/worksheets/sheet1.xml`; external targets keep their URL. */
  target: string;
  external: boolean;
}

export interface SheetPart {
  name: string;
  sheetId: number;
  relId: string;
  kind: 'worksheet' | 'chartsheet' | 'other';
  path: string;
  hidden: boolean;
}

export interface WorkbookParts {
  workbookPath: string;
  workbookRelsPath: string;
  stylesPath: string | null;
  sharedStringsPath: string | null;
  calcChainPath: string | null;
  date1904: boolean;
  sheets: SheetPart[];
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i + 1);
}

/** Resolve a relationship target against the folder of the part that owns the relationship. */
export function resolvePath(baseDir: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : baseDir + target;
  const out: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathOf(partPath: string): string {
  return `${dirOf(partPath)}_rels/${partPath.slice(dirOf(partPath).length)}.rels`;
}

export function parseRelationships(xml: string, ownerPath: string): Relationship[] {
  const prefix = mainPrefix(xml, 'Relationships');
  return findElements(xml, prefix, 'Relationship').map((el) => {
    const a = attributes(el.text);
    const external = a.TargetMode === 'External';
    return {
      id: a.Id ?? '',
      type: a.Type ?? '',
      target: external ? (a.Target ?? '') : resolvePath(dirOf(ownerPath), a.Target ?? ''),
      external,
    };
  });
}

export async function readRelationships(pkg: XlsxPackage, partPath: string): Promise<Relationship[]> {
  return relationshipsOf(pkg, partPath);
}

/** The relationships of a part (`''` for the package's own), targets resolved to part names. */
export function relationshipsOf(pkg: XlsxPackage, partPath: string): Relationship[] {
  const xml = pkg.read(relsPathOf(partPath));
  return xml ? parseRelationships(xml, partPath) : [];
}

const typeIs = (rel: Relationship, kind: string) => rel.type.endsWith(`/${kind}`);

export async function readWorkbookParts(pkg: XlsxPackage): Promise<WorkbookParts> {
  return workbookPartsOf(pkg);
}

export function workbookPartsOf(pkg: XlsxPackage): WorkbookParts {
  if (!pkg.has('[Content_Types].xml')) throw new WorkbookError('not-xlsx', 'no [Content_Types].xml');
  const rootRels = relationshipsOf(pkg, '');
  const office = rootRels.find((r) => typeIs(r, 'officeDocument'));
  const workbookPath = office?.target ?? 'xl/workbook.xml';
  const workbookXml = pkg.read(workbookPath);
  if (workbookXml === null || !/<(\w+:)?workbook[\s>]/.test(workbookXml))
    throw new WorkbookError('not-xlsx', 'no workbook part');
  const rels = relationshipsOf(pkg, workbookPath);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const prefix = mainPrefix(workbookXml, 'workbook');
  const pr = findElement(workbookXml, prefix, 'workbookPr');
  const date1904Attr = pr ? attributes(pr.text).date1904 : undefined;
  const sheetsEl = findElement(workbookXml, prefix, 'sheets');
  const sheets: SheetPart[] = sheetsEl
    ? findElements(sheetsEl.text, prefix, 'sheet').map((el) => {
        const a = attributes(el.text);
        const relId = Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
        const rel = relById.get(relId);
        const kind = rel && typeIs(rel, 'worksheet') ? 'worksheet' : rel && typeIs(rel, 'chartsheet') ? 'chartsheet' : 'other';
        return {
          name: a.name ?? '',
          sheetId: Number(a.sheetId ?? 0),
          relId,
          kind,
          path: rel?.target ?? '',
          hidden: a.state === 'hidden' || a.state === 'veryHidden',
        };
      })
    : [];
  return {
    workbookPath,
    workbookRelsPath: relsPathOf(workbookPath),
    stylesPath: rels.find((r) => typeIs(r, 'styles'))?.target ?? null,
    sharedStringsPath: rels.find((r) => typeIs(r, 'sharedStrings'))?.target ?? null,
    calcChainPath: rels.find((r) => typeIs(r, 'calcChain'))?.target ?? null,
    date1904: date1904Attr === '1' || date1904Attr === 'true',
    sheets,
  };
}
