// Plan §4 (rules.md §4.1): each role's required ("verplicht") or advised ("indien gewenst") training.
import type { Finding } from '../model/result';
import type { SheetContext } from './context';
import { SEVERITY } from './finding';
import { MESSAGES } from './messages';
import { Cell, type PersonView } from './view';

export function trainingRule(ctx: SheetContext, v: PersonView, out: Finding[]): void {
  const { cp } = ctx;
  let missingColumns: string[] | null = null;
  let missingMask = 0;
  for (let i = 0; i < cp.trainings.length; i++) {
    const need = v.need[i]!;
    if (need === 0 || v.completed[i]) continue;
    if (v.cell[i] === Cell.Absent && !v.known[i]) {
      // A core training's column is expected; without it the check cannot be made (one DATA_MISSING).
      if (cp.defs[i]!.kind === 'core') {
        (missingColumns ??= []).push(cp.trainingFields[i]!);
        missingMask |= 2 ** i;
      }
      continue;
    }
    if (!v.known[i]) continue; // unreadable cell: INVALID_DATE says so
    // The message depends only on the training and the person's roles: built once per combination.
    const key = v.mask * 16 + i;
    let message = ctx.messages.TRAINING_MISSING.get(key);
    if (message === undefined) {
      message = MESSAGES.TRAINING_MISSING.nl({ training: cp.defs[i]!.name, roles: roleNamesNeeding(ctx, v, i), advised: need === 1 });
      ctx.messages.TRAINING_MISSING.set(key, message);
    }
    out.push({
      code: 'TRAINING_MISSING',
      severity: need === 1 ? 'info' : 'action',
      training: cp.trainings[i]!,
      message,
      planRef: v.needRef[i]!,
    });
  }
  if (missingColumns) {
    // The same columns are missing for every person with the same needs: message and field built once per set.
    let texts = missingTexts.get(ctx);
    if (texts === undefined) missingTexts.set(ctx, (texts = new Map()));
    let t = texts.get(missingMask);
    if (t === undefined)
      texts.set(missingMask, (t = { message: MESSAGES.DATA_MISSING.nl({ fields: missingColumns }), field: missingColumns.join(', ') }));
    out.push({ code: 'DATA_MISSING', severity: SEVERITY.DATA_MISSING, message: t.message, planRef: null, field: t.field });
  }
}

/** DATA_MISSING texts per sheet, by the set of missing training columns (a bit per training index). */
const missingTexts = new WeakMap<SheetContext, Map<number, { message: string; field: string }>>();

function roleNamesNeeding(ctx: SheetContext, v: PersonView, index: number): string[] {
  const names: string[] = [];
  for (const role of v.roles)
    if (ctx.cp.needsByRole[role]?.some((n) => n.index === index)) names.push(ctx.cp.roleName[role] ?? role);
  return names;
}
