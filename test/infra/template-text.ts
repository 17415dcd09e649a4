// Just enough reading of the template's own files for offline checks (no Bicep compiler or YAML library
// here): Bicep params, outputs, module calls and object blocks, and the small YAML subset azure.yaml uses.

/** Text of the `{ … }` block that opens at the first `{` at or after `from` (braces balanced, strings skipped). */
export function blockAt(text: string, from: number): string {
  const open = text.indexOf('{', from);
  if (open < 0) throw new Error('no block');
  let depth = 0;
  let quote = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'" && text[i - 1] !== '\\') quote = !quote;
    if (quote) continue;
    if (c === '{') depth++;
    if (c === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error('unbalanced block');
}

/** Keys at the top level of an object block's body. */
export function topLevelKeys(body: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (const line of body.split('\n')) {
    const trimmed = line.trim();
    if (depth === 0) {
      const key = /^'?([A-Za-z_][\w-]*)'?\s*:/.exec(trimmed)?.[1];
      if (key) keys.push(key);
    }
    for (const c of trimmed.replace(/'[^']*'/g, '')) {
      if (c === '{' || c === '[') depth++;
      if (c === '}' || c === ']') depth--;
    }
  }
  return keys;
}

export interface BicepParam {
  name: string;
  type: string;
  hasDefault: boolean;
}

export function bicepParams(text: string): BicepParam[] {
  return [...text.matchAll(/^param (\w+) (\w+)(\s*=)?/gm)].map((m) => ({ name: m[1]!, type: m[2]!, hasDefault: Boolean(m[3]) }));
}

export function bicepOutputs(text: string): string[] {
  return [...text.matchAll(/^output (\w+) \w+/gm)].map((m) => m[1]!);
}

/** The params a module call passes: `module <name> '<path>' = { … params: { … } }`. */
export function moduleCalls(text: string): { name: string; path: string; params: string[] }[] {
  return [...text.matchAll(/^module (\w+) '([^']+)' = /gm)].map((m) => {
    const body = blockAt(text, m.index!);
    const at = body.indexOf('params:');
    return { name: m[1]!, path: m[2]!, params: at < 0 ? [] : topLevelKeys(blockAt(body, at)) };
  });
}

/** Identifiers used in the template body outside their own declaration line. */
export function usesIdentifier(text: string, name: string): boolean {
  const body = text.split('\n').filter((l) => !new RegExp(`^(param|var|output) ${name}\\b`).test(l)).join('\n');
  return new RegExp(`\\b${name}\\b`).test(body);
}

type Yaml = string | Yaml[] | { [key: string]: Yaml };

/** The YAML subset of azure.yaml: nested maps, lists of scalars or of one-key maps, plain scalars, comments. */
export function readYaml(text: string): Yaml {
  const lines = text
    .split('\n')
    .map((raw) => raw.replace(/\s+#.*$/, '').replace(/^#.*$/, ''))
    .filter((l) => l.trim() !== '')
    .map((l) => ({ indent: l.length - l.trimStart().length, text: l.trim() }));
  let i = 0;
  function node(indent: number): Yaml {
    if (lines[i]?.text.startsWith('- ')) {
      const list: Yaml[] = [];
      while (i < lines.length && lines[i]!.indent === indent && lines[i]!.text.startsWith('- ')) {
        const item = lines[i]!.text.slice(2);
        i++;
        const kv = /^([\w.-]+):\s*(.*)$/.exec(item);
        list.push(kv ? { [kv[1]!]: kv[2]! } : item);
      }
      return list;
    }
    const map: { [key: string]: Yaml } = {};
    while (i < lines.length && lines[i]!.indent === indent) {
      const kv = /^([\w.-]+):\s*(.*)$/.exec(lines[i]!.text);
      if (!kv) throw new Error(`azure.yaml: cannot read "${lines[i]!.text}"`);
      i++;
      if (kv[2]) map[kv[1]!] = kv[2];
      else map[kv[1]!] = i < lines.length && lines[i]!.indent > indent ? node(lines[i]!.indent) : '';
    }
    return map;
  }
  return node(0);
}
