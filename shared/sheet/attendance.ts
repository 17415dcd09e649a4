// Plan §4 "Vakbekwaamheid aantonen" (rules.md §4.12): the Stagebureau's attendance sheet → central
// register records. Headers are recognised like a staff sheet's (rules.md §6.2, the reader's synonyms),
// plus the attendance words `Scholing`/`Training` and `Datum`. Two layouts: one row per participation
// (board, personnel number, training, date, certificate) or one row per person with a date column per
// training (`Scholing WPB`, `Certificaat WPB` …). Names are never carried into a record.
import type { RegisterRecord } from '../model/register';
import { RegisterRecordSchema } from '../model/register';
import { CERTIFICATE_TRAININGS, TRAINING_CODES } from '../plan/schema';
import type { PersonTrainingCode, Plan, TrainingCode } from '../plan/schema';
import { a1, columnLetter } from './address';
import { matchHeader } from './headers';
import { normalizeHeader } from './normalize';
import {
  cellText,
  dateFromCell,
  DONE_WORDS,
  isEmptyCell,
  isErrorCell,
  NOT_DONE_WORDS,
  parseBoolean,
  parsePersonId,
  parseText,
} from './parse';
import { isProductSheet } from './synonyms';
import { isSkippedRow, usedExtent } from './read';
import type { Cell, Grid } from './types';

/** A column of an attendance sheet: a long-layout field, or a date/certificate column of one training. */
export type AttendanceColumn =
  | 'board'
  | 'personId'
  | 'training'
  | 'date'
  | 'certificate'
  | `training.${TrainingCode}`
  | `certificate.${PersonTrainingCode}`;

export interface AttendanceProblem {
  sheet: string;
  /** 1-based Excel row. */
  row: number;
  /** A1 address of the cell at fault, or null when the problem is a missing column. */
  cell: string | null;
  raw: string;
  /** Dutch message, without the location (see `attendanceProblemText`). */
  message: string;
}

export interface AttendanceRead {
  sheet: string;
  /** Why the sheet holds no attendance (no header row …), or null. */
  skipped: string | null;
  headerRow: number | null;
  /** Column letter → what it holds. */
  columns: Record<string, AttendanceColumn>;
  records: RegisterRecord[];
  /** The 1-based Excel row of each record (same order as `records`). */
  rows: number[];
  problems: AttendanceProblem[];
  /** Sheet-level remarks (a header that names two things, a lone certificate column …). */
  remarks: string[];
}

export interface AttendanceOptions {
  sheetName: string;
  date1904: boolean;
  /** Board for rows without a board cell (the caller's setting). */
  board?: string | null;
  plan: Pick<Plan, 'trainings'>;
}

const HEADER_SEARCH_ROWS = 20;

/** Attendance-only headers (normalised on use); staff-sheet fields come from the reader's table. */
export const ATTENDANCE_HEADERS: Readonly<Record<'training' | 'date' | 'certificate', readonly string[]>> = {
  training: ['Scholing', 'Training', 'Cursus', 'Opleiding', 'Module', 'Activiteit', 'Scholingscode', 'Code scholing', 'Naam scholing'],
  date: [
    'Datum',
    'Datum deelname',
    'Deelname',
    'Deelnamedatum',
    'Afgerond',
    'Afgerond op',
    'Datum afgerond',
    'Behaald op',
    'Datum behaald',
    'Einddatum',
    'Datum certificaat',
  ],
  certificate: ['Certificaat', 'Gecertificeerd', 'Certificaat behaald', 'Certificering'],
};

const ATTENDANCE_EXACT = new Map<string, 'training' | 'date' | 'certificate'>();
for (const [field, headers] of Object.entries(ATTENDANCE_HEADERS) as ['training' | 'date' | 'certificate', readonly string[]][])
  for (const h of headers) ATTENDANCE_EXACT.set(normalizeHeader(h), field);

/** Header text → attendance column, or null (ignored: names, schools, anything unknown). */
export function matchAttendanceHeader(text: string): AttendanceColumn | 'ambiguous' | null {
  const n = normalizeHeader(text);
  if (n === '') return null;
  const own = ATTENDANCE_EXACT.get(n);
  if (own) return own;
  const m = matchHeader(text);
  if (m.kind === 'ambiguous') return 'ambiguous';
  if (m.kind === 'loneCertificate') return 'certificate';
  if (m.kind !== 'field') return null;
  if (m.target === 'board' || m.target === 'personId') return m.target;
  // An opfrisbijeenkomst column (`Opfrisbijeenkomst`, `Driejaarlijkse update` …) holds REFRESH dates (rules.md §4.12).
  if (m.target === 'lastRefresher') return 'training.REFRESH';
  if (m.target.startsWith('training.') || m.target.startsWith('certificate.')) return m.target as AttendanceColumn;
  return null;
}

