// The header synonym table (rules.md §6.2) and the role synonyms (§6.3) as data. Matching code lives in
// headers.ts and roles.ts; a board with other words extends these tables, not the code.
import { isSchoolYear } from '../calendar/dates';
import type { RoleCode } from '../plan/schema';
import { sameSheetName, sheetNameKey } from './sheet-name';
import type { FieldName } from './types';

/** Word groups: every group needs a whole header word in it (rules.md §6.2 step 2, rows marked ~). */
export type WordRule = readonly (readonly string[])[];

export interface FieldSynonyms {
  field: FieldName;
  /** Exact headers (normalised before comparison). */
  exact: readonly string[];
  /** Word rules; the field matches when any one rule matches. */
  words?: readonly WordRule[];
}

const TRAINING_WORDS = ['scholing', 'training'] as const;
const CERTIFICATE_WORDS = ['certificaat', 'gecertificeerd'] as const;
const WPB_WORDS = ['werkplekbegeleider', 'wpb', 'mentor'] as const;
const SOIO_WORDS = ['schoolopleider', 'instituutsopleider', 'so', 'io'] as const;

/** Column fields (rules.md §6.2 table), per-role columns excluded. */
export const FIELD_SYNONYMS: readonly FieldSynonyms[] = [
  {
    field: 'personId',
    exact: ['Personeelsnummer', 'Pers.nr.', 'Personeelsnr', 'Medewerkernummer', 'Werknemersnummer', 'Medewerker ID', 'ID'],
  },
  { field: 'name', exact: ['Naam', 'Volledige naam', 'Naam medewerker'] },
  { field: 'firstName', exact: ['Voornaam', 'Roepnaam'] },
  { field: 'tussenvoegsel', exact: ['Tussenvoegsel', 'Tussenv.'] },
  { field: 'lastName', exact: ['Achternaam'] },
  { field: 'board', exact: ['Bestuur', 'Schoolbestuur', 'Stichting'] },
  { field: 'school', exact: ['School', 'Schoolnaam', 'Locatie', 'Vestiging', 'BRIN', 'Brinnummer'] },
  {
    field: 'roles',
    exact: ['Rol', 'Rollen', 'Rol OS', 'Rol(len) opleidingsschool', 'OS-rol', 'Taak OS', 'Taak opleidingsschool'],
  },
  { field: 'training.WPB', exact: ['Coaching voor werkplekbegeleiders'], words: [[TRAINING_WORDS, WPB_WORDS]] },
  { field: 'training.SOIO', exact: [], words: [[TRAINING_WORDS, SOIO_WORDS]] },
  { field: 'training.OB', exact: [], words: [[TRAINING_WORDS, ['onderzoeksbegeleider', 'ob']]] },
  { field: 'training.TRAINER', exact: [], words: [[['meelopen', 'inwerken', 'training'], ['trainer']]] },
  { field: 'training.INTERVISOR', exact: [], words: [[['training', 'meelopen'], ['intervisor']]] },
  { field: 'training.INWERK', exact: ['Inwerkprogramma'] },
  { field: 'certificate.WPB', exact: [], words: [[CERTIFICATE_WORDS, WPB_WORDS]] },
  { field: 'certificate.SOIO', exact: [], words: [[CERTIFICATE_WORDS, [...SOIO_WORDS, 'opleider']]] },
  {
    field: 'lastRefresher',
    exact: ['Opfrisbijeenkomst', 'Laatste opfrisbijeenkomst', 'Driejaarlijkse update', 'Opfrissing', 'Update'],
  },
  { field: 'velonRegistration', exact: ['VELON', 'VELON-registratie', 'BRLO', 'Registratie lerarenopleider'] },
  { field: 'roleStart', exact: ['In rol sinds', 'Startdatum rol', 'Rol sinds', 'Sinds'] },
  { field: 'students', exact: ['Aantal studenten', 'Studenten', 'Stagiairs', 'Aantal stagiairs'] },
  { field: 'graduates', exact: ['Afstudeerders', 'Aantal afstudeerders'] },
  { field: 'secondAssessments', exact: ['Tweede beoordelaar', 'Aantal tweede beoordelingen'] },
  {
    field: 'hoursGranted',
    exact: ['Toegekende uren', 'Uren facilitering', 'Facilitering', 'Uren OS', 'Faciliteringsuren'],
  },
  { field: 'pairedWith', exact: ['Gekoppeld aan', 'Koppeling', 'Maatje', 'Gekoppelde SO/IO'] },
  { field: 'meetings', exact: ['Bijeenkomsten SO-IO', 'Aantal bijeenkomsten', 'Intervisiebijeenkomsten'] },
  { field: 'coach', exact: ['Coach', 'Coach starter'] },
];

