// Plan §4 (docs/rules.md TRAINING_MISSING, DATA_MISSING): each role's required ("verplicht") or advised
// ("indien gewenst") training.
import type { SheetContext } from './context';
import { SEVERITY } from './finding';
import type { PersonOutcome } from './rule';
import { Completion, type PersonView } from './view';

export function trainingRule(ctx: SheetContext, v: PersonView, out: PersonOutcome): void {
  const { cp } = ctx;
  const count = cp.trainings.length;
  let missingColumns: string[] | null = null;
  for (let i = 0; i < count; i++) {
    const level = v.requirement[i]!;
    if (level === 0 || v.completed[i]) continue;
    if (v.cell[i] === Completion.Absent && !v.known[i]) {
      // A core training's column is expected; without it the check cannot be made (one DATA_MISSING).
      if (cp.defs[i]!.kind === 'core') (missingColumns ??= []).push(cp.trainingFields[i]!);
      continue;
    }
    if (!v.known[i]) continue; // unreadable cell: INVALID_DATE says so
    // The message depends only on the training and the person's roles: built once per sheet for each
    // pair, under the pair's index in a table of role masks × trainings.
    const key = v.mask * count + i;
    let message = ctx.messages.TRAINING_MISSING.get(key);
    if (message === undefined) {
      message = ctx.say('TRAINING_MISSING', { training: cp.defs[i]!.name, roles: roleNamesRequiring(ctx, v, i), advised: level === 1 });
      ctx.messages.TRAINING_MISSING.set(key, message);
    }
    out.findings.push({
      code: 'TRAINING_MISSING',
      severity: level === 1 ? 'info' : 'action',
      training: cp.trainings[i]!,
      message,
      planRef: v.requirementRef[i]!,
    });
  }
  if (missingColumns) {
    // The same columns are missing for every person with the same requirements: the message is built once per set.
    const field = missingColumns.join(', ');
    let message = ctx.messages.DATA_MISSING.get(field);
    if (message === undefined) ctx.messages.DATA_MISSING.set(field, (message = ctx.say('DATA_MISSING', { fields: missingColumns })));
    out.findings.push({ code: 'DATA_MISSING', severity: SEVERITY.DATA_MISSING, message, planRef: null, field });
  }
}

function roleNamesRequiring(ctx: SheetContext, v: PersonView, index: number): string[] {
  const names: string[] = [];
  for (const role of v.roles)
    if (ctx.cp.requirementsByRole[role]?.some((r) => r.index === index)) names.push(ctx.cp.roleName[role] ?? role);
  return names;
}
