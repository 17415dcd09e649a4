// The write plan (interfaces.md §1) as plain data: owned columns, their values, status colours, summary sheet.
import { describe, expect, it } from 'vitest';
import type { Finding, PersonResult, SheetEvaluation } from '../../shared/model/result';
import type { Summary } from '../../shared/model/summary';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { explanation, planWrite } from '../../shared/report/write';
import { planAssumptions, summarySheet } from '../../shared/report/summary-sheet';
import type { SheetRead } from '../../shared/sheet/types';
import { OWNED_HEADERS } from '../../shared/sheet/owned-columns';

function read(over: Partial<SheetRead> = {}): SheetRead {
  return {
    sheet: 'Personeel', skipped: null, headerRow: 3, columns: { A: 'personId', B: 'roles' },
    headers: { A: 'Personeelsnummer', B: 'Rol' }, remarks: [], fields: [], people: [], names: {}, problems: [],
    lastRow: 6, lastColumn: 2, ...over,
  };
}

const finding = (f: Partial<Finding> & Pick<Finding, 'code' | 'severity'>): Finding => ({ message: 'bericht', planRef: '§4', ...f });

function person(ref: number, over: Partial<PersonResult> = {}): PersonResult {
  return { ref: String(ref), personId: null, roles: ['WPB'], status: 'In orde', refresherDue: null, dueSoon: null, normHours: null, findings: [], normParts: {}, ...over };
}

const summary: Summary = {
  needs: { WPB: { initial: 3, groups: 1, sessions: 6, trainerHours: 18 } },
  pools: { trainers: { trainerHours: 18, perTrainer: 3.6 } },
  keyFigures: { studentsPlaced: 2, studentsWithCertifiedWpb: 1, wpbTrainedShare: 0.5, soioTrainedShare: null, schoolsWithTrainedOb: null, schools: null, refreshersOverdue: 0, refreshersDue: 1 },
  roles: { WPB: { count: 2, plan: 360 } },
  facilitation: { WPB: { normHours: 40, hoursGranted: 20 }, total: { normHours: 40, hoursGranted: 20 } },
  exemptions: {},
  perSchool: null,
};

const options = { plan: bossPoPlan, referenceDate: '2026-11-28', planningYear: '2026-2027', summary } as const;

function evaluation(people: PersonResult[]): SheetEvaluation {
  return { people, findings: [], schools: null };
}

