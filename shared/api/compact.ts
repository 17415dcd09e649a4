// The compact form of POST /api/evaluate (issue 14): the same request and answer as interfaces.md §3,
// written as per-sheet tables instead of one object per person. The documented form stays the default.
//
// - Request: a body with `columns` instead of `people`. Each person key is a column of n values;
//   `trainings` and `certificates` have one column per code (`trainings.WPB`). Every value is checked
//   by the documented person schema's own field schema, so the compact form is exactly as strict, and
//   an error names the person index and field as for a documented body (`/people/17/trainings/WPB`).
// - Answer: asked for with `Accept: application/vnd.bosspo.compact.v2+json`. Every distinct finding
//   once in `findingTable`, a table of columns like the people's (`code`, `severity`, …, and
//   `params.date` …: the values its message needs instead of the Dutch text, which the client renders
//   from the shared message table, shared/rules/messages.ts, in Dutch or English); the person results
//   as columns; the rest (school findings as places in the table, summary …) as documented. The client
//   checks every value with the documented answer's schemas.
//
// A column is its n values, or a dictionary: the distinct values and an index, a text of a fixed
// number of digits per person (DIGITS: 1 for up to 63 values, 2 for up to 4,095, …) giving the place
// in values plus one, 0 where a person lacks the key. Repeated values (roles, statuses, a training
// day's date, lists of findings) then cost a digit or two a person, and each distinct value is checked
// once, not once per person.
//
// Version 2 (this one) sends the index as text and the finding table as columns: version 1's index
// arrays of numbers are refused with a 400 that says so, and the answer has its own media type, so a
// client of version 1 asking for version 1's answer gets the documented one.
import { z } from 'zod';
import { CERTIFICATE_TRAININGS, PERSON_TRAINING_CODES } from '../plan/schema';
import { PersonSchema, type Person } from '../model/person';
import { FindingSchema, PersonResultSchema, SCHOOL_FINDING_CODES, SchoolFindingSchema, type Finding, type PersonResult, type SchoolFinding } from '../model/result';
import type { MessageParamsOf } from '../rules/context';
import { MESSAGES, MessageParamsSchema, type Language, type MessageParams } from '../rules/messages';
import { EvaluateRequestSchema, EvaluateResponseSchema, type EvaluateRequest, type EvaluateRequestInput, type EvaluateResponse } from './evaluate';
import { fastFinding, fastSchoolFinding, isIsoDate, NO, parseEvaluateRequest, personValueCheck, resultValueCheck, type ValueCheck } from './fast-parse';

/** The media type of the compact answer (Accept on the request, Content-Type on the answer). */
export const COMPACT_MEDIA_TYPE = 'application/vnd.bosspo.compact.v2+json';

