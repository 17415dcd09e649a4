// What a rule is (docs/rules.md, "Finding codes"): its plan §, the finding codes it alone raises, and one
// function of one signature. `RULES` and `SHEET_RULES` in evaluate.ts list them in the order they run.
import type { IsoDate, Person } from '../model/person';
import type { Finding, FindingCode, PersonResult, SchoolFinding, SchoolFindingCode, SheetEvaluation } from '../model/result';
import type { SheetContext } from './context';
import type { PersonView } from './view';

/** No norm part known: one shared, frozen object (read-only in the result's type). */
export const NO_PARTS: PersonResult['normParts'] = Object.freeze({});

/**
 * What the rules produce for one person, filled as `RULES` runs: the findings, and the values one rule
 * hands to the result or to `dueSoon` (rules.md §4.14). One object per sheet, reset for every person.
 */
export class PersonOutcome {
  /**
   * The findings so far are the first `count` entries. The list is reused and never shortened: setting
   * an array's length to 0 drops its storage, and the next push would allocate it again for every person.
   */
  private readonly list: Finding[] = [];
  /** How many findings the rules have added for this person. */
  count = 0;
  /** The refresher due date (refresher rule, plan §4 "Vakbekwaam blijven"), or null. */
  refresherDue: IsoDate | null = null;
  /** The VELON registration's expiry (velon rule, plan §4), or null. */
  velonExpiry: IsoDate | null = null;
  /** Norm hours over the person's roles (facilitation rule, plan §5), or null when no part is known. */
  normHours: number | null = null;
  normParts: PersonResult['normParts'] = NO_PARTS;

  reset(): void {
    this.count = 0;
    this.refresherDue = null;
    this.velonExpiry = null;
    this.normHours = null;
    this.normParts = NO_PARTS;
  }

  add(finding: Finding): void {
    this.list[this.count++] = finding;
  }

  /** The findings in rule order: a new array of exactly this length (the result keeps it). */
  findings(): Finding[] {
    return this.list.slice(0, this.count);
  }
}

/** A rule about one person at a time. */
export interface PersonRule {
  name: string;
  /** The plan § the rule rests on; null for data quality (no plan §). */
  plan: string | null;
  /** The finding codes this rule raises; no other rule raises them. */
  codes: readonly FindingCode[];
  apply: (ctx: SheetContext, person: PersonView, out: PersonOutcome) => void;
}

/** What the rules about a whole sheet produce besides marks on the people's results. */
export interface SheetOutcome {
  findings: SchoolFinding[];
  schools: SheetEvaluation['schools'];
}

/** A rule about a whole sheet: it runs once all people are evaluated, and may add to their results. */
export interface SheetRule {
  name: string;
  plan: string | null;
  codes: readonly (FindingCode | SchoolFindingCode)[];
  apply: (ctx: SheetContext, people: readonly Person[], results: PersonResult[], out: SheetOutcome) => void;
}
