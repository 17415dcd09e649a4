// Findings about a field get the A1 address of the cell they rest on (`Cel F7: …`), so the CLI and the
// add-in give identical reports whether the evaluation ran in-process or through the API.
import type { Finding, PersonResult, SheetEvaluation } from '../model/result';
import { cellAddressLookup } from './read';
import type { SheetRead } from './types';

export function attachCells(evaluation: SheetEvaluation, read: SheetRead): SheetEvaluation {
  const addressOf = cellAddressLookup(read.cells);
  const people = evaluation.people;
  // Most results keep their findings (a field the sheet has no column for has no cell): copy only from
  // the first result that changes.
  let out: PersonResult[] | null = null;
  for (let i = 0; i < people.length; i++) {
    const person = people[i]!;
    const next = needsCell(person.findings) ? located(person, addressOf) : person;
    if (out === null && next !== person) out = people.slice(0, i);
    if (out !== null) out.push(next);
  }
  return { ...evaluation, people: out ?? people.slice() };
}

function needsCell(findings: readonly Finding[]): boolean {
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    if (f.field && !f.cell) return true;
  }
  return false;
}

function located(person: PersonResult, addressOf: (ref: string, field: string) => string | undefined): PersonResult {
  const findings = person.findings;
  let out: Finding[] | null = null;
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i]!;
    const cell = finding.field && !finding.cell ? addressOf(person.ref, finding.field) : undefined;
    if (cell) {
      out ??= findings.slice(0, i);
      out.push({ ...finding, cell, message: `Cel ${cell}: ${finding.message}` });
    } else if (out !== null) out.push(finding);
  }
  // A row the sheet does not have keeps its result as it was.
  return out !== null ? { ...person, findings: out } : person;
}
