// A roles text cell → role codes (rules.md §6.3): separators `, ; / + &` and line breaks, the word `en`,
// the phrase `school- en instituutsopleider(s)` (SO and IO), plurals, and `OB` resolved by board (§2).
import type { RoleCode } from '../plan/schema';
import { normalizeHeader } from './normalize';
import { NO_ROLE_WORDS, ROLE_SYNONYMS, SO_AND_IO_PHRASE } from './synonyms';

/** `OB` is an unqualified onderzoeksbegeleider: OBI at the pabo, else OBP. */
export type RoleToken = RoleCode | 'OB';

export interface RolesText {
  roles: RoleToken[];
  /** Tokens that are not a role, as typed (trimmed). */
  unknown: string[];
}

const SYNONYMS = new Map<string, RoleToken>();
for (const { role, names } of ROLE_SYNONYMS) for (const name of names) SYNONYMS.set(normalizeHeader(name), role);
// `-` normalises to '' and is covered by the punctuation check below.
const NO_ROLE = new Set(NO_ROLE_WORDS.map(normalizeHeader).filter((w) => w !== ''));

const DASHES_AND_DOTS = /^[\s\-‐‑‒–—―.…_]*$/u;
const SEPARATORS = /[,;/+&\r\n]+/;
const WORD_EN = /(?:^|\s)en(?:\s|$)/i;
const PHRASE = new RegExp(`(?:^| )${SO_AND_IO_PHRASE}(?:s|en)?(?= |$)`, 'g');

function stripPlural(word: string): string[] {
  const out: string[] = [];
  if (word.length > 1 && word.endsWith('s')) out.push(word.slice(0, -1));
  if (word.length > 2 && word.endsWith('en')) out.push(word.slice(0, -2));
  return out;
}

/** A normalised token → role, trying it as is, then without a final `s`/`en` (on any one word). */
export function matchRole(token: string): RoleToken | null {
  const direct = SYNONYMS.get(token);
  if (direct) return direct;
  for (const t of stripPlural(token)) {
    const r = SYNONYMS.get(t);
    if (r) return r;
  }
  const words = token.split(' ');
  if (words.length > 1) {
    for (let i = 0; i < words.length; i++) {
      for (const w of stripPlural(words[i]!)) {
        const r = SYNONYMS.get([...words.slice(0, i), w, ...words.slice(i + 1)].join(' '));
        if (r) return r;
      }
    }
  }
  return null;
}

export function parseRolesText(text: string): RolesText {
  const roles: RoleToken[] = [];
  const unknown: string[] = [];
  const addRole = (r: RoleToken) => {
    if (!roles.includes(r)) roles.push(r);
  };
  const addToken = (typed: string, normalized: string) => {
    if (NO_ROLE.has(normalized)) return;
    // Punctuation only (`-`, `--`, `…`) means nothing; other text without letters (`?`, an emoji) is a token.
    if (normalized === '' && (typed === '' || DASHES_AND_DOTS.test(typed))) return;
    const r = matchRole(normalized);
    if (r) addRole(r);
    else if (!unknown.includes(typed)) unknown.push(typed);
  };
  for (const segment of text.split(SEPARATORS)) {
    const n = normalizeHeader(segment);
    if (n === '') {
      addToken(segment.trim(), n);
      continue;
    }
    if (n.includes(SO_AND_IO_PHRASE)) {
      PHRASE.lastIndex = 0;
      const rest = n.replace(PHRASE, (m) => {
        addRole('SO');
        addRole('IO');
        return m.startsWith(' ') ? ' ' : '';
      });
      if (rest !== n) {
        for (const token of rest.trim().split(/(?:^| )en(?: |$)/)) addToken(token.trim(), token.trim());
        continue;
      }
    }
    if (!WORD_EN.test(segment)) {
      addToken(segment.trim(), n);
      continue;
    }
    for (const token of segment.split(/(?:^|\s)en(?=\s|$)/i)) addToken(token.trim(), normalizeHeader(token));
  }
  return { roles, unknown };
}

/**
 * A row's role codes from its tokens: `OB` resolved by board (OBI when the person's board is the pabo, else
 * OBP), each code once, in alphabetical order.
 */
export function mergeRoles(tokens: readonly RoleToken[], pabo: boolean): RoleCode[] {
  if (tokens.length === 0) return [];
  if (tokens.length === 1) return [tokens[0] === 'OB' ? (pabo ? 'OBI' : 'OBP') : tokens[0]!];
  const set = new Set<RoleCode>();
  for (const t of tokens) set.add(t === 'OB' ? (pabo ? 'OBI' : 'OBP') : t);
  return [...set].sort();
}
