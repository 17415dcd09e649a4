// Cell → value (rules.md §6.3): dates, completions, booleans, numbers, names of others, personId.
// Hosts give formula cells as their cached result; an error cell (`#N/A`) is an unreadable value.
// Cheap type and first-character checks come first: at most a few anchored regexes per text cell.
import { dateOfSerial, daysInMonth } from '../calendar/days';
import type { CompletionValue, DateValue, Invalid, IsoDate, NumberValue } from '../model/person';
import type { Cell } from './types';

const MAX_RAW = 1000;

export function isErrorCell(cell: Cell): cell is { error: string } {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}

/** A cell as text for messages (raw value): text trimmed, a date as YYYY-MM-DD, an error as its code. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return cell.error;
}

/** Empty: null or whitespace-only text (rules.md §6.1, §6.3). */
export function isEmptyCell(cell: Cell | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === 'string') return cell.trim() === '';
  return false;
}

/** The cell as an unreadable value: `{ invalid: its text }` (the raw text for the finding, at most 1,000 characters). */
export function unreadable(cell: Cell): Invalid {
  return { invalid: cellText(cell).slice(0, MAX_RAW) };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * A calendar date, or null when that day does not exist (31-02-2025) or the year is outside the dates
 * the API accepts (1900–2199, interfaces.md §3): such a cell is unreadable, not a request the API refuses.
 */
export function makeDate(year: number, month: number, day: number): IsoDate | null {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // Sheets repeat the same dates over and over: one string per day keeps a big sheet's garbage low.
  const key = (year * 16 + month) * 32 + day;
  let iso = isoCache.get(key);
  if (iso === undefined) {
    if (isoCache.size >= CACHE_LIMIT) isoCache.clear();
    iso = `${year}-${pad2(month)}-${pad2(day)}`;
    isoCache.set(key, iso);
  }
  return iso;
}

const CACHE_LIMIT = 50_000;
const isoCache = new Map<number, IsoDate>();

function fromDate(d: Date): IsoDate | null {
  if (Number.isNaN(d.getTime())) return null;
  return makeDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** An Excel serial number as a date in the workbook's date system (shared/calendar/days.ts); the time part is dropped. */
export function dateFromSerial(serial: number, date1904: boolean): IsoDate | null {
  const day = dateOfSerial(serial, date1904);
  return day === null ? null : makeDate(day.year, day.month, day.day);
}

/** An integer 1990–2100 is a year: 1 January (rules.md §6.3). */
function yearDate(n: number): IsoDate | null {
  return Number.isInteger(n) && n >= 1990 && n <= 2100 ? makeDate(n, 1, 1) : null;
}

/**
 * Dutch month names and abbreviations (with or without a dot, any case). A Map: a cell's text is looked
 * up, and on a plain object `constructor` would find Object's own constructor.
 */
export const MONTHS: ReadonlyMap<string, number> = new Map(Object.entries({
  januari: 1, jan: 1,
  februari: 2, feb: 2,
  maart: 3, mrt: 3,
  april: 4, apr: 4,
  mei: 5,
  juni: 6, jun: 6,
  juli: 7, jul: 7,
  augustus: 8, aug: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
}));

const TIME = '(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?';
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})${TIME}$`);
const ISO = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${TIME}$`);
const SCHOOL_YEAR = /^(\d{4}) ?[-/] ?(\d{4})$/;
const DAY_MONTHNAME_YEAR = /^(\d{1,2})[ -]+([a-z]+)\.?[ -]+(\d{4})$/;
const MONTHNAME_YEAR = /^([a-z]+)\.?[ -]+(\d{4})$/;

function isDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

const textDateCache = new Map<string, IsoDate | null>();

/** A date written as text (rules.md §6.3), or null when it is not one. Memoised: texts repeat. */
export function dateFromText(text: string): IsoDate | null {
  const cached = textDateCache.get(text);
  if (cached !== undefined) return cached;
  const date = parseDateText(text);
  if (textDateCache.size >= CACHE_LIMIT) textDateCache.clear();
  textDateCache.set(text, date);
  return date;
}

