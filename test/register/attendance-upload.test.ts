// The per-row report of an upload: which rows were new, updated or rejected, from the register's answer.
// The register here is an in-memory stand-in with the API's identity rule (board + personId + training + date).
import { describe, expect, it } from 'vitest';
import type { RegisterPutResponse, RegisterRecordInput } from '../../shared/api/register';
import type { RegisterRecord } from '../../shared/model/register';
import type { AttendanceRead } from '../../shared/sheet/attendance';
import { outcomeText, uploadAttendance, type RegisterApi } from '../../shared/register/attendance-upload';

class MemoryRegister implements RegisterApi {
  readonly store = new Map<string, RegisterRecord>();
  readonly puts: { board: string; count: number }[] = [];
  constructor(private readonly rejectPersonIds: ReadonlySet<string> = new Set()) {}

  async listAllRegister(board: string): Promise<RegisterRecord[]> {
    return [...this.store.values()].filter((r) => r.board.toLowerCase() === board.toLowerCase());
  }

  async putRegister(board: string, records: RegisterRecordInput[]): Promise<RegisterPutResponse> {
    this.puts.push({ board, count: records.length });
    const answer: RegisterPutResponse = { created: 0, updated: 0, rejected: 0, rejections: [] };
    records.forEach((r, index) => {
      expect(r.board).toBeUndefined();
      if (this.rejectPersonIds.has(r.personId)) {
        answer.rejected++;
        answer.rejections.push({ index, reason: 'datum ligt te ver in de toekomst' });
        return;
      }
      const key = `${board.toLowerCase()}|${r.personId}|${r.training}|${r.date}`;
      if (this.store.has(key)) answer.updated++;
      else answer.created++;
      this.store.set(key, { ...r, board } as RegisterRecord);
    });
    return answer;
  }
}

function sheet(records: RegisterRecord[], firstRow = 2): AttendanceRead {
  return {
    sheet: 'Deelname',
    skipped: null,
    headerRow: 1,
    columns: {},
    records,
    rows: records.map((_, i) => firstRow + i),
    problems: [],
    remarks: [],
  };
}

const rec = (board: string, personId: string, date = '2025-03-12'): RegisterRecord => ({
  board,
  personId,
  training: 'WPB',
  date,
});

describe('uploading attendance to the register', () => {
  it('says per row what was new, updated or rejected, with the register’s reason', async () => {
    const register = new MemoryRegister(new Set(['3']));
    await register.putRegister('BOOR', [{ personId: '1', training: 'WPB', date: '2025-03-12' }]);
    const report = await uploadAttendance(register, [sheet([rec('BOOR', '1'), rec('BOOR', '2'), rec('BOOR', '3')])]);
    expect(report.outcomes.map(outcomeText)).toEqual([
      'Deelname, rij 2: WPB 2025-03-12 bijgewerkt',
      'Deelname, rij 3: WPB 2025-03-12 nieuw',
      'Deelname, rij 4: WPB 2025-03-12 afgewezen (datum ligt te ver in de toekomst)',
    ]);
    expect([report.created, report.updated, report.rejected]).toEqual([1, 1, 1]);
  });

  it('sends boards spelled differently together, and a row repeated in the sheet as an update', async () => {
    const register = new MemoryRegister();
    const report = await uploadAttendance(register, [sheet([rec('BOOR', '1'), rec('boor ', '1'), rec('Wijzer', '1')])]);
    expect(register.puts).toEqual([
      { board: 'BOOR', count: 2 },
      { board: 'Wijzer', count: 1 },
    ]);
    expect(report.outcomes.map((o) => o.outcome)).toEqual(['nieuw', 'bijgewerkt', 'nieuw']);
  });

  it('sends at most 5,000 records a request', async () => {
    const register = new MemoryRegister();
    const many = Array.from({ length: 5_001 }, (_, i) => rec('SIKO', String(i + 1)));
    const report = await uploadAttendance(register, [sheet(many)]);
    expect(register.puts.map((p) => p.count)).toEqual([5_000, 1]);
    expect(report.created).toBe(5_001);
    expect(report.outcomes.at(-1)).toMatchObject({ row: 5_002, outcome: 'nieuw' });
  });

  it('rejects rows whose board cannot be a register board, without asking the API', async () => {
    const register = new MemoryRegister();
    const report = await uploadAttendance(register, [sheet([rec('---', '1')])]);
    expect(register.puts).toEqual([]);
    expect(report.outcomes[0]).toMatchObject({ outcome: 'afgewezen' });
    expect(report.outcomes[0]!.reason).toContain('bestuursnaam');
  });
});
