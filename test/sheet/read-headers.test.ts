import { describe, expect, it } from 'vitest';
import { matchHeader } from '../../shared/sheet/headers';
import { normalizeHeader } from '../../shared/sheet/normalize';
import { isProductSheet } from '../../shared/sheet/synonyms';

const field = (header: string) => {
  const m = matchHeader(header);
  return m.kind === 'field' ? m.target : m.kind;
};

const expectAll = (headers: string[], expected: string) => {
  for (const h of headers) expect(field(h), h).toBe(expected);
};

describe('header normalisation (rules.md §6.2)', () => {
  it('lower-cases, removes accents, turns punctuation into spaces, collapses and trims', () => {
    expect(normalizeHeader('Rol(len) opleidingsschool')).toBe('rol len opleidingsschool');
    expect(normalizeHeader('Pers.nr.')).toBe('pers nr');
    expect(normalizeHeader('  Opfrissen   vóór ')).toBe('opfrissen voor');
    expect(normalizeHeader('ICT-coördinator')).toBe('ict coordinator');
  });
});

describe('synonym groups (rules.md §6.2 table)', () => {
  it('personId', () => expectAll(['Personeelsnummer', 'Pers.nr.', 'Personeelsnr', 'Medewerkernummer', 'Werknemersnummer', 'Medewerker ID', 'ID', 'pers nr'], 'personId'));
  it('name', () => expectAll(['Naam', 'Volledige naam', 'Naam medewerker'], 'name'));
  it('firstName', () => expectAll(['Voornaam', 'Roepnaam'], 'firstName'));
  it('tussenvoegsel', () => expectAll(['Tussenvoegsel', 'Tussenv.'], 'tussenvoegsel'));
  it('lastName', () => expectAll(['Achternaam'], 'lastName'));
  it('board', () => expectAll(['Bestuur', 'Schoolbestuur', 'Stichting'], 'board'));
  it('school', () => expectAll(['School', 'Schoolnaam', 'Locatie', 'Vestiging', 'BRIN', 'Brinnummer'], 'school'));
  it('roles', () => expectAll(['Rol', 'Rollen', 'Rol OS', 'Rol(len) opleidingsschool', 'OS-rol', 'Taak OS', 'Taak opleidingsschool'], 'roles'));
  it('per-role columns need a role name or code exactly', () => {
    expectAll(['Werkplekbegeleider', 'WPB', 'Mentor'], 'role.WPB');
    expectAll(['Schoolopleider', 'SO'], 'role.SO');
    expectAll(['Instituutsopleider', 'IO'], 'role.IO');
    expectAll(['Onderzoeksbegeleider', 'OB'], 'role.OB');
    expectAll(['Intervisor'], 'role.INTERVISOR');
    expectAll(['Trainer'], 'role.TRAINER');
    expectAll(['Startende leerkracht', 'Starter'], 'role.STARTER');
    expectAll(['Werkplekbegeleiders ja/nee', 'WPB uren'], 'none');
  });
  it('a lone Coach is the coach field', () => expectAll(['Coach', 'Coach starter'], 'coach'));
  it('WPB training date', () =>
    expectAll(['Scholing WPB', 'Training werkplekbegeleider', 'Scholing werkplekbegeleiders', 'Training mentoren', 'Coaching voor werkplekbegeleiders', 'Scholing WPB (datum)'], 'training.WPB'));
  it('SOIO training date', () =>
    expectAll(['Scholing SO/IO', 'Scholing schoolopleider', 'Training instituutsopleiders', 'Scholing school- en instituutsopleiders'], 'training.SOIO'));
  it('OB training date', () => expectAll(['Scholing OB', 'Training onderzoeksbegeleiders', 'Scholing OB (datum)'], 'training.OB'));
  it('TRAINER, INTERVISOR, INWERK trainings', () => {
    expectAll(['Meelopen trainer', 'Inwerken trainers', 'Training trainer'], 'training.TRAINER');
    expectAll(['Training intervisor', 'Meelopen intervisoren'], 'training.INTERVISOR');
    expectAll(['Inwerkprogramma', 'Inwerkprogramma (datum)'], 'training.INWERK');
  });
  it('Training intervisor holds no word so', () => expect(field('Training intervisor')).toBe('training.INTERVISOR'));
  it('certificate WPB', () => expectAll(['Certificaat WPB', 'Gecertificeerd werkplekbegeleider', 'Certificaat mentor'], 'certificate.WPB'));
  it('certificate SOIO', () =>
    expectAll(['Certificaat SO/IO', 'Gecertificeerd schoolopleider', 'Certificaat instituutsopleider', 'Certificaat opleider'], 'certificate.SOIO'));
  it('lastRefresher', () =>
    expectAll(['Opfrisbijeenkomst', 'Laatste opfrisbijeenkomst', 'Driejaarlijkse update', 'Opfrissing', 'Update', 'Opfrisbijeenkomst (datum)'], 'lastRefresher'));
  it('velonRegistration', () => expectAll(['VELON', 'VELON-registratie', 'BRLO', 'Registratie lerarenopleider'], 'velonRegistration'));
  it('roleStart', () => expectAll(['In rol sinds', 'Startdatum rol', 'Rol sinds', 'Sinds'], 'roleStart'));
  it('students', () => expectAll(['Aantal studenten', 'Studenten', 'Stagiairs', 'Aantal stagiairs'], 'students'));
  it('graduates', () => expectAll(['Afstudeerders', 'Aantal afstudeerders'], 'graduates'));
  it('secondAssessments', () => expectAll(['Tweede beoordelaar', 'Aantal tweede beoordelingen'], 'secondAssessments'));
  it('hoursGranted', () =>
    expectAll(['Toegekende uren', 'Uren facilitering', 'Facilitering', 'Uren OS', 'Faciliteringsuren', 'Facilitering (uren)'], 'hoursGranted'));
  it('pairedWith', () => expectAll(['Gekoppeld aan', 'Koppeling', 'Maatje', 'Gekoppelde SO/IO'], 'pairedWith'));
  it('meetings', () => expectAll(['Bijeenkomsten SO-IO', 'Aantal bijeenkomsten', 'Intervisiebijeenkomsten'], 'meetings'));
});