/** Does this Accept header ask for the compact answer (listed, and not with q=0)? */
export function acceptsCompact(accept: string | null | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((range) => {
    const [type, ...params] = range.split(';').map((p) => p.trim().toLowerCase());
    if (type !== COMPACT_MEDIA_TYPE) return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

type Issue = z.core.$ZodIssue;
type Parsed<T> = z.ZodSafeParseResult<T>;
const failed = <T>(issues: Issue[]): Parsed<T> => ({ success: false, error: new z.ZodError(issues) as z.ZodError<T> });

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

// ---- columns ---------------------------------------------------------------------------------------

/** What a version 1 client is told: its index of numbers is no longer read. */
const INDEX_IS_TEXT = 'index is een tekst van cijfers per persoon (compacte vorm versie 2); werk de client bij';
export const DictionaryColumnSchema = z
  .object({ values: z.array(z.unknown()), index: z.string({ error: INDEX_IS_TEXT }) })
  .strict();
export const ColumnSchema = z.union([z.array(z.unknown()), DictionaryColumnSchema], {
  error: (issue) =>
    isPlainObject(issue.input) && Array.isArray(issue.input.index) ? INDEX_IS_TEXT : 'een kolom is een lijst van waarden of { values, index }',
});
export type Column = z.infer<typeof ColumnSchema>;

/** A node of the trie that finds flat arrays and objects seen before without building a key string. */
interface TrieNode {
  next: Map<unknown, TrieNode> | null;
  at: number;
}
const trieNode = (): TrieNode => ({ next: null, at: -1 });
function step(node: TrieNode, key: unknown): TrieNode {
  node.next ??= new Map();
  let child = node.next.get(key);
  if (!child) node.next.set(key, (child = trieNode()));
  return child;
}

/**
 * Builds one column: distinct values in order of appearance. Equal values share a place: primitives
 * by value, flat arrays and objects (primitive members: roles, finding lists, norm parts) through a
 * trie of their members, anything deeper by its JSON.
 */
class ColumnBuilder {
  private readonly values: unknown[] = [];
  /** Allocated at the first value: most possible columns of a sheet are empty. */
  private index: number[] | null = null;
  /**
   * When the first SAMPLE values all differ (references, personnel numbers), the column is written
   * plain and its values are kept as they come, without a dictionary lookup each.
   */
  private plain: unknown[] | null = null;
  private count = 0;
  private readonly primitives = new Map<unknown, number>();
  /** The last value and its place: neighbours often agree (a board, a school's block, empty cells). */
  private last: unknown = undefined;
  private lastAt = -1;
  private readonly arrays = trieNode();
  private readonly objects = trieNode();
  private readonly byJson = new Map<string, number>();
  /**
   * Frozen objects met before, by identity: the evaluation shares frozen lists and records among people
   * (roles and completed trainings per mask, rules/context.ts; norm parts per role and hours), so most are
   * found without reading their members. Objects that are not frozen (a request's, one per person) are not kept.
   */
  private readonly byObject = new Map<object, number>();

  constructor(private readonly n: number) {}

  set(i: number, value: unknown): void {
    if (this.plain) {
      this.plain[i] = value;
      return;
    }
    this.index ??= new Array<number>(this.n).fill(-1);
    this.index[i] = this.place(value);
    if (++this.count === SAMPLE && this.values.length === SAMPLE && this.n >= 4 * SAMPLE) {
      this.plain = new Array<unknown>(this.n);
      for (let j = 0; j <= i; j++) if (this.index[j]! >= 0) this.plain[j] = this.values[this.index[j]!];
    }
  }

  private place(value: unknown): number {
    if (value === this.last && this.lastAt >= 0) return this.lastAt;
    this.last = value;
    return (this.lastAt = this.lookUp(value));
  }

  private lookUp(value: unknown): number {
    if (typeof value !== 'object' || value === null) {
      let at = this.primitives.get(value);
      if (at === undefined) this.primitives.set(value, (at = this.values.push(value) - 1));
      return at;
    }
    if (!Object.isFrozen(value)) return this.lookUpMembers(value);
    let at = this.byObject.get(value);
    if (at === undefined) this.byObject.set(value, (at = this.lookUpMembers(value)));
    return at;
  }

  /** Equal objects that are different objects share a place too: found by their members. */
  private lookUpMembers(value: object): number {
    let at: number | undefined;
    const node = this.flatNode(value);
    if (node) {
      if (node.at < 0) node.at = this.values.push(value) - 1;
      at = node.at;
    } else {
      const json = JSON.stringify(value);
      at = this.byJson.get(json);
      if (at === undefined) this.byJson.set(json, (at = this.values.push(value) - 1));
    }
    return at;
  }

  /** The trie node of a flat array or plain object, null when a member is an object itself. */
  private flatNode(value: object): TrieNode | null {
    let node: TrieNode;
    if (Array.isArray(value)) {
      node = step(this.arrays, value.length);
      for (const x of value) {
        if (typeof x === 'object' && x !== null) return null;
        node = step(node, x);
      }
      return node;
    }
    if (!isPlainObject(value)) return null;
    node = this.objects;
    for (const k in value) {
      const x = value[k];
      if ((typeof x === 'object' && x !== null) || x === undefined) return null;
      node = step(step(node, k), x);
    }
    return step(node, this.objects);
  }

  /** A dictionary, or the plain values when everyone has one and most differ. */
  build(): Column {
    const { plain } = this;
    if (plain) {
      let absent = false;
      for (let i = 0; i < this.n && !absent; i++) absent = plain[i] === undefined;
      if (!absent) return plain;
      // Rare: mostly distinct values, yet some people lack the key: a dictionary after all.
      const again = new ColumnBuilder(this.n);
      again.count = SAMPLE + 1;
      for (let i = 0; i < this.n; i++) if (plain[i] !== undefined) again.set(i, plain[i]);
      return again.build();
    }
    const { values } = this;
    const index = this.index ?? new Array<number>(this.n).fill(-1);
    if (values.length * 2 > this.n && !index.includes(-1)) return index.map((at) => values[at]);
    return { values, index: writeIndex(index, values.length) };
  }

  get empty(): boolean {
    return this.values.length === 0 && this.plain === null;
  }
}

/** Values a column samples before it decides to go plain (all distinct so far). */
const SAMPLE = 64;

/** The digits of a dictionary index, 0 to 63: none needs escaping in JSON. */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let d = 0; d < DIGITS.length; d++) DIGIT_VALUE[DIGITS.charCodeAt(d)] = d;

/** Digits per person in the index of a dictionary of `size` values (it writes 0 … size). */
function indexWidth(size: number): number {
  let width = 1;
  for (let top = 64; top <= size; top *= 64) width++;
  return width;
}

const DIGIT_CODES = new TextEncoder().encode(DIGITS);
const ascii = new TextDecoder();

/**
 * A dictionary's index as text: each place plus one (-1, absent, as 0) in indexWidth(size) digits.
 * Written as bytes and decoded once: 0.1 ms for 10,000 people in two digits, where String.fromCharCode
 * over the codes took 1.4 ms and joining digit strings 0.2 ms (node, median of 100; 20 columns a request).
 */
function writeIndex(places: readonly number[], size: number): string {
  const width = indexWidth(size);
  const bytes = new Uint8Array(places.length * width);
  let at = 0;
  for (const place of places) {
    let x = place + 1;
    for (let d = width - 1; d >= 0; d--, x = Math.floor(x / 64)) bytes[at + d] = DIGIT_CODES[x % 64]!;
    at += width;
  }
  return ascii.decode(bytes);
}

/** The places of an index text (-1: absent), or null when it has another length or a digit out of range. */
function readIndex(index: string, size: number, n: number): Int32Array | null {
  const width = indexWidth(size);
  if (index.length !== n * width) return null;
  const places = new Int32Array(n);
  for (let i = 0, at = 0; i < n; i++) {
    let x = 0;
    for (let end = at + width; at < end; at++) {
      const c = index.charCodeAt(at);
      const d = c < 128 ? DIGIT_VALUE[c]! : -1;
      if (d < 0) return null;
      x = x * 64 + d;
    }
    if (x > size) return null;
    places[i] = x - 1;
  }
  return places;
}

/** A column read off the wire: its n values, or a dictionary's values and each person's place (-1: absent). */
type ReadColumn = unknown[] | { values: unknown[]; places: Int32Array };

/** How many people a column holds (null: not a column). */
export function columnLength(column: unknown): number | null {
  if (Array.isArray(column)) return column.length;
  if (isPlainObject(column) && Array.isArray(column.values) && typeof column.index === 'string') {
    const n = column.index.length / indexWidth(column.values.length);
    return Number.isInteger(n) ? n : null;
  }
  return null;
}

/** A column of exactly n values with a well-formed index (the plain case of the schema), read; else null. */
function readColumn(column: unknown, n: number): ReadColumn | null {
  if (Array.isArray(column)) return column.length === n ? column : null;
  if (!isPlainObject(column)) return null;
  let keys = 0;
  for (const key in column) {
    if (key !== 'values' && key !== 'index') return null;
    keys++;
  }
  const { values, index } = column;
  if (keys !== 2 || !Array.isArray(values) || typeof index !== 'string') return null;
  const places = readIndex(index, values.length, n);
  return places && { values, places };
}

/** Every column of a table read, or null when one is not the plain case. */
function readColumns(columns: Record<string, unknown>, n: number): Record<string, ReadColumn> | null {
  const out: Record<string, ReadColumn> = {};
  for (const name in columns) {
    const column = readColumn(columns[name], n);
    if (column === null) return null;
    out[name] = column;
  }
  return out;
}

/** Why a column is not n values with its indexes in range, at `path` (after ColumnSchema passed). */
function columnIssues(column: Column, n: number, path: PropertyKey[]): Issue[] {
  if (Array.isArray(column))
    return column.length === n
      ? []
      : [{ code: 'custom', input: column, path, message: `de kolom heeft ${column.length} waarden; verwacht ${n} (één per persoon)` }];
  const width = indexWidth(column.values.length);
  if (column.index.length !== n * width)
    return [{ code: 'custom', input: column.index, path: [...path, 'index'], message: `de index heeft ${column.index.length} cijfers; verwacht ${n * width} (${width} per persoon)` }];
  if (readIndex(column.index, column.values.length, n) === null)
    return [{ code: 'custom', input: column.index, path: [...path, 'index'], message: `de index heeft een teken dat geen cijfer is of een plaats buiten values (${column.values.length} waarden)` }];
  return [];
}

/**
 * A field of a row: the key, the code within a record key (`trainings.WPB`), the schema of the key,
 * and a faster check of a value that accepts only what the schema accepts (null: unsure, ask the schema).
 */
interface Field {
  column: string;
  key: string;
  code: string | null;
  schema: z.ZodType;
  fast?: (value: unknown) => Checked | null;
}

type Checked = { ok: true; value: unknown } | { ok: false; issues: Issue[] };

/** A value checked by its field's schema; a record entry as the record `{ [code]: value }`. */
function checkField(field: Field, value: unknown): Checked {
  if (field.code === null) {
    const r = field.schema.safeParse(value);
    return r.success ? { ok: true, value: r.data } : { ok: false, issues: r.error.issues };
  }
  if (value === undefined) return { ok: true, value: undefined };
  const r = field.schema.safeParse({ [field.code]: value });
  return r.success ? { ok: true, value: (r.data as Record<string, unknown>)[field.code] } : { ok: false, issues: r.error.issues };
}

const check = (field: Field, value: unknown): Checked => field.fast?.(value) ?? checkField(field, value);

/** A fast value check as a field's `fast`: the value it gives, or null (unsure: ask the schema). */
const fastField =
  (valueCheck: ValueCheck | undefined) =>
  (value: unknown): Checked | null => {
    if (valueCheck === undefined) return null;
    const x = valueCheck(value);
    return x === NO ? null : { ok: true, value: x };
  };

/**
 * The n rows of a checked table: each value checked by its field's schema (a dictionary value once,
 * when first used), defaults applied, keys in the fields' order. Issues at `/people/{i}/{key}/…`,
 * sorted by person as a documented body's would be.
 */
function decodeRows(n: number, columns: Readonly<Record<string, ReadColumn>>, fields: readonly Field[]): { rows: Record<string, unknown>[]; issues: Issue[] } {
  const rows: Record<string, unknown>[] = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = {};
  const found: { person: number; field: number; issue: Issue }[] = [];
  fields.forEach((field, f) => {
    const column = columns[field.column];
    const absent = checkField(field, undefined);
    // A column nobody has, whose absence is fine and adds nothing (no default): nothing to do.
    if (column === undefined && absent.ok && absent.value === undefined) return;
    const memo: (Checked | undefined)[] = column && !Array.isArray(column) ? new Array(column.values.length) : [];
    for (let i = 0; i < n; i++) {
      let checked: Checked;
      if (column === undefined) checked = absent;
      else if (Array.isArray(column)) checked = check(field, column[i]);
      else {
        const at = column.places[i]!;
        checked = at < 0 ? absent : (memo[at] ??= check(field, column.values[at]));
      }
      if (!checked.ok) {
        for (const issue of checked.issues) found.push({ person: i, field: f, issue: { ...issue, path: ['people', i, field.key, ...issue.path] } });
        continue;
      }
      if (checked.value === undefined) continue;
      const row = rows[i]!;
      if (field.code === null) row[field.key] = checked.value;
      else ((row[field.key] ??= {}) as Record<string, unknown>)[field.code] = checked.value;
    }
  });
  found.sort((a, b) => a.person - b.person || a.field - b.field);
  return { rows, issues: found.map((x) => x.issue) };
}

// ---- the request -----------------------------------------------------------------------------------

/** Person keys whose value is a record by code: one column per code (`trainings.WPB`). */
const RECORD_KEYS = { trainings: PERSON_TRAINING_CODES, certificates: CERTIFICATE_TRAININGS } as const;
const isRecordKey = (key: string): key is keyof typeof RECORD_KEYS => Object.hasOwn(RECORD_KEYS, key);

const PERSON_SHAPE = PersonSchema.shape as unknown as Record<string, z.ZodType>;

/** Every column of a compact request, in the person schema's key order. */
const PERSON_FIELDS: readonly Field[] = Object.keys(PERSON_SHAPE).flatMap((key): Field[] =>
  isRecordKey(key)
    ? RECORD_KEYS[key].map((code) => ({ column: `${key}.${code}`, key, code, schema: PERSON_SHAPE[key]!, fast: fastField(personValueCheck(key, code)) }))
    : [{ column: key, key, code: null, schema: PERSON_SHAPE[key]!, fast: fastField(personValueCheck(key, null)) }],
);
export const PERSON_COLUMNS: readonly string[] = PERSON_FIELDS.map((f) => f.column);
const PERSON_COLUMN_SET = new Set(PERSON_COLUMNS);

const { referenceDate, planningYear, fields, register } = EvaluateRequestSchema.shape;

export const CompactEvaluateRequestSchema = z
  .object({
    referenceDate,
    planningYear,
    fields,
    register,
    /** Column name → column; `ref` is required, every column has one value per person. */
    columns: z
      .object({ ref: ColumnSchema })
      .catchall(ColumnSchema)
      .superRefine((columns, ctx) => {
        for (const name of Object.keys(columns))
          if (!PERSON_COLUMN_SET.has(name)) ctx.addIssue({ code: 'custom', path: [name], message: `onbekende kolom; bekend zijn ${PERSON_COLUMNS.join(', ')}` });
        const n = columnLength(columns.ref);
        if (n !== null)
          for (const [name, column] of Object.entries(columns)) for (const issue of columnIssues(column, n, [name])) ctx.addIssue({ ...issue, code: 'custom' });
      }),
  })
  .strict();
export type CompactEvaluateRequest = z.input<typeof CompactEvaluateRequestSchema>;

/** Is this body the compact form (it has `columns`)? The documented form has `people`. */
export const isCompactRequest = (v: unknown): boolean => isPlainObject(v) && Object.hasOwn(v, 'columns');

/**
 * The documented request in the compact form (client side): a column per person key the people have
 * (keys the person schema does not know are not sent). Absent keys stay absent, nulls stay null.
 */
export function encodeEvaluateRequest(request: EvaluateRequestInput): CompactEvaluateRequest {
  const people = request.people as readonly Record<string, unknown>[];
  const n = people.length;
  const columns: Record<string, Column> = {};
  // Column by column: the same key read from every person is a fast, monomorphic load.
  for (const field of PERSON_FIELDS) {
    const b = new ColumnBuilder(n);
    const { key, code } = field;
    if (code === null) {
      for (let i = 0; i < n; i++) {
        const v = people[i]![key];
        if (v !== undefined) b.set(i, v);
      }
    } else {
      for (let i = 0; i < n; i++) {
        const record = people[i]![key] as Record<string, unknown> | undefined;
        const v = record?.[code];
        if (v !== undefined) b.set(i, v);
      }
    }
    if (key === 'ref' || !b.empty) columns[field.column] = b.build();
  }
  const out: CompactEvaluateRequest = { fields: request.fields, columns: columns as CompactEvaluateRequest['columns'] };
  if (request.referenceDate !== undefined) out.referenceDate = request.referenceDate;
  if (request.planningYear !== undefined) out.planningYear = request.planningYear;
  if (request.register !== undefined) out.register = request.register;
  return out;
}

/** The columns of the plain case of CompactEvaluateRequestSchema (known keys and columns, one value per person each), read; else null. */
function readCompactRequest(v: unknown): { n: number; columns: Record<string, ReadColumn> } | null {
  if (!isPlainObject(v)) return null;
  for (const key in v)
    if (key !== 'referenceDate' && key !== 'planningYear' && key !== 'fields' && key !== 'register' && key !== 'columns') return null;
  const columns = v.columns;
  if (!isPlainObject(columns)) return null;
  const n = columnLength(columns.ref);
  if (n === null) return null;
  for (const name in columns) if (!PERSON_COLUMN_SET.has(name)) return null;
  const read = readColumns(columns, n);
  return read && { n, columns: read };
}

/**
 * A compact request as the documented request it stands for. The table is checked first (unknown
 * keys and columns, lengths, indexes: 400 at `/columns/…`), then every value by the person schema's
 * field schemas (400 at `/people/{index}/{field}`), the rest as in a documented body.
 */
export function parseCompactEvaluateRequest(v: unknown): Parsed<EvaluateRequest> {
  const read = readCompactRequest(v);
  if (read === null) {
    const checked = CompactEvaluateRequestSchema.safeParse(v);
    // Should the schema pass what readCompactRequest does not read, still a 400 rather than a guess.
    return failed(checked.success ? [{ code: 'custom', input: v, path: ['columns'], message: 'de kolommen kloppen niet' }] : checked.error.issues);
  }
  const { columns: _columns, ...rest } = v as Record<string, unknown>;
  const head = EvaluateRequestSchema.safeParse({ ...rest, people: [] });
  const { rows, issues } = decodeRows(read.n, read.columns, PERSON_FIELDS);
  if (!head.success) return failed([...head.error.issues, ...issues]);
  if (issues.length > 0) return failed(issues);
  head.data.people = rows as Person[];
  return head;
}

/** The evaluate body in either form: compact when it has `columns`, else the documented one. */
export function parseAnyEvaluateRequest(v: unknown): Parsed<EvaluateRequest> {
  return isCompactRequest(v) ? parseCompactEvaluateRequest(v) : parseEvaluateRequest(v);
}

/** How many people an evaluate body carries, in either form (null: no array or column of them). */
export function evaluatePeopleCount(json: unknown): number | null {
  if (!isPlainObject(json)) return null;
  if (Array.isArray(json.people)) return json.people.length;
  return isPlainObject(json.columns) ? columnLength(json.columns.ref) : null;
}

// ---- the answer ------------------------------------------------------------------------------------

/** A distinct finding: its keys without `message`, and either `params` (render them) or the `message`. */
const FindingEntrySchema = z
  .looseObject({ code: z.string(), params: MessageParamsSchema.optional(), message: z.string().optional() })
  .refine((e) => (e.params === undefined) !== (e.message === undefined), 'een bevinding heeft params of message, niet allebei')
  .refine((e) => Object.hasOwn(MESSAGES, e.code), { message: 'onbekende code', path: ['code'] });

/** A table of `count` rows as columns; `params.date` is the key `date` of a row's `params`. */
const TableSchema = z.object({ count: z.int().nonnegative(), columns: z.record(z.string(), ColumnSchema) }).strict();

export const CompactEvaluateResponseSchema = z.looseObject({
  /** The distinct findings (FindingEntrySchema) as columns: an entry without `message` has `params`. */
  findingTable: TableSchema,
  /** School findings: places in findingTable. */
  findings: z.array(z.int().nonnegative()),
  /** Every key of a person result; `findings` holds lists of places in findingTable. */
  people: TableSchema,
});
export type CompactEvaluateResponse = z.infer<typeof CompactEvaluateResponseSchema>;

const PARAM_SHAPE = MessageParamsSchema.shape as unknown as Record<string, z.ZodType>;

/** Values that survive JSON as they are and that the client's schema knows (else the text goes). */
function paramsTravel(params: MessageParams): boolean {
  for (const key in params) {
    const value = params[key as keyof MessageParams];
    if (value === undefined) continue;
    if (!Object.hasOwn(PARAM_SHAPE, key)) return false;
    if (typeof value === 'number' && !Number.isFinite(value)) return false;
  }
  return true;
}

/**
 * Equal findings (same keys, same values) share one place in the table. The evaluation shares one
 * frozen object among everyone with the same finding (shared/rules/finding.ts), so a finding is looked
 * at once per object, not once per person who has it.
 */
class FindingTable {
  /** Each distinct finding, and the values its message travels as (null: it travels as text). */
  readonly entries: { finding: Finding | SchoolFinding; params: MessageParams | null }[] = [];
  /** The place of each finding object seen. */
  private readonly byObject = new Map<Finding | SchoolFinding, number>();
  /** Equal findings that are different objects (a school finding, an unknown role …): by message text, the findings with that text and their places. */
  private readonly byMessage = new Map<string, { finding: Finding | SchoolFinding; at: number }[]>();

  constructor(private readonly params: MessageParamsOf) {}

  place(f: Finding | SchoolFinding): number {
    let at = this.byObject.get(f);
    if (at === undefined) this.byObject.set(f, (at = this.placeEqual(f)));
    return at;
  }

  private placeEqual(f: Finding | SchoolFinding): number {
    let same = this.byMessage.get(f.message);
    if (!same) this.byMessage.set(f.message, (same = []));
    for (const s of same) if (sameFinding(s.finding, f)) return s.at;
    const at = this.entries.push({ finding: f, params: this.paramsOf(f) }) - 1;
    same.push({ finding: f, at });
    return at;
  }

  /**
   * The values the evaluation rendered the message from (recorded with the finding), or null: send the
   * text. A frozen finding still has the message they rendered; one that is not must still render to it.
   */
  private paramsOf(f: Finding | SchoolFinding): MessageParams | null {
    const given = this.params.get(f);
    return given && paramsTravel(given) && (Object.isFrozen(f) || MESSAGES[f.code].nl(given) === f.message) ? given : null;
  }
}

function sameFinding(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const k in x) {
    if (x[k] !== y[k]) return false;
    keys++;
  }
  for (const _ in y) keys--;
  return keys === 0;
}

/**
 * The answer in the compact form (server side). `params` are the values the evaluation rendered its
 * messages from, by finding (EvaluateOptions.messageParams); a finding without them, or whose message they
 * no longer render exactly, travels as text, so the compact answer never says anything the documented one does not.
 */
export function encodeEvaluateResponse(answer: EvaluateResponse, params: MessageParamsOf): CompactEvaluateResponse {
  const table = new FindingTable(params);
  const people = answer.people as readonly (PersonResult & Record<string, unknown>)[];
  const n = people.length;
  // The schema's keys and any other key the results have (the first result shows them).
  const keys = new Set([...Object.keys(RESULT_SHAPE), ...Object.keys(people[0] ?? {})]);
  const columns: Record<string, Column> = {};
  for (const key of keys) {
    const b = new ColumnBuilder(n);
    if (key === 'findings')
      for (let i = 0; i < n; i++) {
        const findings = people[i]!.findings;
        const places = new Array<number>(findings.length);
        for (let j = 0; j < findings.length; j++) places[j] = table.place(findings[j]!);
        b.set(i, places);
      }
    else
      for (let i = 0; i < n; i++) {
        const v = people[i]![key];
        if (v !== undefined) b.set(i, v);
      }
    if (!b.empty) columns[key] = b.build();
  }
  const { people: _people, findings, ...rest } = answer;
  const schoolFindings = findings.map((f) => table.place(f));
  return { ...rest, findingTable: entryColumns(table.entries), findings: schoolFindings, people: { count: n, columns } };
}

/** The column of each key of `params` (`params.date`). */
const PARAM_COLUMNS = new Map(Object.keys(PARAM_SHAPE).map((key) => [key, `params.${key}`]));

/**
 * The finding table as columns: one per key of a finding, the message only where it travels as text,
 * and one per key of `params` (`params.date`).
 */
function entryColumns(entries: FindingTable['entries']): CompactEvaluateResponse['findingTable'] {
  const n = entries.length;
  const builders = new Map<string, ColumnBuilder>();
  const set = (name: string, i: number, value: unknown) => {
    let b = builders.get(name);
    if (!b) builders.set(name, (b = new ColumnBuilder(n)));
    b.set(i, value);
  };
  for (let i = 0; i < n; i++) {
    const { finding, params } = entries[i]!;
    const f = finding as Record<string, unknown>;
    for (const key in f) if (key !== 'message' || params === null) set(key, i, f[key]);
    if (params === null) continue;
    const p = params as Record<string, unknown>;
    for (const key in p) if (p[key] !== undefined) set(PARAM_COLUMNS.get(key)!, i, p[key]);
  }
  const columns: Record<string, Column> = {};
  for (const [name, b] of builders) columns[name] = b.build();
  return { count: n, columns };
}

/**
 * The entries of a compact answer's finding table as objects (`code`, `severity` …, `params` or
 * `message`), unchecked; null when it is not a table of well-formed columns.
 */
export function findingEntries(findingTable: unknown): Record<string, unknown>[] | null {
  const read = readTable(findingTable);
  return read && tableEntries(read.count, read.columns);
}

/** The entries of a finding table sent as columns (an entry without `message` has `params`, maybe {}). */
function tableEntries(count: number, columns: Readonly<Record<string, ReadColumn>>): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = new Array(count);
  for (let i = 0; i < count; i++) rows[i] = {};
  for (const name in columns) {
    const column = columns[name]!;
    const dot = name.indexOf('.');
    const key = dot < 0 ? name : name.slice(0, dot);
    const sub = dot < 0 ? null : name.slice(dot + 1);
    for (let i = 0; i < count; i++) {
      let value: unknown;
      if (Array.isArray(column)) value = column[i];
      else {
        const at = column.places[i]!;
        if (at < 0) continue;
        value = column.values[at];
      }
      if (sub === null) rows[i]![key] = value;
      else ((rows[i]![key] ??= {}) as Record<string, unknown>)[sub] = value;
    }
  }
  for (const row of rows) if (row.message === undefined) row.params ??= {};
  return rows;
}

