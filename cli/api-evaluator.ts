// `--api`: evaluate each sheet through POST /api/evaluate, in the compact form both ways (people as
// columns out, findings as codes and message values back, rendered here). Only canonical people go out
// (no names); the summary is computed locally from the returned evaluations, so the report equals the
// in-process one.
import { createApiClient, ApiError, type ApiClient } from '../shared/api/client';
import type { Evaluator } from '../shared/check';
import type { Summary } from '../shared/model/summary';

export function apiClient(baseUrl: string, apiKey: string | undefined): ApiClient {
  return createApiClient({ baseUrl, apiKey });
}

export function apiEvaluator(client: ApiClient): Evaluator {
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
      // The API gives the sheet's school counts in its summary (rules.md §5.1).
      schools: k.schools === null ? null : { count: k.schools, withTrainedOb: k.schoolsWithTrainedOb ?? 0 },
    };
  };
}

/** `--submit`: store this run's training need for the board and planning year. */
export async function submitNeeds(client: ApiClient, planningYear: string, board: string, summary: Summary) {
  return client.putNeeds(planningYear, board, {
    needs: summary.needs,
    keyFigures: summary.keyFigures,
    roles: summary.roles,
    facilitation: summary.facilitation,
    exemptions: summary.exemptions,
  });
}

/** One line for stderr: what went wrong with the API, never a request body. */
export function apiProblem(e: unknown): string | null {
  if (!(e instanceof ApiError)) return null;
  return `API: ${e.title}${e.detail ? ` — ${e.detail}` : ''}${e.status ? ` (HTTP ${e.status})` : ''}`;
}
