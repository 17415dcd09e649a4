// Texts of every finding (rules.md §4–§5.1): Dutch for the user, English beside it for developers and
// non-Dutch readers. Plus the short Dutch actions of the `Acties` column (interfaces.md §1).
import { z } from 'zod';
import { IsoDate } from '../model/person';
import type { Finding, FindingCode, SchoolFindingCode } from '../model/result';
import type { PersonTrainingCode } from '../plan/schema';
import { dutchDate } from '../calendar/dates';

export type Language = 'nl' | 'en';

/**
 * What a message may mention. Dates are ISO; they are written dd-mm-yyyy. A schema, because the
 * compact evaluate answer (shared/api/compact.ts) carries these values instead of the rendered text and
 * the client renders the message itself.
 */
export const MessageParamsSchema = z
  .object({
    /** Training name as the plan writes it. */
    training: z.string().optional(),
    /** Role names (Dutch, from the plan) the finding rests on. */
    roles: z.array(z.string()).optional(),
    advised: z.boolean().optional(),
    /** A rule field (`training.WPB`, `students` …); the message names it in words. */
    field: z.string().optional(),
    raw: z.string().optional(),
    token: z.string().optional(),
    date: IsoDate.optional(),
    basis: IsoDate.optional(),
    referenceDate: IsoDate.optional(),
    norm: z.number().optional(),
    granted: z.number().optional(),
    value: z.number().optional(),
    minimum: z.number().optional(),
    fields: z.array(z.string()).optional(),
    school: z.string().optional(),
    personId: z.string().optional(),
    count: z.number().optional(),
    /** The finding rests on a date from the central register (rules.md §4.12). */
    fromRegister: z.boolean().optional(),
  })
  .strict();
export type MessageParams = z.infer<typeof MessageParamsSchema>;

type Text = (p: MessageParams) => string;

/** Field names in words (the sheet layer prefixes the cell address). */
export const FIELD_LABELS: Record<string, { nl: string; en: string }> = {
  'training.WPB': { nl: 'datum scholing werkplekbegeleiders', en: 'mentor training date' },
  'training.SOIO': { nl: 'datum scholing school- en instituutsopleiders', en: 'teacher educator training date' },
  'training.OB': { nl: 'datum scholing onderzoeksbegeleiders', en: 'research supervisor training date' },
  'training.TRAINER': { nl: 'datum inwerken trainer', en: 'trainer induction date' },
  'training.INTERVISOR': { nl: 'datum training intervisor', en: 'intervisor training date' },
  'training.INWERK': { nl: 'datum inwerkprogramma', en: 'induction programme date' },
  'certificate.WPB': { nl: 'certificaat werkplekbegeleider', en: 'mentor certificate' },
  'certificate.SOIO': { nl: 'certificaat school- en instituutsopleider', en: 'teacher educator certificate' },
  lastRefresher: { nl: 'datum laatste opfrisbijeenkomst', en: 'last refresher date' },
  roleStart: { nl: 'datum in rol sinds', en: 'role start date' },
  velonRegistration: { nl: 'datum VELON-registratie', en: 'VELON registration date' },
  students: { nl: 'aantal studenten', en: 'number of students' },
  graduates: { nl: 'aantal afstudeerders', en: 'number of graduates' },
  secondAssessments: { nl: 'aantal tweede beoordelingen', en: 'number of second assessments' },
  hoursGranted: { nl: 'toegekende uren', en: 'hours granted' },
  meetings: { nl: 'aantal bijeenkomsten SO-IO', en: 'number of SO-IO meetings' },
  pairedWith: { nl: 'gekoppeld aan', en: 'paired with' },
  coach: { nl: 'coach', en: 'coach' },
  school: { nl: 'school', en: 'school' },
};

const label = (field: string | undefined, lang: Language): string =>
  (field && FIELD_LABELS[field]?.[lang]) ?? field ?? '';
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const d = (iso: IsoDate | undefined) => (iso ? dutchDate(iso) : '?');
const n = (x: number | undefined) => (x === undefined ? '?' : String(x).replace('.', ','));
const en = (x: number | undefined) => (x === undefined ? '?' : String(x));
const list = (xs: string[] | undefined) => (xs ?? []).join(', ');
const reg = (p: MessageParams, text: string) => (p.fromRegister ? text : '');

