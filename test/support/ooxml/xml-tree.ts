// A namespace-aware XML tree for checking package parts in tests (saxes underneath). Parsing fails on XML
// that is not namespace-well-formed, such as a prefix used where it is not declared.
import { SaxesParser } from 'saxes';

export interface XmlAttribute {
  /** As written, e.g. `r:id`. */
  name: string;
  local: string;
  uri: string;
  value: string;
}

export interface XmlElement {
  /** As written, e.g. `x:c`. */
  name: string;
  local: string;
  uri: string;
  attributes: XmlAttribute[];
  children: XmlNode[];
}

export type XmlNode = XmlElement | { text: string };

export const isElement = (n: XmlNode): n is XmlElement => 'local' in n;

export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: Error | null = null;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag) => {
    const el: XmlElement = {
      name: tag.name,
      local: tag.local,
      uri: tag.uri,
      attributes: Object.values(tag.attributes).map((a) => ({ name: a.name, local: a.local, uri: a.uri, value: a.value })),
      children: [],
    };
    if (stack.length) stack[stack.length - 1]!.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (t: string) => {
    if (stack.length) stack[stack.length - 1]!.children.push({ text: t });
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(text).close();
  if (failure) throw failure;
  if (!root) throw new Error('no root element');
  return root;
}

export function attr(el: XmlElement, local: string, uri = ''): string | undefined {
  return el.attributes.find((a) => a.local === local && a.uri === uri && !a.name.startsWith('xmlns'))?.value;
}

export function kids(el: XmlElement, local?: string): XmlElement[] {
  return el.children.filter(isElement).filter((c) => local === undefined || c.local === local);
}

export function kid(el: XmlElement, local: string): XmlElement | undefined {
  return kids(el, local)[0];
}

/** Every descendant element (depth first, document order). */
export function descendants(el: XmlElement, local?: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of kids(e)) {
      if (local === undefined || c.local === local) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

export function textOf(el: XmlElement): string {
  return el.children.map((c) => (isElement(c) ? textOf(c) : c.text)).join('');
}

const escapeText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (t: string) => escapeText(t).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

export function serialize(el: XmlElement): string {
  const attrs = el.attributes.map((a) => ` ${a.name}="${escapeAttr(a.value)}"`).join('');
  if (el.children.length === 0) return `<${el.name}${attrs}/>`;
  const body = el.children.map((c) => (isElement(c) ? serialize(c) : escapeText(c.text))).join('');
  return `<${el.name}${attrs}>${body}</${el.name}>`;
}
