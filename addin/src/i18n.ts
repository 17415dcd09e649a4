// User-facing texts: Dutch by default, English on request or when Office's display language is not Dutch.
import { createContext, useContext } from 'react';
import type { HostError } from './excel/types';

export type Language = 'nl' | 'en';

const nl = {
  appTitle: 'Boss po controle',
  language: 'Taal',
  languageToggle: 'English',
  loading: 'Bezig met laden…',
  sheet: 'Werkblad',
  sheetHint: 'Kies het werkblad met de personeelslijst.',
  headerRow: 'Kopregel',
  headerRowFound: (row: number) => `Kopregel gevonden op rij ${row}.`,
  noHeaderRow: (reason: string) => `Dit werkblad is niet te controleren: ${reason}. Kies een ander werkblad of pas de kolomkoppen aan.`,
  mapping: 'Kolommen',
  mappingHint: 'Klopt een kolom niet? Kies het juiste veld; de keuze wordt in de werkmap bewaard.',
  ignore: '(niet gebruiken)',
  unmapped: '(niet herkend)',
  referenceDate: 'Peildatum',
  planningYear: 'Planjaar',
  planningYearHint: 'Bijvoorbeeld 2026-2027',
  board: 'Bestuur',
  boardHint: 'Voor rijen zonder bestuurskolom',
  check: 'Controleer',
  checking: 'Bezig met controleren…',
  stepRead: 'Werkblad lezen',
  stepEvaluate: 'Beoordelen',
  stepWrite: 'Statuskolommen schrijven',
  resultPanel: 'Overzicht',
  perStatus: 'Aantal per status',
  people: 'medewerkers',
  topActions: 'Meest voorkomende acties',
  noActions: 'Geen acties nodig.',
  dataProblems: 'Gegevens om te controleren',
  noDataProblems: 'Geen problemen in de gegevens gevonden.',
  goToCell: (cell: string) => `Ga naar cel ${cell}`,
  moreProblems: (n: number) => `en nog ${n}…`,
  makeSummary: 'Samenvatting maken',
  summaryWritten: (name: string) => `Het blad '${name}' is geschreven.`,
  perSchoolWritten: (name: string) => `Ernaast staat '${name}', met een blok per school.`,
  removeColumns: 'Verwijder statuskolommen',
  removeTitle: 'Statuskolommen verwijderen?',
  removeBody: (sheet: string) =>
    `De kolommen OS-status, Acties, Opfrissen vóór, Normuren en Toelichting worden uit '${sheet}' verwijderd, en de bladen Scholingsbehoefte … en Per school … uit de werkmap. Dit kan niet ongedaan worden gemaakt met Ctrl+Z.`,
  removeConfirm: 'Verwijderen',
  cancel: 'Annuleren',
  removed: (n: number, s: number) => `${n} kolommen en ${s} bladen verwijderd.`,
  written: (n: number, sheet: string) => `${n} rijen gecontroleerd; de statuskolommen staan in '${sheet}'.`,
  settings: 'Instellingen',
  apiUrl: 'Adres van de API',
  apiUrlHint: 'Leeg laten om in het taakvenster te beoordelen (zonder centraal register).',
  apiKey: 'API-sleutel (alleen lokaal)',
  signIn: 'Aanmelden',
  signedInAs: (name: string) => `Aangemeld als ${name}`,
  signInCancelled: 'Aanmelden is afgebroken.',
  signInBlocked: 'Het aanmeldvenster kon niet openen. Sluit een ander venster van de invoegtoepassing en kies opnieuw Aanmelden.',
  signInFailed: 'Aanmelden is mislukt; probeer het opnieuw of vraag uw beheerder om uw rol.',
  signInAgain: 'Uw aanmelding is verlopen: kies Aanmelden (Instellingen).',
  save: 'Opslaan',
  saved: 'Opgeslagen.',
  apiUnreachable:
    'De server is niet bereikbaar. Controleer het adres in Instellingen en uw verbinding, of beoordeel nu in het taakvenster (zonder het centrale scholingsregister).',
  evaluateLocally: 'Beoordeel in het taakvenster',
  evaluatedLocally: 'Beoordeeld in het taakvenster: het centrale scholingsregister is niet toegepast.',
  localNote:
    'Let op: deze controle is in het taakvenster uitgevoerd omdat de server niet bereikbaar was. Het centrale scholingsregister van het Stagebureau is niet toegepast.',
  apiRefused: (detail: string) => `De server weigerde de controle: ${detail}. Controleer de API-sleutel of meld u aan, en probeer opnieuw.`,
  sheetProtected: (sheet: string) =>
    `Het werkblad '${sheet}' is beveiligd. Hef de beveiliging op (Controleren > Beveiliging blad opheffen) en probeer het opnieuw.`,
  workbookProtected: 'De structuur van de werkmap is beveiligd, dus er kan geen blad worden toegevoegd of verwijderd. Hef de beveiliging op (Controleren > Werkmap beveiligen) en probeer het opnieuw.',
  sheetNotFound: (sheet: string) => `Het werkblad '${sheet}' bestaat niet meer. Kies het werkblad opnieuw.`,
  readOnly:
    'De werkmap is alleen-lezen geopend (weergavemodus in Excel voor het web, geopend als alleen-lezen, of zonder bewerkrechten), dus er kan niets worden geschreven. Kies Bewerken (of vraag bewerkrechten aan, of sla een kopie op) en probeer het opnieuw.',
  accessDenied:
    'Excel staat deze wijziging niet toe. Controleer of u de werkmap mag bewerken (niet alleen-lezen) en of het werkblad en de werkmap niet beveiligd zijn, en probeer het opnieuw.',
  sheetHidden: (sheet: string) =>
    `Het werkblad '${sheet}' is verborgen. Maak het zichtbaar (rechtsklik op een bladtab > Zichtbaar maken) en probeer het opnieuw.`,
  sheetChanged: 'Het werkblad is gewijzigd tijdens de controle; controleer opnieuw.',
  sheetTooLarge: (sheet: string) =>
    `Het werkblad '${sheet}' is te groot om in één keer via Excel te lezen of te schrijven. Verwijder lege rijen en kolommen onder en rechts van de lijst (ook hun opmaak), of zet de lijst verdeeld over meer werkbladen, en probeer het opnieuw.`,
  busy: 'Excel is bezig met het bewerken van een cel. Druk op Enter of Esc in het werkblad en probeer het opnieuw.',
  hostFailed: (detail: string) => `Excel gaf een fout: ${detail}. Probeer het opnieuw; blijft het misgaan, sluit en open dan het taakvenster.`,
  tooManyPeople: 'Dit werkblad heeft meer dan 50.000 medewerkers; dat kan niet in één keer worden gecontroleerd. Splits de lijst per bestuur.',
  invalidDate: 'Vul een datum in als JJJJ-MM-DD.',
  invalidYear: 'Vul een planjaar in als 2026-2027.',
  browserIntro: 'Controleer een personeelslijst (.xlsx) zonder Excel. Het bestand blijft op deze computer.',
  chooseWorkbook: 'Werkmap kiezen',
  chooseFirst: 'Kies eerst een werkmap (.xlsx).',
  download: 'Download',
  downloadHint: (name: string) => `Sla ${name} op met de statuskolommen en de samenvatting.`,
  fileProblem: (detail: string) => `Deze werkmap kan niet worden gecontroleerd: ${detail}`,
  sheetsChecked: (n: number) => `${n} werkblad(en) gecontroleerd.`,
  sheetSkipped: (sheet: string, reason: string) => `Werkblad '${sheet}' overgeslagen: ${reason}`,
};

