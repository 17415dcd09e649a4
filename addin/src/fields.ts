// The fields a column can be mapped to in the mapping panel, with Dutch and English labels.
import { RULE_FIELDS } from '../../shared/model/person';
import { ROLE_CODES } from '../../shared/plan/schema';
import { matchHeader } from '../../shared/sheet/headers';
import type { FieldName } from '../../shared/sheet/types';
import type { Language } from './i18n';

const LABELS: Record<string, [nl: string, en: string]> = {
  personId: ['Personeelsnummer', 'Staff number'],
  name: ['Naam', 'Name'],
  firstName: ['Voornaam', 'First name'],
  tussenvoegsel: ['Tussenvoegsel', 'Name prefix'],
  lastName: ['Achternaam', 'Last name'],
  board: ['Bestuur', 'Board'],
  school: ['School', 'School'],
  roles: ['Rollen', 'Roles'],
  'training.WPB': ['Scholing werkplekbegeleiders (datum)', 'WPB training (date)'],
  'training.SOIO': ['Scholing school- en instituutsopleiders (datum)', 'SOIO training (date)'],
  'training.OB': ['Scholing onderzoeksbegeleiders (datum)', 'OB training (date)'],
  'training.TRAINER': ['Inwerken trainer (datum)', 'Trainer induction (date)'],
  'training.INTERVISOR': ['Training intervisor (datum)', 'Intervisor training (date)'],
  'training.INWERK': ['Inwerkprogramma (datum)', 'Induction programme (date)'],
  'certificate.WPB': ['Certificaat WPB', 'WPB certificate'],
  'certificate.SOIO': ['Certificaat SO/IO', 'SOIO certificate'],
  lastRefresher: ['Laatste opfrisbijeenkomst', 'Last refresher'],
  roleStart: ['In rol sinds', 'In role since'],
  velonRegistration: ['VELON-registratie', 'VELON registration'],
  students: ['Aantal studenten', 'Students'],
  graduates: ['Aantal afstudeerders', 'Graduates'],
  secondAssessments: ['Tweede beoordelingen', 'Second assessments'],
  hoursGranted: ['Toegekende uren', 'Hours granted'],
  meetings: ['Bijeenkomsten SO-IO', 'SO-IO meetings'],
  pairedWith: ['Gekoppeld aan', 'Paired with'],
  coach: ['Coach', 'Coach'],
};

export const MAPPABLE_FIELDS: FieldName[] = [
  'personId', 'name', 'firstName', 'tussenvoegsel', 'lastName', 'board', 'school', 'roles',
  ...RULE_FIELDS.filter((f) => f !== 'school'),
  ...ROLE_CODES.map((r) => `role.${r}` as const),
];

export function fieldLabel(field: FieldName, language: Language): string {
  const l = LABELS[field];
  if (l) return language === 'nl' ? l[0] : l[1];
  if (field.startsWith('role.')) return `${language === 'nl' ? 'Rolkolom' : 'Role column'} ${field.slice(5)}`;
  return field;
}

/**
 * The header cells the mapping panel offers, by column letter: all but the product's own columns, which
 * the reader never reads (rules.md §6.1) and recognises in any case and spacing (`os-status `), as here.
 */
export function mappableHeaders(headers: Record<string, string>): [letter: string, header: string][] {
  return Object.entries(headers).filter(([, header]) => matchHeader(header).kind !== 'owned');
}
