// Which board is the pabo (rules.md §6.3): its normalised name contains `pabo` or `hogeschool rotterdam`,
// or equals `hr` — the words come from the plan (`paboBoards`), not from code.
import type { Plan } from '../plan/schema';
import { normalizeHeader } from './normalize';

export function isPaboBoard(plan: Pick<Plan, 'paboBoards'>, board: string | null | undefined): boolean {
  if (!board) return false;
  const n = normalizeHeader(board);
  if (n === '') return false;
  return (
    plan.paboBoards.equals.some((e) => normalizeHeader(e) === n) ||
    plan.paboBoards.contains.some((c) => {
      const word = normalizeHeader(c);
      return word !== '' && n.includes(word);
    })
  );
}
