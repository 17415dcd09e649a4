// The check's evaluator over HTTP: POST /api/evaluate in the compact form both ways (shared/api/compact.ts),
// for every host (the CLI's --api, the task pane, browser mode). Only canonical people go out (no names);
// the findings come back as codes and message values and are rendered by the client. The summary is then
// computed locally from the returned evaluations, so a report equals the in-process one.
import type { Evaluator } from '../check';
import type { ApiClient } from './client';

export function apiEvaluator(client: Pick<ApiClient, 'evaluateCompact'>): Evaluator {
  return async (input) => {
    const answer = await client.evaluateCompact({
      referenceDate: input.referenceDate,
      planningYear: input.planningYear,
      fields: input.fields,
      people: input.people,
    });
    const k = answer.summary.keyFigures;
    return {
      people: answer.people,
      findings: answer.findings,
      // The API gives the sheet's school counts in its summary (docs/rules.md, school findings).
      schools: k.schools === null ? null : { count: k.schools, withTrainedOb: k.schoolsWithTrainedOb ?? 0 },
    };
  };
}
