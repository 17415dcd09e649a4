// interfaces.md §1: the five owned columns and the summary sheet, as a plain-data WritePlan.
// Pure: the same reads and evaluations always give the same plan, so the same input gives the same workbook.
import type { IsoDate } from '../model/person';
import type { Finding, PersonResult, SheetEvaluation } from '../model/result';
import type { Summary } from '../model/summary';
import type { Plan } from '../plan/schema';
import type { SchoolYear } from '../calendar/dates';
import { actionsText } from '../rules/messages';
import { columnIndex, columnLetter } from '../sheet/address';
import type { SheetRead } from '../sheet/types';
import { OWNED_HEADERS, type OwnedHeader } from '../sheet/owned-columns';
import {
  type OwnedColumnWrite,
  type StaffSheetWrite,
  type StatusColour,
  type WritePlan,
  type WriteValue,
} from './write-plan';
import { perSchoolSheet } from './per-school-sheet';
import { summarySheet } from './summary-sheet';

/** Excel holds at most 32,767 characters in a cell. */
const MAX_CELL_TEXT = 32_767;

/** Standard Excel "good / neutral / bad" tints, plus orange for Actie nodig. */
export const STATUS_COLOURS: readonly StatusColour[] = [
  { status: 'Niet in orde', fill: '#FFC7CE', font: '#9C0006' },
  { status: 'Actie nodig', fill: '#FCD5B4', font: '#974706' },
  { status: 'Gegevens controleren', fill: '#FFEB9C', font: '#9C5700' },
  { status: 'In orde', fill: '#C6EFCE', font: '#006100' },
];

const COLUMN_FORMAT: Record<OwnedHeader, { numberFormat: string; width: number }> = {
  'OS-status': { numberFormat: '@', width: 22 },
  Acties: { numberFormat: '@', width: 50 },
  'Opfrissen vóór': { numberFormat: 'dd-mm-yyyy', width: 16 },
  Normuren: { numberFormat: 'General', width: 11 },
  Toelichting: { numberFormat: '@', width: 90 },
};

export interface SheetWriteInput {
  read: SheetRead;
  evaluation: SheetEvaluation;
}

export interface PlanWriteOptions {
  plan: Plan;
  referenceDate: IsoDate;
  planningYear: SchoolYear;
  /** The summary over the sheets of this workbook (interfaces.md §1: each workbook's summary covers that workbook). */
  summary: Summary;
}

const EMPTY: WriteValue = { kind: 'empty' };
const text = (t: string): WriteValue =>
  t === '' ? EMPTY : { kind: 'text', text: t.length > MAX_CELL_TEXT ? `${t.slice(0, MAX_CELL_TEXT - 1)}…` : t };

export { actionsText };

/** One finding in plain Dutch: the cell it is about first, its plan § last. */
export function explanation(finding: Finding): string {
  // Sentences are joined with `; `, so a closing full stop goes.
  let t = finding.message.trim();
  while (t.endsWith('.')) t = t.slice(0, -1);
  if (finding.cell && !t.includes(finding.cell)) t = `Cel ${finding.cell}: ${t}`;
  if (finding.planRef && !t.includes(finding.planRef)) t = `${t} (${finding.planRef})`;
  return t;
}

/**
 * explanation() of findings without a cell, by message (and its plan §): those texts repeat across a
 * sheet's rows, and a message is mostly one shared string, so the lookup is by a string's cached hash.
 */
export type ExplanationCache = Map<string, { planRef: string | null | undefined; text: string }>;

function cachedExplanation(f: Finding, cache: ExplanationCache | undefined): string {
  if (!cache || f.cell) return explanation(f);
  const hit = cache.get(f.message);
  if (hit !== undefined && hit.planRef === f.planRef) return hit.text;
  const t = explanation(f);
  // The same message under another plan § (never seen in practice) is just not cached.
  if (hit === undefined) cache.set(f.message, { planRef: f.planRef, text: t });
  return t;
}

/**
 * A tree over the keys one row's text depends on, in order (e.g. the explanations of its findings):
 * rows with equal key sequences get the same cell value, built once, without joining and hashing the
 * long text per row.
 */
interface ValueNode {
  value: WriteValue | undefined;
  next: Map<unknown, ValueNode> | undefined;
}
const valueNode = (): ValueNode => ({ value: undefined, next: undefined });
function step(node: ValueNode, key: unknown): ValueNode {
  let next = node.next;
  if (next === undefined) node.next = next = new Map();
  let child = next.get(key);
  if (child === undefined) next.set(key, (child = valueNode()));
  return child;
}

/** Every finding, info and warnings too, `; `-separated. */
export function explanationsText(findings: readonly Finding[], cache?: ExplanationCache): string {
  let out = '';
  const seen: string[] = [];
  for (const f of findings) {
    const t = cachedExplanation(f, cache);
    if (seen.includes(t)) continue;
    seen.push(t);
    out = out === '' ? t : `${out}; ${t}`;
  }
  return out;
}

/**
 * Where each owned column goes: found again by its exact header text in the header row (rewritten in
 * place), else appended right of the used range in the order of OWNED_HEADERS.
 */
export function ownedColumnPositions(read: SheetRead): Record<OwnedHeader, { column: number; existing: boolean }> {
  const found = new Map<string, number>();
  for (const [letter, header] of Object.entries(read.headers)) {
    const h = header.trim();
    const column = columnIndex(letter);
    if (column === null) continue;
    if ((OWNED_HEADERS as readonly string[]).includes(h) && (!found.has(h) || column < found.get(h)!))
      found.set(h, column);
  }
  let next = read.lastColumn + 1;
  const out = {} as Record<OwnedHeader, { column: number; existing: boolean }>;
  for (const header of OWNED_HEADERS) {
    const at = found.get(header);
    out[header] = at !== undefined ? { column: at, existing: true } : { column: next++, existing: false };
  }
  return out;
}

