// The rules Excel enforces beyond the ECMA-376 schemas (test/schemas/ooxml/README.md): a package that breaks
// one is valid XML for xmllint but makes Excel say "We found a problem with some content" and repair it.
// Each problem names the part and what is wrong.
import { columnIndex } from '../../../shared/sheet/address';
import { readPackage, ownerOfRels, type OpcPackage } from './package';
import { attr, descendants, kid, kids, parseXml, textOf, type XmlElement } from './xml-tree';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CHART_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const relType = (name: string) => `${REL_NS}/${name}`;

/** `AB12` → [28, 12]. */
function cellRef(ref: string): [number, number] | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref);
  if (!m) return null;
  return [columnIndex(m[1]!)!, Number(m[2])];
}

function rangeRef(ref: string): { c1: number; r1: number; c2: number; r2: number } | null {
  const [a, b] = ref.split(':');
  const p = a ? cellRef(a) : null;
  const q = b ? cellRef(b) : p;
  if (!p || !q) return null;
  return { c1: Math.min(p[0], q[0]), r1: Math.min(p[1], q[1]), c2: Math.max(p[0], q[0]), r2: Math.max(p[1], q[1]) };
}

const overlap = (a: NonNullable<ReturnType<typeof rangeRef>>, b: NonNullable<ReturnType<typeof rangeRef>>) =>
  a.c1 <= b.c2 && b.c1 <= a.c2 && a.r1 <= b.r2 && b.r1 <= a.r2;

interface SheetInfo {
  name: string;
  sheetId: number;
  part: string | null;
  xml: XmlElement | null;
}

/** The value of every cell, as text, with whether it holds a formula. */
function cellTexts(sheet: XmlElement, sharedStrings: string[]): Map<string, { text: string | null; formula: boolean }> {
  const out = new Map<string, { text: string | null; formula: boolean }>();
  const data = kid(sheet, 'sheetData');
  if (!data) return out;
  for (const row of kids(data, 'row'))
    for (const c of kids(row, 'c')) {
      const ref = (attr(c, 'r') ?? '').toUpperCase();
      const t = attr(c, 't');
      const v = kid(c, 'v');
      let text: string | null = v ? textOf(v) : null;
      if (t === 's' && text !== null) text = sharedStrings[Number(text)] ?? null;
      if (t === 'inlineStr') text = kid(c, 'is') ? descendants(kid(c, 'is')!, 't').map(textOf).join('') : null;
      out.set(ref, { text, formula: kid(c, 'f') !== undefined });
    }
  return out;
}