/**
 * A training named in a cell: a code (`WPB`, `SOIO`, `REFRESH`), the plan's name, or a name a staff sheet's
 * header would use (`Scholing werkplekbegeleiders`, `Coaching voor werkplekbegeleiders`, `Inwerkprogramma`),
 * also without the word scholing/training (`Werkplekbegeleiders`, `Intervisor`). REFRESH for the
 * opfrisbijeenkomst. Null when it names none or several.
 */
export function recogniseTraining(text: string, plan: Pick<Plan, 'trainings'>): TrainingCode | null {
  const n = normalizeHeader(text);
  if (n === '') return null;
  const code = n.replace(/ /g, '').toUpperCase();
  if ((TRAINING_CODES as readonly string[]).includes(code)) return code as TrainingCode;
  for (const t of plan.trainings) if (normalizeHeader(t.name) === n) return t.code;
  for (const candidate of [text, `scholing ${n}`, `training ${n}`]) {
    const m = matchHeader(candidate);
    if (m.kind !== 'field') continue;
    if (m.target === 'lastRefresher') return 'REFRESH';
    if (m.target.startsWith('training.')) return m.target.slice('training.'.length) as PersonTrainingCode;
  }
  return null;
}

function mapHeader(row: readonly Cell[]): { columns: Map<number, AttendanceColumn>; remarks: string[] } {
  const columns = new Map<number, AttendanceColumn>();
  const remarks: string[] = [];
  row.forEach((cell, i) => {
    if (cell === null || isErrorCell(cell)) return;
    const text = cellText(cell);
    const m = matchAttendanceHeader(text);
    if (m === null) return;
    if (m === 'ambiguous') {
      remarks.push(`Kolom ${columnLetter(i + 1)} ("${text}") past bij meer dan één veld en is overgeslagen.`);
      return;
    }
    if ([...columns.values()].includes(m)) {
      remarks.push(`Kolom ${columnLetter(i + 1)} ("${text}") is dubbel en is overgeslagen.`);
      return;
    }
    columns.set(i, m);
  });
  return { columns, remarks };
}

function isHeaderRow(columns: ReadonlyMap<number, AttendanceColumn>): boolean {
  const held = new Set(columns.values());
  if (!held.has('personId')) return false;
  return held.has('training') || [...held].some((c) => c.startsWith('training.'));
}