/** Words that may follow an exact synonym (`Scholing OB (datum)`, `Toegekende uren`). */
export const EXACT_SUFFIXES: readonly string[] = ['datum', 'uur', 'uren'];

/**
 * Per-role columns (a cell that is a yes adds the role): exact role names or codes only. `OB` is resolved
 * per row by board (rules.md §2); the qualified names and the codes OBP/OBI are fixed.
 */
export const ROLE_COLUMN_SYNONYMS: readonly { role: RoleCode | 'OB'; exact: readonly string[] }[] = [
  { role: 'WPB', exact: ['Werkplekbegeleider', 'WPB', 'Mentor'] },
  { role: 'SO', exact: ['Schoolopleider', 'SO'] },
  { role: 'IO', exact: ['Instituutsopleider', 'IO'] },
  { role: 'OB', exact: ['Onderzoeksbegeleider', 'OB'] },
  { role: 'OBP', exact: ['Onderzoeksbegeleider praktijk', 'OBP'] },
  { role: 'OBI', exact: ['Onderzoeksbegeleider instituut', 'OBI'] },
  { role: 'INTERVISOR', exact: ['Intervisor'] },
  { role: 'TRAINER', exact: ['Trainer'] },
  { role: 'STARTER', exact: ['Startende leerkracht', 'Starter'] },
];

/** A lone certificate header belongs to the nearest WPB or SOIO training column (rules.md §6.2 step 4). */
export const LONE_CERTIFICATE_HEADERS: readonly string[] = ['Certificaat', 'Gecertificeerd'];

/** Role synonyms of a roles text cell (rules.md §6.3). `OB` means OBI at the pabo, else OBP (§2). */
export const ROLE_SYNONYMS: readonly { role: RoleCode | 'OB'; names: readonly string[] }[] = [
  { role: 'WPB', names: ['werkplekbegeleider', 'wpb', 'mentor', 'praktijkbegeleider'] },
  { role: 'SO', names: ['schoolopleider', 'so'] },
  { role: 'IO', names: ['instituutsopleider', 'io'] },
  { role: 'OB', names: ['onderzoeksbegeleider', 'ob'] },
  { role: 'OBP', names: ['onderzoeksbegeleider praktijk', 'onderzoeksbegeleider school', 'obp'] },
  { role: 'OBI', names: ['onderzoeksbegeleider instituut', 'onderzoeksbegeleider pabo', 'obi'] },
  { role: 'COACH', names: ['coach', 'coach starters', 'coach startende leerkrachten'] },
  { role: 'INTERVISOR', names: ['intervisor'] },
  { role: 'TRAINER', names: ['trainer'] },
  { role: 'STARTER', names: ['startende leerkracht', 'starter', 'beginnende leerkracht'] },
  { role: 'SCHOOLLEIDER', names: ['schoolleider', 'directeur', 'locatieleider'] },
  { role: 'PROGRAMMALEIDER', names: ['programmaleider', 'programmamanager'] },
  { role: 'PROGRAMMALEIDING', names: ['programmaleiding', 'lid programmaleiding'] },
  { role: 'OPLEIDERSGROEP', names: ['opleidersgroep', 'lid opleidersgroep'] },
  { role: 'STUURGROEP', names: ['stuurgroep', 'lid stuurgroep'] },
  { role: 'BESTUURDER', names: ['bestuurder', 'manager'] },
];

/** Role texts that mean "no role" (rules.md §6.3); `-` normalises to the empty text. */
export const NO_ROLE_WORDS: readonly string[] = ['geen', '-', 'n.v.t.', 'nvt'];

/** The phrase `school- en instituutsopleider(s)` means SO and IO (rules.md §6.3), normalised. */
export const SO_AND_IO_PHRASE = 'school en instituutsopleider';

/** Sheets the product writes itself (interfaces.md §1): never read as staff sheets (rules.md §6.1). */
export const PRODUCT_SHEET_PREFIXES: readonly string[] = ['Scholingsbehoefte', 'Trainersvraag', 'Overzicht OS Boss po'];

export const PER_SCHOOL_PREFIX = 'Per school ';

/** `Per school YYYY-YYYY` exactly, a school year after it, any case (rules.md §6.1; interfaces.md §1). */
export function isPerSchoolSheet(name: string): boolean {
  return sameSheetName(name.slice(0, PER_SCHOOL_PREFIX.length), PER_SCHOOL_PREFIX) && isSchoolYear(name.slice(PER_SCHOOL_PREFIX.length));
}

export function isProductSheet(name: string): boolean {
  if (isPerSchoolSheet(name)) return true;
  const n = sheetNameKey(name.trim());
  return PRODUCT_SHEET_PREFIXES.some((p) => {
    const prefix = sheetNameKey(p);
    return n === prefix || n.startsWith(`${prefix} `);
  });
}
