// The workbook's styles part, extended only by appending: existing fonts, fills, formats and cell styles
// keep their indexes, so every user cell keeps its look. What we need is looked up first, so a second
// run reuses what the first appended and writes the same bytes.
import { attributes, escapeXml, findElement, findElements, innerXml, mainPrefix, setAttribute, startTag } from './xml';

const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '0%': 9, '@': 49 };

/** Schema order of the styleSheet children (CT_Stylesheet). */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

export const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

export interface FontSpec {
  bold?: boolean;
  italic?: boolean;
  /** Points; default the workbook's default size. */
  size?: number;
  /** `#RRGGBB`. */
  color?: string;
}

export interface XfSpec {
  numFmt?: string;
  font?: FontSpec;
  /** Solid fill `#RRGGBB`. */
  fill?: string;
  wrap?: boolean;
  vertical?: 'top' | 'center';
  horizontal?: 'left' | 'right' | 'center';
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

export class StyleBook {
  private readonly p: string;
  private readonly baseFont: { name: string; size: number; family: string | null; scheme: string | null };

  constructor(private xml: string) {
    this.p = mainPrefix(xml, 'styleSheet');
    const fonts = this.children('fonts', 'font');
    const first = fonts[0] ?? '';
    const val = (name: string) => {
      const el = findElement(first, this.p, name);
      return el ? (attributes(el.text).val ?? null) : null;
    };
    this.baseFont = {
      name: val('name') ?? 'Calibri',
      size: Number(val('sz') ?? 11) || 11,
      family: val('family'),
      scheme: val('scheme'),
    };
  }

  toString(): string {
    return this.xml;
  }

  private children(section: string, child: string): string[] {
    const el = findElement(this.xml, this.p, section);
    return el ? findElements(innerXml(el.text), this.p, child).map((c) => c.text) : [];
  }

  /** Index of `entry` among the section's children, appending it (and fixing `count`) when absent. */
  private ensure(section: string, child: string, entry: string): number {
    const existing = this.children(section, child);
    const at = existing.indexOf(entry);
    if (at >= 0) return at;
    const el = findElement(this.xml, this.p, section);
    const count = existing.length + 1;
    if (el) {
      const open = setAttribute(startTag(el.text).replace(/\/>$/, '>'), 'count', String(count));
      const body = `${open}${innerXml(el.text)}${entry}</${this.p}${section}>`;
      this.xml = this.xml.slice(0, el.start) + body + this.xml.slice(el.end);
    } else {
      this.insertSection(section, `<${this.p}${section} count="1">${entry}</${this.p}${section}>`);
    }
    return count - 1;
  }

  private insertSection(section: string, text: string): void {
    const later = ORDER.slice(ORDER.indexOf(section) + 1);
    for (const name of later) {
      const el = findElement(this.xml, this.p, name);
      if (el) {
        this.xml = this.xml.slice(0, el.start) + text + this.xml.slice(el.start);
        return;
      }
    }
    const close = this.xml.lastIndexOf(`</${this.p}styleSheet>`);
    this.xml = this.xml.slice(0, close) + text + this.xml.slice(close);
  }

  numFmtId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const fmts = this.children('numFmts', 'numFmt').map((t) => attributes(t));
    const found = fmts.find((a) => a.formatCode === code);
    if (found) return Number(found.numFmtId);
    const id = Math.max(163, ...fmts.map((a) => Number(a.numFmtId) || 0)) + 1;
    this.ensure('numFmts', 'numFmt', `<${this.p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  private fontXml(spec: FontSpec, forDxf = false): string {
    const p = this.p;
    const parts = [spec.bold ? `<${p}b/>` : '', spec.italic ? `<${p}i/>` : ''];
    if (!forDxf) parts.push(`<${p}sz val="${spec.size ?? this.baseFont.size}"/>`);
    if (spec.color) parts.push(`<${p}color rgb="${argb(spec.color)}"/>`);
    if (!forDxf) {
      parts.push(`<${p}name val="${escapeXml(this.baseFont.name)}"/>`);
      if (this.baseFont.family) parts.push(`<${p}family val="${escapeXml(this.baseFont.family)}"/>`);
      if (this.baseFont.scheme) parts.push(`<${p}scheme val="${escapeXml(this.baseFont.scheme)}"/>`);
    }
    return `<${p}font>${parts.join('')}</${p}font>`;
  }

  fontId(spec: FontSpec): number {
    return this.ensure('fonts', 'font', this.fontXml(spec));
  }

  fillId(hex: string): number {
    const p = this.p;
    return this.ensure(
      'fills',
      'fill',
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(hex)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
    );
  }

  /** A cell style (cellXfs index) for the `s` attribute. */
  xfId(spec: XfSpec): number {
    const p = this.p;
    const numFmtId = this.numFmtId(spec.numFmt ?? 'General');
    const fontId = spec.font ? this.fontId(spec.font) : 0;
    const fillId = spec.fill ? this.fillId(spec.fill) : 0;
    const align =
      spec.wrap || spec.vertical || spec.horizontal
        ? `<${p}alignment${spec.horizontal ? ` horizontal="${spec.horizontal}"` : ''}${spec.vertical ? ` vertical="${spec.vertical}"` : ''}${spec.wrap ? ' wrapText="1"' : ''}/>`
        : '';
    const applies = [
      numFmtId ? ' applyNumberFormat="1"' : '',
      fontId ? ' applyFont="1"' : '',
      fillId ? ' applyFill="1"' : '',
      align ? ' applyAlignment="1"' : '',
    ].join('');
    const open = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applies}`;
    return this.ensure('cellXfs', 'xf', align ? `${open}>${align}</${p}xf>` : `${open}/>`);
  }

  /**
   * The cell style `base` (a cellXfs index) with its number format replaced: font, fill, border, alignment and
   * protection stay, so a cell the user formatted ahead keeps its look and shows our value right. A style that
   * has that format already is itself; style 0 (or one that does not exist) gives the plain style of that
   * format, as xfId({ numFmt }) does.
   */
  withNumFmt(base: number, numFmt: string): number {
    const xfs = this.children('cellXfs', 'xf');
    if (base === 0 || base >= xfs.length) return this.xfId({ numFmt });
    const xf = xfs[base]!;
    const tag = startTag(xf);
    const id = this.numFmtId(numFmt);
    if (Number(attributes(tag).numFmtId ?? 0) === id) return base;
    const derived = setAttribute(setAttribute(tag, 'numFmtId', String(id)), 'applyNumberFormat', '1');
    return this.ensure('cellXfs', 'xf', derived + xf.slice(tag.length));
  }

  /** A differential style (dxfs index) for conditional formatting: font colour on a solid fill. */
  dxfId(fill: string, font: string): number {
    const p = this.p;
    return this.ensure(
      'dxfs',
      'dxf',
      `<${p}dxf>${this.fontXml({ color: font }, true)}<${p}fill><${p}patternFill><${p}bgColor rgb="${argb(fill)}"/></${p}patternFill></${p}fill></${p}dxf>`,
    );
  }
}
