// Plan §3 (rules.md §5.4): per school, what the schoolopleider and schoolleider take into the school's
// activiteitenplan — its people, their statuses, the training need per training and who falls due soon.
import { STATUSES, type PersonResult } from '../model/result';
import type { PerSchoolEntry, StatusCounts } from '../model/summary';
import { TRAINING_CODES, type TrainingCode } from '../plan/schema';

interface Group<T> {
  school: string | null;
  /** The trimmed, lower-cased school value: what groups and sorts. */
  key: string;
  people: number;
  statuses: StatusCounts;
  needs: Partial<Record<TrainingCode, number>>;
  dueSoon: number;
  members: T[];
}

/** One school's figures and the rows that made them (in the order they were added). */
export interface SchoolBlock<T> {
  entry: PerSchoolEntry;
  members: T[];
}

const emptyStatuses = (): StatusCounts => Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;

/**
 * Compares two texts by Unicode code point (JavaScript's `<` compares UTF-16 code units, which orders
 * characters above U+FFFF before U+E000–U+FFFF).
 */
export function compareCodePoints(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(j)!;
    if (ca !== cb) return ca - cb;
    i += ca > 0xffff ? 2 : 1;
    j += cb > 0xffff ? 2 : 1;
  }
  return i < a.length ? 1 : j < b.length ? -1 : 0;
}

/**
 * Collects rows into school blocks. A school is a row's school value trimmed and lower-cased (a BRIN code
 * is an ordinary value), reported in its first spelling; rows without a school value, or from a sheet
 * without a school column, form the block of school null. Add only rows with at least one recognised role.
 * `T` is whatever a caller wants back per row (nothing for the JSON summary; the row for the sheet).
 */
export class PerSchoolTally<T = undefined> {
  private readonly schools = new Map<string, Group<T>>();
  /** The school cell as typed → its group: most rows repeat a spelling, so one lookup and no new strings. */
  private readonly bySpelling = new Map<string, Group<T>>();
  private none: Group<T> | null = null;

  add(school: string | null | undefined, result: Pick<PersonResult, 'status' | 'findings' | 'dueSoon'>, member: T): void {
    const group = this.groupOf(school);
    group.people++;
    group.statuses[result.status]++;
    let refresh = false;
    for (const f of result.findings) {
      if (f.code === 'TRAINING_MISSING' && f.training) group.needs[f.training] = (group.needs[f.training] ?? 0) + 1;
      else if (f.code === 'REFRESHER_OVERDUE' || f.code === 'REFRESHER_DUE') refresh = true;
    }
    if (refresh) group.needs.REFRESH = (group.needs.REFRESH ?? 0) + 1;
    if (result.dueSoon) group.dueSoon++;
    group.members.push(member);
  }

  /** The blocks: schools in code-point order of their key, then school null (when it has rows). */
  blocks(): SchoolBlock<T>[] {
    const groups = [...this.schools.values()].sort((a, b) => compareCodePoints(a.key, b.key));
    if (this.none) groups.push(this.none);
    return groups.map((g) => ({ entry: entryOf(g), members: g.members }));
  }

  entries(): PerSchoolEntry[] {
    return this.blocks().map((b) => b.entry);
  }

  private groupOf(school: string | null | undefined): Group<T> {
    if (school) {
      const known = this.bySpelling.get(school);
      if (known) return known;
      const name = school.trim();
      if (name !== '') {
        const key = name.toLowerCase();
        let group = this.schools.get(key);
        if (!group) this.schools.set(key, (group = newGroup<T>(name, key)));
        this.bySpelling.set(school, group);
        return group;
      }
    }
    return (this.none ??= newGroup<T>(null, ''));
  }
}

function newGroup<T>(school: string | null, key: string): Group<T> {
  return { school, key, people: 0, statuses: emptyStatuses(), needs: {}, dueSoon: 0, members: [] };
}

function entryOf<T>(g: Group<T>): PerSchoolEntry {
  const needs: PerSchoolEntry['needs'] = {};
  for (const t of TRAINING_CODES) if (g.needs[t]) needs[t] = g.needs[t];
  return { school: g.school, people: g.people, statuses: { ...g.statuses }, needs, dueSoon: g.dueSoon };
}
