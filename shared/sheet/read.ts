// A sheet's cells → canonical people (rules.md §6): header row in the first 20 rows, column mapping,
// rows up to the last non-empty one (empty and total rows skipped), values per §6.3, and every
// unreadable cell as a problem with its A1 address. Names are mapped but never copied into a person.
import type { CompletionValue, Person, RuleField } from '../model/person';
import { RULE_FIELDS } from '../model/person';
import type { CertificateTraining, PersonTrainingCode, Plan } from '../plan/schema';
import { columnLetter } from './address';
import { isPaboBoard } from './board';
import { type HeaderMatch, type HeaderTarget, isRoleSource, matchHeader } from './headers';
import {
  cellText,
  isEmptyCell,
  isErrorCell,
  parseBoolean,
  parseCompletion,
  parseDate,
  parseExemption,
  parseNamed,
  parseNumber,
  parsePersonId,
  parseText,
} from './parse';
import { mergeRoles, parseRolesText, type RolesText, type RoleToken } from './roles';
import { isProductSheet } from './synonyms';
import { OWNED_HEADERS } from './owned-columns';
import type { Cell, CellProblem, CellRange, FieldName, Grid, ReadOptions, SheetRead, SheetRemark } from './types';

export const HEADER_SEARCH_ROWS = 20;
/** An exemption's reason is kept up to this length (the message shows at most 100 characters of it). */
const MAX_REASON = 1000;

export const SKIP_REASONS = {
  productSheet: 'uitvoerblad van deze controle; wordt niet als personeelsblad gelezen',
  empty: 'het werkblad is leeg',
  noHeader:
    'geen kopregel met bekende kolommen gevonden in de eerste 20 rijen (nodig: minstens twee bekende kolommen, waaronder een rolkolom)',
} as const;

type Kind =
  | 'personId' | 'board' | 'school' | 'roles' | 'role' | 'training' | 'certificate'
  | 'lastRefresher' | 'date' | 'number' | 'named' | 'name';

interface Column {
  index: number;
  letter: string;
  field: FieldName;
  kind: Kind;
  /** training/certificate code, role code (`OB`: by board), or the Person key of a date/number/named field. */
  key: string;
}

const TRAINING_PREFIX = 'training.';
const CERTIFICATE_PREFIX = 'certificate.';
const ROLE_PREFIX = 'role.';

function kindOf(target: HeaderTarget): { kind: Kind; key: string } {
  if (target.startsWith(TRAINING_PREFIX)) return { kind: 'training', key: target.slice(TRAINING_PREFIX.length) };
  if (target.startsWith(CERTIFICATE_PREFIX)) return { kind: 'certificate', key: target.slice(CERTIFICATE_PREFIX.length) };
  if (target.startsWith(ROLE_PREFIX)) return { kind: 'role', key: target.slice(ROLE_PREFIX.length) };
  switch (target) {
    case 'personId':
    case 'board':
    case 'school':
    case 'roles':
    case 'lastRefresher':
      return { kind: target, key: target };
    case 'roleStart':
    case 'velonRegistration':
      return { kind: 'date', key: target };
    case 'students':
    case 'graduates':
    case 'secondAssessments':
    case 'hoursGranted':
    case 'meetings':
      return { kind: 'number', key: target };
    case 'pairedWith':
    case 'coach':
      return { kind: 'named', key: target };
    default:
      return { kind: 'name', key: target };
  }
}

function headerText(cell: Cell | undefined): string | null {
  if (cell === undefined || cell === null || isErrorCell(cell)) return null;
  const t = cellText(cell);
  return t === '' ? null : t;
}

/** 1-based last non-empty row and column of the grid. */
export function usedExtent(grid: Grid): { lastRow: number; lastColumn: number } {
  let lastRow = 0;
  let lastColumn = 0;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r]!;
    for (let c = row.length - 1; c >= 0; c--) {
      if (!isEmptyCell(row[c])) {
        lastRow = r + 1;
        if (c + 1 > lastColumn) lastColumn = c + 1;
        break;
      }
    }
  }
  return { lastRow, lastColumn };
}

const TOTAL_ROW = /^tota(?:a)?l/i;

/**
 * Fully empty rows are skipped, and so is a row whose first non-empty cell starts with Totaal/Total.
 * Cells in `ownColumns` (the product's own status columns of an earlier run) do not count: a row that
 * holds only those is empty, so its old status is cleared instead of read as a person without a role.
 */
export function isSkippedRow(row: readonly Cell[] | undefined, ownColumns?: ReadonlySet<number>): boolean {
  if (!row) return true;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (isEmptyCell(cell) || ownColumns?.has(c)) continue;
    return typeof cell === 'string' && TOTAL_ROW.test(cell.trim());
  }
  return true;
}