export async function excelRuleProblems(bytes: Uint8Array): Promise<string[]> {
  const pkg = await readPackage(bytes);
  const problems: string[] = [];
  const xmlCache = new Map<string, XmlElement | null>();
  const xmlOf = (part: string): XmlElement | null => {
    if (xmlCache.has(part)) return xmlCache.get(part)!;
    let el: XmlElement | null = null;
    const text = pkg.parts.get(part);
    if (text !== undefined) {
      try {
        el = parseXml(text);
      } catch (e) {
        problems.push(`${part}: not namespace-well-formed: ${(e as Error).message}`);
      }
    }
    xmlCache.set(part, el);
    return el;
  };

  packageRules(pkg, problems, xmlOf);

  const office = pkg.relationships('').find((r) => r.type === relType('officeDocument'));
  const workbookPart = office ? pkg.find(office.target) : null;
  const workbook = workbookPart ? xmlOf(workbookPart) : null;
  if (!workbookPart || !workbook) {
    problems.push('package: no workbook part');
    return problems;
  }
  const wbRels = pkg.relationships(workbookPart);
  const target = (type: string) => {
    const r = wbRels.find((x) => x.type === relType(type));
    return r ? pkg.find(r.target) : null;
  };

  // Sheet names: unique ignoring case, at most 31 characters, none of []:*?/\, not starting or ending with '.
  const sheets: SheetInfo[] = kids(kid(workbook, 'sheets') ?? workbook, 'sheet').map((s) => {
    const id = attr(s, 'id', REL_NS) ?? '';
    const rel = wbRels.find((r) => r.id === id);
    const part = rel ? pkg.find(rel.target) : null;
    return { name: attr(s, 'name') ?? '', sheetId: Number(attr(s, 'sheetId')), part, xml: part && rel?.type === relType('worksheet') ? xmlOf(part) : null };
  });
  const seen = new Map<string, string>();
  for (const s of sheets) {
    const key = s.name.toLowerCase();
    if (seen.has(key)) problems.push(`${workbookPart}: sheet names '${seen.get(key)}' and '${s.name}' are the same ignoring case`);
    seen.set(key, s.name);
    if (s.name.length === 0 || s.name.length > 31) problems.push(`${workbookPart}: sheet name '${s.name}' is not 1 to 31 characters`);
    if (/[[\]:*?/\\]/.test(s.name) || s.name.startsWith("'") || s.name.endsWith("'")) problems.push(`${workbookPart}: sheet name '${s.name}' has a character Excel refuses`);
  }
  const ids = sheets.map((s) => s.sheetId);
  if (new Set(ids).size !== ids.length) problems.push(`${workbookPart}: sheetId values repeat`);

  // Styles: every cell style, dxf, font, fill, border and number format referred to exists.
  const stylesPart = target('styles');
  const styles = stylesPart ? xmlOf(stylesPart) : null;
  const count = (section: string, child: string) => {
    const el = styles ? kid(styles, section) : undefined;
    return el ? kids(el, child).length : 0;
  };
  const cellXfs = count('cellXfs', 'xf');
  const dxfs = count('dxfs', 'dxf');
  if (styles) {
    const numFmts = new Set(kids(kid(styles, 'numFmts') ?? styles, 'numFmt').map((n) => Number(attr(n, 'numFmtId'))));
    for (const section of ['cellXfs', 'cellStyleXfs'])
      kids(kid(styles, section) ?? styles, 'xf').forEach((xf, i) => {
        const check = (a: string, limit: number) => {
          const v = attr(xf, a);
          if (v !== undefined && Number(v) >= limit) problems.push(`${stylesPart}: ${section}[${i}] ${a}=${v} beyond the ${limit} defined`);
        };
        check('fontId', count('fonts', 'font'));
        check('fillId', count('fills', 'fill'));
        check('borderId', count('borders', 'border'));
        if (section === 'cellXfs') check('xfId', count('cellStyleXfs', 'xf'));
        const fmt = Number(attr(xf, 'numFmtId') ?? 0);
        if (fmt >= 164 && !numFmts.has(fmt)) problems.push(`${stylesPart}: ${section}[${i}] numFmtId=${fmt} is not defined`);
      });
    for (const section of ['fonts', 'fills', 'borders', 'cellXfs', 'cellStyleXfs', 'dxfs', 'numFmts']) {
      const el = kid(styles, section);
      const declared = el ? attr(el, 'count') : undefined;
      if (el && declared !== undefined && Number(declared) !== kids(el).length) problems.push(`${stylesPart}: ${section} count="${declared}" but ${kids(el).length} entries`);
    }
  }

  const sstPart = target('sharedStrings');
  const sst = sstPart ? xmlOf(sstPart) : null;
  const sharedStrings = sst ? kids(sst, 'si').map((si) => descendants(si, 't').filter((t) => !descendants(si, 'rPh').some((r) => descendants(r, 't').includes(t))).map(textOf).join('')) : [];

  const sheetCells = new Map<string, Map<string, { text: string | null; formula: boolean }>>();
  const tableNames = new Map<string, string>();
  const tableIds = new Map<number, string>();
  for (const s of sheets) {
    if (!s.xml || !s.part) continue;
    const where = `${s.part} ('${s.name}')`;
    const cells = cellTexts(s.xml, sharedStrings);
    sheetCells.set(s.name.toLowerCase(), cells);

    // Rows ascending, cells ascending within a row, each cell in its own row, every s= defined.
    let lastRow = 0;
    for (const row of kids(kid(s.xml, 'sheetData') ?? s.xml, 'row')) {
      const r = Number(attr(row, 'r') ?? lastRow + 1);
      if (r <= lastRow) problems.push(`${where}: row ${r} after row ${lastRow}`);
      lastRow = r;
      let lastCol = 0;
      for (const c of kids(row, 'c')) {
        const ref = attr(c, 'r');
        const at: [number, number] | null = ref ? cellRef(ref) : [lastCol + 1, r];
        if (!at) {
          problems.push(`${where}: cell reference '${ref}' is not valid`);
          continue;
        }
        if (at[1] !== r) problems.push(`${where}: cell ${ref} in row ${r}`);
        if (at[0] <= lastCol) problems.push(`${where}: cell ${ref} out of order in row ${r}`);
        lastCol = at[0];
        const st = attr(c, 's');
        if (st !== undefined && Number(st) >= cellXfs) problems.push(`${where}: cell ${ref} s=${st} but only ${cellXfs} cell styles`);
      }
      const st = attr(row, 's');
      if (st !== undefined && Number(st) >= cellXfs) problems.push(`${where}: row ${r} s=${st} but only ${cellXfs} cell styles`);
    }
    // Shared formulas: every cell that uses one lies in the range of its master (the cell with `ref`).
    const masters = new Map<string, ReturnType<typeof rangeRef>>();
    const users: { ref: string; si: string }[] = [];
    for (const c of descendants(kid(s.xml, 'sheetData') ?? s.xml, 'c')) {
      const f = kid(c, 'f');
      if (!f || attr(f, 't') !== 'shared') continue;
      const si = attr(f, 'si') ?? '';
      if (attr(f, 'ref') !== undefined) masters.set(si, rangeRef(attr(f, 'ref')!));
      else users.push({ ref: attr(c, 'r') ?? '', si });
    }
    for (const u of users) {
      const master = masters.get(u.si);
      const at = cellRef(u.ref);
      if (!master || !at || !overlap(master, { c1: at[0], r1: at[1], c2: at[0], r2: at[1] }))
        problems.push(`${where}: cell ${u.ref} uses shared formula ${u.si}, which has no master cell whose range holds it`);
    }
    // Column ranges ascending and not overlapping, styles defined.
    let lastMax = 0;
    for (const col of kids(kid(s.xml, 'cols') ?? s.xml, 'col')) {
      const min = Number(attr(col, 'min'));
      const max = Number(attr(col, 'max'));
      if (!(min >= 1 && max >= min && max <= 16384)) problems.push(`${where}: <col min="${min}" max="${max}"> is not a column range`);
      if (min <= lastMax) problems.push(`${where}: <col min="${min}"> overlaps or precedes the range before it (max ${lastMax})`);
      lastMax = max;
      const st = attr(col, 'style');
      if (st !== undefined && Number(st) >= cellXfs) problems.push(`${where}: columns ${min}-${max} style=${st} but only ${cellXfs} cell styles`);
    }
    // Merged ranges do not overlap.
    const merges = kids(kid(s.xml, 'mergeCells') ?? s.xml, 'mergeCell').map((m) => ({ ref: attr(m, 'ref') ?? '', range: rangeRef(attr(m, 'ref') ?? '') }));
    merges.forEach((m, i) => {
      if (!m.range) problems.push(`${where}: merged range '${m.ref}' is not a range`);
      for (const o of merges.slice(i + 1)) if (m.range && o.range && overlap(m.range, o.range)) problems.push(`${where}: merged ranges ${m.ref} and ${o.ref} overlap`);
    });
    // Conditional formats refer to defined dxfs.
    for (const rule of descendants(s.xml, 'cfRule').filter((r) => r.uri === MAIN)) {
      const dxf = attr(rule, 'dxfId');
      if (dxf !== undefined && Number(dxf) >= dxfs) problems.push(`${where}: conditional format rule dxfId=${dxf} but only ${dxfs} dxfs`);
    }
    // Tables: names and ids unique in the workbook; column names unique and equal to the header cells.
    for (const rel of pkg.relationships(s.part).filter((r) => r.type === relType('table'))) {
      const tablePart = pkg.find(rel.target);
      const table = tablePart ? xmlOf(tablePart) : null;
      if (!table || !tablePart) continue;
      const name = attr(table, 'displayName') ?? attr(table, 'name') ?? '';
      if (tableNames.has(name.toLowerCase())) problems.push(`${tablePart}: table name '${name}' also in ${tableNames.get(name.toLowerCase())}`);
      tableNames.set(name.toLowerCase(), tablePart);
      const id = Number(attr(table, 'id'));
      if (tableIds.has(id)) problems.push(`${tablePart}: table id ${id} also in ${tableIds.get(id)}`);
      tableIds.set(id, tablePart);
      const range = rangeRef(attr(table, 'ref') ?? '');
      const columns = kids(kid(table, 'tableColumns') ?? table, 'tableColumn');
      if (!range) {
        problems.push(`${tablePart}: ref is not a range`);
        continue;
      }
      if (columns.length !== range.c2 - range.c1 + 1) problems.push(`${tablePart}: ${columns.length} columns for a range ${range.c2 - range.c1 + 1} wide`);
      const names = columns.map((c) => attr(c, 'name') ?? '');
      if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) problems.push(`${tablePart}: column names repeat (ignoring case)`);
      if (attr(table, 'headerRowCount') !== '0')
        names.forEach((n, i) => {
          const ref = `${columnLetters(range.c1 + i)}${range.r1}`;
          const header = cells.get(ref)?.text ?? '';
          if (header !== n) problems.push(`${tablePart}: column '${n}' but header cell ${ref} holds '${header}'`);
        });
      const filter = kid(table, 'autoFilter');
      const fr = filter ? rangeRef(attr(filter, 'ref') ?? '') : null;
      if (filter && (!fr || fr.c1 !== range.c1 || fr.c2 !== range.c2)) problems.push(`${tablePart}: autoFilter ${attr(filter, 'ref')} does not span the table ${attr(table, 'ref')}`);
    }
  }

  // calcChain: every entry is a formula cell of an existing sheet.
  const calcPart = target('calcChain');
  const calc = calcPart ? xmlOf(calcPart) : null;
  if (calc && calcPart) {
    let sheetId = 0;
    for (const c of kids(calc, 'c')) {
      if (attr(c, 'i') !== undefined) sheetId = Number(attr(c, 'i'));
      const ref = (attr(c, 'r') ?? '').toUpperCase();
      const sheet = sheets.find((s) => s.sheetId === sheetId);
      if (!sheet) problems.push(`${calcPart}: entry ${ref} on sheet id ${sheetId}, which does not exist`);
      else if (!sheetCells.get(sheet.name.toLowerCase())?.get(ref)?.formula) problems.push(`${calcPart}: entry ${sheet.name}!${ref} is not a formula cell`);
    }
  }

  // Chart caches: each reference names an existing sheet; a cache has one point per cell of its range.
  for (const [part] of pkg.parts) {
    if (pkg.contentTypeOf(part) !== 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml') continue;
    const chart = xmlOf(part);
    if (!chart) continue;
    for (const refEl of [...descendants(chart, 'numRef'), ...descendants(chart, 'strRef')].filter((e) => e.uri === CHART_NS)) {
      const f = textOf(kid(refEl, 'f') ?? refEl);
      const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(f.trim());
      const sheetName = m ? (m[1]?.replace(/''/g, "'") ?? m[2]!) : null;
      const range = m ? rangeRef(m[3]!.replace(/\$/g, '')) : null;
      if (!sheetName || !range) {
        problems.push(`${part}: chart reference '${f}' is not a sheet range`);
        continue;
      }
      const cells = sheetCells.get(sheetName.toLowerCase());
      if (!cells) problems.push(`${part}: chart reference '${f}' names no sheet of the workbook`);
      const cache = kid(refEl, 'numCache') ?? kid(refEl, 'strCache');
      if (!cache) continue;
      const size = (range.c2 - range.c1 + 1) * (range.r2 - range.r1 + 1);
      const ptCount = Number(attr(kid(cache, 'ptCount') ?? cache, 'val'));
      if (ptCount !== size) problems.push(`${part}: cache of '${f}' has ptCount ${ptCount} for ${size} cells`);
      const points = kids(cache, 'pt');
      for (const pt of points) {
        const idx = Number(attr(pt, 'idx'));
        if (!(idx >= 0 && idx < ptCount)) problems.push(`${part}: cache of '${f}' has a point idx ${idx} outside 0..${ptCount - 1}`);
        if (!cells) continue;
        const column = range.c1 + (range.c1 === range.c2 ? 0 : idx);
        const row = range.r1 + (range.c1 === range.c2 ? idx : 0);
        const cell = cells.get(`${columnLetters(column)}${row}`);
        const cached = textOf(kid(pt, 'v') ?? pt);
        const actual = cell?.text ?? null;
        const same = cache.local === 'numCache' ? actual !== null && Number(actual) === Number(cached) : actual === cached || (actual !== null && Number(actual) === Number(cached));
        if (!same && !(cell?.formula && actual === null)) problems.push(`${part}: cache of '${f}' point ${idx} is '${cached}' but the cell holds '${actual}'`);
      }
    }
  }
  return problems;
}

