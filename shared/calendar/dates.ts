// Calendar dates without time or zone (rules.md §1), as ISO strings YYYY-MM-DD: they compare as text.
import type { IsoDate } from '../model/person';
import { civilFromDays, daysFromCivil, daysInMonth, isLeapYear } from './days';

export type SchoolYear = `${number}-${number}`;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function parts(iso: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

/** Same month and day n years later; 29 February becomes 28 February in a year that has none. */
export function addYears(iso: IsoDate, n: number): IsoDate {
  // Text only: the rules call this per person, and ISO dates need no Date object for it.
  const y = Number(iso.slice(0, 4)) + n;
  const rest = iso.slice(4);
  if (rest === '-02-29' && !isLeapYear(y)) return `${pad(y, 4)}-02-28`;
  return `${pad(y, 4)}${rest}`;
}

/** The school year (1 August – 31 July) that contains the date. */
export function schoolYearOf(iso: IsoDate): SchoolYear {
  const { year, month } = parts(iso);
  const start = month >= 8 ? year : year - 1;
  return `${start}-${start + 1}`;
}

export const SCHOOL_YEAR_PATTERN = /^(\d{4})-(\d{4})$/;

export function isSchoolYear(text: string): text is SchoolYear {
  const m = SCHOOL_YEAR_PATTERN.exec(text);
  return !!m && Number(m[2]) === Number(m[1]) + 1;
}

/** 31 July that ends the school year. */
export function endOfSchoolYear(year: SchoolYear): IsoDate {
  return isoDate(Number(year.slice(5, 9)), 7, 31);
}

/** Today in Europe/Amsterdam, the default reference date. */
export function todayInAmsterdam(now: Date = new Date()): IsoDate {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return f.format(now) as IsoDate;
}

/** Same day n months later (n may be negative); a day the target month lacks becomes its last day. */
export function addMonths(iso: IsoDate, n: number): IsoDate {
  const { year, month, day } = parts(iso);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return isoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/**
 * A plan term in years: whole years go through addYears (29 February rule); a fractional term
 * (a plan may say 1.5 years) counts in whole months.
 */
export function addTermYears(iso: IsoDate, years: number): IsoDate {
  return Number.isInteger(years) ? addYears(iso, years) : addMonths(iso, Math.round(years * 12));
}

/** The date n days later (n may be negative). */
export function addDays(iso: IsoDate, n: number): IsoDate {
  const { year, month, day } = civilFromDays(daysFromCivil(parts(iso)) + n);
  return isoDate(year, month, day);
}

/** dd-mm-yyyy, the Dutch way of writing a date in messages. */
export function dutchDate(iso: IsoDate): string {
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}