function skipped(sheet: string, reason: string, lastRow: number, lastColumn: number): SheetRead {
  return {
    sheet,
    skipped: reason,
    headerRow: null,
    columns: {},
    headers: {},
    remarks: [],
    fields: [],
    people: [],
    names: {},
    problems: [],
    lastRow,
    lastColumn,
  };
}

export function readSheet(grid: Grid, options: ReadOptions & { plan: Pick<Plan, 'paboBoards'> }): SheetRead {
  const sheet = options.sheetName;
  const { lastRow, lastColumn } = usedExtent(grid);
  if (isProductSheet(sheet)) return skipped(sheet, SKIP_REASONS.productSheet, lastRow, lastColumn);
  if (lastRow === 0) return skipped(sheet, SKIP_REASONS.empty, lastRow, lastColumn);

  const matchCache = new Map<string, HeaderMatch>();
  const match = (text: string): HeaderMatch => {
    let m = matchCache.get(text);
    if (!m) {
      m = matchHeader(text, options.overrides);
      matchCache.set(text, m);
    }
    return m;
  };

  // Header row: the first with ≥ 2 known fields, one of them a role source (rules.md §6.1).
  let headerIndex = -1;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, lastRow) && headerIndex < 0; r++) {
    const row = grid[r] ?? [];
    let known = 0;
    let roleSource = false;
    for (const cell of row) {
      const text = headerText(cell);
      if (text === null) continue;
      const m = match(text);
      if (m.kind !== 'field') continue;
      known++;
      if (isRoleSource(m.target)) roleSource = true;
    }
    if (known >= 2 && roleSource) headerIndex = r;
  }
  if (headerIndex < 0) return skipped(sheet, SKIP_REASONS.noHeader, lastRow, lastColumn);

  const { columns, headers, remarks } = mapColumns(grid[headerIndex] ?? [], match);
  const ownColumns = new Set<number>();
  (grid[headerIndex] ?? []).forEach((cell, c) => {
    const text = headerText(cell);
    if (text !== null && match(text).kind === 'owned') ownColumns.add(c);
  });
  const boardColumn = columns.find((c) => c.kind === 'board');
  const sheetBoard = options.board?.trim().slice(0, 200) || null;
  const paboCache = new Map<string, boolean>();
  const isPabo = (board: string | null): boolean => {
    if (board === null) return false;
    let p = paboCache.get(board);
    if (p === undefined) {
      p = isPaboBoard(options.plan, board);
      paboCache.set(board, p);
    }
    return p;
  };
  // A per-role `Onderzoeksbegeleider` column is reported as OBI when the whole sheet is the pabo's.
  const sheetIsPabo = !boardColumn && isPabo(sheetBoard);
  const columnMap: Record<string, FieldName> = {};
  for (const c of columns) {
    columnMap[c.letter] = c.kind === 'role' && c.key === 'OB' ? (sheetIsPabo ? 'role.OBI' : 'role.OBP') : c.field;
  }
  const present = new Set<string>(columns.map((c) => c.field));
  const fields: RuleField[] = RULE_FIELDS.filter((f) => present.has(f));

  const rolesCache = new Map<string, RolesText>();
  const people: Person[] = [];
  const names: Record<string, string> = {};
  const problems: CellProblem[] = [];
  const date1904 = options.date1904;

  const templates = personTemplates(columns);
  const exemptionReasons: NonNullable<SheetRead['exemptionReasons']> = {};
  const tokens: RoleToken[] = [];
  const unknown: string[] = [];
  for (let r = headerIndex + 1; r < lastRow; r++) {
    const row = grid[r];
    if (!row || isSkippedRow(row, ownColumns)) continue;
    const excelRow = r + 1;
    const ref = String(excelRow);
    // Cloned from a per-sheet template so every person has its final shape at once (less garbage).
    const person = { ...templates.person } as Person;
    person.ref = ref;
    if (templates.trainings) person.trainings = { ...templates.trainings };
    if (templates.certificates) person.certificates = { ...templates.certificates };
    const board = boardColumn ? (parseText(row[boardColumn.index] ?? null) ?? sheetBoard) : sheetBoard;
    person.board = board;
    if (tokens.length > 0) tokens.length = 0;
    if (unknown.length > 0) unknown.length = 0;
    let name: string | null = null;
    let firstName: string | null = null;
    let tussenvoegsel: string | null = null;
    let lastName: string | null = null;

    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      const cell: Cell = row[column.index] ?? null;
      if (isErrorCell(cell)) problems.push(cellProblem(sheet, column, excelRow, cell, 'leesbare waarde'));
      switch (column.kind) {
        case 'personId':
          person.personId = parsePersonId(cell);
          break;
        case 'school':
          person.school = parseText(cell);
          break;
        case 'roles': {
          if (typeof cell !== 'string' && typeof cell !== 'number') break;
          const text = String(cell);
          let parsed = rolesCache.get(text);
          if (!parsed) {
            parsed = parseRolesText(text);
            rolesCache.set(text, parsed);
          }
          for (const t of parsed.roles) tokens.push(t);
          for (const t of parsed.unknown) unknown.push(t);
          break;
        }
        case 'role':
          if (parseBoolean(cell, date1904)) tokens.push(column.key as RoleToken);
          break;
        case 'training':
        case 'lastRefresher': {
          if (column.kind === 'training' && typeof cell === 'string') {
            const exemption = parseExemption(cell);
            if (exemption) {
              const training = column.key as PersonTrainingCode;
              person.trainings![training] = { exempt: { date: exemption.date } };
              if (exemption.reason !== '') (exemptionReasons[ref] ??= {})[training] = exemption.reason.slice(0, MAX_REASON);
              break;
            }
          }
          const value: CompletionValue = parseCompletion(cell, date1904);
          if (value !== null && typeof value === 'object' && !isErrorCell(cell))
            problems.push(cellProblem(sheet, column, excelRow, cell, 'geldige datum'));
          if (column.kind === 'lastRefresher') person.lastRefresher = value;
          else person.trainings![column.key as PersonTrainingCode] = value;
          break;
        }
        case 'certificate':
          person.certificates![column.key as CertificateTraining] = parseBoolean(cell, date1904);
          break;
        case 'date': {
          const value = parseDate(cell, date1904);
          if (value !== null && typeof value === 'object' && !isErrorCell(cell))
            problems.push(cellProblem(sheet, column, excelRow, cell, 'geldige datum'));
          person[column.key as 'roleStart' | 'velonRegistration'] = value;
          break;
        }
        case 'number': {
          const value = parseNumber(cell);
          if (value !== null && typeof value === 'object' && !isErrorCell(cell))
            problems.push(cellProblem(sheet, column, excelRow, cell, 'geldig getal'));
          person[column.key as 'students'] = value;
          break;
        }
        case 'named':
          person[column.key as 'pairedWith' | 'coach'] = parseNamed(cell);
          break;
        case 'name': {
          const part = parseText(cell);
          if (column.field === 'name') name = part;
          else if (column.field === 'firstName') firstName = part;
          else if (column.field === 'tussenvoegsel') tussenvoegsel = part;
          else if (column.field === 'lastName') lastName = part;
          break;
        }
        default:
          break;
      }
    }
    // rules.md §6.3: the name column, or first name, tussenvoegsel and last name in that order.
    const shownName = name ?? composedName(firstName, tussenvoegsel, lastName);
    if (shownName !== null) names[ref] = shownName;
    person.roles = mergeRoles(tokens, tokens.length > 0 && isPabo(board));
    if (unknown.length > 0) person.unknownRoles = dedupe(unknown).slice(0, 20).map((t) => t.slice(0, 200));
    people.push(person);
  }

  return {
    sheet,
    skipped: null,
    headerRow: headerIndex + 1,
    columns: columnMap,
    headers,
    remarks,
    fields,
    people,
    names,
    exemptionReasons,
    problems,
    lastRow,
    lastColumn: pastMerges(lastColumn, options.merges ?? [], headerIndex + 1, lastRow),
  };
}