/** The owned columns of one staff sheet. */
export function planStaffSheet(input: SheetWriteInput): StaffSheetWrite | null {
  const { read, evaluation } = input;
  if (read.skipped !== null || read.headerRow === null) return null;
  const headerRow = read.headerRow;
  const firstRow = headerRow + 1;
  const lastRow = Math.max(read.lastRow, headerRow);
  // Results by row as an array over the written rows (a later result for the same row wins, as in a Map).
  const byRow: (PersonResult | undefined)[] = new Array(Math.max(0, lastRow - firstRow + 1)).fill(undefined);
  for (const p of evaluation.people) {
    const row = Number(p.ref);
    if (Number.isInteger(row) && row >= firstRow && row <= lastRow) byRow[row - firstRow] = p;
  }
  const explanations: ExplanationCache = new Map();
  // Statuses, actions, notes, dates and hours repeat across rows: one (read-only) cell value per distinct value.
  const texts = new Map<string, WriteValue>();
  const sharedText = (t: string): WriteValue => {
    let v = texts.get(t);
    if (v === undefined) texts.set(t, (v = text(t)));
    return v;
  };
  const dates = new Map<string, WriteValue>();
  const sharedDate = (iso: string): WriteValue => {
    let v = dates.get(iso);
    if (v === undefined) dates.set(iso, (v = { kind: 'date', iso }));
    return v;
  };
  const numbers = new Map<number, WriteValue>();
  const sharedNumber = (number: number): WriteValue => {
    if (Object.is(number, -0)) return { kind: 'number', number };
    let v = numbers.get(number);
    if (v === undefined) numbers.set(number, (v = { kind: 'number', number }));
    return v;
  };
  // actionText() reads only a finding's code, severity and training and the row's refresher date and norm hours.
  const actionsRoot = valueNode();
  const actionsValue = (person: PersonResult): WriteValue => {
    let node: ValueNode | null = null;
    for (const f of person.findings) {
      if (f.severity !== 'critical' && f.severity !== 'action') continue;
      node ??= step(step(actionsRoot, person.refresherDue), person.normHours);
      node = step(step(step(node, f.code), f.severity), f.training);
    }
    if (node === null) return EMPTY; // no critical or action finding: no actions
    return (node.value ??= sharedText(actionsText(person)));
  };
  const notesRoot = valueNode();
  const notesValue = (findings: readonly Finding[]): WriteValue => {
    if (findings.length === 0) return EMPTY;
    let node = notesRoot;
    for (const f of findings) {
      // A finding on a cell is about this row only: its text is not worth keeping.
      if (f.cell) return sharedText(explanationsText(findings, explanations));
      node = step(node, cachedExplanation(f, explanations));
    }
    return (node.value ??= sharedText(explanationsText(findings, explanations)));
  };

  const positions = ownedColumnPositions(read);
  const count = Math.max(0, lastRow - firstRow + 1);
  const columns: OwnedColumnWrite[] = OWNED_HEADERS.map((header) => ({
    header,
    column: positions[header].column,
    letter: columnLetter(positions[header].column),
    existing: positions[header].existing,
    numberFormat: COLUMN_FORMAT[header].numberFormat,
    width: COLUMN_FORMAT[header].width,
    values: new Array<WriteValue>(count),
  }));
  const [status, actions, due, hours, notes] = columns.map((c) => c.values) as [WriteValue[], WriteValue[], WriteValue[], WriteValue[], WriteValue[]];
  for (let i = 0; i < count; i++) {
    const person = byRow[i];
    if (!person) {
      status[i] = EMPTY;
      actions[i] = EMPTY;
      due[i] = EMPTY;
      hours[i] = EMPTY;
      notes[i] = EMPTY;
      continue;
    }
    status[i] = sharedText(person.status);
    actions[i] = actionsValue(person);
    due[i] = person.refresherDue ? sharedDate(person.refresherDue) : EMPTY;
    hours[i] = person.normHours === null ? EMPTY : sharedNumber(person.normHours);
    notes[i] = notesValue(person.findings);
  }
  const statusColumn = columns[0]!;
  return {
    sheet: read.sheet,
    headerRow,
    firstRow,
    lastRow,
    columns,
    statusFormat:
      lastRow >= firstRow
        ? { range: `${statusColumn.letter}${firstRow}:${statusColumn.letter}${lastRow}`, colours: STATUS_COLOURS.map((c) => ({ ...c })) }
        : null,
  };
}

/** The write plan of one workbook: its staff sheets' owned columns, then its summary sheet and its Per school sheet. */
export function planWrite(sheets: readonly SheetWriteInput[], options: PlanWriteOptions): WritePlan {
  const staff = sheets.map(planStaffSheet).filter((s): s is StaffSheetWrite => s !== null);
  const checked = sheets.filter((s) => s.read.skipped === null);
  const { plan, referenceDate, planningYear } = options;
  const perSchool = perSchoolSheet({ plan, referenceDate, planningYear, sheets: checked });
  return {
    sheets: staff,
    reportSheets: [summarySheet({ plan, referenceDate, planningYear, summary: options.summary, sheets: checked }), ...(perSchool ? [perSchool] : [])],
  };
}