export type Messages = typeof nl;

const en: Messages = {
  appTitle: 'Boss po check',
  language: 'Language',
  languageToggle: 'Nederlands',
  loading: 'Loading…',
  sheet: 'Sheet',
  sheetHint: 'Choose the sheet with the staff list.',
  headerRow: 'Header row',
  headerRowFound: (row) => `Header row found on row ${row}.`,
  noHeaderRow: (reason) => `This sheet cannot be checked: ${reason}. Choose another sheet or adjust the column headers.`,
  mapping: 'Columns',
  mappingHint: 'A column wrong? Choose the right field; your choice is kept in the workbook.',
  ignore: '(do not use)',
  unmapped: '(not recognised)',
  referenceDate: 'Reference date',
  planningYear: 'Planning year',
  planningYearHint: 'For example 2026-2027',
  board: 'Board',
  boardHint: 'For rows without a board column',
  check: 'Controleer',
  checking: 'Checking…',
  stepRead: 'Reading the sheet',
  stepEvaluate: 'Evaluating',
  stepWrite: 'Writing the status columns',
  resultPanel: 'Overview',
  perStatus: 'People per status',
  people: 'people',
  topActions: 'Most common actions',
  noActions: 'No actions needed.',
  dataProblems: 'Data to check',
  noDataProblems: 'No data problems found.',
  goToCell: (cell) => `Go to cell ${cell}`,
  moreProblems: (n) => `and ${n} more…`,
  makeSummary: 'Samenvatting maken',
  summaryWritten: (name) => `Sheet '${name}' written.`,
  perSchoolWritten: (name) => `Beside it: '${name}', a block per school.`,
  removeColumns: 'Verwijder statuskolommen',
  removeTitle: 'Remove the status columns?',
  removeBody: (sheet) =>
    `The columns OS-status, Acties, Opfrissen vóór, Normuren and Toelichting are removed from '${sheet}', and the Scholingsbehoefte … and Per school … sheets from the workbook. Ctrl+Z cannot undo this.`,
  removeConfirm: 'Remove',
  cancel: 'Cancel',
  removed: (n, s) => `${n} columns and ${s} sheets removed.`,
  written: (n, sheet) => `${n} rows checked; the status columns are in '${sheet}'.`,
  settings: 'Settings',
  apiUrl: 'API address',
  apiUrlHint: 'Leave empty to evaluate in the task pane (without the central register).',
  apiKey: 'API key (local use only)',
  signIn: 'Sign in',
  signedInAs: (name) => `Signed in as ${name}`,
  signInCancelled: 'Sign-in was cancelled.',
  signInBlocked: 'The sign-in window could not open. Close another window of the add-in and choose Sign in again.',
  signInFailed: 'Sign-in failed; try again or ask your administrator for your role.',
  signInAgain: 'Your sign-in has expired: choose Sign in (Settings).',
  save: 'Save',
  saved: 'Saved.',
  apiUnreachable: 'The server cannot be reached. Check the address in Settings and your connection, or evaluate in the task pane now (without the central training register).',
  evaluateLocally: 'Evaluate in the task pane',
  evaluatedLocally: 'Evaluated in the task pane: the central register was not applied.',
  localNote: nl.localNote,
  apiRefused: (detail) => `The server refused the check: ${detail}. Check the API key or sign in, and try again.`,
  sheetProtected: (sheet) => `Sheet '${sheet}' is protected. Unprotect it (Review > Unprotect Sheet) and try again.`,
  workbookProtected: 'The workbook structure is protected, so no sheet can be added or removed. Unprotect it (Review > Protect Workbook) and try again.',
  sheetNotFound: (sheet) => `Sheet '${sheet}' no longer exists. Choose the sheet again.`,
  readOnly:
    'The workbook is open read-only (view mode in Excel on the web, opened read-only, or without edit rights), so nothing can be written. Choose Editing (or ask for edit rights, or save a copy) and try again.',
  accessDenied: 'Excel does not allow this change. Check that you may edit the workbook (not read-only) and that the sheet and the workbook are not protected, and try again.',
  sheetHidden: (sheet) => `Sheet '${sheet}' is hidden. Unhide it (right-click a sheet tab > Unhide) and try again.`,
  sheetChanged: 'The sheet changed during the check; check again.',
  sheetTooLarge: (sheet) =>
    `Sheet '${sheet}' is too large to read or write through Excel in one go. Delete empty rows and columns below and right of the list (their formatting too), or split the list over more sheets, and try again.`,
  busy: 'Excel is editing a cell. Press Enter or Esc in the sheet and try again.',
  hostFailed: (detail) => `Excel reported an error: ${detail}. Try again; if it keeps failing, close and reopen the task pane.`,
  tooManyPeople: 'This sheet has more than 50,000 people; that cannot be checked in one go. Split the list per board.',
  invalidDate: 'Enter a date as YYYY-MM-DD.',
  invalidYear: 'Enter a planning year as 2026-2027.',
  browserIntro: 'Check a staff list (.xlsx) without Excel. The file stays on this computer.',
  chooseWorkbook: 'Werkmap kiezen',
  chooseFirst: 'Choose a workbook (.xlsx) first.',
  download: 'Download',
  downloadHint: (name) => `Save ${name} with the status columns and the summary.`,
  fileProblem: (detail) => `This workbook cannot be checked: ${detail}`,
  sheetsChecked: (n) => `${n} sheet(s) checked.`,
  sheetSkipped: (sheet, reason) => `Sheet '${sheet}' skipped: ${reason}`,
};

