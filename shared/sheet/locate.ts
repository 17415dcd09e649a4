// Findings about a field get the A1 address of the cell they rest on (`Cel F7: …`), so the CLI and the
// add-in give identical reports whether the evaluation ran in-process or through the API.
import type { Finding, PersonResult, SheetEvaluation } from '../model/result';
import { cellAddressLookup } from './read';
import type { SheetRead } from './types';

export function attachCells(evaluation: SheetEvaluation, read: SheetRead): SheetEvaluation {
  const addressOf = cellAddressLookup(read.cells);
  const people = evaluation.people;
  const out: PersonResult[] = new Array(people.length);
  for (let i = 0; i < people.length; i++) {
    const person = people[i]!;
    out[i] = needsCell(person.findings) ? located(person, addressOf) : person;
  }
  return { ...evaluation, people: out };
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
  const out: Finding[] = new Array(findings.length);
  let changed = false;
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i]!;
    const cell = finding.field && !finding.cell ? addressOf(person.ref, finding.field) : undefined;
    if (cell) {
      out[i] = { ...finding, cell, message: `Cel ${cell}: ${finding.message}` };
      changed = true;
    } else out[i] = finding;
  }
  // A row the sheet does not have keeps its result as it was.
  return changed ? { ...person, findings: out } : person;
}
