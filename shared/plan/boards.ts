// The partnership's boards (plan §1: the pabo of Hogeschool Rotterdam and five school boards), each with
// the name users see and a code without spaces for places that cannot hold a name: Entra app-role values
// (`board:PRIMO`), resource tags, URLs. One table, read by the API (the default of BOSSPO_BOARDS), the
// infrastructure template and the README.

export interface BoardInfo {
  /** The board's name as users write it and as the API answers it. */
  readonly name: string;
  /** Upper-case letters only: the app-role value is `board:<code>`. */
  readonly code: string;
}

export const BOARDS: readonly BoardInfo[] = [
  { name: 'BOOR', code: 'BOOR' },
  { name: 'Wijzer', code: 'WIJZER' },
  { name: 'OZHW', code: 'OZHW' },
  { name: 'Primo Schiedam', code: 'PRIMO' },
  { name: 'SIKO', code: 'SIKO' },
  { name: 'Pabo HR', code: 'PABO' },
];

/** Boards compare trimmed and case-folded (interfaces.md §3). */
export const boardKey = (name: string): string => name.trim().toLowerCase();

/** The app-role value of a board: `board:<code>`. */
export const boardRole = (board: BoardInfo): string => `board:${board.code}`;