const SCHOOL_CODES = new Set<string>(SCHOOL_FINDING_CODES);
const RESULT_SHAPE = PersonResultSchema.shape as unknown as Record<string, z.ZodType>;

/** A rendered finding as the documented answer's check leaves it, or null when unsure. */
function fastTableFinding(f: Record<string, unknown>): Finding | SchoolFinding | null {
  return typeof f.code === 'string' && SCHOOL_CODES.has(f.code) ? fastSchoolFinding(f) : fastFinding(f);
}

const isText = (v: unknown) => typeof v === 'string';
const isTexts = (v: unknown) => Array.isArray(v) && v.every(isText);
const isFlag = (v: unknown) => typeof v === 'boolean';
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
/** What MessageParamsSchema accepts for each key, plainly (a table of thousands of entries is checked). */
const PARAM_CHECKS: Readonly<Record<keyof MessageParams, (v: unknown) => boolean>> = {
  training: isText,
  roles: isTexts,
  advised: isFlag,
  field: isText,
  raw: isText,
  token: isText,
  date: isIsoDate,
  basis: isIsoDate,
  referenceDate: isIsoDate,
  norm: isNumber,
  granted: isNumber,
  value: isNumber,
  minimum: isNumber,
  fields: isTexts,
  school: isText,
  personId: isText,
  count: isNumber,
  fromRegister: isFlag,
};