function columnLetters(column: number): string {
  let s = '';
  for (let x = column; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const SML_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.';
/** The content type a part must have when it is the target of a relationship of this type. */
const TYPE_OF_TARGET: Record<string, string> = {
  [relType('worksheet')]: `${SML_TYPE}worksheet+xml`,
  [relType('styles')]: `${SML_TYPE}styles+xml`,
  [relType('sharedStrings')]: `${SML_TYPE}sharedStrings+xml`,
  [relType('table')]: `${SML_TYPE}table+xml`,
  [relType('calcChain')]: `${SML_TYPE}calcChain+xml`,
  [relType('comments')]: `${SML_TYPE}comments+xml`,
  [relType('drawing')]: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  [relType('chart')]: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  [relType('theme')]: 'application/vnd.openxmlformats-officedocument.theme+xml',
};

/**
 * Relationships and content types complete: every target present and of the content type its relationship
 * asks for, every part typed, every override of a present part, every r:id related.
 */
function packageRules(pkg: OpcPackage, problems: string[], xmlOf: (part: string) => XmlElement | null): void {
  const lower = new Map<string, string>();
  for (const part of pkg.parts.keys()) {
    const key = part.toLowerCase();
    if (lower.has(key)) problems.push(`package: parts '${lower.get(key)}' and '${part}' have the same name ignoring case`);
    lower.set(key, part);
    if (part === '[Content_Types].xml') continue;
    if (!pkg.contentTypeOf(part)) problems.push(`[Content_Types].xml: no content type for ${part}`);
    const owner = ownerOfRels(part);
    if (owner !== null && owner !== '' && !pkg.find(owner)) problems.push(`${part}: relationships of a part that does not exist (${owner})`);
  }
  const overridden = new Set<string>();
  for (const o of pkg.overrides) {
    const name = o.partName.replace(/^\//, '');
    if (overridden.has(name.toLowerCase())) problems.push(`[Content_Types].xml: two overrides for /${name}`);
    overridden.add(name.toLowerCase());
    if (!pkg.find(name)) problems.push(`[Content_Types].xml: override for /${name}, which is not in the package`);
  }
  for (const part of ['', ...pkg.parts.keys()]) {
    if (part.endsWith('.rels') || part === '[Content_Types].xml') continue;
    const rels = pkg.relationships(part);
    const ids = new Set<string>();
    for (const rel of rels) {
      if (ids.has(rel.id)) problems.push(`${part || 'package'}: relationship id ${rel.id} twice`);
      ids.add(rel.id);
      const target = rel.external ? null : pkg.find(rel.target);
      if (!rel.external && !target) problems.push(`${part || 'package'}: relationship ${rel.id} points at ${rel.target}, which is not in the package`);
      const wanted = TYPE_OF_TARGET[rel.type];
      const actual = target ? pkg.contentTypeOf(target) : null;
      if (target && wanted && actual !== wanted) problems.push(`${part || 'package'}: relationship ${rel.id} wants ${target} to be ${wanted}, not ${actual}`);
    }
    if (part === '' || !/\.(xml|rels)$/i.test(part)) continue;
    const xml = xmlOf(part);
    if (!xml) continue;
    const used = [xml, ...descendants(xml)].flatMap((el) => el.attributes.filter((a) => a.uri === REL_NS).map((a) => `${el.local}/@${a.name}=${a.value}`));
    for (const u of used) {
      const id = u.slice(u.indexOf('=') + 1);
      if (!ids.has(id)) problems.push(`${part}: ${u} has no relationship`);
    }
  }
}

export { readPackage };
