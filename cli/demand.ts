// `npm run demand -- --api URL --year YYYY-YYYY [--out file.xlsx]` (issue 6): the pabo's trainer demand
// from GET /api/needs/{year}, written as the sheet `Trainersvraag YYYY-YYYY` into a new workbook through
// the xlsx adapter — the same sheet the task pane writes. Key from BOSSPO_API_KEY.
// Exit 0 when the sheet was written, 1 when the API cannot be reached or refuses, or the file cannot be
// written (one line on stderr), 2 for wrong usage.
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { createApiClient } from '../shared/api/client';
import { isSchoolYear } from '../shared/calendar/dates';
import { demandSheet, demandSheetName } from '../shared/report/trainer-demand-sheet';
import { computeDemand } from '../shared/summary/demand';
import type { ReportSheetWrite } from '../shared/report/write-plan';
import { blankWorkbook } from '../xlsx/blank';
import { nodeCodec } from '../xlsx/codec-node';
import { openWorkbook } from '../xlsx/load';
import { writeWorkbook } from '../xlsx/write';
import { apiProblem } from './api';
import { checkedOptions, errorText, nodeIo, parseOptions, runAsScript, UsageError, type Io } from './io';

export const DEMAND_USAGE = `Gebruik (usage):
  npm run --silent demand -- --api URL --year JJJJ-JJJJ [--out BESTAND.xlsx]

  --api URL              adres van de function app (sleutel uit BOSSPO_API_KEY, rol pabo of stuurgroep)
  --year JJJJ-JJJJ       schooljaar van de planning, bijvoorbeeld 2026-2027
  --out BESTAND.xlsx     uitvoer (standaard "Trainersvraag JJJJ-JJJJ.xlsx" in de huidige map)

Exitcodes: 0 geschreven, 1 API niet bereikbaar of geweigerd, of bestand niet te schrijven, 2 verkeerd gebruik.`;

const ArgsSchema = z
  .object({
    api: z.url({ protocol: /^https?$/, error: '--api moet een http(s)-adres zijn' }),
    year: z.string().refine(isSchoolYear, '--year schrijf je als JJJJ-JJJJ, bijvoorbeeld 2026-2027'),
    out: z.string().regex(/\.xlsx$/i, '--out moet een .xlsx-bestand zijn').optional(),
  })
  .strict();
export type DemandArgs = z.infer<typeof ArgsSchema>;

export function parseDemandArgs(argv: readonly string[]): DemandArgs | 'help' {
  const parsed = parseOptions({
    args: [...argv],
    allowPositionals: false,
    options: {
      api: { type: 'string' },
      year: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const { help, ...values } = parsed.values;
  if (help) return 'help';
  const missing = (['api', 'year'] as const).filter((k) => values[k] === undefined).map((k) => `--${k}`);
  if (missing.length > 0) throw new UsageError(`${missing.join(' en ')} ontbreekt`);
  return checkedOptions(ArgsSchema, values);
}

/** A new workbook holding only the given report sheet, through the same adapter as `check`. */
export async function reportWorkbook(sheet: ReportSheetWrite): Promise<Uint8Array> {
  // The adapter patches an existing package: start from a workbook whose only sheet has the report's name.
  const opened = await openWorkbook(blankWorkbook(sheet.name, nodeCodec), { codec: nodeCodec });
  return writeWorkbook(opened, { sheets: [], reportSheets: [sheet] });
}

export async function main(argv: readonly string[], io: Io = nodeIo): Promise<number> {
  let args: DemandArgs | 'help';
  try {
    args = parseDemandArgs(argv);
  } catch (e) {
    io.stderr(`${errorText(e)}\n\n${DEMAND_USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    io.stdout(`${DEMAND_USAGE}\n`);
    return 0;
  }

  const client = createApiClient({ baseUrl: args.api, apiKey: io.env.BOSSPO_API_KEY || undefined });
  let sheet: ReportSheetWrite;
  let summary: string[];
  try {
    const [plan, needs] = await Promise.all([client.getPlan(), client.getNeeds(args.year)]);
    sheet = demandSheet(plan, needs);
    summary = demandLines(computeDemand(plan, needs));
  } catch (e) {
    io.stderr(`${apiProblem(e) ?? `API: ${errorText(e)}`}\n`);
    return 1;
  }

  const target = args.out ?? `${demandSheetName(args.year)}.xlsx`;
  try {
    await writeFile(target, await reportWorkbook(sheet));
  } catch (e) {
    io.stderr(`kan ${target} niet schrijven: ${errorText(e)}\n`);
    return 1;
  }
  io.stdout(`${sheet.name} → ${target}\n${summary.map((l) => `  ${l}\n`).join('')}`);
  return 0;
}

/** A few lines for the terminal: who submitted, and the combined groups and hours. */
function demandLines(d: ReturnType<typeof computeDemand>): string[] {
  const lines = [
    `Besturen ingediend: ${d.boards.length}${d.boards.length ? ` (${d.boards.map((b) => b.board).join(', ')})` : ''}`,
    `Nog niet ingediend: ${d.missing.length ? d.missing.join(', ') : 'geen'}`,
  ];
  for (const t of d.trainings)
    if (t.groups !== null && t.initial > 0)
      lines.push(
        `${t.training.code}: ${t.initial} deelnemers, ${t.groups} ${t.groups === 1 ? 'groep' : 'groepen'}, ${t.trainerHours} trainersuren` +
          (t.rounds ? ` (${t.rounds.map((r) => `${r.name} ${r.groups}`).join(', ')})` : ''),
      );
  for (const p of d.pools)
    lines.push(`Pool ${p.name}: ${p.trainerHours} uur${p.perPerson !== null ? `, ${Math.round(p.perPerson * 100) / 100} uur per persoon` : ''}`);
  return lines;
}

runAsScript(import.meta.url, (argv) => main(argv));
