// Header normalisation (rules.md §6.2): lower case, accents removed, every character that is not a
// letter or digit becomes a space, spaces collapsed, trimmed. `Rol(len) opleidingsschool` →
// `rol len opleidingsschool`; `Pers.nr.` → `pers nr`.

const COMBINING_MARKS = /\p{M}+/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/** Lower case without accents (NFD, combining marks stripped); punctuation kept. */
export function foldCase(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

export function normalizeHeader(text: string): string {
  return foldCase(text).replace(NOT_LETTER_OR_DIGIT, ' ').trim();
}

/** The words of a normalised text. */
export function words(normalized: string): string[] {
  return normalized === '' ? [] : normalized.split(' ');
}

/** A word and its forms without a final `s` or `en` (`werkplekbegeleiders` → `werkplekbegeleider`). */
export function wordForms(word: string): string[] {
  const forms = [word];
  if (word.length > 2 && word.endsWith('en')) forms.push(word.slice(0, -2));
  if (word.length > 1 && word.endsWith('s')) forms.push(word.slice(0, -1));
  return forms;
}
