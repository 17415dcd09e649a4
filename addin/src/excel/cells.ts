// Cell values between Office.js and the pure sheet layer: Office gives dates as serial numbers and error
// cells as their code text; the write plan's dates become serial numbers in the workbook's date system.
import { serialOfDate } from '../../../shared/calendar/days';
import type { Cell } from '../../../shared/sheet/types';
import type { WriteValue } from '../../../shared/report/write-plan';

/** The error values Excel shows in a cell; Office.js `values` gives them as this text. */
const ERROR_CODES = new Set([
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!',
  '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#EXTERNAL!', '#PYTHON!',
]);

/**
 * One Office.js value → Cell. `valueTypes` is not loaded (it would double the payload): an error cell
 * reads as its code, and a typed text `#N/A` is as unreadable as the error itself.
 */
export function officeCell(value: unknown): Cell {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return ERROR_CODES.has(value) ? { error: value } : value;
  return String(value);
}

/** YYYY-MM-DD → Excel serial number (1900 or 1904 date system): the one calendar's conversion. */
export const isoToSerial = serialOfDate;

/** Text Excel would not keep as text when typed: a formula, a number (also `1e5`, `50%`), a date or time, a boolean, a leading apostrophe. */
export function needsTextGuard(text: string): boolean {
  return (
    /^[=+\-@']/.test(text) ||
    /^\s*([\d.,]+|[\d.,]*\d[eE][+-]?\d+)\s*%?\s*$/.test(text) ||
    /^\s*\d{1,2}:\d{2}(:\d{2})?\s*(am|pm)?\s*$/i.test(text) ||
    /^\s*\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?\s*$/.test(text) ||
    /^(true|false|waar|onwaar)$/i.test(text)
  );
}

/**
 * A write value → what Office.js `values` takes, for a cell that is (`textFormatted`) or is not formatted
 * as text (`@`). A text-formatted cell keeps a string exactly as written, so an apostrophe there would stay
 * visible; elsewhere Excel takes a string as typed input (a leading `=`, `+`, `-` is a formula, `12` a number:
 * @types/office-js Excel.Range.values), so text that Excel would convert gets the apostrophe prefix, which
 * marks it as text and is not part of the value.
 */
export function officeValue(value: WriteValue, date1904: boolean, textFormatted: boolean): string | number {
  switch (value.kind) {
    case 'empty':
      return '';
    case 'number':
      return value.number;
    case 'date':
      return isoToSerial(value.iso, date1904);
    case 'text':
      return !textFormatted && needsTextGuard(value.text) ? `'${value.text}` : value.text;
  }
}
