// `npm run register -- --api URL deelname.xlsx` (issue 6): send an attendance sheet to the central register
// (PUT /api/register/{board}/records, pabo key in BOSSPO_API_KEY) and report per row whether it was new,
// updated, rejected by the register, or not read. Names in the sheet never leave it.
// Exit 0 when the upload ran (whatever was rejected), 1 when the file cannot be read, holds no attendance,
// or the API cannot be reached or refuses (one line on stderr), 2 for wrong usage.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { createApiClient } from '../shared/api/client';
import { bossPoPlan } from '../shared/plan/bosspo';
import { attendanceProblemText, readAttendance, type AttendanceRead } from '../shared/sheet/attendance';
import { outcomeText, uploadAttendance } from '../shared/register/attendance-upload';
import { nodeCodec } from '../xlsx/codec-node';
import { isWorkbookError } from '../xlsx/errors';
import { openWorkbook } from '../xlsx/load';
import { apiProblem } from './api';
import { checkedOptions, errorText, nodeIo, parseOptions, runAsScript, UsageError, type Io } from './io';

export const REGISTER_USAGE = `Gebruik (usage):
  npm run --silent register -- --api URL <deelname.xlsx> [--board NAAM] [--sheet NAAM ...]

  --api URL          adres van de function app (sleutel uit BOSSPO_API_KEY, rol pabo)
  --board NAAM       bestuur voor rijen zonder kolom Bestuur
  --sheet NAAM       alleen dit werkblad (herhaalbaar); standaard elk werkblad met deelnames

Kolommen: Bestuur, Personeelsnummer, Scholing, Datum, Certificaat (of een datumkolom per scholing).
Exitcodes: 0 verwerkt, 1 bestand onleesbaar of API niet bereikbaar of geweigerd, 2 verkeerd gebruik.`;

const ArgsSchema = z
  .object({
    api: z.url({ protocol: /^https?$/, error: '--api moet een http(s)-adres zijn' }),
    file: z.string().min(1),
    board: z.string().trim().min(1, '--board mag niet leeg zijn').max(200).optional(),
    sheet: z.array(z.string().min(1, '--sheet mag niet leeg zijn')).default([]),
  })
  .strict();
type RegisterArgs = z.infer<typeof ArgsSchema>;

function parseRegisterArgs(argv: readonly string[]): RegisterArgs | 'help' {
  const parsed = parseOptions({
    args: [...argv],
    allowPositionals: true,
    options: {
      api: { type: 'string' },
      board: { type: 'string' },
      sheet: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const { help, ...values } = parsed.values;
  if (help) return 'help';
  if (values.api === undefined) throw new UsageError('--api ontbreekt');
  if (parsed.positionals.length !== 1) throw new UsageError('geef precies één deelnamebestand (.xlsx)');
  return checkedOptions(ArgsSchema, { ...values, file: parsed.positionals[0] });
}

async function readAttendanceFile(args: RegisterArgs): Promise<AttendanceRead[]> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(args.file));
  } catch {
    throw new InputError('bestand niet gevonden of niet te lezen (file not found)');
  }
  let workbook;
  try {
    workbook = await openWorkbook(bytes, { codec: nodeCodec });
  } catch (e) {
    throw new InputError(isWorkbookError(e) ? e.message : 'geen leesbare .xlsx-werkmap');
  }
  const wanted = new Set(args.sheet);
  const missing = args.sheet.filter((s) => !workbook.sheets.some((w) => w.name === s));
  if (missing.length > 0) throw new InputError(`werkblad ${missing.map((s) => `"${s}"`).join(', ')} bestaat niet`);
  return workbook.sheets
    .filter((s) => wanted.size === 0 || wanted.has(s.name))
    .map((s) =>
      readAttendance(s.grid, { sheetName: s.name, date1904: workbook.date1904, board: args.board ?? null, plan: bossPoPlan }),
    );
}

class InputError extends Error {}

export async function main(argv: readonly string[], io: Io = nodeIo): Promise<number> {
  let args: RegisterArgs | 'help';
  try {
    args = parseRegisterArgs(argv);
  } catch (e) {
    io.stderr(`${errorText(e)}\n\n${REGISTER_USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    io.stdout(`${REGISTER_USAGE}\n`);
    return 0;
  }
  const file = basename(args.file);

  let reads: AttendanceRead[];
  try {
    reads = await readAttendanceFile(args);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.stderr(`${file}: ${e.message}\n`);
    return 1;
  }
  const used = reads.filter((r) => r.skipped === null);
  if (used.length === 0) {
    io.stderr(`${file}: geen werkblad met deelnames (kolommen Personeelsnummer en Scholing niet gevonden)\n`);
    return 1;
  }

  const client = createApiClient({ baseUrl: args.api, apiKey: io.env.BOSSPO_API_KEY || undefined });
  let report;
  try {
    report = await uploadAttendance(client, used);
  } catch (e) {
    io.stderr(`${apiProblem(e) ?? `API: ${errorText(e)}`}\n`);
    return 1;
  }

  const lines: { sheet: string; row: number; text: string }[] = [
    ...report.outcomes.map((o) => ({ sheet: o.sheet, row: o.row, text: outcomeText(o) })),
    ...used.flatMap((r) => r.problems.map((p) => ({ sheet: p.sheet, row: p.row, text: `${attendanceProblemText(p)} Niet verstuurd.` }))),
  ].sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row);
  const out: string[] = [];
  for (const r of reads) {
    if (r.skipped !== null) out.push(`${r.sheet}: overgeslagen — ${r.skipped}`);
    for (const remark of r.remarks) out.push(`${r.sheet}: ${remark}`);
  }
  out.push(...lines.map((l) => l.text));
  const notRead = new Set(used.flatMap((r) => r.problems.map((p) => `${p.sheet}\u0000${p.row}`))).size;
  out.push(
    `Nieuw: ${report.created} · Bijgewerkt: ${report.updated} · Afgewezen: ${report.rejected} · Niet verstuurd (rijen): ${notRead}`,
  );
  io.stdout(out.map((l) => `${l}\n`).join(''));
  return 0;
}

runAsScript(import.meta.url, (argv) => main(argv));