export const MESSAGES: Record<Language, Messages> = { nl, en };

export const LanguageContext = createContext<{ language: Language; t: Messages; setLanguage: (l: Language) => void }>({
  language: 'nl',
  t: nl,
  setLanguage: () => undefined,
});

export function useT() {
  return useContext(LanguageContext);
}

/** Office's display language (e.g. `en-US`) → the pane's language; Dutch unless clearly another. */
export function languageFor(displayLanguage: string | null | undefined): Language {
  if (!displayLanguage) return 'nl';
  return displayLanguage.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** What the user reads for a host problem, with what to do; `sheet` when the error names none. */
export function hostErrorText(e: HostError, t: Messages, sheet: string): string {
  const name = e.sheet ?? sheet;
  switch (e.code) {
    case 'sheetProtected':
      return t.sheetProtected(name);
    case 'workbookProtected':
      return t.workbookProtected;
    case 'readOnly':
      return t.readOnly;
    case 'accessDenied':
      return t.accessDenied;
    case 'sheetNotFound':
      return t.sheetNotFound(name);
    case 'sheetHidden':
      return t.sheetHidden(name);
    case 'sheetChanged':
      return t.sheetChanged;
    case 'sheetTooLarge':
      return t.sheetTooLarge(name);
    case 'busy':
      return t.busy;
    case 'hostFailed':
      return t.hostFailed(e.message);
  }
}
