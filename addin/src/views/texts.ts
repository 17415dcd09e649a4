// User-facing texts of the role views (issue 6), Dutch and English, following the pane's language, and the
// one mapping from a problem or a notice of the check to what the user reads.
import type { ApiError } from '../../../shared/api/client';
import { isHostError } from '../excel/types';
import { hostErrorText, useT, type Messages as PaneMessages } from '../i18n';
import type { Notice } from '../pane-flow';
import type { View } from '../roles';

const nl = {
  views: 'Onderdelen',
  view: { check: 'Controle', demand: 'Trainersvraag', register: 'Register', overview: 'Overzicht' } as Record<View, string>,
  roleLine: (role: string, name: string | null, board: string | null) =>
    `Rol: ${role === 'board' ? `bestuur${board ? ` ${board}` : ''}` : role}${name ? ` (${name})` : ''}`,
  roleUnknownNoApi: 'Zonder API-adres controleert het taakvenster alleen werkbladen. Vul het adres en de sleutel in bij Instellingen voor de andere onderdelen.',
  roleRefused: (detail: string) => `De server kent deze sleutel of dit account niet (${detail}). Alleen de controle is beschikbaar.`,
  roleUnreachable: 'De server is niet bereikbaar; alleen de controle in het taakvenster is beschikbaar.',
  signInForRole: 'Meld u aan (Instellingen › Aanmelden) om de onderdelen van uw rol te zien.',
  schoolYear: 'Schooljaar',
  schoolYearHint: 'Het planjaar, bijvoorbeeld 2026-2027',
  invalidYear: 'Vul een schooljaar in als 2026-2027.',
  // Submitting the need (HR)
  submitTitle: 'Behoefte versturen',
  submitIntro: (board: string, year: string) => `Stuur de scholingsbehoefte van ${board} voor ${year} naar de pabo.`,
  submit: 'Verstuur behoefte',
  submitNeedsBoard: 'Vul bij Bestuur in voor welk bestuur u de behoefte verstuurt, en controleer opnieuw.',
  submitNotAllowed: (board: string) => `Uw sleutel of account mag de behoefte van ${board} niet versturen.`,
  neverSent: (year: string) => `Voor ${year} is nog geen behoefte verstuurd.`,
  lastSent: (when: string, version: number, changed: boolean) =>
    `Laatst verstuurd op ${when} (versie ${version}); het blad is sindsdien ${changed ? 'gewijzigd' : 'ongewijzigd'}.`,
  sent: (board: string, year: string, version: number) => `De behoefte van ${board} voor ${year} is verstuurd (versie ${version}).`,
  sentSame: (version: number) => `Ongewijzigd: de server had deze behoefte al (versie ${version}).`,
  // Demand (pabo)
  demandTitle: 'Trainersvraag',
  demandIntro: 'Leest de ingediende behoefte van alle besturen en schrijft het blad Trainersvraag met groepen, trainersuren en een grafiek.',
  makeDemand: 'Trainersvraag maken',
  submitted: (n: number, of: number) => `${n} van ${of} besturen hebben hun behoefte ingediend.`,
  missing: (boards: string[]) => (boards.length ? `Nog niet ingediend: ${boards.join(', ')}.` : 'Alle bekende besturen hebben ingediend.'),
  trainingLine: (code: string, people: number, groups: number, hours: number) =>
    `${code}: ${people} deelnemers, ${groups} ${groups === 1 ? 'groep' : 'groepen'}, ${hours} trainersuren`,
  poolLine: (pool: string, hours: number, perPerson: number | null) =>
    `${pool}: ${hours} uur${perPerson === null ? '' : `, ${perPerson} uur per persoon`}`,
  sheetWritten: (name: string) => `Het blad '${name}' is geschreven.`,
  // Overview (stuurgroep)
  overviewTitle: 'Overzicht voor de stuurgroep',
  overviewIntro: 'Kerncijfers per bestuur en samen, en het verloop over de schooljaren, met grafieken.',
  makeOverview: 'Overzicht maken',
  overviewDone: (boards: number, years: number, charts: number) =>
    `${boards} ${boards === 1 ? 'bestuur' : 'besturen'}, ${years} ${years === 1 ? 'schooljaar' : 'schooljaren'} met gegevens, ${charts} grafieken.`,
  // Register (Stagebureau)
  registerTitle: 'Deelname registreren',
  registerIntro:
    'Maak het werkblad met de deelnames actief (Bestuur, Personeelsnummer, Scholing, Datum, Certificaat; of een datumkolom per scholing) en verstuur het naar het centrale register.',
  registerBoard: 'Bestuur',
  registerBoardHint: 'Voor rijen zonder kolom Bestuur',
  register: 'Registreer deelname',
  noAttendance: (sheet: string, reason: string) => `Werkblad '${sheet}' is geen deelnamelijst: ${reason}.`,
  registerCounts: (created: number, updated: number, rejected: number, notSent: number) =>
    `Nieuw: ${created} · Bijgewerkt: ${updated} · Afgewezen: ${rejected} · Niet verstuurd: ${notSent}`,
  row: 'Rij',
  training: 'Scholing',
  date: 'Datum',
  outcome: 'Uitkomst',
  outcomeText: { nieuw: 'nieuw', bijgewerkt: 'bijgewerkt', afgewezen: 'afgewezen', notSent: 'niet verstuurd' } as Record<string, string>,
  eraseTitle: 'Persoon wissen (AVG)',
  eraseIntro: 'Wist alle registraties van één persoon bij één bestuur uit het centrale register.',
  personId: 'Personeelsnummer',
  erase: 'Persoon wissen',
  eraseConfirmTitle: 'Registraties wissen?',
  eraseConfirmBody: (personId: string, board: string) =>
    `Alle registraties van personeelsnummer ${personId} bij ${board} worden uit het centrale register gewist. Dit kan niet ongedaan worden gemaakt.`,
  eraseConfirm: 'Wissen',
  erased: (n: number) => (n === 1 ? '1 registratie gewist.' : `${n} registraties gewist.`),
  eraseFill: 'Vul het bestuur en het personeelsnummer in.',
  cancel: 'Annuleren',
  // API problems
  apiUnreachable: 'De server is niet bereikbaar. Controleer het adres in Instellingen en uw verbinding.',
  apiForbidden: 'Uw sleutel of account heeft hiervoor geen recht.',
  apiProblem: (title: string, detail: string) => `De server weigerde: ${title}${detail ? ` — ${detail}` : ''}`,
};

