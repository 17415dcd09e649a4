// Plan §4 (docs/rules.md TRAINING_MISSING, DATA_MISSING): each role's required ("verplicht") or advised
// ("indien gewenst") training.
import type { Finding } from '../model/result';
import type { SheetContext } from './context';
import { remember, said, SEVERITY } from './finding';
import type { PersonOutcome } from './rule';
import { Completion, type PersonView } from './view';

export function trainingRule(ctx: SheetContext, v: PersonView, out: PersonOutcome): void {
  const { cp } = ctx;
  const count = cp.trainings.length;
  /** Bit i: the column of core training i is missing where a role asks for it. */
  let missingColumns = 0;
  for (let i = 0; i < count; i++) {
    const level = v.requirement[i]!;
    if (level === 0 || v.completed[i]) continue;
    if (v.cell[i] === Completion.Absent && !v.known[i]) {
      // A core training's column is expected; without it the check cannot be made (one DATA_MISSING).
      if (cp.defs[i]!.kind === 'core') missingColumns |= 1 << i;
      continue;
    }
    if (!v.known[i]) continue; // unreadable cell: INVALID_DATE says so
    // The finding depends only on the training and the person's roles: keyed by the pair's index in a
    // table of role masks × trainings.
    const key = v.mask * count + i;
    out.add(ctx.findings.TRAINING_MISSING.get(key) ?? remember(ctx.findings.TRAINING_MISSING, key, missing(ctx, v, i, level)));
  }
  // The same columns are missing for every person with the same requirements: one finding per set.
  if (missingColumns !== 0)
    out.add(ctx.findings.DATA_MISSING.get(missingColumns) ?? remember(ctx.findings.DATA_MISSING, missingColumns, noColumns(ctx, missingColumns)));
}

function missing(ctx: SheetContext, v: PersonView, i: number, level: number): Finding {
  const { cp } = ctx;
  const params = { training: cp.defs[i]!.name, roles: roleNamesRequiring(ctx, v, i), advised: level === 1 };
  const f: Finding = {
    code: 'TRAINING_MISSING',
    severity: level === 1 ? 'info' : 'action',
    training: cp.trainings[i]!,
    message: ctx.say('TRAINING_MISSING', params),
    planRef: v.requirementRef[i]!,
  };
  return said(ctx, f, params);
}

function noColumns(ctx: SheetContext, missingColumns: number): Finding {
  const fields = ctx.cp.trainingFields.filter((_, i) => (missingColumns & (1 << i)) !== 0);
  const params = { fields };
  return said(ctx, { code: 'DATA_MISSING', severity: SEVERITY.DATA_MISSING, message: ctx.say('DATA_MISSING', params), planRef: null, field: fields.join(', ') }, params);
}

function roleNamesRequiring(ctx: SheetContext, v: PersonView, index: number): string[] {
  const names: string[] = [];
  for (const role of v.roles)
    if (ctx.cp.requirementsByRole[role]?.some((r) => r.index === index)) names.push(ctx.cp.roleName[role] ?? role);
  return names;
}