export function readAttendance(grid: Grid, options: AttendanceOptions): AttendanceRead {
  const sheet = options.sheetName;
  const base: AttendanceRead = { sheet, skipped: null, headerRow: null, columns: {}, records: [], rows: [], problems: [], remarks: [] };
  if (isProductSheet(sheet)) return { ...base, skipped: 'werkblad van het product zelf' };
  const lastRow = usedExtent(grid).lastRow;
  if (lastRow === 0) return { ...base, skipped: 'leeg werkblad' };

  let headerIndex = -1;
  let mapped: ReturnType<typeof mapHeader> = { columns: new Map(), remarks: [] };
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, lastRow); r++) {
    const m = mapHeader(grid[r] ?? []);
    if (isHeaderRow(m.columns)) {
      headerIndex = r;
      mapped = m;
      break;
    }
  }
  if (headerIndex < 0)
    return {
      ...base,
      skipped: 'geen kopregel gevonden met een kolom Personeelsnummer en een kolom Scholing (of een kolom per scholing)',
    };

  const { columns, remarks } = mapped;
  const columnOf = (field: AttendanceColumn) => [...columns].find(([, f]) => f === field)?.[0];
  const boardCol = columnOf('board');
  const personCol = columnOf('personId')!;
  const trainingCol = columnOf('training');
  const dateCol = columnOf('date');
  let certificateCol = columnOf('certificate');
  const wideTrainings = [...columns]
    .filter(([, f]) => f.startsWith('training.'))
    .map(([i, f]) => ({ index: i, training: f.slice('training.'.length) as TrainingCode }));
  const wideCertificates = new Map(
    [...columns]
      .filter(([, f]) => f.startsWith('certificate.'))
      .map(([i, f]) => [f.slice('certificate.'.length) as TrainingCode, i] as const),
  );
  const long = trainingCol !== undefined;
  if (long && wideTrainings.length > 0)
    remarks.push('Het werkblad heeft een kolom Scholing: de kolommen per scholing zijn overgeslagen.');
  if (!long && certificateCol !== undefined) {
    // A lone certificate column belongs to the only training column there is (rules.md §6.2 step 4).
    if (wideTrainings.length === 1 && !wideCertificates.has(wideTrainings[0]!.training))
      wideCertificates.set(wideTrainings[0]!.training, certificateCol);
    else remarks.push(`Kolom ${columnLetter(certificateCol + 1)} (certificaat) hoort bij geen enkele scholing en is overgeslagen.`);
    certificateCol = undefined;
  }

  const out: AttendanceRead = {
    ...base,
    headerRow: headerIndex + 1,
    columns: Object.fromEntries([...columns].map(([i, f]) => [columnLetter(i + 1), f])),
    remarks,
  };
  const fallbackBoard = options.board?.trim() || null;
  if (long && dateCol === undefined) {
    out.problems.push({
      sheet,
      row: headerIndex + 1,
      cell: null,
      raw: '',
      message: 'Het werkblad heeft geen kolom Datum: zonder datum kan geen deelname worden geregistreerd.',
    });
    return out;
  }

  for (let r = headerIndex + 1; r < lastRow; r++) {
    const row = grid[r];
    if (!row || isSkippedRow(row)) continue;
    const excelRow = r + 1;
    const problems: AttendanceProblem[] = [];
    const problem = (col: number | undefined, message: string) =>
      problems.push({
        sheet,
        row: excelRow,
        cell: col === undefined ? null : a1(excelRow, col + 1),
        raw: col === undefined ? '' : cellText(row[col] ?? null).slice(0, 200),
        message,
      });
    const at = (col: number | undefined): Cell => (col === undefined ? null : (row[col] ?? null));

    const board = (boardCol === undefined ? null : parseText(at(boardCol))) ?? fallbackBoard;
    if (!board)
      problem(boardCol, boardCol === undefined ? 'Geen kolom Bestuur en geen bestuur opgegeven.' : 'Het bestuur ontbreekt.');
    const personId = parsePersonId(at(personCol));
    if (!personId) problem(personCol, 'Het personeelsnummer ontbreekt.');

    const entries: { training: TrainingCode; date: string; certificate?: boolean }[] = [];
    const certificateOf = (training: TrainingCode, col: number | undefined): boolean | undefined => {
      if (col === undefined || !(CERTIFICATE_TRAININGS as readonly string[]).includes(training)) return undefined;
      const yes = parseBoolean(at(col), options.date1904);
      if (yes === null) problem(col, 'Het certificaat is onleesbaar.');
      return yes ?? undefined;
    };

    if (long) {
      const trainingText = cellText(at(trainingCol));
      const training = trainingText === '' ? null : recogniseTraining(trainingText, options.plan);
      if (trainingText === '') problem(trainingCol, 'De scholing ontbreekt.');
      else if (training === null) problem(trainingCol, `Onbekende scholing "${trainingText}".`);
      const dateCell = at(dateCol);
      const date = isEmptyCell(dateCell) ? null : dateFromCell(dateCell, options.date1904);
      if (isEmptyCell(dateCell)) problem(dateCol, 'De datum ontbreekt.');
      else if (date === null) problem(dateCol, `"${cellText(dateCell)}" is geen datum.`);
      if (training && date) entries.push({ training, date, certificate: certificateOf(training, certificateCol) });
    } else {
      for (const { index, training } of wideTrainings) {
        const cell = at(index);
        if (isEmptyCell(cell)) continue;
        const word = typeof cell === 'string' ? cell.trim().toLowerCase() : '';
        if (NOT_DONE_WORDS.has(word)) continue;
        const date = dateFromCell(cell, options.date1904);
        if (date) entries.push({ training, date, certificate: certificateOf(training, wideCertificates.get(training)) });
        else if (DONE_WORDS.has(word) || cell === true)
          problem(index, 'Het register heeft een datum nodig; "gevolgd" zonder datum kan niet worden geregistreerd.');
        else problem(index, `"${cellText(cell)}" is geen datum.`);
      }
    }

    if (problems.length === 0 && board && personId)
      for (const e of entries) {
        const parsed = RegisterRecordSchema.safeParse({
          personId,
          training: e.training,
          date: e.date,
          board,
          ...(e.certificate === undefined ? {} : { certificate: e.certificate }),
        });
        if (parsed.success) {
          out.records.push(parsed.data);
          out.rows.push(excelRow);
        } else problem(personCol, parsed.error.issues[0]?.message ?? 'Ongeldige regel.');
      }
    out.problems.push(...problems);
  }
  return out;
}

/** A problem as one line for a person: `Deelname, rij 7 (D7): "gepland" is geen datum.` */
export function attendanceProblemText(p: AttendanceProblem): string {
  return `${p.sheet}, rij ${p.row}${p.cell ? ` (${p.cell})` : ''}: ${p.message}`;
}
