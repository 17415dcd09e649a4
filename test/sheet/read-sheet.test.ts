import { describe, expect, it } from 'vitest';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { cellAddressLookup, readSheet, SKIP_REASONS } from '../../shared/sheet/read';
import { attachCells } from '../../shared/sheet/locate';
import { parseRange } from '../../xlsx/xml';
import type { Cell, Grid, ReadOptions } from '../../shared/sheet/types';
import type { SheetEvaluation } from '../../shared/model/result';

const read = (grid: Grid, options: Partial<ReadOptions> = {}) =>
  readSheet(grid, { sheetName: 'Personeel', date1904: false, plan: bossPoPlan, ...options });
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

describe('readSheet: header row (rules.md §6.1)', () => {
  it('finds the header row below title rows and ignores the titles', () => {
    const grid: Cell[][] = [
      ['Personeelsoverzicht opleidingsschool'],
      [],
      ['Stand per 1 oktober', null, 'Rol'], // one known field: not a header row
      ['Personeelsnummer', 'Naam', 'Rol OS', 'Scholing WPB'],
      [1001, 'A', 'WPB', d(2025, 3, 12)],
    ];
    const r = read(grid);
    expect(r.skipped).toBeNull();
    expect(r.headerRow).toBe(4);
    expect(r.columns).toEqual({ A: 'personId', B: 'name', C: 'roles', D: 'training.WPB' });
    expect(r.people).toHaveLength(1);
    expect(r.people[0]).toMatchObject({ ref: '5', personId: '1001', roles: ['WPB'], trainings: { WPB: '2025-03-12' } });
  });

  it('needs a role source among the known fields', () => {
    const r = read([
      ['Naam', 'School', 'Studenten'],
      ['A', 'X', 1],
    ]);
    expect(r.skipped).toBe(SKIP_REASONS.noHeader);
    expect(r.people).toEqual([]);
  });

  it('skips a sheet without a header row in the first 20 rows, with a Dutch reason', () => {
    const grid: Cell[][] = Array.from({ length: 20 }, (_, i) => [`notitie ${i}`]);
    grid.push(['Naam', 'Rol']);
    grid.push(['A', 'WPB']);
    const r = read(grid);
    expect(r.skipped).toBe('geen kopregel met bekende kolommen gevonden in de eerste 20 rijen (nodig: minstens twee bekende kolommen, waaronder een rolkolom)');
    expect(r.headerRow).toBeNull();
  });

  it('skips an empty sheet and the product\'s own sheets', () => {
    expect(read([]).skipped).toBe(SKIP_REASONS.empty);
    expect(read([[null, '  ']]).skipped).toBe(SKIP_REASONS.empty);
    expect(read([['Naam', 'Rol'], ['A', 'WPB']], { sheetName: 'Scholingsbehoefte 2026-2027' }).skipped).toBe(SKIP_REASONS.productSheet);
  });

  it('reads a header row with merged cells (null beside the top-left value)', () => {
    const r = read([
      ['Naam', null, 'Rol', null, 'Scholing WPB'],
      ['A', 'extra', 'WPB', null, '12-03-2025'],
    ]);
    expect(r.headerRow).toBe(1);
    expect(r.columns).toEqual({ A: 'name', C: 'roles', E: 'training.WPB' });
    expect(r.headers).toEqual({ A: 'Naam', C: 'Rol', E: 'Scholing WPB' });
    expect(r.people[0]).toMatchObject({ roles: ['WPB'], trainings: { WPB: '2025-03-12' } });
  });

  it('never reads the owned columns of an earlier run', () => {
    const r = read([
      ['Naam', 'Rol', 'OS-status', 'Acties', 'Opfrissen vóór', 'Normuren', 'Toelichting'],
      ['A', 'WPB', 'In orde', '', d(2028, 1, 1), 20, 'x'],
    ]);
    expect(r.columns).toEqual({ A: 'name', B: 'roles' });
    expect(r.lastColumn).toBe(7);
  });
});