const TEXTS: Record<FindingCode | SchoolFindingCode, { nl: Text; en: Text }> = {
  TRAINING_MISSING: {
    nl: (p) =>
      `${p.training} is nog niet gevolgd; ${p.advised ? 'aanbevolen (indien gewenst)' : 'verplicht'} voor ${list(p.roles)}.`,
    en: (p) => `${p.training} not completed; ${p.advised ? 'advised' : 'required'} for ${list(p.roles)}.`,
  },
  CERTIFICATE_MISSING: {
    nl: (p) =>
      `${p.training} is gevolgd${reg(p, ' (volgens het centrale register)')}, maar het certificaat ontbreekt.`,
    en: (p) => `${p.training} completed${reg(p, ' (according to the central register)')}, but the certificate is missing.`,
  },
  REFRESHER_OVERDUE: {
    nl: (p) =>
      `De driejaarlijkse opfrisbijeenkomst is te laat: die was nodig vóór ${d(p.date)} (laatste scholing of opfrisbijeenkomst ${d(p.basis)}${reg(p, ', volgens het centrale register')}).`,
    en: (p) =>
      `Refresher overdue since ${d(p.date)} (last training or refresher ${d(p.basis)}${reg(p, ', according to the central register')}).`,
  },
  REFRESHER_DUE: {
    nl: (p) =>
      `Opfrisbijeenkomst nodig vóór ${d(p.date)} (laatste scholing of opfrisbijeenkomst ${d(p.basis)}${reg(p, ', volgens het centrale register')}).`,
    en: (p) =>
      `Refresher due by ${d(p.date)} (last training or refresher ${d(p.basis)}${reg(p, ', according to the central register')}).`,
  },
  STUDENT_WITHOUT_CERTIFIED_WPB: {
    nl: (p) =>
      `Begeleidt ${n(p.count)} ${p.count === 1 ? 'student' : 'studenten'} zonder geschoolde en gecertificeerde werkplekbegeleider${reg(p, ' (scholing volgens het centrale register, certificaat ontbreekt)')}.`,
    en: (p) =>
      `Guides ${en(p.count)} student(s) without being a trained and certified mentor${reg(p, ' (training according to the central register, certificate missing)')}.`,
  },
  UNDER_FACILITATED: {
    nl: (p) => `Te weinig facilitering: ${n(p.granted)} van ${n(p.norm)} uur toegekend (norm ${n(p.norm)} uur per schooljaar).`,
    en: (p) => `Under-facilitated: ${en(p.granted)} of ${en(p.norm)} hours granted.`,
  },
  PAIRING_MISSING: {
    nl: (p) =>
      `Nieuw in de rol (sinds ${d(p.date)}) en niet gekoppeld aan een ervaren school- of instituutsopleider.`,
    en: (p) => `New in the role (since ${d(p.date)}) and not paired with an experienced teacher educator.`,
  },
  MEETINGS_BELOW_MINIMUM: {
    nl: (p) => `${n(p.value)} bijeenkomsten van school- en instituutsopleiders dit jaar; minimaal ${n(p.minimum)}.`,
    en: (p) => `${en(p.value)} SO-IO meetings this year; at least ${en(p.minimum)} expected.`,
  },
  VELON_EXPIRED: {
    nl: (p) => `De VELON-registratie is verlopen op ${d(p.date)}.`,
    en: (p) => `VELON registration expired on ${d(p.date)}.`,
  },
  VELON_EXPIRING: {
    nl: (p) => `De VELON-registratie verloopt op ${d(p.date)}, binnen dit schooljaar.`,
    en: (p) => `VELON registration expires on ${d(p.date)}, within the planning year.`,
  },
  STARTER_WITHOUT_COACH: {
    nl: () => 'Startende leerkracht zonder coach.',
    en: () => 'Starting teacher without a coach.',
  },
  UNKNOWN_ROLE: {
    nl: (p) => `Onbekende rol "${p.token}"; deze rol is niet gecontroleerd.`,
    en: (p) => `Unknown role "${p.token}"; not checked.`,
  },
  INVALID_DATE: {
    nl: (p) => `${capital(label(p.field, 'nl'))} "${p.raw}" is geen geldige datum; dit gegeven is niet gecontroleerd.`,
    en: (p) => `${capital(label(p.field, 'en'))} "${p.raw}" is not a valid date; not checked.`,
  },
  INVALID_NUMBER: {
    nl: (p) => `${capital(label(p.field, 'nl'))} "${p.raw}" is geen geldig getal (0 of meer); dit gegeven is niet gecontroleerd.`,
    en: (p) => `${capital(label(p.field, 'en'))} "${p.raw}" is not a valid number (0 or more); not checked.`,
  },
  FUTURE_DATE: {
    nl: (p) =>
      `${capital(label(p.field, 'nl'))} ${d(p.date)} ligt na de peildatum ${d(p.referenceDate)} en telt nog niet als gevolgd.`,
    en: (p) =>
      `${capital(label(p.field, 'en'))} ${d(p.date)} is after the reference date ${d(p.referenceDate)}; not counted as completed.`,
  },
  DATE_UNKNOWN: {
    nl: (p) =>
      `${capital(label(p.field, 'nl'))}: gevolgd, maar zonder datum; vul de datum in om te bepalen wanneer de opfrisbijeenkomst nodig is.`,
    en: (p) => `${capital(label(p.field, 'en'))}: completed without a date; the refresher cycle cannot be determined.`,
  },
  DATA_MISSING: {
    nl: (p) =>
      `Het blad heeft geen kolom ${(p.fields ?? []).map((f) => label(f, 'nl')).join(', ')}; daarom is dit niet gecontroleerd.`,
    en: (p) => `The sheet has no column ${(p.fields ?? []).map((f) => label(f, 'en')).join(', ')}; not checked.`,
  },
  EXEMPTION: {
    nl: (p) =>
      `Vrijgesteld van ${p.training}${p.date ? ` per ${d(p.date)}` : ''}: telt als gevolgd, zonder certificaat.`,
    en: (p) => `Exempted from ${p.training}${p.date ? ` as of ${d(p.date)}` : ''}: counts as completed, no certificate needed.`,
  },
  DUPLICATE_PERSON: {
    nl: (p) => `Personeelsnummer ${p.personId} staat op ${n(p.count)} rijen van dit blad.`,
    en: (p) => `Person id ${p.personId} appears on ${en(p.count)} rows of this sheet.`,
  },
  SCHOOL_WITHOUT_SO: {
    nl: (p) => `School ${p.school} heeft werkplekbegeleiders of studenten, maar geen schoolopleider.`,
    en: (p) => `School ${p.school} has mentors or students but no schoolopleider.`,
  },
  SCHOOL_WITHOUT_TRAINED_OB: {
    nl: (p) => `School ${p.school} heeft geen geschoolde onderzoeksbegeleider.`,
    en: (p) => `School ${p.school} has no trained research supervisor.`,
  },
};

