// The central training register over HTTP (interfaces.md §3, rules.md §4.12).
import { z } from 'zod';
import { RegisterRecordSchema } from '../model/register';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_REGISTER_RECORDS, PersonIdText } from './common';

/** One record in a PUT body; the board comes from the path (a `board` key, if any, must name the same board). */
export const RegisterRecordInputSchema = RegisterRecordSchema.extend({
  personId: PersonIdText,
  board: z.string().optional(),
}).strict();
export type RegisterRecordInput = z.input<typeof RegisterRecordInputSchema>;

/**
 * The envelope; each record is checked on its own so one bad row is rejected, not the whole batch.
 * More than MAX_REGISTER_RECORDS records is a 413, checked before this schema.
 */
export const RegisterPutSchema = z.object({ records: z.array(z.unknown()).max(MAX_REGISTER_RECORDS) }).strict();

export const RegisterRejectionSchema = z.object({ index: z.number().int().nonnegative(), reason: z.string() });

export const RegisterPutResponseSchema = z.object({
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  /** The rejected records: their index in `records` and why. */
  rejections: z.array(RegisterRejectionSchema),
});
export type RegisterPutResponse = z.infer<typeof RegisterPutResponseSchema>;

export const RegisterListResponseSchema = z.object({
  records: z.array(RegisterRecordSchema),
  continuation: z.string().nullable(),
});
export type RegisterListResponse = z.infer<typeof RegisterListResponseSchema>;

export const RegisterEraseResponseSchema = z.object({ deleted: z.number().int().nonnegative() });
export type RegisterEraseResponse = z.infer<typeof RegisterEraseResponseSchema>;

/** Query of GET /api/register/{board}/records. */
export const RegisterListQuerySchema = z
  .object({
    personId: PersonIdText.optional(),
    pageSize: z.coerce
      .number({ message: 'pageSize is een getal' })
      .int('pageSize is een geheel getal')
      .min(1, 'pageSize is minstens 1')
      .max(MAX_PAGE_SIZE, `pageSize is hoogstens ${MAX_PAGE_SIZE}`)
      .default(DEFAULT_PAGE_SIZE),
    continuation: z.string().min(1).max(2_000).optional(),
  })
  .strict();
export type RegisterListQuery = z.input<typeof RegisterListQuerySchema>;