function parseDateText(text: string): IsoDate | null {
  const s = text.trim();
  if (s === '') return null;
  const c = s.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    if (s.length === 4) return /^\d{4}$/.test(s) ? yearDate(Number(s)) : null;
    if (isDigit(s, 1) && isDigit(s, 2) && isDigit(s, 3)) {
      // Starts with four digits: ISO date or school year.
      let m = ISO.exec(s);
      if (m) return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
      m = SCHOOL_YEAR.exec(s);
      if (m) {
        const first = Number(m[1]);
        return Number(m[2]) === first + 1 ? makeDate(first, 8, 1) : null;
      }
      return null;
    }
    let m = DAY_MONTH_YEAR.exec(s);
    if (m) {
      const y = m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
      return makeDate(y, Number(m[3]), Number(m[1]));
    }
    m = DAY_MONTHNAME_YEAR.exec(s.toLowerCase());
    if (m) {
      const month = MONTHS.get(m[2]!);
      return month ? makeDate(Number(m[3]), month, Number(m[1])) : null;
    }
    return null;
  }
  const m = MONTHNAME_YEAR.exec(s.toLowerCase());
  if (m) {
    const month = MONTHS.get(m[1]!);
    return month ? makeDate(Number(m[2]), month, 1) : null;
  }
  return null;
}

/** A date from any cell: a date cell, an Excel serial, a year, or text (rules.md §6.3). */
export function dateFromCell(cell: Cell, date1904: boolean): IsoDate | null {
  if (typeof cell === 'number') return yearDate(cell) ?? dateFromSerial(cell, date1904);
  if (typeof cell === 'string') return dateFromText(cell);
  if (cell instanceof Date) return fromDate(cell);
  return null;
}

/** "Done, date unknown" in a training-date field and in lastRefresher. */
export const DONE_WORDS: ReadonlySet<string> = new Set(['ja', 'x', 'gevolgd', 'afgerond', '✓', '✔']);
/** "Not done" in a training-date field and in lastRefresher. */
export const NOT_DONE_WORDS: ReadonlySet<string> = new Set(['nee', '-', 'n.v.t.', 'nvt']);

/** A training completion or lastRefresher: a date, 'done', null (not done), or invalid. */
export function parseCompletion(cell: Cell, date1904: boolean): CompletionValue {
  if (cell === null) return null;
  if (typeof cell === 'string') {
    const s = cell.trim();
    if (s === '') return null;
    const lower = s.toLowerCase();
    if (DONE_WORDS.has(lower)) return 'done';
    if (NOT_DONE_WORDS.has(lower)) return null;
    return dateFromText(s) ?? unreadable(cell);
  }
  if (typeof cell === 'boolean') return cell ? 'done' : null;
  return dateFromCell(cell, date1904) ?? unreadable(cell);
}

/** An exemption as a training cell writes it (rules.md §4.13): the reason and the date found in it. */
export interface CellExemption {
  /** The first date the reason names (the rules ignore one after the reference date), or null. */
  date: IsoDate | null;
  /**
   * The rest of the text after `vrijstelling`/`vrijgesteld` and its leading `: - , (` and spaces (and the
   * `)` that closes such a `(` at the end); may be ''.
   */
  reason: string;
}

