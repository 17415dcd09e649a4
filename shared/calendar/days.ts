// The one calendar of days (rules.md §1, §6.3): leap years, days in a month, whether a YYYY-MM-DD is a
// real day, and Excel's serial day numbers both ways in both date systems. Pure arithmetic on the
// proleptic Gregorian calendar, no Date objects. Everything that reads or writes a day uses this module.

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` of a day that exists (2025-02-29 does not). */
export function isRealDate(iso: string): boolean {
  const m = ISO.exec(iso);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export interface CivilDay {
  year: number;
  month: number;
  day: number;
}

/** Days since 1970-01-01 of a calendar day (H. Hinnant's days_from_civil). */
export function daysFromCivil({ year, month, day }: CivilDay): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar day of a count of days since 1970-01-01 (H. Hinnant's civil_from_days). */
export function civilFromDays(days: number): CivilDay {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 1899-12-30 and 1904-01-01 in days since 1970-01-01: serial 0 of each date system, from 1900-03-01 on. */
const EPOCH_1900 = -25569;
const EPOCH_1904 = -24107;
/** The last serial Excel shows as a date: 9999-12-31. */
const MAX_SERIAL_1900 = 2_958_465;

/**
 * A real day as Excel's serial number. 1900 system: 1900-01-01 is 1, and Excel counts a fictitious
 * 29 February 1900 (serial 60), so from 1900-03-01 on the serial is one more than the days since
 * 1899-12-31. 1904 system: 1904-01-01 is 0.
 */
export function serialOfDate(iso: string, date1904: boolean): number {
  const days = daysFromCivil({ year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) });
  if (date1904) return days - EPOCH_1904;
  const serial = days - EPOCH_1900;
  return serial <= 60 ? serial - 1 : serial;
}

/**
 * The day of an Excel serial number, the time of day dropped; null for what is no day in that system
 * (negative, the fictitious 29 February 1900, beyond 9999-12-31, not a finite number).
 */
export function dateOfSerial(serial: number, date1904: boolean): CivilDay | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  const whole = Math.floor(serial);
  if (date1904) return whole > MAX_SERIAL_1900 - 1462 ? null : civilFromDays(EPOCH_1904 + whole);
  if (whole < 1 || whole === 60 || whole > MAX_SERIAL_1900) return null;
  return civilFromDays(EPOCH_1900 + (whole < 60 ? whole + 1 : whole));
}