export type ViewMessages = typeof nl;

const en: ViewMessages = {
  views: 'Parts',
  view: { check: 'Check', demand: 'Trainer demand', register: 'Register', overview: 'Overview' },
  roleLine: (role, name, board) => `Role: ${role === 'board' ? `board${board ? ` ${board}` : ''}` : role}${name ? ` (${name})` : ''}`,
  roleUnknownNoApi: 'Without an API address the pane only checks sheets. Fill in the address and key in Settings for the other parts.',
  roleRefused: (detail) => `The server does not know this key or account (${detail}). Only the check is available.`,
  roleUnreachable: 'The server cannot be reached; only the check in the task pane is available.',
  signInForRole: 'Sign in (Settings › Sign in) to see the parts of your role.',
  schoolYear: 'School year',
  schoolYearHint: 'The planning year, e.g. 2026-2027',
  invalidYear: 'Enter a school year as 2026-2027.',
  submitTitle: 'Send the training need',
  submitIntro: (board, year) => `Send the training need of ${board} for ${year} to the pabo.`,
  submit: 'Verstuur behoefte',
  submitNeedsBoard: 'Fill in Board for the board whose need you send, and check again.',
  submitNotAllowed: (board) => `Your key or account may not send the need of ${board}.`,
  neverSent: (year) => `No need has been sent for ${year} yet.`,
  lastSent: (when, version, changed) => `Last sent on ${when} (version ${version}); the sheet has ${changed ? 'changed' : 'not changed'} since.`,
  sent: (board, year, version) => `The need of ${board} for ${year} was sent (version ${version}).`,
  sentSame: (version) => `Unchanged: the server already had this need (version ${version}).`,
  demandTitle: 'Trainer demand',
  demandIntro: "Reads every board's submitted need and writes the Trainersvraag sheet with groups, trainer hours and a chart.",
  makeDemand: 'Trainersvraag maken',
  submitted: (n, of) => `${n} of ${of} boards have submitted their need.`,
  missing: (boards) => (boards.length ? `Not yet submitted: ${boards.join(', ')}.` : 'Every known board has submitted.'),
  trainingLine: (code, people, groups, hours) => `${code}: ${people} participants, ${groups} group(s), ${hours} trainer hours`,
  poolLine: (pool, hours, perPerson) => `${pool}: ${hours} h${perPerson === null ? '' : `, ${perPerson} h per person`}`,
  sheetWritten: (name) => `Sheet '${name}' written.`,
  overviewTitle: 'Overview for the steering group',
  overviewIntro: 'Key figures per board and combined, and the trend over the school years, with charts.',
  makeOverview: 'Overzicht maken',
  overviewDone: (boards, years, charts) => `${boards} board(s), ${years} school year(s) with data, ${charts} charts.`,
  registerTitle: 'Register participation',
  registerIntro:
    'Make the attendance sheet active (Bestuur, Personeelsnummer, Scholing, Datum, Certificaat; or a date column per training) and send it to the central register.',
  registerBoard: 'Board',
  registerBoardHint: 'For rows without a Bestuur column',
  register: 'Registreer deelname',
  noAttendance: (sheet, reason) => `Sheet '${sheet}' is not an attendance list: ${reason}.`,
  registerCounts: (created, updated, rejected, notSent) => `New: ${created} · Updated: ${updated} · Rejected: ${rejected} · Not sent: ${notSent}`,
  row: 'Row',
  training: 'Training',
  date: 'Date',
  outcome: 'Outcome',
  outcomeText: { nieuw: 'new', bijgewerkt: 'updated', afgewezen: 'rejected', notSent: 'not sent' },
  eraseTitle: 'Erase a person (GDPR)',
  eraseIntro: "Erases all of one person's records at one board from the central register.",
  personId: 'Personnel number',
  erase: 'Persoon wissen',
  eraseConfirmTitle: 'Erase the records?',
  eraseConfirmBody: (personId, board) => `All records of personnel number ${personId} at ${board} are erased from the central register. This cannot be undone.`,
  eraseConfirm: 'Erase',
  erased: (n) => `${n} record(s) erased.`,
  eraseFill: 'Fill in the board and the personnel number.',
  cancel: 'Cancel',
  apiUnreachable: 'The server cannot be reached. Check the address in Settings and your connection.',
  apiForbidden: 'Your key or account has no right to do this.',
  apiProblem: (title, detail) => `The server refused: ${title}${detail ? ` — ${detail}` : ''}`,
};