/** An exemption's reason shows at most this many characters (rules.md §4.13). */
export const MAX_REASON_IN_MESSAGE = 100;

/**
 * An EXEMPTION message with the reason the workbook gives (rules.md §4.13). The reason never leaves the
 * workbook, so the sheet layer adds it after any evaluation, in-process or through the API.
 */
export function withExemptionReason(message: string, reason: string, lang: Language = 'nl'): string {
  const r = reason.trim();
  if (r === '') return message;
  const shown = r.length > MAX_REASON_IN_MESSAGE ? `${r.slice(0, MAX_REASON_IN_MESSAGE)}…` : r;
  return `${message} ${lang === 'nl' ? 'Reden' : 'Reason'}: ${shown}`;
}

export const MESSAGES = TEXTS;

const TRAINING_ACTIONS: Record<PersonTrainingCode, string> = {
  WPB: 'Scholing werkplekbegeleiders volgen',
  SOIO: 'Scholing school- en instituutsopleiders volgen',
  OB: 'Scholing onderzoeksbegeleiders volgen',
  TRAINER: 'Meelopen met een ervaren trainer',
  INTERVISOR: 'Training intervisor volgen',
  INWERK: 'Inwerkprogramma volgen',
};

/**
 * The short Dutch action of a critical or action finding for the `Acties` column, or null for
 * warnings and info. The person's result supplies the dates and hours the action mentions.
 */
export function actionText(
  finding: Pick<Finding, 'code' | 'severity' | 'training'>,
  result?: { refresherDue?: IsoDate | null; normHours?: number | null },
): string | null {
  if (finding.severity !== 'critical' && finding.severity !== 'action') return null;
  const due = result?.refresherDue;
  switch (finding.code) {
    case 'TRAINING_MISSING':
      return finding.training ? TRAINING_ACTIONS[finding.training] : 'Scholing volgen';
    case 'CERTIFICATE_MISSING':
      return `Certificaat ${finding.training ?? ''} regelen`.replace('  ', ' ');
    case 'REFRESHER_OVERDUE':
      return due ? `Opfrisbijeenkomst plannen (te laat sinds ${dutchDate(due)})` : 'Opfrisbijeenkomst plannen';
    case 'REFRESHER_DUE':
      return due ? `Opfrisbijeenkomst plannen (vóór ${dutchDate(due)})` : 'Opfrisbijeenkomst plannen';
    case 'STUDENT_WITHOUT_CERTIFIED_WPB':
      return 'Studenten een geschoolde, gecertificeerde werkplekbegeleider geven';
    case 'UNDER_FACILITATED':
      return typeof result?.normHours === 'number'
        ? `Facilitering aanvullen tot ${String(result.normHours).replace('.', ',')} uur`
        : 'Facilitering aanvullen';
    case 'STARTER_WITHOUT_COACH':
      return 'Coach toewijzen';
    default:
      // Only the codes above are raised as critical or action (rules.md §4).
      return 'Zie toelichting';
  }
}

/** The `Acties` cell (interfaces.md §1): the actions of the critical and action findings, `; `-separated, each once. */
export function actionsText(person: { findings: readonly Finding[]; refresherDue?: IsoDate | null; normHours?: number | null }): string {
  let out = '';
  const seen: string[] = [];
  for (const f of person.findings) {
    if (f.severity !== 'critical' && f.severity !== 'action') continue;
    const t = actionText(f, person)?.trim();
    if (!t || seen.includes(t)) continue;
    seen.push(t);
    out = out === '' ? t : `${out}; ${t}`;
  }
  return out;
}