const EXEMPTION_WORD = /^(?:vrijstelling|vrijgesteld)(?!\p{L})/iu;
const EXEMPTION_LEAD = /^[:\-,(\s]+/;
/** d-m-yyyy, d/m/yyyy, d.m.yyyy or yyyy-mm-dd, not touching another digit. */
const REASON_DATE = /(?<!\d)(?:(\d{1,2})([-/.])(\d{1,2})\2(\d{4})|(\d{4})-(\d{1,2})-(\d{1,2}))(?!\d)/g;
const REASON_YEAR = /(?<!\d)\d{4}(?!\d)/g;

/** The date an exemption's reason names: the first valid day written as a date, else the first year 1990–2100. */
function reasonDate(reason: string): IsoDate | null {
  REASON_DATE.lastIndex = 0;
  for (let m = REASON_DATE.exec(reason); m !== null; m = REASON_DATE.exec(reason)) {
    const date = m[4] !== undefined ? makeDate(Number(m[4]), Number(m[3]), Number(m[1])) : makeDate(Number(m[5]), Number(m[6]), Number(m[7]));
    if (date) return date;
    // Not a day that exists (31-02-2021): look again from the next character, not past the whole match.
    REASON_DATE.lastIndex = m.index + 1;
  }
  REASON_YEAR.lastIndex = 0;
  for (let m = REASON_YEAR.exec(reason); m !== null; m = REASON_YEAR.exec(reason)) {
    const date = yearDate(Number(m[0]));
    if (date) return date;
  }
  return null;
}

/**
 * A training cell that starts, in any case, with `vrijstelling` or `vrijgesteld` followed by the end or
 * a character that is not a letter (not `vrijstellingen`) is an exemption (rules.md §4.13); else null.
 */
export function parseExemption(text: string): CellExemption | null {
  const s = text.trim();
  const m = EXEMPTION_WORD.exec(s);
  if (!m) return null;
  const rest = s.slice(m[0].length);
  const lead = EXEMPTION_LEAD.exec(rest)?.[0] ?? '';
  let reason = rest.slice(lead.length).trim();
  // `vrijgesteld (reden)`: the parenthesis that closes the one removed in front goes too.
  if (lead.includes('(') && reason.endsWith(')') && !reason.includes('(')) reason = reason.slice(0, -1).trimEnd();
  return { date: reasonDate(reason), reason };
}

/** roleStart, velonRegistration: a date, null (empty: unknown), or invalid. */
export function parseDate(cell: Cell, date1904: boolean): DateValue {
  if (isEmptyCell(cell)) return null;
  return dateFromCell(cell, date1904) ?? unreadable(cell);
}

export const YES_WORDS: ReadonlySet<string> = new Set([
  'ja', 'j', 'yes', 'y', 'x', '✓', '✔', '1', 'true', 'waar', 'gecertificeerd',
]);

function plausibleDateNumber(n: number, date1904: boolean): boolean {
  if (yearDate(n)) return true;
  const iso = dateFromSerial(n, date1904);
  if (!iso) return false;
  const y = Number(iso.slice(0, 4));
  return y >= 1990 && y <= 2100;
}

/**
 * Certificates and per-role columns: yes = `ja j yes y x ✓ 1 true waar gecertificeerd` or a date; anything
 * else is no. Null for an error cell (unreadable). A host may give a date cell as its serial number.
 */
export function parseBoolean(cell: Cell, date1904: boolean): boolean | null {
  if (cell === null) return false;
  if (typeof cell === 'string') {
    const s = cell.trim();
    if (s === '') return false;
    if (YES_WORDS.has(s.toLowerCase())) return true;
    const c = s.charCodeAt(0);
    // Only text that starts like a date can be one (a digit, or a month name).
    return (c >= 48 && c <= 57) || (c | 32) >= 97 ? dateFromText(s) !== null : false;
  }
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 || plausibleDateNumber(cell, date1904);
  if (cell instanceof Date) return !Number.isNaN(cell.getTime());
  return null;
}

const NUMBER_TEXT = /^\d+(?:[.,]\d+)?$/;
const MAX_NUMBER = 1e9;

/** In every number field these words (any case) are the number 0 (rules.md §6.3): "nvt students" is none. */
export const ZERO_WORDS: ReadonlySet<string> = new Set(['nvt', 'n.v.t.', 'n.v.t', 'geen', '-']);

/** Counts and hours: a non-negative number, null (empty: unknown), or invalid (text, negative). */
export function parseNumber(cell: Cell): NumberValue {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) && cell >= 0 && cell <= MAX_NUMBER ? cell : unreadable(cell);
  if (typeof cell === 'string') {
    const s = cell.trim();
    if (s === '') return null;
    if (ZERO_WORDS.has(s.toLowerCase())) return 0;
    if (!NUMBER_TEXT.test(s)) return unreadable(cell);
    const n = Number(s.replace(',', '.'));
    return n <= MAX_NUMBER ? n : unreadable(cell);
  }
  return unreadable(cell);
}

/** Cells that name nobody (rules.md §4.6, §6.3): a no-word, `geen`, `n.v.t.`, `nvt`. */
export const NOBODY_WORDS: ReadonlySet<string> = new Set([
  'nee', 'n', 'no', '0', '-', 'geen', 'n.v.t.', 'n.v.t', 'nvt', 'false', 'onwaar',
]);

/** pairedWith, coach: is someone named (never the name itself). Null for an error cell. */
export function parseNamed(cell: Cell): boolean | null {
  if (cell === null) return false;
  if (typeof cell === 'string') {
    const s = cell.trim();
    return s !== '' && !NOBODY_WORDS.has(s.toLowerCase());
  }
  if (typeof cell === 'number') return cell !== 0;
  if (typeof cell === 'boolean') return cell;
  if (cell instanceof Date) return true;
  return null;
}

const MAX_TEXT = 200;

/** Plain text fields (school, board): trimmed, whitespace-only is empty (null); a number as its digits. */
export function parseText(cell: Cell): string | null {
  if (cell === null) return null;
  if (typeof cell === 'string') {
    const s = cell.trim();
    return s === '' ? null : s.slice(0, MAX_TEXT);
  }
  if (isErrorCell(cell)) return null;
  return cellText(cell).slice(0, MAX_TEXT) || null;
}

/** personId: trimmed text; a numeric cell as its integer digits. */
export function parsePersonId(cell: Cell): string | null {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return null;
    const t = Math.trunc(cell);
    if (Number.isSafeInteger(t)) return String(t);
    return Math.abs(t) < 1e21 ? BigInt(t).toString() : String(t);
  }
  return parseText(cell);
}
