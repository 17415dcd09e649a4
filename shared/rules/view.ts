// What the rules see of one person (rules.md §4 input, §4.10 unknown values, §4.12 register merge).
// One view per sheet is reused for every person: no per-person allocation of these arrays.
import type { IsoDate, Person } from '../model/person';
import type { PersonResult } from '../model/result';
import type { RoleCode } from '../plan/schema';
import { rolesOfMask, type SheetContext } from './context';
import { registerFor } from './register';

/** How a completion cell reads. */
export const Cell = {
  /** The sheet has no column for it. */
  Absent: 0,
  /** Empty or a no-word: not done. */
  Empty: 1,
  /** Could not be read (INVALID_DATE): unknown. */
  Invalid: 2,
  /** "done, date unknown". */
  Done: 3,
  /** A date on or before the reference date. */
  Date: 4,
  /** A date after the reference date: not counted (FUTURE_DATE). */
  Future: 5,
} as const;
export type Cell = (typeof Cell)[keyof typeof Cell];

/** No norm part known: one shared, frozen object. */
export const NO_PARTS: PersonResult['normParts'] = Object.freeze({});

export class PersonView {
  person!: Person;
  roles: RoleCode[] = [];
  mask = 0;
  /** Per training index (CompiledPlan.trainings): how the sheet cell reads. */
  readonly cell: Cell[];
  /** The counted completion date after the register merge, or null. */
  readonly date: (IsoDate | null)[];
  readonly completed: boolean[];
  /** The value is known: the column exists and is readable, or the register has a date. */
  readonly known: boolean[];
  /** The counted date comes from the register. */
  readonly fromRegister: boolean[];
  readonly registerCertificate: boolean[];
  /** The sheet's cell is an exemption (rules.md §4.13): completed, no certificate needed. */
  readonly exempt: boolean[];
  /** Per training index: what the person's roles ask (0 nothing, 1 advised, 2 required; rules.md §3). */
  readonly need: Uint8Array;
  /** Per training index: plan § of the requirement that set `need`. */
  readonly needRef: string[];
  lastRefresherCell: Cell = Cell.Absent;
  lastRefresherDate: IsoDate | null = null;
  /** The counted lastRefresher date comes from a register REFRESH record. */
  lastRefresherFromRegister = false;
  /** Bit i set: trainings[i] is completed. */
  completedMask = 0;
  /** Set by the facilitation rule (rules.md §4.5). */
  normHours: number | null = null;
  normParts: PersonResult['normParts'] = NO_PARTS;

  constructor(private readonly ctx: SheetContext) {
    const n = ctx.cp.trainings.length;
    this.cell = new Array<Cell>(n).fill(Cell.Absent);
    this.date = new Array<IsoDate | null>(n).fill(null);
    this.completed = new Array<boolean>(n).fill(false);
    this.known = new Array<boolean>(n).fill(false);
    this.fromRegister = new Array<boolean>(n).fill(false);
    this.registerCertificate = new Array<boolean>(n).fill(false);
    this.exempt = new Array<boolean>(n).fill(false);
    this.need = new Uint8Array(n);
    this.needRef = new Array<string>(n).fill('');
  }

  /** Load a person holding the roles of `mask` (ROLE_BIT). */
  load(person: Person, mask: number): void {
    const { ctx } = this;
    const R = ctx.referenceDate;
    const trainings = ctx.cp.trainings;
    const values = person.trainings;
    const register = registerFor(ctx.register, person.board, person.personId);
    this.person = person;
    this.roles = rolesOfMask(mask);
    this.mask = mask;
    this.completedMask = 0;
    this.normHours = null;
    this.normParts = NO_PARTS;
    this.need.fill(0);
    for (const role of this.roles) {
      const needs = ctx.cp.needsByRole[role];
      if (!needs) continue;
      for (const need of needs) {
        const level = need.advised ? 1 : 2;
        if (level > this.need[need.index]!) {
          this.need[need.index] = level;
          this.needRef[need.index] = need.planRef;
        }
      }
    }
    for (let i = 0; i < trainings.length; i++) {
      const code = trainings[i]!;
      let cell: Cell = Cell.Absent;
      let date: IsoDate | null = null;
      let exempt = false;
      if (ctx.hasTraining[i]) {
        const v = values?.[code];
        if (v === null || v === undefined) cell = Cell.Empty;
        else if (v === 'done') cell = Cell.Done;
        else if (typeof v === 'string') {
          if (v > R) cell = Cell.Future;
          else {
            cell = Cell.Date;
            date = v;
          }
        } else if ('exempt' in v) {
          // rules.md §4.13: completed on its date; a date after R is no date (and no FUTURE_DATE).
          exempt = true;
          const on = v.exempt.date;
          if (on !== null && on <= R) {
            cell = Cell.Date;
            date = on;
          } else cell = Cell.Done;
        } else cell = Cell.Invalid;
      }
      this.exempt[i] = exempt;
      const reg = register?.[code];
      let fromRegister = false;
      if (reg && (date === null || reg.date > date)) {
        date = reg.date;
        fromRegister = true;
      }
      this.cell[i] = cell;
      this.date[i] = date;
      this.fromRegister[i] = fromRegister;
      const completed = date !== null || cell === Cell.Done;
      this.completed[i] = completed;
      if (completed) this.completedMask |= 1 << i;
      this.known[i] = reg !== undefined || (cell !== Cell.Absent && cell !== Cell.Invalid);
      this.registerCertificate[i] = reg?.certificate === true;
    }
    this.lastRefresherCell = Cell.Absent;
    this.lastRefresherDate = null;
    if (ctx.has.lastRefresher) {
      const v = person.lastRefresher;
      if (v === null || v === undefined) this.lastRefresherCell = Cell.Empty;
      else if (v === 'done') this.lastRefresherCell = Cell.Done;
      else if (typeof v === 'string') {
        if (v > R) this.lastRefresherCell = Cell.Future;
        else {
          this.lastRefresherCell = Cell.Date;
          this.lastRefresherDate = v;
        }
      } else this.lastRefresherCell = Cell.Invalid;
    }
    // rules.md §4.12: a register REFRESH record (an opfrisbijeenkomst attended) counts as lastRefresher,
    // also where the sheet lacks that column; the later of the two dates counts.
    const refresh = register?.REFRESH;
    this.lastRefresherFromRegister = false;
    if (refresh && (this.lastRefresherDate === null || refresh.date > this.lastRefresherDate)) {
      this.lastRefresherDate = refresh.date;
      this.lastRefresherFromRegister = true;
    }
  }

  /** A number field's value when the sheet has the column and the cell holds a number, else null. */
  number(field: 'students' | 'graduates' | 'secondAssessments' | 'hoursGranted' | 'meetings'): number | null {
    if (!this.ctx.has[field]) return null;
    const v = this.person[field];
    return typeof v === 'number' ? v : null;
  }
}
