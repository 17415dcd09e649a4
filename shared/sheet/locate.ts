// Findings about a field get the A1 address of the cell they rest on (`Cel F7: …`), and an EXEMPTION
// gets the reason its cell gives (rules.md §4.13; the reason never leaves the workbook), so the CLI and
// the add-in give identical reports whether the evaluation ran in-process or through the API.
import type { Finding, PersonResult, SheetEvaluation } from '../model/result';
import { withExemptionReason } from '../rules/messages';
import { cellAddressLookup } from './read';
import type { SheetRead } from './types';

type ReasonOf = (ref: string, finding: Finding) => string | undefined;

export function attachCells(evaluation: SheetEvaluation, read: SheetRead): SheetEvaluation {
  const addressOf = cellAddressLookup(read);
  const reasons = read.exemptionReasons;
  const reasonOf: ReasonOf = (ref, finding) =>
    finding.code === 'EXEMPTION' && finding.training && reasons ? reasons[ref]?.[finding.training] : undefined;
  const people = evaluation.people;
  // Most results keep their findings (a field the sheet has no column for has no cell): copy only from
  // the first result that changes.
  let out: PersonResult[] | null = null;
  for (let i = 0; i < people.length; i++) {
    const person = people[i]!;
    const next = needsCell(person.findings) ? located(person, addressOf, reasonOf) : person;
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

function located(
  person: PersonResult,
  addressOf: (ref: string, field: string) => string | undefined,
  reasonOf: ReasonOf,
): PersonResult {
  const findings = person.findings;
  let out: Finding[] | null = null;
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i]!;
    const cell = finding.field && !finding.cell ? addressOf(person.ref, finding.field) : undefined;
    if (cell) {
      out ??= findings.slice(0, i);
      const reason = reasonOf(person.ref, finding);
      const message = reason ? withExemptionReason(finding.message, reason) : finding.message;
      out.push({ ...finding, cell, message: `Cel ${cell}: ${message}` });
    } else if (out !== null) out.push(finding);
  }
  // A row the sheet does not have keeps its result as it was.
  return out !== null ? { ...person, findings: out } : person;
}