/** The params of an entry when plainly valid (the schema's keys and values), else null: ask the schema. */
function fastParams(params: unknown): MessageParams | null {
  if (!isPlainObject(params)) return null;
  for (const key in params) if (!Object.hasOwn(PARAM_CHECKS, key) || !PARAM_CHECKS[key as keyof MessageParams](params[key])) return null;
  return params as MessageParams;
}

/** A finding table's columns that are keys of a finding (the rest are `params.` and a key of its params). */
const FINDING_COLUMNS = new Set(['code', 'severity', 'training', 'field', 'cell', 'message', 'planRef', 'fromRegister', 'token', 'school']);

/** A column's value for each of the `count` rows (undefined where a row lacks it). */
function columnValues(column: ReadColumn, count: number): unknown[] {
  if (Array.isArray(column)) return column;
  const out = new Array<unknown>(count);
  for (let i = 0; i < count; i++) {
    const at = column.places[i]!;
    if (at >= 0) out[i] = column.values[at];
  }
  return out;
}

/**
 * The finding table decoded straight from its columns when every entry is plainly right: each entry
 * read into one object of a fixed shape, its message rendered once in `language`, checked as the
 * documented answer's findings are (fast-parse.ts) and frozen. Null when anything is unusual: then
 * decodeEntry and the schemas say why.
 */
