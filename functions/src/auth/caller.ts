// Who is calling, in the API's three roles (interfaces.md §3), and the permission rules of its table.
import type { ApiRole } from '../../../shared/api/common';
import { boardKey } from '../storage/keys';

export interface Caller {
  /** Usually one; an Azure principal may carry several app roles. */
  roles: ApiRole[];
  /** The boards a `board` role belongs to, as configured. */
  boards: string[];
  /** How the caller is called (the key's name, or the principal's name claim), for GET /api/me only. */
  name?: string;
}

export const isPabo = (c: Caller) => c.roles.includes('pabo');
export const isStuurgroep = (c: Caller) => c.roles.includes('stuurgroep');
export const ownsBoard = (c: Caller, board: string) =>
  c.roles.includes('board') && c.boards.some((b) => boardKey(b) === boardKey(board));

/** The role written in the request log. */
export function primaryRole(c: Caller | null): ApiRole | 'anonymous' {
  if (!c) return 'anonymous';
  if (isPabo(c)) return 'pabo';
  if (isStuurgroep(c)) return 'stuurgroep';
  return 'board';
}

export const thatBoardOrPabo = (c: Caller, params: Record<string, string>) =>
  isPabo(c) || ownsBoard(c, params.board ?? '');
export const paboOnly = (c: Caller) => isPabo(c);
export const paboOrStuurgroep = (c: Caller) => isPabo(c) || isStuurgroep(c);