describe('readSheet: rows (rules.md §6.1)', () => {
  const header = ['Personeelsnummer', 'Rol', 'Aantal studenten'];

  it('skips fully empty rows (whitespace counts as empty) and total rows', () => {
    const r = read([
      header,
      [1, 'WPB', 2],
      [],
      [null, '   ', null],
      [2, 'SO', null],
      ['Totaal', null, 2],
      [null, 'Total:', 2],
      ['TOTAAL WPB', null, 2],
    ]);
    expect(r.people.map((p) => p.ref)).toEqual(['2', '5']);
  });

  it('treats a row that holds only the product\u2019s own columns of an earlier run as empty', () => {
    // The user cleared row 3 but kept our old status there: it is no person without a role, and the
    // used range still reaches it, so the writer clears the old status.
    const r = read([
      [...header, 'OS-status', 'Acties', 'Opfrissen vóór', 'Normuren', 'Toelichting'],
      [1, 'WPB', 2, 'In orde', null, null, 40, null],
      [null, null, null, 'Actie nodig', 'Certificaat WPB regelen', null, 0, 'Certificaat ontbreekt (§4)'],
      [2, 'SO', null, 'In orde', null, null, 160, null],
    ]);
    expect(r.people.map((p) => p.ref)).toEqual(['2', '4']);
    expect(r.lastRow).toBe(4);
  });

  it('reads hidden rows as ordinary rows (the grid has every row)', () => {
    const r = read([header, [1, 'WPB', 1], [2, 'WPB', 1], [3, 'WPB', 1]]);
    expect(r.people).toHaveLength(3);
  });

  it('reads rows up to the last non-empty row and reports the used range', () => {
    const r = read([header, [1, 'WPB', 1], [], [], [null, null, null, null, 'notitie'], []]);
    expect(r.people.map((p) => p.ref)).toEqual(['2', '5']);
    expect(r.lastRow).toBe(5);
    expect(r.lastColumn).toBe(5);
  });

  it('keeps rows without a role (Geen OS-rol is decided by the rules)', () => {
    const r = read([header, [1, 'geen', null]]);
    expect(r.people[0]).toMatchObject({ ref: '2', personId: '1', roles: [] });
    expect(r.people[0]!.unknownRoles).toBeUndefined();
  });

  it('exposes the number of people (callers refuse more than 50,000)', () => {
    const grid: Cell[][] = [header];
    for (let i = 0; i < 1000; i++) grid.push([i, 'WPB', 1]);
    expect(read(grid).people).toHaveLength(1000);
  });
});