function fastTable(count: number, columns: Readonly<Record<string, ReadColumn>>, language: Language): (Finding | SchoolFinding)[] | null {
  const keys: Record<string, unknown[]> = {};
  const params: [keyof MessageParams, unknown[]][] = [];
  for (const name in columns) {
    const values = columnValues(columns[name]!, count);
    if (FINDING_COLUMNS.has(name)) keys[name] = values;
    else if (name.startsWith('params.') && Object.hasOwn(PARAM_CHECKS, name.slice(7))) params.push([name.slice(7) as keyof MessageParams, values]);
    else return null;
  }
  const none: unknown[] = [];
  const { code = none, severity = none, training = none, field = none, cell = none, message = none, planRef = none, fromRegister = none, token = none, school = none } = keys;
  const table = new Array<Finding | SchoolFinding>(count);
  for (let i = 0; i < count; i++) {
    const c = code[i];
    if (typeof c !== 'string' || !Object.hasOwn(MESSAGES, c)) return null;
    let text = message[i];
    let p: Record<string, unknown> | null = null;
    for (const [key, values] of params) {
      const v = values[i];
      if (v === undefined) continue;
      if (text !== undefined || !PARAM_CHECKS[key](v)) return null;
      (p ??= {})[key] = v;
    }
    text ??= MESSAGES[c as keyof typeof MESSAGES][language]((p ?? {}) as MessageParams);
    const row = { code: c, severity: severity[i], training: training[i], field: field[i], cell: cell[i], message: text, planRef: planRef[i], fromRegister: fromRegister[i], token: token[i], school: school[i] };
    const f = fastTableFinding(row);
    if (!f) return null;
    table[i] = Object.freeze(f);
  }
  return table;
}

