// Best effort for Excel tables: when the owned columns are appended right next to a table whose header row
// is the sheet's header row, the table grows to include them (as the add-in does), so filters and banding
// cover the status too. Any other table is left exactly as it is.
import type { StaffSheetWrite } from '../shared/report/write-plan';
import { columnLetter } from '../shared/sheet/address';
import { attributes, escapeXml, findElement, findElements, innerXml, mainPrefix, parseRange, setAttribute, startTag } from './xml';

/** The table XML grown over the new owned columns, or null when this table is not the one to grow. */
export function growTable(xml: string, write: StaffSheetWrite): string | null {
  const fresh = write.columns.filter((c) => !c.existing).sort((a, b) => a.column - b.column);
  if (fresh.length === 0) return null;
  const p = mainPrefix(xml, 'table');
  const root = findElement(xml, p, 'table');
  if (!root) return null;
  const a = attributes(startTag(root.text));
  const range = parseRange(a.ref ?? '');
  if (!range || a.headerRowCount === '0' || range.r1 !== write.headerRow) return null;
  if (fresh[0]!.column !== range.c2 + 1 || fresh.some((c, i) => c.column !== range.c2 + 1 + i)) return null;
  const columnsEl = findElement(xml, p, 'tableColumns');
  if (!columnsEl) return null;
  const existing = findElements(innerXml(columnsEl.text), p, 'tableColumn');
  const names = new Set(existing.map((c) => (attributes(c.text).name ?? '').toLowerCase()));
  if (fresh.some((c) => names.has(c.header.toLowerCase()))) return null;
  let id = Math.max(0, ...existing.map((c) => Number(attributes(c.text).id) || 0));
  const added = fresh.map((c) => `<${p}tableColumn id="${++id}" name="${escapeXml(c.header)}"/>`).join('');
  const ref = `${columnLetter(range.c1)}${range.r1}:${columnLetter(fresh[fresh.length - 1]!.column)}${range.r2}`;

  const columns = `${setAttribute(startTag(columnsEl.text), 'count', String(existing.length + fresh.length))}${innerXml(columnsEl.text)}${added}</${p}tableColumns>`;
  let out = xml.slice(0, columnsEl.start) + columns + xml.slice(columnsEl.end);
  const filter = findElement(out, p, 'autoFilter');
  if (filter) {
    const fr = parseRange(attributes(filter.text).ref ?? '');
    if (fr) {
      const fref = `${columnLetter(fr.c1)}${fr.r1}:${columnLetter(fresh[fresh.length - 1]!.column)}${fr.r2}`;
      const tag = startTag(filter.text);
      out = out.slice(0, filter.start) + setAttribute(tag, 'ref', fref) + filter.text.slice(tag.length) + out.slice(filter.end);
    }
  }
  const rootTag = startTag(out.slice(findElement(out, p, 'table')!.start));
  const at = out.indexOf(rootTag);
  return out.slice(0, at) + setAttribute(rootTag, 'ref', ref) + out.slice(at + rootTag.length);
}
