// Spec v2 cell rules through the sheet reader and the rules (rules.md §4.13 exemptions, §6.3 number
// no-words): a grid as a host gives it → readSheet → evaluateSheet → attachCells.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bossPoPlan } from '../../shared/plan/bosspo';
import { evaluateSheet } from '../../shared/rules/evaluate';
import { attachCells } from '../../shared/sheet/locate';
import { parseExemption, parseNumber } from '../../shared/sheet/parse';
import { readSheet } from '../../shared/sheet/read';
import type { Cell } from '../../shared/sheet/types';
import { codes, P, R } from '../shared/helpers';

function check(rows: Cell[][], referenceDate = R) {
  const read = readSheet(rows, { sheetName: 'Personeel', date1904: false, board: 'BOOR', plan: bossPoPlan });
  const evaluation = attachCells(evaluateSheet(bossPoPlan, read, { referenceDate, planningYear: P }), read);
  return { read, people: evaluation.people };
}

describe('exemptions in training cells (rules.md §4.13)', () => {
  it.each<[string, string | null, string]>([
    ['Vrijgesteld', null, ''],
    ['vrijstelling', null, ''],
    ['VRIJSTELLING', null, ''],
    ['VrIjGeStElD', null, ''],
    ['Vrijgesteld: mentorcursus Inholland 2022', '2022-01-01', 'mentorcursus Inholland 2022'],
    ['VRIJSTELLING - opleiding elders (12-03-2021)', '2021-03-12', 'opleiding elders (12-03-2021)'],
    ['vrijgesteld (cursus 5/9/2019)', '2019-09-05', 'cursus 5/9/2019'],
    ['Vrijgesteld (eerdere scholing 14-12-2018)', '2018-12-14', 'eerdere scholing 14-12-2018'],
    ['Vrijgesteld (cursus (Utrecht) 2019)', '2019-01-01', 'cursus (Utrecht) 2019)'],
    ['Vrijstelling, 1.2.2020 Hogeschool Utrecht', '2020-02-01', '1.2.2020 Hogeschool Utrecht'],
    ['vrijgesteld: diploma 2018-06-30', '2018-06-30', 'diploma 2018-06-30'],
    ['vrijgesteld:: - ,( reden', null, 'reden'],
    ['Vrijgesteld: 31-02-2021 en 01-03-2021', '2021-03-01', '31-02-2021 en 01-03-2021'],
    ['Vrijgesteld: 31-02-2021', '2021-01-01', '31-02-2021'],
    ['Vrijgesteld: registernummer 12-03-20210', null, 'registernummer 12-03-20210'],
    ['Vrijgesteld: kenmerk 120195', null, 'kenmerk 120195'],
    ['Vrijgesteld: cursus 1989, herhaald 1995', '1995-01-01', 'cursus 1989, herhaald 1995'],
    ['Vrijgesteld: 2101', null, '2101'],
    ['vrijgesteld1', null, '1'],
  ])('%s → date %s, reason "%s"', (text, date, reason) => {
    expect(parseExemption(text)).toEqual({ date, reason });
  });

  it('is no exemption when a letter follows the word, or the word is not at the start', () => {
    for (const text of ['vrijstellingen', 'Vrijgestelde', 'geen vrijstelling', 'vrij', 'Vrijgesteldé'])
      expect(parseExemption(text), text).toBeNull();
  });

  it('reads an exemption as completed on its date, with one EXEMPTION naming the reason in the cell', () => {
    const { read, people } = check([
      ['Naam', 'Rol', 'Scholing WPB', 'Certificaat WPB', 'Aantal studenten'],
      ['A', 'WPB', 'Vrijgesteld: mentorcursus Inholland 2025', 'nee', 2],
    ]);
    expect(read.people[0]!.trainings).toEqual({ WPB: { exempt: { date: '2025-01-01' } } });
    expect(read.problems).toEqual([]);
    const p = people[0]!;
    expect(p.status).toBe('In orde');
    expect(codes(p.findings)).toEqual(['EXEMPTION(WPB)']);
    expect(p.findings[0]).toMatchObject({ severity: 'info', training: 'WPB', cell: 'C2', planRef: '§2' });
    expect(p.findings[0]!.message).toBe(
      'Cel C2: Vrijgesteld van Scholing werkplekbegeleiders (Coaching voor werkplekbegeleiders) per 01-01-2025: telt als gevolgd, zonder certificaat. Reden: mentorcursus Inholland 2025',
    );
    expect(p.refresherDue).toBe('2028-01-01');
    expect(p.completed).toEqual(['WPB']);
  });

  it('ignores a date after the reference date: no date, no FUTURE_DATE', () => {
    const { people } = check([
      ['Rol', 'Scholing WPB', 'Certificaat WPB'],
      ['WPB', 'vrijgesteld per 01-09-2027', null],
    ]);
    expect(codes(people[0]!.findings).sort()).toEqual(['DATE_UNKNOWN', 'EXEMPTION(WPB)']);
    expect(people[0]!.refresherDue).toBeNull();
    expect(people[0]!.findings.find((f) => f.code === 'EXEMPTION')!.message).toContain(
      'Vrijgesteld van Scholing werkplekbegeleiders (Coaching voor werkplekbegeleiders): telt als gevolgd, zonder certificaat. Reden: per 01-09-2027',
    );
  });

  it('shows at most 100 characters of a long reason', () => {
    const reason = 'x'.repeat(150);
    const { read, people } = check([
      ['Rol', 'Scholing WPB'],
      ['WPB', `Vrijstelling: ${reason}`],
    ]);
    expect(read.exemptionReasons).toEqual({ '2': { WPB: reason } });
    const message = people[0]!.findings.find((f) => f.code === 'EXEMPTION')!.message;
    expect(message).toContain(`Reden: ${'x'.repeat(100)}…`);
    expect(message).not.toContain('x'.repeat(101));
  });

  it('raises EXEMPTION whether or not the roles ask for the training, but not on a row without a recognised role', () => {
    const { people } = check([
      ['Rol', 'Scholing WPB', 'Scholing OB'],
      ['Schoolleider', 'vrijgesteld', null],
      ['kartrekker', 'vrijgesteld', null],
      [null, 'vrijgesteld', null],
      ['OB', null, 'Vrijstelling 2025'],
    ]);
    expect(people.map((p) => codes(p.findings))).toEqual([['EXEMPTION(WPB)'], ['UNKNOWN_ROLE'], [], ['EXEMPTION(OB)']]);
    expect(people.map((p) => p.status)).toEqual(['In orde', 'Gegevens controleren', 'Geen OS-rol', 'In orde']);
  });

  it('is INVALID_DATE in lastRefresher, roleStart and velonRegistration, and a no in a certificate column', () => {
    const { people } = check([
      ['Rol', 'Scholing SO/IO', 'Certificaat SO/IO', 'Laatste opfrisbijeenkomst', 'In rol sinds', 'VELON-registratie'],
      ['SO', '2025-01-10', 'Vrijgesteld', 'Vrijgesteld', 'vrijstelling', 'Vrijgesteld 2020'],
    ]);
    const f = people[0]!.findings;
    expect(codes(f)).toEqual(['INVALID_DATE', 'INVALID_DATE', 'INVALID_DATE', 'CERTIFICATE_MISSING(SOIO)']);
    expect(f.slice(0, 3).map((x) => x.cell)).toEqual(['D2', 'E2', 'F2']);
  });

  it('a mentor with students and an exempted training needs no certificate (§4.2, §4.4)', () => {
    const { people } = check([
      ['Rol', 'Scholing WPB', 'Certificaat WPB', 'Aantal studenten'],
      ['WPB', 'Vrijgesteld 12-03-2025', 'nee', 3],
      ['WPB', '12-03-2025', 'nee', 3],
    ]);
    expect(codes(people[0]!.findings)).toEqual(['EXEMPTION(WPB)']);
    expect(codes(people[1]!.findings)).toEqual(['CERTIFICATE_MISSING(WPB)', 'STUDENT_WITHOUT_CERTIFIED_WPB']);
  });

  it('an exempted OB training makes the OBP trained for the school (§5.1)', () => {
    const { people } = check([
      ['Rol', 'School', 'Scholing OB'],
      ['OB', 'De Klimop', 'vrijgesteld'],
    ]);
    const evaluation = evaluateSheet(
      bossPoPlan,
      readSheet([['Rol', 'School', 'Scholing OB'], ['OB', 'De Klimop', 'vrijgesteld']], { sheetName: 'S', date1904: false, plan: bossPoPlan }),
      { referenceDate: R, planningYear: P },
    );
    expect(evaluation.schools).toEqual({ count: 1, withTrainedOb: 1 });
    expect(evaluation.findings).toEqual([]);
    expect(codes(people[0]!.findings).sort()).toEqual(['DATE_UNKNOWN', 'EXEMPTION(OB)']);
  });
});

