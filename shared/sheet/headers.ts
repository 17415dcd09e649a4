// Header text → field (rules.md §6.2): owned headers never, then user overrides, then exact synonyms
// (optionally followed by `datum`/`uur`/`uren`), then word rules; exact wins over words; a header that
// matches two fields at one step is ambiguous; a lone `Certificaat` waits for its training column.
import { ROLE_CODES } from '../plan/schema';
import { RULE_FIELDS } from '../model/person';
import { normalizeHeader, wordForms, words } from './normalize';
import {
  EXACT_SUFFIXES,
  FIELD_SYNONYMS,
  LONE_CERTIFICATE_HEADERS,
  ROLE_COLUMN_SYNONYMS,
  type WordRule,
} from './synonyms';
import type { FieldName } from './types';
import { OWNED_HEADERS } from './owned-columns';

/** What a header names. `role.OB` is a per-role onderzoeksbegeleider column, resolved by board. */
export type HeaderTarget = FieldName | 'role.OB';

export type HeaderMatch =
  | { kind: 'field'; target: HeaderTarget; by: 'override' | 'exact' | 'words' }
  | { kind: 'ambiguous'; targets: HeaderTarget[] }
  | { kind: 'loneCertificate' }
  | { kind: 'owned' }
  | { kind: 'ignored' }
  | { kind: 'none' };

export const FIELD_NAMES: readonly FieldName[] = [
  ...RULE_FIELDS,
  'personId',
  'name',
  'firstName',
  'tussenvoegsel',
  'lastName',
  'board',
  'roles',
  ...ROLE_CODES.map((r) => `role.${r}` as const),
];

export function isRoleSource(target: HeaderTarget): boolean {
  return target === 'roles' || target.startsWith('role.');
}

const EXACT = new Map<string, HeaderTarget[]>();
const addExact = (text: string, target: HeaderTarget) => {
  const key = normalizeHeader(text);
  const list = EXACT.get(key) ?? [];
  if (!list.includes(target)) list.push(target);
  EXACT.set(key, list);
};
for (const { field, exact } of FIELD_SYNONYMS) for (const text of exact) addExact(text, field);
const ROLE_EXACT = new Map<string, HeaderTarget>();
for (const { role, exact } of ROLE_COLUMN_SYNONYMS)
  for (const text of exact) ROLE_EXACT.set(normalizeHeader(text), `role.${role}` as HeaderTarget);

const WORD_RULES: { field: FieldName; rules: readonly WordRule[] }[] = FIELD_SYNONYMS.filter((s) => s.words).map(
  (s) => ({ field: s.field, rules: s.words ?? [] }),
);
const SUFFIXES = EXACT_SUFFIXES.map((s) => ` ${normalizeHeader(s)}`);
const LONE_CERTIFICATE = new Set(LONE_CERTIFICATE_HEADERS.map(normalizeHeader));
const OWNED = new Set<string>(OWNED_HEADERS.map(normalizeHeader));

function exactTargets(n: string): HeaderTarget[] {
  const found: HeaderTarget[] = [...(EXACT.get(n) ?? [])];
  const role = ROLE_EXACT.get(n);
  if (role && !found.includes(role)) found.push(role);
  if (found.length > 0) return found;
  // `Scholing OB (datum)`, `Toegekende uren uur`: a field synonym followed by datum/uur/uren (not a
  // per-role column: `WPB uren` is no yes/no column of role holders).
  for (const suffix of SUFFIXES) {
    if (n.endsWith(suffix)) {
      const base = EXACT.get(n.slice(0, -suffix.length));
      if (base) return [...base];
    }
  }
  return [];
}

function ruleMatches(rule: WordRule, forms: ReadonlySet<string>): boolean {
  return rule.every((group) => group.some((w) => forms.has(w)));
}

function wordTargets(n: string): HeaderTarget[] {
  const forms = new Set<string>();
  for (const w of words(n)) for (const f of wordForms(w)) forms.add(f);
  return WORD_RULES.filter(({ rules }) => rules.some((r) => ruleMatches(r, forms))).map((r) => r.field);
}

/** Header text as typed → a match; `overrides` are by header text as typed (normalised as a fallback). */
export function matchHeader(text: string, overrides?: Readonly<Record<string, FieldName | null>>): HeaderMatch {
  const typed = text.trim();
  const n = normalizeHeader(typed);
  if (n === '') return { kind: 'none' };
  if (OWNED.has(n)) return { kind: 'owned' };
  if (overrides) {
    const override = overrideFor(typed, n, overrides);
    if (override !== undefined) return override === null ? { kind: 'ignored' } : { kind: 'field', target: override, by: 'override' };
  }
  const exact = exactTargets(n);
  if (exact.length === 1) return { kind: 'field', target: exact[0]!, by: 'exact' };
  if (exact.length > 1) return { kind: 'ambiguous', targets: exact };
  const byWords = wordTargets(n);
  if (byWords.length === 1) return { kind: 'field', target: byWords[0]!, by: 'words' };
  if (byWords.length > 1) return { kind: 'ambiguous', targets: byWords };
  if (LONE_CERTIFICATE.has(n)) return { kind: 'loneCertificate' };
  return { kind: 'none' };
}

function overrideFor(
  typed: string,
  normalized: string,
  overrides: Readonly<Record<string, FieldName | null>>,
): FieldName | null | undefined {
  if (Object.hasOwn(overrides, typed)) return overrides[typed];
  for (const [key, value] of Object.entries(overrides)) if (normalizeHeader(key) === normalized) return value;
  return undefined;
}
