// Plan §4 "Vakbekwaamheid aantonen" (rules.md §4.12): the Stagebureau's central register of trainings.
// Records are matched on board (trimmed, case-insensitive) + personId (trimmed). Per training the
// latest record on or before the reference date counts; a record with a certificate counts as the
// certificate. The merge happens in the person view (view.ts); input objects are never changed.
import type { IsoDate } from '../model/person';
import type { RegisterRecord } from '../model/register';
import type { TrainingCode } from '../plan/schema';

export interface RegisterEntry {
  /** The latest register date on or before the reference date. */
  date: IsoDate;
  /** Some record of this training (on or before the reference date) shows the certificate. */
  certificate: boolean;
}

/** Per training; REFRESH is the latest opfrisbijeenkomst, which counts as `lastRefresher`. */
export type RegisterPerson = Partial<Record<TrainingCode, RegisterEntry>>;
export type RegisterIndex = Map<string, RegisterPerson>;

export function registerKey(board: string, personId: string): string {
  return `${board.trim().toLowerCase()}\u0000${personId.trim()}`;
}

/**
 * Index records by board + personId. A record dated after the reference date is not (yet) a
 * completion and is left out, just as a future date in the sheet does not count.
 */
export function indexRegister(records: readonly RegisterRecord[], referenceDate: IsoDate): RegisterIndex {
  const index: RegisterIndex = new Map();
  for (const r of records) {
    if (r.date > referenceDate) continue;
    const key = registerKey(r.board, r.personId);
    let person = index.get(key);
    if (!person) index.set(key, (person = {}));
    const prev = person[r.training];
    person[r.training] = {
      date: prev && prev.date > r.date ? prev.date : r.date,
      certificate: (prev?.certificate ?? false) || r.certificate === true,
    };
  }
  return index;
}

/** The register's entries for a person, or undefined when there are none (or no board/personId). */
export function registerFor(
  index: RegisterIndex | null,
  board: string | null | undefined,
  personId: string | null | undefined,
): RegisterPerson | undefined {
  if (!index || !board || !personId) return undefined;
  const b = board.trim();
  const p = personId.trim();
  if (!b || !p) return undefined;
  return index.get(registerKey(b, p));
}