describe('matching steps (rules.md §6.2)', () => {
  it('ignores case, accents, punctuation and spacing', () => {
    expect(field('  AANTAL   studenten ')).toBe('students');
    expect(field('VELON registratie')).toBe('velonRegistration');
    expect(field('In rol sinds:')).toBe('roleStart');
  });

  it('accepts an exact synonym followed by datum, uur or uren', () => {
    expect(field('Sinds datum')).toBe('roleStart');
    expect(field('Uren OS uur')).toBe('hoursGranted');
  });

  it('lets an exact match win over word matches', () => {
    // `Coaching voor werkplekbegeleiders` is exact; no word rule is consulted.
    expect(matchHeader('Coaching voor werkplekbegeleiders')).toEqual({ kind: 'field', target: 'training.WPB', by: 'exact' });
    expect(matchHeader('Scholing WPB')).toEqual({ kind: 'field', target: 'training.WPB', by: 'words' });
  });

  it('leaves a header that matches two fields at the same step unmapped', () => {
    expect(matchHeader('Scholing WPB en SO')).toEqual({ kind: 'ambiguous', targets: ['training.WPB', 'training.SOIO'] });
    expect(matchHeader('Certificaat scholing WPB')).toEqual({ kind: 'ambiguous', targets: ['training.WPB', 'certificate.WPB'] });
  });

  it('marks a lone Certificaat or Gecertificeerd for attaching to a training column', () => {
    expect(field('Certificaat')).toBe('loneCertificate');
    expect(field('Gecertificeerd?')).toBe('loneCertificate');
  });

  it('never reads the five owned headers as fields', () => {
    for (const h of ['OS-status', 'Acties', 'Opfrissen vóór', 'Normuren', 'Toelichting']) expect(field(h), h).toBe('owned');
  });

  it('applies overrides by header text: a field, or null to ignore', () => {
    expect(matchHeader('Mijn kolom', { 'Mijn kolom': 'students' })).toEqual({ kind: 'field', target: 'students', by: 'override' });
    expect(matchHeader('Studenten', { Studenten: null })).toEqual({ kind: 'ignored' });
    expect(matchHeader('Mijn  Kolom', { 'mijn kolom': 'meetings' })).toEqual({ kind: 'field', target: 'meetings', by: 'override' });
  });

  it('leaves unknown headers unmapped', () => {
    expect(field('Telefoonnummer')).toBe('none');
    expect(field('Opmerkingen')).toBe('none');
  });
});

describe('product sheets (rules.md §6.1)', () => {
  it('never reads the product\'s own output sheets', () => {
    expect(isProductSheet('Scholingsbehoefte 2026-2027')).toBe(true);
    expect(isProductSheet('Trainersvraag 2026-2027')).toBe(true);
    expect(isProductSheet('Overzicht OS Boss po 2026-2027')).toBe(true);
    expect(isProductSheet('Personeel')).toBe(false);
    expect(isProductSheet('Scholingsbehoeften team')).toBe(false);
  });
});
