// One record of the central training register (rules.md §4.12): the pabo's Stagebureau registers
// participation centrally. The function app stores records under `board`; the match is board + personId.
import { z } from 'zod';
import { TrainingCode } from '../plan/schema';
import { InputDate } from './person';

export const RegisterRecordSchema = z
  .object({
    personId: z.string().trim().min(1).max(200),
    /** A person training, or REFRESH: an opfrisbijeenkomst attended (rules.md §4.12). */
    training: TrainingCode,
    date: InputDate,
    /** The register shows the certificate for this training. */
    certificate: z.boolean().optional(),
    board: z.string().trim().min(1).max(200),
  })
  .strict();
export type RegisterRecord = z.infer<typeof RegisterRecordSchema>;
/** Alias: the brief and the function app call it RegisterRecord. */
export const RegisterRecord = RegisterRecordSchema;
