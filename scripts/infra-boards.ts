// infra/boards.json from the one board table (shared/plan/boards.ts): the Bicep template loads it with
// loadJsonContent for the app roles (`board:<code>`) and BOSSPO_BOARDS, so the infrastructure never
// keeps a list of its own. The preprovision hook rewrites it; a test fails when it is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BOARDS, boardRole } from '../shared/plan/boards';
import { PROJECT_ROOT } from './api-host';

export const BOARDS_JSON = join(PROJECT_ROOT, 'infra', 'boards.json');

export function boardsJson(): string {
  const content = {
    $comment: 'Generated from shared/plan/boards.ts by scripts/infra-boards.ts (azd preprovision hook). Do not edit.',
    boards: BOARDS.map((b) => ({ name: b.name, code: b.code, role: boardRole(b) })),
  };
  return JSON.stringify(content, null, 2) + '\n';
}

/** Rewrites infra/boards.json when it differs; answers whether it changed. */
export function writeBoardsJson(file = BOARDS_JSON): boolean {
  const text = boardsJson();
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // not there yet
  }
  if (current === text) return false;
  writeFileSync(file, text);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(writeBoardsJson() ? `${BOARDS_JSON} bijgewerkt` : `${BOARDS_JSON} is actueel`);
}