/**
 * The last column once merged ranges are taken into account: a merge in the header or data rows that starts
 * where the owned columns would go (the header `I2` merged over `I2:K2`) would hide them, so they go right of
 * it; a merge reached that way can reach further.
 */
function pastMerges(lastColumn: number, merges: readonly CellRange[], headerRow: number, lastRow: number): number {
  const ranges = merges.filter((r) => r.r2 >= headerRow && r.r1 <= Math.max(lastRow, headerRow));
  let last = lastColumn;
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of ranges)
      if (r.c1 <= last + OWNED_HEADERS.length && r.c2 > last) {
        last = r.c2;
        changed = true;
      }
  }
  return last;
}

/**
 * The A1 address of the cell a person's field came from (`F7`), for messages; undefined when the sheet
 * has no column for the field or no person on that row. Built from the column map: no address string
 * exists before a finding asks for it.
 */
export function cellAddressLookup(read: Pick<SheetRead, 'columns' | 'people'>): (ref: string, field: string) => string | undefined {
  const letterOf = new Map<string, string>();
  for (const [letter, field] of Object.entries(read.columns)) letterOf.set(field, letter);
  let rows: Set<string> | null = null;
  return (ref, field) => {
    const letter = letterOf.get(field);
    if (letter === undefined) return undefined;
    rows ??= new Set(read.people.map((p) => p.ref));
    return rows.has(ref) ? letter + ref : undefined;
  };
}