/** One entry of the finding table, rendered in `language` and checked; issues at `/findingTable/{i}`. */
function decodeEntry(entry: unknown, i: number, language: Language): { finding: Finding | SchoolFinding } | { issues: Issue[] } {
  const at = (issues: Issue[]) => ({ issues: issues.map((x) => ({ ...x, path: ['findingTable', i, ...x.path] })) });
  const render = (e: Record<string, unknown>): Record<string, unknown> | null => {
    const { params, message, ...rest } = e;
    if (typeof rest.code !== 'string' || !Object.hasOwn(MESSAGES, rest.code)) return null;
    if ((params === undefined) === (message === undefined)) return null;
    if (params === undefined) return typeof message === 'string' ? { ...rest, message } : null;
    const checked = fastParams(params);
    return checked ? { ...rest, message: MESSAGES[rest.code as keyof typeof MESSAGES][language](checked) } : null;
  };
  const rendered = isPlainObject(entry) ? render(entry) : null;
  const fast = rendered && fastTableFinding(rendered);
  if (fast) return { finding: fast };
  // Not plainly right: the schemas say why.
  const shape = FindingEntrySchema.safeParse(entry);
  if (!shape.success) return at(shape.error.issues);
  const again = render(shape.data)!;
  const r = (SCHOOL_CODES.has(shape.data.code) ? SchoolFindingSchema : FindingSchema).safeParse(again);
  return r.success ? { finding: r.data } : at(r.error.issues);
}

