// Markup Compatibility (ECMA-376 Part 3) as a consumer of the transitional schemas applies it before
// validating: elements and attributes of the namespaces an element lists in `mc:Ignorable` are dropped, and
// `mc:AlternateContent` is replaced by its `mc:Fallback` (or, without one, dropped: no `mc:Choice` needs a
// namespace outside the transitional schemas that a validator would understand).
import { isElement, type XmlAttribute, type XmlElement, type XmlNode } from './xml-tree';

export const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

const isDeclaration = (a: XmlAttribute) => a.name === 'xmlns' || a.name.startsWith('xmlns:');

/** The namespace URIs declared on an element, by prefix. */
function declarations(el: XmlElement): Map<string, string> {
  return new Map(el.attributes.filter(isDeclaration).map((a) => [a.name === 'xmlns' ? '' : a.name.slice(6), a.value]));
}

export function applyMarkupCompatibility(root: XmlElement): XmlElement {
  const walk = (el: XmlElement, scope: Map<string, string>, ignorable: Set<string>): XmlNode[] => {
    const inScope = new Map([...scope, ...declarations(el)]);
    const ignoring = new Set(ignorable);
    const listed = el.attributes.find((a) => a.uri === MC_NS && a.local === 'Ignorable');
    for (const prefix of listed?.value.split(/\s+/).filter(Boolean) ?? []) {
      const uri = inScope.get(prefix);
      if (uri) ignoring.add(uri);
    }
    if (el.uri === MC_NS && el.local === 'AlternateContent') {
      const fallback = el.children.filter(isElement).find((c) => c.uri === MC_NS && c.local === 'Fallback');
      if (!fallback) return [];
      const fallbackScope = new Map([...inScope, ...declarations(fallback)]);
      // The chosen content keeps the declarations it was written under.
      const carried = [...el.attributes, ...fallback.attributes].filter(isDeclaration);
      return fallback.children.flatMap((c) => {
        if (!isElement(c)) return [c];
        const withDecls = { ...c, attributes: [...carried.filter((d) => !c.attributes.some((a) => a.name === d.name)), ...c.attributes] };
        return walk(withDecls, fallbackScope, ignoring);
      });
    }
    if (ignoring.has(el.uri)) return [];
    const attributes = el.attributes.filter((a) => !isDeclaration(a) ? a.uri !== MC_NS && !ignoring.has(a.uri) : true);
    const children = el.children.flatMap((c) => (isElement(c) ? walk(c, inScope, ignoring) : [c]));
    return [{ ...el, attributes, children }];
  };
  const out = walk(root, new Map(), new Set());
  const first = out.find(isElement);
  if (!first) throw new Error(`the root element <${root.name}> is ignorable`);
  return first;
}
