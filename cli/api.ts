// `--api` and `--submit`: the API client from the address and BOSSPO_API_KEY, the need sent from the
// summary, and API failures as one line. The evaluator itself is the core's (shared/api/evaluator.ts).
import { createApiClient, ApiError, type ApiClient } from '../shared/api/client';
import { needsBody } from '../shared/api/needs';
import type { Summary } from '../shared/model/summary';

export function apiClient(baseUrl: string, apiKey: string | undefined): ApiClient {
  return createApiClient({ baseUrl, apiKey });
}

/** `--submit`: store this run's training need for the board and planning year. */
export async function submitNeeds(client: ApiClient, planningYear: string, board: string, summary: Summary) {
  return client.putNeeds(planningYear, board, needsBody(summary));
}

/** One line for stderr: what went wrong with the API, never a request body. */
export function apiProblem(e: unknown): string | null {
  if (!(e instanceof ApiError)) return null;
  return `API: ${e.title}${e.detail ? ` — ${e.detail}` : ''}${e.status ? ` (HTTP ${e.status})` : ''}`;
}