describe('readSheet: values', () => {
  it('reads formula results as given by the host and reports error cells as unreadable', () => {
    const r = read(
      [
        ['Personeelsnummer', 'Rol', 'Scholing WPB', 'Aantal studenten', 'Certificaat WPB', 'School'],
        [1, 'WPB', d(2025, 3, 12), 3, 'ja', 'De Kameleon'], // 3 and the date could be cached formula results
        [2, 'WPB', { error: '#N/A' }, { error: '#DIV/0!' }, { error: '#REF!' }, { error: '#NAME?' }],
      ],
      { sheetName: 'Team' },
    );
    expect(r.people[0]).toMatchObject({ trainings: { WPB: '2025-03-12' }, students: 3, certificates: { WPB: true }, school: 'De Kameleon' });
    expect(r.people[1]).toMatchObject({
      trainings: { WPB: { invalid: '#N/A' } },
      students: { invalid: '#DIV/0!' },
      certificates: { WPB: null },
      school: null,
    });
    expect(r.problems.map((p) => [p.cell, p.field, p.raw])).toEqual([
      ['C3', 'training.WPB', '#N/A'],
      ['D3', 'students', '#DIV/0!'],
      ['E3', 'certificate.WPB', '#REF!'],
      ['F3', 'school', '#NAME?'],
    ]);
    expect(r.problems[0]).toMatchObject({ sheet: 'Team', row: 3, column: 'C' });
    expect(r.problems[0]!.message).toContain('cel C3');
    expect(r.problems[0]!.message).toContain('#N/A');
  });

  it('reports unreadable dates and numbers with sheet, row, column, address and raw text', () => {
    const r = read([
      ['Naam', 'Rol', 'Scholing WPB', 'Studenten', 'In rol sinds'],
      ['A', 'WPB', 'gepland', 'twee', '31-02-2025'],
    ]);
    expect(r.people[0]).toMatchObject({ trainings: { WPB: { invalid: 'gepland' } }, students: { invalid: 'twee' }, roleStart: { invalid: '31-02-2025' } });
    expect(r.problems).toEqual([
      expect.objectContaining({ sheet: 'Personeel', row: 2, column: 'C', cell: 'C2', field: 'training.WPB', raw: 'gepland' }),
      expect.objectContaining({ cell: 'D2', field: 'students', raw: 'twee' }),
      expect.objectContaining({ cell: 'E2', field: 'roleStart', raw: '31-02-2025' }),
    ]);
    expect(r.problems[0]!.message).toBe('Blad "Personeel", cel C2: "gepland" is geen geldige datum.');
    expect(r.problems[1]!.message).toBe('Blad "Personeel", cel D2: "twee" is geen geldig getal.');
  });

  it('reads date serials of a 1904 workbook', () => {
    const grid: Grid = [
      ['Rol', 'Scholing WPB', 'Laatste opfrisbijeenkomst'],
      ['WPB', 44266, 2024],
    ];
    expect(read(grid, { date1904: true }).people[0]).toMatchObject({ trainings: { WPB: '2025-03-12' }, lastRefresher: '2024-01-01' });
    expect(read(grid, { date1904: false }).people[0]).toMatchObject({ trainings: { WPB: '2021-03-11' } });
  });

  it('reads every rule field into the canonical person, and names never', () => {
    const r = read([
      ['Pers.nr.', 'Voornaam', 'Tussenv.', 'Achternaam', 'Bestuur', 'School', 'Rol OS', 'Scholing WPB', 'Certificaat WPB',
        'Scholing SO/IO', 'Certificaat SO/IO', 'Scholing OB', 'Meelopen trainer', 'Training intervisor', 'Inwerkprogramma',
        'Opfrisbijeenkomst', 'VELON', 'In rol sinds', 'Studenten', 'Afstudeerders', 'Tweede beoordelaar', 'Toegekende uren',
        'Gekoppeld aan', 'Aantal bijeenkomsten', 'Coach'],
      [' 42 ', 'Anna', 'de', 'Vries', 'BOOR', ' De Kameleon ', 'SO, IO, WPB', '12-03-2025', 'ja', '2026', 'x', 'nee',
        '-', 'ja', null, 'maart 2024', '2022-03-01', d(2026, 2, 1), '2', '1,5', 0, 100, 'Piet', 3, 'geen'],
    ]);
    expect(r.people[0]).toEqual({
      ref: '2', personId: '42', board: 'BOOR', school: 'De Kameleon', roles: ['IO', 'SO', 'WPB'],
      trainings: { WPB: '2025-03-12', SOIO: '2026-01-01', OB: null, TRAINER: null, INTERVISOR: 'done', INWERK: null },
      certificates: { WPB: true, SOIO: true },
      lastRefresher: '2024-03-01', velonRegistration: '2022-03-01', roleStart: '2026-02-01',
      students: 2, graduates: 1.5, secondAssessments: 0, hoursGranted: 100, pairedWith: true, meetings: 3, coach: false,
    });
    expect(JSON.stringify(r.people)).not.toContain('Anna');
    expect(r.columns).toMatchObject({ B: 'firstName', C: 'tussenvoegsel', D: 'lastName' });
    expect(r.fields).toEqual([
      'training.WPB', 'training.SOIO', 'training.OB', 'training.TRAINER', 'training.INTERVISOR', 'training.INWERK',
      'certificate.WPB', 'certificate.SOIO', 'lastRefresher', 'roleStart', 'velonRegistration', 'students', 'graduates',
      'secondAssessments', 'hoursGranted', 'meetings', 'pairedWith', 'coach', 'school',
    ]);
    const at = cellAddressLookup(r);
    expect(['personId', 'training.WPB', 'students', 'coach'].map((f) => at('2', f))).toEqual(['A2', 'H2', 'S2', 'Y2']);
  });

  it('lists only the rule fields the sheet has', () => {
    const r = read([['Naam', 'Rol', 'Scholing WPB'], ['A', 'WPB', null]]);
    expect(r.fields).toEqual(['training.WPB']);
    expect(r.people[0]).toEqual({ ref: '2', board: null, roles: ['WPB'], trainings: { WPB: null } });
  });
});

