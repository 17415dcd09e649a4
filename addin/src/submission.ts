// Plan §5 via interfaces.md §3: the board's training need as sent to PUT /api/needs/{year}/{board}, and
// whether the checked sheet still gives what was last sent. The last submission is also remembered in the
// workbook (document settings), so the pane can say when it was sent even when the API is not reachable.
import { z } from 'zod';
import { NeedsPutSchema, type NeedsPut } from '../../shared/api/needs';
import { stableStringify } from '../../shared/api/stable-json';
import type { DocumentSettings } from './excel/settings';
import { boardKey } from './roles';

/**
 * A fingerprint of a need as the server keeps it (schema-parsed, keys sorted): two FNV-1a 32-bit hashes
 * with different offsets, 16 hex digits. For noticing a change, not for security.
 */
export function needsHash(body: unknown): string {
  const parsed = NeedsPutSchema.safeParse(body);
  const text = stableStringify(parsed.success ? parsed.data : body);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

export const SubmissionSchema = z.object({
  submittedAt: z.string().max(40),
  version: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{16}$/),
});
export type Submission = z.infer<typeof SubmissionSchema>;

const KEY = 'bosspo.submissions';
const AllSchema = z.record(z.string().max(300), SubmissionSchema);
const slot = (schoolYear: string, board: string) => `${schoolYear}|${boardKey(board)}`;

function all(settings: DocumentSettings): Record<string, Submission> {
  const parsed = AllSchema.safeParse(settings.get(KEY));
  return parsed.success ? parsed.data : {};
}

export function loadSubmission(settings: DocumentSettings, schoolYear: string, board: string): Submission | null {
  return all(settings)[slot(schoolYear, board)] ?? null;
}

export function saveSubmission(settings: DocumentSettings, schoolYear: string, board: string, submission: Submission): Promise<void> {
  settings.set(KEY, { ...all(settings), [slot(schoolYear, board)]: SubmissionSchema.parse(submission) });
  return new Promise((resolve, reject) =>
    settings.saveAsync((r) => (r.status === 'failed' ? reject(new Error(r.error?.message ?? 'saving settings failed')) : resolve())),
  );
}

export interface SubmissionState {
  last: Submission | null;
  /** null when nothing was sent yet. */
  changed: boolean | null;
}

/** The newer of what the server says and what the workbook remembers, compared with the current need. */
export function submissionState(current: NeedsPut, server: Submission | null, remembered: Submission | null): SubmissionState {
  const last = [server, remembered].filter((s): s is Submission => s !== null).sort((x, y) => y.version - x.version || y.submittedAt.localeCompare(x.submittedAt))[0] ?? null;
  return { last, changed: last ? last.hash !== needsHash(current) : null };
}

/** `2026-11-28T10:15:00.000Z` → `28-11-2026 11:15` in Amsterdam time (as the user reads it). */
export function submittedText(iso: string, language: 'nl' | 'en'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: 'Europe/Amsterdam',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}-${get('month')}-${get('year')} ${get('hour')}:${get('minute')}`;
}
