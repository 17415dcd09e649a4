// Findings about a field get the A1 address of the cell they rest on (`Cel F7: …`), so the CLI and the
// add-in give identical reports whether the evaluation ran in-process or through the API.
import type { Finding, SheetEvaluation } from '../model/result';
import type { FieldName, SheetRead } from './types';

export function attachCells(evaluation: SheetEvaluation, read: SheetRead): SheetEvaluation {
  return {
    ...evaluation,
    people: evaluation.people.map((person) => {
      const addresses = read.cells[person.ref];
      if (!addresses || !person.findings.some((f) => f.field && !f.cell)) return person;
      return { ...person, findings: person.findings.map((f) => located(f, addresses)) };
    }),
  };
}

function located(finding: Finding, addresses: Partial<Record<FieldName, string>>): Finding {
  if (!finding.field || finding.cell) return finding;
  const cell = addresses[finding.field as FieldName];
  if (!cell) return finding;
  return { ...finding, cell, message: `Cel ${cell}: ${finding.message}` };
}