describe('readSheet: roles', () => {
  it('reads per-role columns: a yes adds the role', () => {
    const r = read([
      ['Naam', 'Locatie', 'Werkplekbegeleider', 'Schoolopleider', 'Onderzoeksbegeleider', 'Startende leerkracht', 'Intervisor', 'Trainer', 'IO'],
      ['A', 'X', 'x', null, 'ja', null, null, null, null],
      ['B', 'X', null, '✓', null, 'nee', null, 1, 'j'],
      ['C', 'X', null, null, null, 'x', 'X', null, null],
    ]);
    expect(r.columns).toMatchObject({ C: 'role.WPB', D: 'role.SO', E: 'role.OBP', F: 'role.STARTER', G: 'role.INTERVISOR', H: 'role.TRAINER', I: 'role.IO' });
    expect(r.people.map((p) => p.roles)).toEqual([['OBP', 'WPB'], ['IO', 'SO', 'TRAINER'], ['INTERVISOR', 'STARTER']]);
    expect(r.fields).toEqual(['school']);
  });

  it('merges a roles text column with per-role columns', () => {
    const r = read([
      ['Naam', 'Rol', 'WPB'],
      ['A', 'Schoolopleider', 'x'],
      ['B', 'WPB', 'x'],
    ]);
    expect(r.people.map((p) => p.roles)).toEqual([['SO', 'WPB'], ['WPB']]);
  });

  it('keeps unrecognised role tokens as typed', () => {
    const r = read([
      ['Naam', 'Rol'],
      ['A', 'WPB + vertrouwenspersoon'],
      ['B', 'ICT-coördinator'],
    ]);
    expect(r.people[0]).toMatchObject({ roles: ['WPB'], unknownRoles: ['vertrouwenspersoon'] });
    expect(r.people[1]).toMatchObject({ roles: [], unknownRoles: ['ICT-coördinator'] });
  });

  it('reads OB as OBI at a pabo board (column), else OBP', () => {
    const r = read([
      ['Naam', 'Bestuur', 'Rol'],
      ['A', 'Pabo HR', 'OB'],
      ['B', 'BOOR', 'OB'],
      ['C', null, 'onderzoeksbegeleider'],
    ], { board: 'Hogeschool Rotterdam' });
    expect(r.people.map((p) => [p.board, p.roles])).toEqual([
      ['Pabo HR', ['OBI']],
      ['BOOR', ['OBP']],
      ['Hogeschool Rotterdam', ['OBI']],
    ]);
  });

  it('takes the board from the caller when the sheet has no board column; a per-role OB column follows it', () => {
    const grid: Grid = [
      ['Naam', 'Onderzoeksbegeleider'],
      ['A', 'x'],
    ];
    const atPabo = read(grid, { board: 'HR' });
    expect(atPabo.people[0]).toMatchObject({ board: 'HR', roles: ['OBI'] });
    expect(atPabo.columns.B).toBe('role.OBI');
    expect(cellAddressLookup(atPabo)('2', 'role.OBI')).toBe('B2');
    const elsewhere = read(grid, { board: 'Wijzer' });
    expect(elsewhere.people[0]).toMatchObject({ board: 'Wijzer', roles: ['OBP'] });
    expect(elsewhere.columns.B).toBe('role.OBP');
  });
});

describe('readSheet: column mapping', () => {
  it('applies overrides by header text, to a field or to nothing', () => {
    const grid: Grid = [
      ['Naam', 'Functie OS', 'Aantal studenten', 'Stagiairs dit jaar'],
      ['A', 'WPB', 2, 'drie'],
    ];
    expect(read(grid).skipped).toBe(SKIP_REASONS.noHeader);
    const r = read(grid, { overrides: { 'Functie OS': 'roles', 'Aantal studenten': null, 'Stagiairs dit jaar': 'students' } });
    expect(r.columns).toEqual({ A: 'name', B: 'roles', D: 'students' });
    expect(r.people[0]).toMatchObject({ roles: ['WPB'], students: { invalid: 'drie' } });
  });

  it('reports an ambiguous header at sheet level and leaves it unmapped', () => {
    const r = read([
      ['Naam', 'Rol', 'Scholing WPB/SO'],
      ['A', 'WPB', '12-03-2025'],
    ]);
    expect(r.columns).toEqual({ A: 'name', B: 'roles' });
    expect(r.remarks).toHaveLength(1);
    expect(r.remarks[0]).toMatchObject({ column: 'C', header: 'Scholing WPB/SO' });
    expect(r.remarks[0]!.message).toContain('meerdere velden');
  });

  it('attaches a lone Certificaat to the nearest WPB/SOIO training column on its left', () => {
    const r = read([
      ['Naam', 'Rol', 'Scholing WPB', 'Certificaat', 'Scholing SO/IO', 'Gecertificeerd'],
      ['A', 'WPB', '12-03-2025', 'ja', null, 'nee'],
    ]);
    expect(r.columns).toMatchObject({ D: 'certificate.WPB', F: 'certificate.SOIO' });
    expect(r.people[0]).toMatchObject({ certificates: { WPB: true, SOIO: false } });
  });

  it('attaches a lone Certificaat to the training column on its right when none is on its left', () => {
    const r = read([
      ['Naam', 'Rol', 'Certificaat', 'Scholing SO/IO'],
      ['A', 'SO', 'ja', '2024'],
    ]);
    expect(r.columns).toMatchObject({ C: 'certificate.SOIO', D: 'training.SOIO' });
  });

  it('leaves a lone Certificaat without a training column unmapped, with a remark', () => {
    const r = read([
      ['Naam', 'Rol', 'Certificaat'],
      ['A', 'WPB', 'ja'],
    ]);
    expect(r.columns).toEqual({ A: 'name', B: 'roles' });
    expect(r.remarks[0]).toMatchObject({ column: 'C', header: 'Certificaat' });
  });

  it('reads the first of two columns for the same field and reports the second', () => {
    const r = read([
      ['Naam', 'Rol', 'School', 'BRIN'],
      ['A', 'WPB', 'De Kameleon', '12AB'],
    ]);
    expect(r.columns).toEqual({ A: 'name', B: 'roles', C: 'school' });
    expect(r.people[0]!.school).toBe('De Kameleon');
    expect(r.remarks[0]).toMatchObject({ column: 'D', header: 'BRIN' });
  });
});

