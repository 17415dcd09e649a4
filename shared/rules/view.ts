// What the rules see of one person (rules.md §4 input, §4.10 unknown values, §4.12 register merge).
// One view per sheet is reused for every person: no per-person allocation of these arrays.
import type { IsoDate, Person } from '../model/person';
import type { RoleCode } from '../plan/schema';
import { rolesOfMask, type SheetContext } from './context';
import { registerFor } from './register';

/** How a completion cell (a training or lastRefresher date) reads. */
export const Completion = {
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
export type Completion = (typeof Completion)[keyof typeof Completion];

export class PersonView {
  person!: Person;
  roles: readonly RoleCode[] = [];
  mask = 0;
  /** Per training index (CompiledPlan.trainings): how the sheet cell reads. */
  readonly cell: Completion[];
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
  /** Per training index: what the person's roles ask (0 nothing, 1 advised, 2 required; plan §4). */
  readonly requirement: Uint8Array;
  /** Per training index: plan § of the requirement that set `requirement`. */
  readonly requirementRef: string[];
  lastRefresherCell: Completion = Completion.Absent;
  lastRefresherDate: IsoDate | null = null;
  /** The counted lastRefresher date comes from a register REFRESH record. */
  lastRefresherFromRegister = false;
  /** Bit i set: trainings[i] is completed. */
  completedMask = 0;
  /** The distinct unrecognised role tokens of the row (data-quality rule). */
  unknownRoles: readonly string[] = [];

  constructor(private readonly ctx: SheetContext) {
    const n = ctx.cp.trainings.length;
    this.cell = new Array<Completion>(n).fill(Completion.Absent);
    this.date = new Array<IsoDate | null>(n).fill(null);
    this.completed = new Array<boolean>(n).fill(false);
    this.known = new Array<boolean>(n).fill(false);
    this.fromRegister = new Array<boolean>(n).fill(false);
    this.registerCertificate = new Array<boolean>(n).fill(false);
    this.exempt = new Array<boolean>(n).fill(false);
    this.requirement = new Uint8Array(n);
    this.requirementRef = new Array<string>(n).fill('');
  }

  /** Load a person holding the roles of `mask` (ROLE_BIT) and these unrecognised role tokens. */
  load(person: Person, mask: number, unknownRoles: readonly string[]): void {
    const { ctx } = this;
    const R = ctx.referenceDate;
    const trainings = ctx.cp.trainings;
    const values = person.trainings;
    const register = registerFor(ctx.register, person.board, person.personId);
    this.person = person;
    this.roles = rolesOfMask(mask);
    this.mask = mask;
    this.unknownRoles = unknownRoles;
    this.completedMask = 0;
    this.requirement.fill(0);
    // Indexed loops over the shared, frozen role list: for…of over a frozen array allocates an iterator result per step.
    for (let r = 0; r < this.roles.length; r++) {
      const requirements = ctx.cp.requirementsByRole[this.roles[r]!];
      if (!requirements) continue;
      for (let q = 0; q < requirements.length; q++) {
        const r = requirements[q]!;
        const level = r.advised ? 1 : 2;
        if (level > this.requirement[r.index]!) {
          this.requirement[r.index] = level;
          this.requirementRef[r.index] = r.planRef;
        }
      }
    }
    for (let i = 0; i < trainings.length; i++) {
      const code = trainings[i]!;
      let cell: Completion = Completion.Absent;
      let date: IsoDate | null = null;
      let exempt = false;
      if (ctx.hasTraining[i]) {
        const v = values?.[code];
        if (v === null || v === undefined) cell = Completion.Empty;
        else if (v === 'done') cell = Completion.Done;
        else if (typeof v === 'string') {
          if (v > R) cell = Completion.Future;
          else {
            cell = Completion.Date;
            date = v;
          }
        } else if ('exempt' in v) {
          // rules.md §4.13: completed on its date; a date after R is no date (and no FUTURE_DATE).
          exempt = true;
          const on = v.exempt.date;
          if (on !== null && on <= R) {
            cell = Completion.Date;
            date = on;
          } else cell = Completion.Done;
        } else cell = Completion.Invalid;
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
      const completed = date !== null || cell === Completion.Done;
      this.completed[i] = completed;
      if (completed) this.completedMask |= 1 << i;
      this.known[i] = reg !== undefined || (cell !== Completion.Absent && cell !== Completion.Invalid);
      this.registerCertificate[i] = reg?.certificate === true;
    }
    this.lastRefresherCell = Completion.Absent;
    this.lastRefresherDate = null;
    if (ctx.has.lastRefresher) {
      const v = person.lastRefresher;
      if (v === null || v === undefined) this.lastRefresherCell = Completion.Empty;
      else if (v === 'done') this.lastRefresherCell = Completion.Done;
      else if (typeof v === 'string') {
        if (v > R) this.lastRefresherCell = Completion.Future;
        else {
          this.lastRefresherCell = Completion.Date;
          this.lastRefresherDate = v;
        }
      } else this.lastRefresherCell = Completion.Invalid;
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
