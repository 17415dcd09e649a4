// GET /api/me (an extra route, interfaces.md §3 allows them): who the caller is, so a client shows only
// the views its role may use. The API enforces the same rules on every route.
import { z } from 'zod';
import { ApiRole } from './common';

export const MeResponseSchema = z.object({
  /** The role that decides the views: pabo before stuurgroep before board (one key has one role). */
  role: ApiRole,
  /** Every role the caller holds (an Azure principal may hold several). */
  roles: z.array(ApiRole),
  /** The board of a board role (the first, when a principal holds several), else null. */
  board: z.string().nullable(),
  boards: z.array(z.string()),
  /** The key's configured name or the signed-in user's name; null when unknown. */
  name: z.string().nullable(),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;