describe('readSheet: cell addresses', () => {
  it('gives the A1 address of every mapped cell of a person\'s row, and none elsewhere', () => {
    const r = read([
      ['Titel'],
      ['Naam', 'Rol', 'Opmerking', 'Scholing WPB'],
      ['A', 'WPB', 'x', null],
      [],
      ['B', 'SO', null, '2024'],
    ]);
    const at = cellAddressLookup(r);
    const fields = ['name', 'roles', 'training.WPB', 'students'];
    expect(fields.map((f) => at('3', f))).toEqual(['A3', 'B3', 'D3', undefined]);
    expect(fields.map((f) => at('5', f))).toEqual(['A5', 'B5', 'D5', undefined]);
    // No person on the empty row 4, the header row 2 or past the end.
    for (const ref of ['4', '2', '6']) expect(fields.map((f) => at(ref, f))).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('attachCells', () => {
  it('adds the A1 address to findings about a field and prefixes their message', () => {
    const r = read([
      ['Naam', 'Rol', 'Scholing WPB'],
      ['A', 'WPB', 'gepland'],
    ]);
    const evaluation: SheetEvaluation = {
      people: [
        {
          ref: '2', personId: null, roles: ['WPB'], status: 'Gegevens controleren', refresherDue: null, dueSoon: null, normHours: null, normParts: {},
          findings: [
            { code: 'INVALID_DATE', severity: 'warning', field: 'training.WPB', message: '"gepland" is geen datum.', planRef: null },
            { code: 'DATA_MISSING', severity: 'warning', field: 'training.SOIO', message: 'Kolom ontbreekt.', planRef: null },
            { code: 'REFRESHER_DUE', severity: 'action', message: 'Opfrissen.', planRef: '§4' },
          ],
        },
      ],
      findings: [],
      schools: null,
    };
    const located = attachCells(evaluation, r);
    expect(located.people[0]!.findings).toEqual([
      { code: 'INVALID_DATE', severity: 'warning', field: 'training.WPB', cell: 'C2', message: 'Cel C2: "gepland" is geen datum.', planRef: null },
      evaluation.people[0]!.findings[1],
      evaluation.people[0]!.findings[2],
    ]);
    expect(attachCells(located, r)).toEqual(located);
    expect(evaluation.people[0]!.findings[0]!.cell).toBeUndefined();
  });
});

describe('readSheet: merged ranges and the place of the owned columns', () => {
  const ranges = (...refs: string[]) => refs.map((r) => parseRange(r)!);
  const grid: Cell[][] = [
    ['Titel'],
    ['Naam', 'Rol', 'Opmerkingen'],
    ['A', 'WPB', 'x'],
    ['B', 'SO'],
  ];

  it('a header merged to the right pushes the owned columns past the merge, and a merge reached from there further', () => {
    expect(read(grid).lastColumn).toBe(3);
    expect(read(grid, { merges: ranges('C2:E2') }).lastColumn).toBe(5);
    expect(read(grid, { merges: ranges('C2:E2', 'G3:H4') }).lastColumn).toBe(8);
  });

  it('merges above the header row, far to the right or ending left of the free columns do not move them', () => {
    expect(read(grid, { merges: ranges('A1:K1', 'A3:B3', 'Z2:AB2') }).lastColumn).toBe(3);
  });
});