/** Is this the plain case of the schema's people table (columns of `count` values)? */
/** The plain case of TableSchema (columns of `count` values), read; else null. */
function readTable(v: unknown): { count: number; columns: Record<string, ReadColumn> } | null {
  if (!isPlainObject(v)) return null;
  for (const key in v) if (key !== 'count' && key !== 'columns') return null;
  const { count, columns } = v;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || !isPlainObject(columns)) return null;
  const read = readColumns(columns, count);
  return read && { count, columns: read };
}

/** A finding table's column: a key of a finding, or `params.` and a key of its params (letters only). */
const ENTRY_COLUMN = /^[A-Za-z]+(\.[A-Za-z]+)?$/;

/**
 * A compact answer as the documented answer (client side): each distinct finding's message rendered
 * once in `language`, every finding and value checked as the documented answer's are (its fast checks,
 * its schemas for the paths of what they refuse), the rest by the answer schema. Findings are shared,
 * frozen objects; each person has its own list of them.
 */
export function decodeEvaluateResponse(v: unknown, language: Language = 'nl'): Parsed<EvaluateResponse> {
  const read = isPlainObject(v) && Array.isArray(v.findings) ? { entries: readTable(v.findingTable), people: readTable(v.people) } : null;
  if (!read?.entries || !read.people) {
    const shape = CompactEvaluateResponseSchema.safeParse(v);
    if (!shape.success) return failed(shape.error.issues);
    const wrong = (['findingTable', 'people'] as const).flatMap((part) => {
      const { count, columns } = shape.data[part];
      return Object.entries(columns).flatMap(([name, c]) => columnIssues(c, count, [part, 'columns', name]));
    });
    return failed(wrong.length > 0 ? wrong : [{ code: 'custom', input: v, path: [], message: 'de tabellen kloppen niet' }]);
  }
  const compact = v as CompactEvaluateResponse;

  const issues: Issue[] = [];
  for (const name in read.entries.columns)
    if (!ENTRY_COLUMN.test(name)) issues.push({ code: 'custom', input: name, path: ['findingTable', 'columns', name], message: 'geen sleutel van een bevinding' });
  if (issues.length > 0) return failed(issues);
  const table =
    fastTable(read.entries.count, read.entries.columns, language) ??
    tableEntries(read.entries.count, read.entries.columns).map((entry, i) => {
      const decoded = decodeEntry(entry, i, language);
      if ('issues' in decoded) issues.push(...decoded.issues);
      return 'finding' in decoded ? Object.freeze(decoded.finding) : null;
    });
  if (issues.length > 0) return failed(issues);
  const personFinding = (at: unknown): at is number =>
    typeof at === 'number' && Number.isInteger(at) && at >= 0 && at < table.length && !SCHOOL_CODES.has(table[at]!.code);
  const findingList = z
    .array(z.int().refine(personFinding, 'geen plaats van een persoonsbevinding in findingTable'))
    .transform((places) => places.map((at) => table[at] as Finding));

  const fields: Field[] = Object.keys(RESULT_SHAPE).map((key) => ({
    column: key,
    key,
    code: null,
    schema: key === 'findings' ? findingList : RESULT_SHAPE[key]!,
    fast:
      key === 'findings'
        ? (value) => (Array.isArray(value) && value.every(personFinding) ? { ok: true, value: value.map((at: number) => table[at]) } : null)
        : fastField(resultValueCheck(key)),
  }));
  const rows = decodeRows(read.people.count, read.people.columns, fields);
  if (rows.issues.length > 0) return failed(rows.issues);
  // Each person its own list of findings, as a documented answer gives.
  for (const row of rows.rows) if (Array.isArray(row.findings)) row.findings = row.findings.slice();

  const { findingTable: _table, findings, people: _people, ...rest } = compact;
  const schoolFindings = findings.map((at) => (typeof at === 'number' ? table[at] : at));
  const answer = EvaluateResponseSchema.safeParse({ ...rest, findings: schoolFindings, people: [] });
  if (!answer.success) return answer;
  answer.data.people = rows.rows as PersonResult[];
  return answer;
}
