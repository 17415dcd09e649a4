// The compact form of POST /api/evaluate (shared/api/compact.ts, issue 14): it must carry exactly the
// documented request and answer — the same people, the same strictness with the same error paths, the
// same results with every message rendered on the client — only smaller.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateRequest } from '../../functions/src/handlers/evaluate';
import {
  acceptsCompact,
  decodeEvaluateResponse,
  encodeEvaluateRequest,
  encodeEvaluateResponse,
  findingEntries,
  evaluatePeopleCount,
  parseCompactEvaluateRequest,
  PERSON_COLUMNS,
} from '../../shared/api/compact';
import { EvaluateRequestSchema, type EvaluateResponse } from '../../shared/api/evaluate';
import { parseEvaluateRequest, parseEvaluateResponse } from '../../shared/api/fast-parse';
import type { Person, PersonInput, RuleField } from '../../shared/model/person';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { MESSAGES, type MessageParams } from '../../shared/rules/messages';
import { personArb, registerArb, sheetArb } from './arbitraries';

/** The digits of a dictionary index, 0 to 63 (functions/README.md). */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';

const DATE = { referenceDate: '2026-11-28', planningYear: '2026-2027' } as const;
const wire = <T>(v: T): unknown => JSON.parse(JSON.stringify(v));

/** A documented answer as the server builds it, and the values its messages were rendered from. */
function answerFor(fields: RuleField[], people: Person[], register: Parameters<typeof evaluateRequest>[2]['register'] = []) {
  return evaluateRequest(bossPoPlan, { ...DATE, fields, people }, { ...DATE, register, registerRecords: register.length, withParams: true });
}

/** `trainings: {}` and no `trainings` say the same (every cell empty); the compact form keeps neither. */
function withoutEmptyRecords(people: readonly Person[]): Person[] {
  return people.map((p) => {
    const out = { ...p };
    if (out.trainings && Object.keys(out.trainings).length === 0) delete out.trainings;
    if (out.certificates && Object.keys(out.certificates).length === 0) delete out.certificates;
    return out;
  });
}

const issuesOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join('/')} ${i.message}`).sort();

describe('the compact request', () => {
  it('decodes to exactly the people of the documented request', () => {
    fc.assert(
      fc.property(sheetArb(), ({ fields, people }) => {
        const request = { ...DATE, fields, people, register: false };
        const documented = parseEvaluateRequest(wire(request));
        const compact = parseCompactEvaluateRequest(wire(encodeEvaluateRequest(request)));
        expect(documented.success && compact.success).toBe(true);
        expect(compact.data).toEqual({ ...documented.data, people: withoutEmptyRecords(documented.data!.people) });
      }),
      { numRuns: 150 },
    );
  });

  it('writes repeated values once: a dictionary per column, -1 where a person lacks the key', () => {
    const people: PersonInput[] = [
      { ref: '2', school: 'De Kameleon', roles: ['WPB'], trainings: { WPB: '2025-03-12' } },
      { ref: '3', school: 'De Kameleon', roles: ['WPB'], trainings: { WPB: '2025-03-12', OB: null } },
      { ref: '4', roles: ['SO'], trainings: { WPB: { invalid: 'gepland' } } },
    ];
    const { columns } = encodeEvaluateRequest({ fields: ['school', 'training.WPB'], people });
    expect(columns.ref).toEqual(['2', '3', '4']);
    // The index: each person's place plus one, 0 where the key is absent.
    expect(columns.school).toEqual({ values: ['De Kameleon'], index: '110' });
    // Most values differ (2 of 3) and everyone has one: the plain values.
    expect(columns.roles).toEqual([['WPB'], ['WPB'], ['SO']]);
    expect(columns['trainings.WPB']).toEqual(['2025-03-12', '2025-03-12', { invalid: 'gepland' }]);
    expect(columns['trainings.OB']).toEqual({ values: [null], index: '010' });
    expect(Object.keys(columns).every((c) => PERSON_COLUMNS.includes(c))).toBe(true);
  });

  it('writes a column of distinct values plain, and as a dictionary when someone lacks the key', () => {
    const people: PersonInput[] = Array.from({ length: 400 }, (_, i) => ({ ref: String(i + 2), personId: `P-${i}`, roles: [] }));
    delete people[399]!.personId;
    const request = { fields: [], people };
    const { columns } = encodeEvaluateRequest(request);
    expect(columns.ref).toEqual(people.map((p) => p.ref));
    // 399 values: two digits a person (0-9, A-Z, a-z, - and _ are 0 to 63), 00 for the one without.
    const twoDigits = (x: number) => DIGITS[Math.floor(x / 64)]! + DIGITS[x % 64]!;
    expect(columns.personId).toEqual({ values: people.slice(0, 399).map((p) => p.personId), index: [...Array(399).keys()].map((i) => twoDigits(i + 1)).join('') + '00' });
    expect((columns.personId as { index: string }).index.slice(122, 130)).toBe('0-0_1011');
    const decoded = parseCompactEvaluateRequest(wire(encodeEvaluateRequest(request)));
    expect(decoded.data!.people).toEqual(parseEvaluateRequest(wire(request)).data!.people);
  });

  it('is as strict as the documented form: a bad value fails at the same person and field, with the same message', () => {
    const bad: Record<string, unknown[]> = {
      ref: ['', 5, 'x'.repeat(101), null],
      personId: [5, 'x'.repeat(201)],
      school: [false],
      roles: [['XX'], 'WPB', Array(21).fill('WPB'), null],
      unknownRoles: [[5], 'x'],
      lastRefresher: ['2026-02-30', 'morgen', 5, { invalid: 5 }, { invalid: 'a', extra: 1 }],
      roleStart: ['done', '26-11-2026'],
      students: [-1, 'drie', 1e10, true, { invalid: 'x', other: 1 }],
      pairedWith: ['ja', 1],
      'trainings.WPB': ['2025-13-01', 'gedaan', 7, { invalid: 3 }],
      'certificates.WPB': ['ja', 0],
    };
    const arb = fc.tuple(
      fc.array(personArb(), { minLength: 1, maxLength: 6 }),
      fc.constantFrom(...Object.keys(bad)),
      fc.nat(),
      fc.nat(),
    );
    fc.assert(
      fc.property(arb, ([people, column, who, which]) => {
        const values = bad[column]!;
        const broken = people.map((p, i) => ({ ...p, ref: String(i + 2) })) as Record<string, unknown>[];
        const person = broken[who % broken.length]!;
        const value = values[which % values.length];
        const [key, code] = column.split('.');
        if (code) person[key!] = { ...(person[key!] as object), [code]: value };
        else person[key!] = value;
        const request = { ...DATE, fields: ['school'], people: broken };
        const documented = EvaluateRequestSchema.safeParse(wire(request));
        const compact = parseCompactEvaluateRequest(wire(encodeEvaluateRequest(request as never)));
        expect(documented.success).toBe(false);
        expect(compact.success).toBe(false);
        expect(issuesOf(compact)).toEqual(issuesOf(documented));
      }),
      { numRuns: 200 },
    );
  });

  it('names the person index and field of a bad value, also when the value is in a dictionary', () => {
    const body = {
      fields: ['training.WPB'],
      columns: { ref: ['2', '3', '4'], 'trainings.WPB': { values: ['2025-03-12', '2025-02-30'], index: '122' } },
    };
    const r = parseCompactEvaluateRequest(body);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path)).toEqual([
      ['people', 1, 'trainings', 'WPB'],
      ['people', 2, 'trainings', 'WPB'],
    ]);
  });

  it.each([
    ['an unknown key', { fields: [], columns: { ref: ['2'] }, people: [] }, ''],
    ['an unknown column', { fields: [], columns: { ref: ['2'], name: ['Jansen'] } }, 'columns/name'],
    ['a column of another length', { fields: [], columns: { ref: ['2', '3'], students: [1] } }, 'columns/students'],
    ['an index outside the values', { fields: [], columns: { ref: ['2'], school: { values: ['A'], index: '2' } } }, 'columns/school/index'],
    ['an index with a character that is no digit', { fields: [], columns: { ref: ['2'], school: { values: ['A'], index: '!' } } }, 'columns/school/index'],
    ['an index of another length', { fields: [], columns: { ref: ['2'], school: { values: ['A'], index: '11' } } }, 'columns/school/index'],
    ['an index of numbers (version 1 of the compact form)', { fields: [], columns: { ref: ['2'], school: { values: ['A'], index: [0] } } }, 'columns/school'],
    ['a dictionary with another key', { fields: [], columns: { ref: ['2'], school: { values: ['A'], index: '1', x: 1 } } }, 'columns/school'],
    ['no ref column', { fields: [], columns: { students: [1] } }, 'columns/ref'],
    ['a column that is no column', { fields: [], columns: { ref: ['2'], students: 3 } }, 'columns/students'],
    ['an unknown field', { fields: ['naam'], columns: { ref: ['2'] } }, 'fields/0'],
    ['a bad reference date', { referenceDate: '2026-02-30', fields: [], columns: { ref: ['2'] } }, 'referenceDate'],
  ])('refuses %s', (_, body, path) => {
    const r = parseCompactEvaluateRequest(body);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('/'))).toContain(path);
  });

  it('tells a client of version 1 (an index of numbers) to update', () => {
    const r = parseCompactEvaluateRequest({ fields: [], columns: { ref: ['2'], school: { values: ['A'], index: [0] } } });
    expect(r.error!.issues.map((i) => i.message)).toEqual([expect.stringMatching(/versie 2.*werk de client bij/)]);
  });

  it('counts the people of either form for the 413 check', () => {
    expect(evaluatePeopleCount({ people: [{}, {}] })).toBe(2);
    expect(evaluatePeopleCount({ columns: { ref: ['2', '3', '4'] } })).toBe(3);
    expect(evaluatePeopleCount({ columns: { ref: { values: ['2'], index: '11' } } })).toBe(2);
    expect(evaluatePeopleCount({ columns: { ref: { values: ['2'], index: [0, 0] } } })).toBeNull();
    expect(evaluatePeopleCount({ columns: { ref: 'x' } })).toBeNull();
  });
});

describe('the compact answer', () => {
  it('decodes, with every message rendered on the client, to exactly the documented answer', () => {
    fc.assert(
      fc.property(sheetArb(), registerArb(), ({ fields, people }, register) => {
        const { answer, params } = answerFor(fields, people, register);
        const compact = encodeEvaluateResponse(answer, params);
        // Every message travels as its values, none as text.
        expect(findingEntries(wire(compact.findingTable))!.filter((e) => e.message !== undefined)).toEqual([]);
        const decoded = decodeEvaluateResponse(wire(compact));
        const documented = parseEvaluateResponse(wire(answer));
        expect(decoded.success).toBe(true);
        expect(JSON.stringify(decoded.data)).toBe(JSON.stringify(documented.data));
      }),
      { numRuns: 150 },
    );
  });

  it('renders the messages in English on request, from the same values', () => {
    const people = [{ ref: '2', roles: ['WPB'], trainings: { WPB: null }, students: 2 }] as Person[];
    const { answer, params } = answerFor(['training.WPB', 'students'], people);
    const compact = wire(encodeEvaluateResponse(answer, params)) as { findingTable: unknown };
    const english = decodeEvaluateResponse(compact, 'en');
    expect(english.success).toBe(true);
    const messages = english.data!.people[0]!.findings.map((f) => f.message);
    const entry = findingEntries(compact.findingTable)!.find((e) => e.code === 'TRAINING_MISSING')!;
    expect(messages).toContain(MESSAGES.TRAINING_MISSING.en(entry.params as MessageParams));
    expect(messages.join(' ')).toMatch(/not completed; required for/);
  });

  it('sends a message as text when its values are not known or do not render it exactly', () => {
    const people = [{ ref: '2', roles: ['WPB'], students: 1 }, { ref: '3', roles: ['WPB'], unknownRoles: ['kartrekker'] }] as Person[];
    const { answer } = answerFor(['students'], people);
    const entries = findingEntries(wire(encodeEvaluateResponse(answer, new WeakMap()).findingTable))!;
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => typeof e.message === 'string' && e.params === undefined)).toBe(true);
    const changed = structuredClone(answer) as EvaluateResponse;
    changed.people[0]!.findings[0]!.message += ' (aangepast)';
    const { params } = answerFor(['students'], people);
    const entry = findingEntries(wire(encodeEvaluateResponse(changed, params).findingTable))!.find((e) => String(e.message).endsWith('(aangepast)'));
    expect(entry).toBeDefined();
    expect(JSON.stringify(decodeEvaluateResponse(wire(encodeEvaluateResponse(changed, params))).data)).toBe(
      JSON.stringify(parseEvaluateResponse(wire(changed)).data),
    );
  });

  it('sends the values recorded with a finding object; a finding changed in place after the evaluation goes as text', () => {
    const people = [
      { ref: '2', roles: ['WPB'], trainings: { WPB: null } },
      { ref: '3', roles: ['WPB'], trainings: { WPB: null }, unknownRoles: ['kartrekker'] },
    ] as Person[];
    const { answer, params } = answerFor(['training.WPB'], people);
    const [first, second] = answer.people;
    // One shared, frozen object for the same finding, its values recorded once with it.
    const shared = first!.findings.find((f) => f.code === 'TRAINING_MISSING')!;
    expect(second!.findings).toContain(shared);
    expect(Object.isFrozen(shared)).toBe(true);
    expect(MESSAGES.TRAINING_MISSING.nl(params.get(shared)!)).toBe(shared.message);
    // An unknown role's finding is each person's own object: changed, it cannot travel as its values.
    const unknown = second!.findings.find((f) => f.code === 'UNKNOWN_ROLE')!;
    expect(Object.isFrozen(unknown)).toBe(false);
    expect(params.get(unknown)).toEqual({ token: 'kartrekker' });
    unknown.message += ' (aangepast)';
    const entries = findingEntries(wire(encodeEvaluateResponse(answer, params).findingTable))!;
    expect(entries.find((e) => e.code === 'UNKNOWN_ROLE')).toMatchObject({ message: unknown.message });
    expect(entries.find((e) => e.code === 'TRAINING_MISSING')).toMatchObject({ params: params.get(shared) });
    expect(JSON.stringify(decodeEvaluateResponse(wire(encodeEvaluateResponse(answer, params))).data)).toBe(
      JSON.stringify(parseEvaluateResponse(wire(answer)).data),
    );
  });

  it('decodes a finding table its fast way and its schemas\' way alike (an unknown key, which both drop, takes the second)', () => {
    fc.assert(
      fc.property(sheetArb(), registerArb(), ({ fields, people }, register) => {
        const { answer, params } = answerFor(fields, people, register);
        const compact = wire(encodeEvaluateResponse(answer, params)) as { findingTable: { count: number; columns: Record<string, unknown> } };
        const fast = decodeEvaluateResponse(structuredClone(compact));
        compact.findingTable.columns.extra = new Array(compact.findingTable.count).fill('x');
        const slow = decodeEvaluateResponse(compact);
        expect(fast.success && slow.success).toBe(true);
        expect(JSON.stringify(slow.data)).toBe(JSON.stringify(fast.data));
        for (const person of fast.data!.people) for (const f of person.findings) expect(Object.isFrozen(f)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('shares a distinct finding once and writes repeated person values as dictionaries', () => {
    const people = Array.from({ length: 40 }, (_, i) => ({ ref: String(i + 2), roles: ['WPB'], trainings: { WPB: null } })) as Person[];
    const { answer, params } = answerFor(['training.WPB'], people);
    const compact = encodeEvaluateResponse(answer, params);
    expect(compact.findingTable.count).toBe(1);
    expect(findingEntries(wire(compact.findingTable))).toHaveLength(1);
    expect(compact.people.columns.findings).toEqual({ values: [[0]], index: '1'.repeat(40) });
    expect(compact.people.columns.status).toEqual({ values: ['Actie nodig'], index: '1'.repeat(40) });
    expect(JSON.stringify(compact).length * 4).toBeLessThan(JSON.stringify(answer).length);
  });

  it('refuses what the documented answer\'s schemas refuse, and broken tables', () => {
    const { answer, params } = answerFor(['training.WPB'], [{ ref: '2', roles: ['WPB'], trainings: { WPB: null } }] as Person[]);
    type Table = { count: number; columns: Record<string, unknown> };
    type Wire = { findingTable: Table; people: Table; summary?: unknown };
    const good = wire(encodeEvaluateResponse(answer, params)) as Wire;
    const variants: [string, (c: Wire) => void][] = [
      ['a status that is none', (c) => (c.people.columns.status = ['Prima'])],
      ['a finding place outside the table', (c) => (c.people.columns.findings = [[5]])],
      ['a column of another length', (c) => (c.people.columns.ref = ['2', '3'])],
      ['a people index of another length', (c) => (c.people.columns.status = { values: ['Actie nodig'], index: '11' })],
      ['a people index of numbers (version 1)', (c) => (c.people.columns.status = { values: ['Actie nodig'], index: [0] })],
      ['an unknown code', (c) => (c.findingTable.columns.code = ['NOPE'])],
      ['params and message both', (c) => (c.findingTable.columns.message = ['x'])],
      ['a bad message value', (c) => (c.findingTable.columns['params.roles'] = ['WPB'])],
      ['a finding table column that is no key', (c) => (c.findingTable.columns['params.__proto__'] = [{}])],
      ['a finding table index outside the values', (c) => (c.findingTable.columns.code = { values: ['TRAINING_MISSING'], index: '2' })],
      ['a finding table of another count', (c) => (c.findingTable.count = 2)],
      ['a finding table as a list (version 1)', (c) => (c.findingTable = [] as unknown as Table)],
      ['no summary', (c) => delete c.summary],
    ];
    expect(decodeEvaluateResponse(structuredClone(good)).success).toBe(true);
    for (const [what, change] of variants) {
      const c = structuredClone(good);
      change(c);
      expect(decodeEvaluateResponse(c).success, what).toBe(false);
    }
  });
});

describe('spec v2 values in the compact form', () => {
  const people = [
    { ref: '2', roles: ['WPB'], trainings: { WPB: { exempt: { date: '2022-01-01' } } }, certificates: { WPB: null } },
    { ref: '3', roles: ['SO'], trainings: { SOIO: { exempt: { date: null } } } },
    { ref: '4', roles: ['WPB'], trainings: { WPB: '2023-12-15' }, certificates: { WPB: true } },
  ] as PersonInput[];
  const fields: RuleField[] = ['training.WPB', 'training.SOIO', 'certificate.WPB'];

  it('carries exempt training values both ways, and refuses a bad one as the documented form does', () => {
    const request = { ...DATE, fields, people };
    const compact = parseCompactEvaluateRequest(wire(encodeEvaluateRequest(request)));
    expect(compact.success).toBe(true);
    expect(compact.data!.people).toEqual(parseEvaluateRequest(wire(request)).data!.people);
    expect(compact.data!.people[0]!.trainings!.WPB).toEqual({ exempt: { date: '2022-01-01' } });

    const bad = { ...request, people: [{ ref: '2', roles: ['WPB'], trainings: { WPB: { exempt: { date: '2022-01-01', reason: 'elders' } } } }] };
    const documented = EvaluateRequestSchema.safeParse(wire(bad));
    const refused = parseCompactEvaluateRequest(wire(encodeEvaluateRequest(bad as never)));
    expect(documented.success || refused.success).toBe(false);
    expect(issuesOf(refused)).toEqual(issuesOf(documented));
  });

  it('carries EXEMPTION findings as values and dueSoon per person, exactly as the documented answer', () => {
    const { answer, params } = answerFor(fields, people.map((p) => parseEvaluateRequest(wire({ fields, people: [p] })).data!.people[0]!));
    const exemptions = answer.people.flatMap((p) => p.findings).filter((f) => f.code === 'EXEMPTION');
    expect(exemptions).toHaveLength(2);
    expect(answer.people.map((p) => p.dueSoon)).toContain('2026-12-15');
    const compact = encodeEvaluateResponse(answer, params);
    expect(findingEntries(wire(compact.findingTable))!.filter((e) => e.code === 'EXEMPTION').every((e) => e.params && !e.message)).toBe(true);
    expect(compact.people.columns.dueSoon).toBeDefined();
    const decoded = decodeEvaluateResponse(wire(compact));
    expect(JSON.stringify(decoded.data)).toBe(JSON.stringify(parseEvaluateResponse(wire(answer)).data));
    expect(decodeEvaluateResponse(wire(compact), 'en').data!.people[0]!.findings.find((f) => f.code === 'EXEMPTION')!.message).toMatch(/^Exempted from/);
  });
});

describe('content negotiation', () => {
  it.each([
    ['application/vnd.bosspo.compact.v2+json', true],
    ['application/json, application/vnd.bosspo.compact.v2+json;q=0.9', true],
    ['Application/Vnd.Bosspo.Compact.V2+JSON', true],
    ['application/vnd.bosspo.compact.v2+json;q=0', false],
    // Version 1's answer is no longer made: such a client gets the documented answer, which it reads.
    ['application/vnd.bosspo.compact+json', false],
    ['application/json', false],
    ['*/*', false],
    [null, false],
  ])('Accept %s → compact %s', (accept, compact) => {
    expect(acceptsCompact(accept)).toBe(compact);
  });
});
