// rules.md §4.12 behind evaluate: the stored register records of each person's board — for a board's
// key only its own board — and only boards that have records (an index, so no scan per typed board).
import type { Person } from '../../../shared/model/person';
import type { RegisterRecord } from '../../../shared/model/register';
import { isPabo, isStuurgroep, ownsBoard, type Caller } from '../auth/caller';
import type { RegisterRepository } from '../storage/register-repository';
import { boardKey } from '../storage/keys';

export async function registerForPeople(
  repo: RegisterRepository,
  caller: Caller,
  people: readonly Person[],
  /** repo.boards(), when already asked for (the evaluate route asks before it reads the body). */
  boards: Promise<Map<string, string>> = repo.boards(),
): Promise<{ records: RegisterRecord[]; stored: number }> {
  // Board key → the spellings people use, and the personIds asked for.
  const wanted = new Map<string, { spellings: Set<string>; ids: Set<string> }>();
  // A sheet has a few board spellings for thousands of people: each is keyed and checked once.
  const byBoard = new Map<string, { spellings: Set<string>; ids: Set<string> } | null>();
  for (const p of people) {
    const board = p.board?.trim();
    const id = p.personId?.trim();
    if (!board || !id) continue;
    let w = byBoard.get(board);
    if (w === undefined) {
      if (!isPabo(caller) && !isStuurgroep(caller) && !ownsBoard(caller, board)) w = null;
      else {
        const key = boardKey(board);
        w = wanted.get(key) ?? { spellings: new Set(), ids: new Set() };
        wanted.set(key, w);
        w.spellings.add(board);
      }
      byBoard.set(board, w);
    }
    w?.ids.add(id);
  }
  if (wanted.size === 0) return { records: [], stored: 0 };
  const boardsWithRecords = await boards;
  const out: RegisterRecord[] = [];
  let stored = 0;
  for (const [key, w] of wanted) {
    const board = boardsWithRecords.get(key);
    if (board === undefined) continue;
    for (const r of await repo.all(board)) {
      if (!w.ids.has(r.personId)) continue;
      stored++;
      // The rules match boards case-insensitively; hand each record over in every spelling the sheet uses.
      for (const spelling of w.spellings) out.push({ ...r, board: spelling });
    }
  }
  return { records: out, stored };
}