/** The shape of every person of a sheet: the keys of the columns it has, in column order. */
function personTemplates(columns: readonly Column[]): {
  person: Record<string, unknown>;
  trainings: Record<string, null> | null;
  certificates: Record<string, null> | null;
} {
  const person: Record<string, unknown> = { ref: '', board: null, roles: null };
  let trainings: Record<string, null> | null = null;
  let certificates: Record<string, null> | null = null;
  for (const c of columns) {
    switch (c.kind) {
      case 'training':
        person.trainings = null;
        (trainings ??= {})[c.key] = null;
        break;
      case 'certificate':
        person.certificates = null;
        (certificates ??= {})[c.key] = null;
        break;
      case 'personId':
      case 'school':
      case 'lastRefresher':
      case 'date':
      case 'number':
      case 'named':
        person[c.key] = null;
        break;
      default:
        break;
    }
  }
  return { person, trainings, certificates };
}

function cellProblem(sheet: string, column: Column, row: number, cell: Cell, what: string): CellProblem {
  const address = column.letter + row;
  const raw = cellText(cell).slice(0, 1000);
  return {
    sheet,
    row,
    column: column.letter,
    cell: address,
    field: column.field,
    raw,
    message: isErrorCell(cell)
      ? `Blad "${sheet}", cel ${address}: de cel bevat een foutwaarde (${raw}) en kan niet worden gelezen.`
      : `Blad "${sheet}", cel ${address}: "${raw}" is geen ${what}.`,
  };
}

function composedName(...parts: (string | null)[]): string | null {
  const present = parts.filter((p): p is string => p !== null);
  return present.length === 0 ? null : present.join(' ');
}

function dedupe<T>(items: readonly T[]): T[] {
  return items.length < 2 ? [...items] : [...new Set(items)];
}

const quoted = (field: string) => `"${field}"`;

/** The header row → columns, with lone certificates attached and duplicates/ambiguities as remarks. */
function mapColumns(
  headerRow: readonly Cell[],
  match: (text: string) => HeaderMatch,
): { columns: Column[]; headers: Record<string, string>; remarks: SheetRemark[] } {
  const headers: Record<string, string> = {};
  const remarks: SheetRemark[] = [];
  const found: { index: number; letter: string; text: string; match: HeaderMatch }[] = [];
  for (let c = 0; c < headerRow.length; c++) {
    const text = headerText(headerRow[c]);
    if (text === null) continue;
    const letter = columnLetter(c + 1);
    headers[letter] = text;
    found.push({ index: c, letter, text, match: match(text) });
  }
  // A lone Certificaat belongs to the nearest WPB/SOIO training column to its left, else its right.
  const trainingAt = (i: number): 'WPB' | 'SOIO' | null => {
    const m = found[i]!.match;
    if (m.kind !== 'field') return null;
    return m.target === 'training.WPB' ? 'WPB' : m.target === 'training.SOIO' ? 'SOIO' : null;
  };
  const targets: (HeaderTarget | null)[] = found.map((f, i) => {
    const m = f.match;
    if (m.kind === 'field') return m.target;
    if (m.kind === 'ambiguous') {
      remarks.push({
        column: f.letter,
        header: f.text,
        message: `Kolom ${f.letter} ("${f.text}") past bij meerdere velden (${m.targets.map(quoted).join(', ')}) en wordt niet gelezen; kies het veld met een koppeling.`,
      });
      return null;
    }
    if (m.kind === 'loneCertificate') {
      for (let j = i - 1; j >= 0; j--) {
        const t = trainingAt(j);
        if (t) return `certificate.${t}` as const;
      }
      for (let j = i + 1; j < found.length; j++) {
        const t = trainingAt(j);
        if (t) return `certificate.${t}` as const;
      }
      remarks.push({
        column: f.letter,
        header: f.text,
        message: `Kolom ${f.letter} ("${f.text}"): geen scholingskolom werkplekbegeleiders of school- en instituutsopleiders gevonden waar dit certificaat bij hoort; de kolom wordt niet gelezen.`,
      });
    }
    return null;
  });
  const columns: Column[] = [];
  const taken = new Map<string, string>();
  found.forEach((f, i) => {
    const target = targets[i];
    if (!target) return;
    const first = taken.get(target);
    if (first !== undefined) {
      remarks.push({
        column: f.letter,
        header: f.text,
        message: `Kolom ${f.letter} ("${f.text}") wordt niet gelezen: hetzelfde veld (${quoted(target)}) staat al in kolom ${first}.`,
      });
      return;
    }
    taken.set(target, f.letter);
    const { kind, key } = kindOf(target);
    const field: FieldName = target === 'role.OB' ? 'role.OBP' : target;
    columns.push({ index: f.index, letter: f.letter, field, kind, key });
  });
  return { columns, headers, remarks };
}
