// Plan §5.3 (docs/rules.md): the steering group's key figures of one board, from its submitted summary
// (GET /api/needs/{schoolYear}), and of several boards combined. Null where a figure is unknown: a board
// that did not send it, or an older submission. The Overzicht sheet (shared/report/
// steering-overview-sheet.ts) lays them out.
import type { BoardNeed } from '../api/needs';
import type { PersonTrainingCode, RoleCode } from '../plan/schema';

/** Key figures of one board, or of several combined. Null where the figure is unknown. */
export interface Figures {
  studentsPlaced: number | null;
  studentsWithCertifiedWpb: number | null;
  /** Students with a trained and certified mentor, as a share of the students placed. */
  studentsCertifiedShare: number | null;
  wpbTrainedShare: number | null;
  soioTrainedShare: number | null;
  schools: number | null;
  schoolsWithTrainedOb: number | null;
  refreshersOverdue: number | null;
  refreshersDue: number | null;
  roles: Partial<Record<RoleCode, number>>;
  facilitation: Record<string, { normHours: number; hoursGranted: number }>;
  /** Exemptions per training (rules.md §5.3); null when the board sent none (an older submission). */
  exemptions: Partial<Record<PersonTrainingCode, number>> | null;
}

const share = (part: number | null, whole: number | null) => (part === null || !whole ? null : part / whole);

export function boardFigures(b: Pick<BoardNeed, 'keyFigures' | 'roles' | 'facilitation' | 'exemptions'>): Figures {
  const k = b.keyFigures;
  const roles: Partial<Record<RoleCode, number>> = {};
  for (const [role, r] of Object.entries(b.roles ?? {})) if (r) roles[role as RoleCode] = r.count;
  const facilitation: Figures['facilitation'] = {};
  for (const [key, f] of Object.entries(b.facilitation ?? {})) if (f) facilitation[key] = { ...f };
  return {
    studentsPlaced: k?.studentsPlaced ?? null,
    studentsWithCertifiedWpb: k?.studentsWithCertifiedWpb ?? null,
    studentsCertifiedShare: share(k?.studentsWithCertifiedWpb ?? null, k?.studentsPlaced ?? null),
    wpbTrainedShare: k?.wpbTrainedShare ?? null,
    soioTrainedShare: k?.soioTrainedShare ?? null,
    schools: k?.schools ?? null,
    schoolsWithTrainedOb: k?.schoolsWithTrainedOb ?? null,
    refreshersOverdue: k?.refreshersOverdue ?? null,
    refreshersDue: k?.refreshersDue ?? null,
    roles,
    facilitation,
    exemptions: b.exemptions ? { ...b.exemptions } : null,
  };
}

/** Sum of the known values; null when none is known. */
function sumKnown(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((s, v) => s + v, 0);
}

/**
 * A share over several boards, weighted by each board's number of people it is a share of. Boards that
 * report the share without that number cannot be weighted and are left out.
 */
function weightedShare(parts: readonly { share: number | null; weight: number }[]): number | null {
  let people = 0;
  let trained = 0;
  for (const p of parts) {
    if (p.share === null || p.weight <= 0) continue;
    people += p.weight;
    trained += p.share * p.weight;
  }
  return people === 0 ? null : trained / people;
}

export function combineFigures(boards: readonly Figures[]): Figures {
  const sum = (pick: (f: Figures) => number | null) => sumKnown(boards.map(pick));
  const roles: Partial<Record<RoleCode, number>> = {};
  const facilitation: Figures['facilitation'] = {};
  for (const f of boards) {
    for (const [role, n] of Object.entries(f.roles)) roles[role as RoleCode] = (roles[role as RoleCode] ?? 0) + (n ?? 0);
    for (const [key, h] of Object.entries(f.facilitation)) {
      const t = (facilitation[key] ??= { normHours: 0, hoursGranted: 0 });
      t.normHours += h.normHours;
      t.hoursGranted += h.hoursGranted;
    }
  }
  const studentsPlaced = sum((f) => f.studentsPlaced);
  const studentsWithCertifiedWpb = sum((f) => f.studentsWithCertifiedWpb);
  let exemptions: Figures['exemptions'] = null;
  for (const f of boards) {
    if (!f.exemptions) continue;
    exemptions ??= {};
    for (const [t, n] of Object.entries(f.exemptions) as [PersonTrainingCode, number | undefined][])
      exemptions[t] = (exemptions[t] ?? 0) + (n ?? 0);
  }
  return {
    studentsPlaced,
    studentsWithCertifiedWpb,
    studentsCertifiedShare: share(studentsWithCertifiedWpb, studentsPlaced),
    wpbTrainedShare: weightedShare(boards.map((f) => ({ share: f.wpbTrainedShare, weight: f.roles.WPB ?? 0 }))),
    soioTrainedShare: weightedShare(
      boards.map((f) => ({ share: f.soioTrainedShare, weight: (f.roles.SO ?? 0) + (f.roles.IO ?? 0) })),
    ),
    schools: sum((f) => f.schools),
    schoolsWithTrainedOb: sum((f) => f.schoolsWithTrainedOb),
    refreshersOverdue: sum((f) => f.refreshersOverdue),
    refreshersDue: sum((f) => f.refreshersDue),
    roles,
    facilitation,
    exemptions,
  };
}
