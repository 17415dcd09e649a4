// PUT /api/register/{board}/records: upsert the Stagebureau's records; a bad record is rejected with
// its index and reason, the others are stored.
import { echo, issueMessage, MAX_REGISTER_RECORDS } from '../../../shared/api/common';
import { RegisterRecordInputSchema, type RegisterPutResponse } from '../../../shared/api/register';
import { ok } from '../http/problem';
import type { HandlerContext } from '../http/types';
import { boardKey } from '../storage/keys';
import { keyProblem, type RegisterEntry } from '../storage/register-repository';

export function tooManyRecords(json: unknown): string | null {
  const records = (json as { records?: unknown } | null)?.records;
  if (Array.isArray(records) && records.length > MAX_REGISTER_RECORDS)
    return `Meer dan ${MAX_REGISTER_RECORDS.toLocaleString('nl-NL')} records in één aanvraag (${records.length.toLocaleString('nl-NL')}); stuur ze in delen.`;
  return null;
}

export async function putRegister({
  params,
  body,
  deps,
}: HandlerContext<{ board: string }, unknown, { records: unknown[] }>) {
  const entries: RegisterEntry[] = [];
  /** The request index of each entry. */
  const indexes: number[] = [];
  const rejections: RegisterPutResponse['rejections'] = [];
  body.records.forEach((raw, index) => {
    const parsed = RegisterRecordInputSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const at = issue.path.length ? `${issue.path.map((p) => echo(String(p))).join('.')}: ` : '';
      rejections.push({ index, reason: `${at}${issueMessage(issue)}` });
      return;
    }
    const { board, ...entry } = parsed.data;
    if (board !== undefined && boardKey(board) !== boardKey(params.board)) {
      rejections.push({ index, reason: 'board: ander bestuur dan in het adres' });
      return;
    }
    // Checked before any write: a key the storage would refuse rejects this record, not the request.
    const tooLong = keyProblem(entry);
    if (tooLong) {
      rejections.push({ index, reason: tooLong });
      return;
    }
    entries.push(entry);
    indexes.push(index);
  });
  const { created, updated, refused } = await (await deps.register()).upsert(params.board, entries);
  for (const r of refused) rejections.push({ index: indexes[r.position]!, reason: r.reason });
  rejections.sort((a, b) => a.index - b.index);
  const answer: RegisterPutResponse = { created, updated, rejected: rejections.length, rejections };
  return ok(answer);
}