describe('owned columns', () => {
  it('are appended right of the used range with their exact headers, in order', () => {
    const plan = planWrite([{ read: read(), evaluation: evaluation([]) }], options);
    const s = plan.sheets[0]!;
    expect(s.columns.map((c) => [c.header, c.letter, c.existing])).toEqual([
      ['OS-status', 'C', false], ['Acties', 'D', false], ['Opfrissen vóór', 'E', false], ['Normuren', 'F', false], ['Toelichting', 'G', false],
    ]);
    expect(s.columns.map((c) => c.header)).toEqual([...OWNED_HEADERS]);
  });

  it('are found again by their header text and rewritten in place; a missing one is appended', () => {
    const r = read({ headers: { A: 'Personeelsnummer', B: 'Rol', D: 'OS-status', E: 'Acties', F: ' Opfrissen vóór ', G: 'Normuren', H: 'Eigen notitie' }, lastColumn: 8 });
    const s = planWrite([{ read: r, evaluation: evaluation([]) }], options).sheets[0]!;
    expect(s.columns.map((c) => [c.header, c.letter, c.existing])).toEqual([
      ['OS-status', 'D', true], ['Acties', 'E', true], ['Opfrissen vóór', 'F', true], ['Normuren', 'G', true], ['Toelichting', 'I', false],
    ]);
  });

  it('hold status, actions, a date, a number and the explanation per processed row; other rows stay empty', () => {
    const people = [
      person(4, { status: 'Niet in orde', normHours: 20, findings: [
        finding({ code: 'TRAINING_MISSING', severity: 'action', training: 'WPB', message: 'Scholing werkplekbegeleiders ontbreekt.' }),
        finding({ code: 'STUDENT_WITHOUT_CERTIFIED_WPB', severity: 'critical', message: 'Student zonder gecertificeerde WPB.' }),
        finding({ code: 'INVALID_DATE', severity: 'warning', planRef: null, cell: 'F7', field: 'roleStart', message: "datum 'gepland' niet leesbaar" }),
      ] }),
      person(6, { refresherDue: '2028-03-12', normHours: 40 }),
    ];
    const s = planWrite([{ read: read(), evaluation: evaluation(people) }], options).sheets[0]!;
    expect([s.firstRow, s.lastRow]).toEqual([4, 6]);
    const col = (h: string) => s.columns.find((c) => c.header === h)!.values;
    expect(col('OS-status')).toEqual([{ kind: 'text', text: 'Niet in orde' }, { kind: 'empty' }, { kind: 'text', text: 'In orde' }]);
    expect(col('Acties')[0]).toEqual({ kind: 'text', text: 'Scholing werkplekbegeleiders volgen; Studenten een geschoolde, gecertificeerde werkplekbegeleider geven' });
    expect(col('Opfrissen vóór')).toEqual([{ kind: 'empty' }, { kind: 'empty' }, { kind: 'date', iso: '2028-03-12' }]);
    expect(col('Normuren')).toEqual([{ kind: 'number', number: 20 }, { kind: 'empty' }, { kind: 'number', number: 40 }]);
    expect(col('Toelichting')[0]).toEqual({
      kind: 'text',
      text: "Scholing werkplekbegeleiders ontbreekt (§4); Student zonder gecertificeerde WPB (§4); Cel F7: datum 'gepland' niet leesbaar",
    });
    expect(s.columns.find((c) => c.header === 'Opfrissen vóór')!.numberFormat).toBe('dd-mm-yyyy');
  });

  it('text that looks like a formula stays text', () => {
    const p = person(4, { findings: [finding({ code: 'UNKNOWN_ROLE', severity: 'warning', planRef: null, message: '=HYPERLINK("x")' })] });
    const s = planWrite([{ read: read({ lastRow: 4 }), evaluation: evaluation([p]) }], options).sheets[0]!;
    expect(s.columns.find((c) => c.header === 'Toelichting')!.values[0]).toEqual({ kind: 'text', text: '=HYPERLINK("x")' });
  });

  it('colour the status column over the used rows only, and not at all without data rows', () => {
    const s = planWrite([{ read: read(), evaluation: evaluation([]) }], options).sheets[0]!;
    expect(s.statusFormat!.range).toBe('C4:C6');
    expect(s.statusFormat!.colours.map((c) => c.status)).toEqual(['Niet in orde', 'Actie nodig', 'Gegevens controleren', 'In orde']);
    expect(planWrite([{ read: read({ lastRow: 3 }), evaluation: evaluation([]) }], options).sheets[0]!.statusFormat).toBeNull();
  });

  it('a skipped sheet gets no owned columns', () => {
    const plan = planWrite([{ read: read({ skipped: 'geen kopregel', headerRow: null }), evaluation: evaluation([]) }], options);
    expect(plan.sheets).toEqual([]);
  });

  it('an explanation names its cell first and its plan § last, without doubling either', () => {
    expect(explanation(finding({ code: 'INVALID_DATE', severity: 'warning', planRef: null, cell: 'F7', message: 'Cel F7: onleesbaar.' }))).toBe('Cel F7: onleesbaar');
    expect(explanation(finding({ code: 'PAIRING_MISSING', severity: 'info', planRef: '§3', message: 'Niet gekoppeld (§3)' }))).toBe('Niet gekoppeld (§3)');
  });
});

describe('summary sheet', () => {
  const sheet = summarySheet({ ...options, sheets: [{ read: read(), evaluation: evaluation([person(4)]) }] });
  const texts = sheet.cells.map((c) => (c.value.kind === 'text' ? c.value.text : c.value.kind === 'number' ? c.value.number : c.value.kind === 'date' ? c.value.iso : null));

  it('is named after the planning year and starts with a title and the reference date, no time of the run', () => {
    expect(sheet.name).toBe('Scholingsbehoefte 2026-2027');
    expect(sheet.cells[0]).toMatchObject({ row: 1, column: 1, style: 'title' });
    expect(sheet.cells.filter((c) => c.value.kind === 'date').map((c) => c.value)).toEqual([{ kind: 'date', iso: '2026-11-28' }]);
    expect(texts.join(' ')).not.toMatch(/\d{1,2}:\d{2}/);
  });

  it('labels each part for a reader', () => {
    for (const label of ['Peildatum', 'Scholingsbehoefte per scholing', 'Trainerspools', 'Kerncijfers voor de stuurgroep', 'Aantal per rol tegen het plan (§5)', 'Facilitering per schooljaar (§5)', 'Bevindingen per school (§4)', 'Gegevens om na te kijken', 'Aannames'])
      expect(texts).toContain(label);
  });

  it('lists every assumption of the plan with its value', () => {
    const assumptions = planAssumptions(bossPoPlan);
    expect(assumptions.length).toBeGreaterThan(5);
    expect(assumptions.every((a) => a.assumption)).toBe(true);
    for (const a of assumptions) {
      const i = sheet.cells.findIndex((c) => c.value.kind === 'text' && c.value.text === a.label);
      expect(i, a.label).toBeGreaterThan(-1);
      expect(sheet.cells[i + 1]!.value).toEqual({ kind: 'number', number: a.value });
    }
  });

  it('offers a chart over the training need table', () => {
    const chart = sheet.charts[0]!;
    const header = sheet.cells.find((c) => c.value.kind === 'text' && c.value.text === 'Nog te scholen')!;
    expect(chart.range.startsWith(`A${header.row}:B`)).toBe(true);
  });

  it('is the same for the same input', () => {
    expect(summarySheet({ ...options, sheets: [{ read: read(), evaluation: evaluation([person(4)]) }] })).toEqual(sheet);
  });
});
