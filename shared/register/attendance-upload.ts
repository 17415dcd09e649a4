// Plan §4 (rules.md §4.12): send an attendance sheet's records to the central register
// (PUT /api/register/{board}/records) and say per row what happened: new, updated or rejected.
// The API answers with counts and the rejected indexes; whether an accepted record was new or an update
// follows from the board's records before the upload (a record's identity is board + personId +
// training + date). Pure apart from the client it is given: the task pane and the CLI share it.
import { BoardName, MAX_REGISTER_RECORDS } from '../api/common';
import type { RegisterPutResponse, RegisterRecordInput } from '../api/register';
import type { RegisterRecord } from '../model/register';
import type { AttendanceRead } from '../sheet/attendance';

/** The two calls the upload needs (an ApiClient has both). */
export interface RegisterApi {
  listAllRegister(board: string): Promise<RegisterRecord[]>;
  putRegister(board: string, records: RegisterRecordInput[]): Promise<RegisterPutResponse>;
}

export type RowOutcomeKind = 'nieuw' | 'bijgewerkt' | 'afgewezen';

export interface RowOutcome {
  sheet: string;
  /** 1-based Excel row. */
  row: number;
  board: string;
  personId: string;
  training: string;
  date: string;
  outcome: RowOutcomeKind;
  /** Why the register refused it (afgewezen). */
  reason?: string;
}

export interface UploadReport {
  outcomes: RowOutcome[];
  /** Totals as the register counted them. */
  created: number;
  updated: number;
  rejected: number;
}

const boardKey = (board: string) => board.trim().toLowerCase();
const identity = (r: Pick<RegisterRecord, 'personId' | 'training' | 'date'>) => `${r.personId.trim()}\u0000${r.training}\u0000${r.date}`;

interface Pending {
  sheet: string;
  row: number;
  record: RegisterRecord;
}

export async function uploadAttendance(api: RegisterApi, reads: readonly AttendanceRead[]): Promise<UploadReport> {
  // Group by board (case-insensitive), keeping the first spelling for the path.
  const groups = new Map<string, { board: string; items: Pending[] }>();
  for (const read of reads)
    read.records.forEach((record, i) => {
      const key = boardKey(record.board);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { board: record.board.trim(), items: [] }));
      g.items.push({ sheet: read.sheet, row: read.rows[i]!, record });
    });

  const report: UploadReport = { outcomes: [], created: 0, updated: 0, rejected: 0 };
  const outcome = (p: Pending, kind: RowOutcomeKind, reason?: string): RowOutcome => ({
    sheet: p.sheet,
    row: p.row,
    board: p.record.board,
    personId: p.record.personId,
    training: p.record.training,
    date: p.record.date,
    outcome: kind,
    ...(reason === undefined ? {} : { reason }),
  });

  for (const { board, items } of groups.values()) {
    const name = BoardName.safeParse(board);
    if (!name.success) {
      const reason = `ongeldige bestuursnaam: ${name.error.issues[0]?.message ?? ''}`.trim();
      for (const p of items) report.outcomes.push(outcome(p, 'afgewezen', reason));
      report.rejected += items.length;
      continue;
    }
    const known = new Set((await api.listAllRegister(name.data)).map(identity));
    for (let start = 0; start < items.length; start += MAX_REGISTER_RECORDS) {
      const batch = items.slice(start, start + MAX_REGISTER_RECORDS);
      // The path names the board; records carry none, so `boor` and `BOOR` rows go together.
      const answer = await api.putRegister(
        name.data,
        batch.map(({ record: { board: _board, ...rest } }) => rest),
      );
      report.created += answer.created;
      report.updated += answer.updated;
      report.rejected += answer.rejected;
      const rejected = new Map(answer.rejections.map((r) => [r.index, r.reason]));
      batch.forEach((p, i) => {
        const reason = rejected.get(i);
        if (reason !== undefined) {
          report.outcomes.push(outcome(p, 'afgewezen', reason));
          return;
        }
        const id = identity(p.record);
        report.outcomes.push(outcome(p, known.has(id) ? 'bijgewerkt' : 'nieuw'));
        known.add(id);
      });
    }
  }
  report.outcomes.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row);
  return report;
}

/** One line per row for a person: `Deelname, rij 4: WPB 2025-03-12 nieuw`. No names. */
export function outcomeText(o: RowOutcome): string {
  return `${o.sheet}, rij ${o.row}: ${o.training} ${o.date} ${o.outcome}${o.reason ? ` (${o.reason})` : ''}`;
}
