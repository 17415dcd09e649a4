// The command line of interfaces.md §2, parsed with node:util and validated with zod.
import { z } from 'zod';
import { IsoDate } from '../shared/model/person';
import { FIELD_NAMES } from '../shared/sheet/headers';
import { isSchoolYear, schoolYearOf, todayInAmsterdam, type SchoolYear } from '../shared/calendar/dates';
import type { FieldName } from '../shared/sheet/types';
import { workbookExtension } from '../xlsx/file-name';
import { checkedOptions, parseOptions, UsageError } from './io';

export { UsageError };

export { USAGE } from './usage';

const MapEntry = z
  .string()
  .transform((text, ctx) => {
    const at = text.lastIndexOf('=');
    const header = at < 0 ? '' : text.slice(0, at).trim();
    const field = at < 0 ? '' : text.slice(at + 1).trim();
    if (!header) {
      ctx.addIssue({ code: 'custom', message: `--map "${text}": schrijf "Kop=veld", bijvoorbeeld "Pers.nr.=personId"` });
      return z.NEVER;
    }
    if (field === '' || field === '-') return [header, null] as const;
    if (!(FIELD_NAMES as readonly string[]).includes(field)) {
      ctx.addIssue({ code: 'custom', message: `--map "${text}": onbekend veld '${field}' (bekend: ${FIELD_NAMES.join(', ')})` });
      return z.NEVER;
    }
    return [header, field as FieldName] as const;
  });

const ArgsSchema = z
  .object({
    inputs: z.array(z.string().min(1)).min(1, 'geef minstens één werkmap (.xlsx)'),
    date: z
      .string()
      .refine((d) => IsoDate.safeParse(d).success, '--date schrijf je als JJJJ-MM-DD en moet een bestaande dag zijn, bijvoorbeeld 2026-11-28')
      .optional(),
    year: z
      .string()
      .refine((y) => isSchoolYear(y), 'schooljaar schrijf je als JJJJ-JJJJ, bijvoorbeeld 2026-2027')
      .optional(),
    board: z.string().trim().min(1, '--board mag niet leeg zijn').max(200).optional(),
    sheet: z.array(z.string().min(1, '--sheet mag niet leeg zijn')).default([]),
    map: z.array(MapEntry).default([]),
    out: z
      .string()
      .regex(/\.xls[xm]$/i, '--out moet een .xlsx-bestand zijn (of .xlsm bij een werkmap met macro\'s)')
      .optional(),
    json: z.boolean().default(false),
    api: z.url({ protocol: /^https?$/, error: '--api moet een http(s)-adres zijn' }).optional(),
    submit: z.boolean().default(false),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.out && a.inputs.length > 1) ctx.addIssue({ code: 'custom', message: '--out kan alleen bij één invoerbestand' });
    else if (a.out && workbookExtension(a.out) !== workbookExtension(a.inputs[0]!))
      ctx.addIssue({
        code: 'custom',
        message: `--out moet op ${workbookExtension(a.inputs[0]!)} eindigen, zoals de invoer: Excel opent een werkmap met macro's (.xlsm) niet als .xlsx, en een gewone werkmap niet als .xlsm`,
      });
    if (a.submit && (!a.api || !a.board)) ctx.addIssue({ code: 'custom', message: '--submit vraagt ook --api en --board' });
  });

export interface CliArgs {
  inputs: string[];
  referenceDate: IsoDate;
  planningYear: SchoolYear;
  board: string | null;
  sheets: string[];
  overrides: Record<string, FieldName | null>;
  out: string | null;
  json: boolean;
  api: string | null;
  submit: boolean;
}

/** `--help`: print the usage and stop (exit 0). */
export class HelpRequested extends Error {
  override name = 'HelpRequested';
}

/** Parse and validate argv (without node and script); throws UsageError with a Dutch message. */
export function parseCliArgs(argv: readonly string[], today: () => IsoDate = todayInAmsterdam): CliArgs {
  const parsed = parseOptions({
    args: [...argv],
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      year: { type: 'string' },
      board: { type: 'string' },
      sheet: { type: 'string', multiple: true },
      map: { type: 'string', multiple: true },
      out: { type: 'string' },
      json: { type: 'boolean' },
      api: { type: 'string' },
      submit: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const { help, ...values } = parsed.values;
  if (help) throw new HelpRequested();
  const a = checkedOptions(ArgsSchema, { inputs: parsed.positionals, ...values });
  const referenceDate = a.date ?? today();
  return {
    inputs: a.inputs,
    referenceDate,
    planningYear: (a.year as SchoolYear | undefined) ?? schoolYearOf(referenceDate),
    board: a.board ?? null,
    sheets: a.sheet,
    overrides: Object.fromEntries(a.map),
    out: a.out ?? null,
    json: a.json,
    api: a.api ?? null,
    submit: a.submit,
  };
}