describe('no-words in number columns are 0 (rules.md §6.3)', () => {
  const header = ['Rol', 'Aantal studenten', 'Afstudeerders', 'Tweede beoordelaar', 'Toegekende uren', 'Bijeenkomsten SO-IO'];

  it.each(['nvt', 'n.v.t.', 'N.V.T', 'geen', 'GEEN', '-'])('"%s" in every number field', (word) => {
    const { read, people } = check([header, ['WPB, OB, SO', word, word, word, word, word]]);
    expect(read.problems).toEqual([]);
    expect(read.people[0]).toMatchObject({ students: 0, graduates: 0, hoursGranted: 0, meetings: 0 });
    const p = people[0]!;
    expect(p.findings.some((f) => f.code === 'INVALID_NUMBER')).toBe(false);
    expect(p.normHours).toBe(160);
    expect(p.normParts).toEqual({ WPB: 0, SO: 160, OBP: 0 });
    expect(codes(p.findings)).toContain('UNDER_FACILITATED');
    expect(codes(p.findings)).toContain('MEETINGS_BELOW_MINIMUM');
  });

  it('secondAssessments "geen" is 0 for an OBI: the norm counts the graduates only', () => {
    const read = readSheet([header, ['OB', null, 3, 'geen', null, null]], { sheetName: 'P', date1904: false, board: 'Pabo HR', plan: bossPoPlan });
    expect(read.people[0]!.secondAssessments).toBe(0);
    expect(evaluateSheet(bossPoPlan, read, { referenceDate: R, planningYear: P }).people[0]!.normHours).toBe(18);
  });

  it('"-" in hoursGranted is 0 and raises UNDER_FACILITATED when the norm is above 0, not when it is 0', () => {
    const { people } = check([
      header,
      ['WPB', 2, null, null, '-', null],
      ['WPB', 'nvt', null, null, '-', null],
    ]);
    expect(codes(people[0]!.findings)).toContain('UNDER_FACILITATED');
    expect(people[0]!.findings.find((f) => f.code === 'UNDER_FACILITATED')!.message).toContain('0 van 40');
    expect(people[1]!.normHours).toBe(0);
    expect(codes(people[1]!.findings)).not.toContain('UNDER_FACILITATED');
  });

  it('property: in every number field a no-word in any case and padding is 0, and nothing else textual becomes 0', () => {
    const fields = ['Aantal studenten', 'Afstudeerders', 'Tweede beoordelaar', 'Toegekende uren', 'Bijeenkomsten SO-IO'];
    const keys = ['students', 'graduates', 'secondAssessments', 'hoursGranted', 'meetings'] as const;
    const noWord = fc
      .tuple(fc.constantFrom('nvt', 'n.v.t.', 'n.v.t', 'geen', '-'), fc.array(fc.boolean(), { maxLength: 6 }), fc.constantFrom('', ' ', '  '), fc.constantFrom('', ' ', '\t'))
      .map(([w, upper, before, after]) => before + [...w].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join('') + after);
    const cell = fc.oneof(
      noWord.map((text) => ({ text, want: 0 as number | 'invalid' | null })),
      fc.integer({ min: 0, max: 500 }).map((n) => ({ text: String(n), want: n as number | 'invalid' | null })),
      fc.constantFrom('nvt.', 'geen studenten', '--', 'n.v.', 'x', '-1').map((text) => ({ text, want: 'invalid' as const })),
      fc.constantFrom('', '  ').map((text) => ({ text, want: null })),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 5, maxLength: 5 }), (cells) => {
        const read = readSheet([['Rol', ...fields], ['WPB', ...cells.map((c) => c.text)]], { sheetName: 'P', date1904: false, plan: bossPoPlan });
        const p = read.people[0]!;
        keys.forEach((key, i) => {
          const want = cells[i]!.want;
          expect(parseNumber(cells[i]!.text)).toEqual(want === 'invalid' ? { invalid: cells[i]!.text.trim() } : want);
          if (want === 'invalid') expect(p[key]).toMatchObject({ invalid: expect.any(String) });
          else expect(p[key]).toBe(want);
        });
        expect(read.problems).toHaveLength(cells.filter((c) => c.want === 'invalid').length);
      }),
      { numRuns: 300 },
    );
  });
});