export const VIEW_MESSAGES: Record<'nl' | 'en', ViewMessages> = { nl, en };

export function useViewT(): { v: ViewMessages; t: PaneMessages; language: 'nl' | 'en' } {
  const { t, language } = useT();
  return { v: VIEW_MESSAGES[language], t, language };
}

/** An ApiError, recognised without importing the client (it stays out of the pane's first load). */
export function isApiError(e: unknown): e is ApiError {
  return !!e && typeof e === 'object' && (e as { name?: unknown }).name === 'ApiError' && typeof (e as { status?: unknown }).status === 'number';
}

/**
 * An API or Excel failure as one sentence that says what to do: the one mapping from a problem to a
 * message for every part of the pane. `sheet` names the sheet in Excel's messages; `refused` words the
 * server's refusal of this particular action (the check says which key or sign-in to look at).
 */
export function problemText(e: unknown, v: ViewMessages, t: PaneMessages, context: { sheet?: string; refused?: (e: ApiError) => string } = {}): string {
  if (isApiError(e)) {
    if (e.unreachable) return v.apiUnreachable;
    if (context.refused) return context.refused(e);
    if (e.status === 403) return v.apiForbidden;
    return v.apiProblem(e.title, e.detail);
  }
  if (isHostError(e)) return hostErrorText(e, t, context.sheet ?? '');
  return t.hostFailed(e instanceof Error ? e.message : String(e));
}

/** A notice of the check (pane-flow.ts) as the user reads it, with its intent. */
export function noticeText(notice: Notice, v: ViewMessages, t: PaneMessages): { intent: 'success' | 'error'; text: string } {
  switch (notice.kind) {
    case 'invalidDate':
      return { intent: 'error', text: t.invalidDate };
    case 'noHeaderRow':
      return { intent: 'error', text: t.noHeaderRow(notice.reason) };
    case 'tooManyPeople':
      return { intent: 'error', text: t.tooManyPeople };
    case 'failed':
      return { intent: 'error', text: problemText(notice.error, v, t, { sheet: notice.sheet, refused: (e) => t.apiRefused(e.detail) }) };
    case 'written':
      return { intent: 'success', text: t.written(notice.people, notice.sheet) + (notice.local ? ` ${t.evaluatedLocally}` : '') };
    case 'summaryWritten':
      return { intent: 'success', text: t.summaryWritten(notice.summary) + (notice.perSchool ? ` ${t.perSchoolWritten(notice.perSchool)}` : '') };
    case 'removed':
      return { intent: 'success', text: t.removed(notice.columns, notice.sheets) };
  }
}
