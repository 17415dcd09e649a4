// The column mapping a user corrected, remembered in the workbook itself (Office document settings), so
// a colleague opening the same workbook gets the same mapping.
import { z } from 'zod';

const FieldOrIgnore = z.string().min(1).max(60).nullable();
export const SheetMappingSchema = z.record(z.string().max(300), FieldOrIgnore);
export type SheetMapping = z.infer<typeof SheetMappingSchema>;

const KEY = 'bosspo.mapping';
const AllMappingsSchema = z.record(z.string().max(300), SheetMappingSchema);

/** The subset of Office.context.document.settings used here (a fake in tests). */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
}

export function documentSettings(): DocumentSettings | null {
  return typeof Office !== 'undefined' && Office.context?.document?.settings ? (Office.context.document.settings as unknown as DocumentSettings) : null;
}

function all(settings: DocumentSettings): Record<string, SheetMapping> {
  const parsed = AllMappingsSchema.safeParse(settings.get(KEY));
  return parsed.success ? parsed.data : {};
}

export function loadMapping(settings: DocumentSettings, sheet: string): SheetMapping {
  return all(settings)[sheet] ?? {};
}

export function saveMapping(settings: DocumentSettings, sheet: string, mapping: SheetMapping): Promise<void> {
  const next = { ...all(settings), [sheet]: SheetMappingSchema.parse(mapping) };
  settings.set(KEY, next);
  return new Promise((resolve, reject) =>
    settings.saveAsync((r) => (r.status === 'failed' ? reject(new Error(r.error?.message ?? 'saving settings failed')) : resolve())),
  );
}
