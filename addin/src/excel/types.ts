// The one Office.js entry point the adapter uses, injectable so tests can run it against a fake host.
/** `Excel.run` (or a fake with the same shape). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The real one; only called inside Excel, where office.js has defined `Excel`. */
export const officeExcelRun: ExcelRun = (batch) => Excel.run(batch);

/** Host problems the task pane explains to the user (Dutch text lives in the i18n tables). */
export type HostErrorCode = 'sheetProtected' | 'workbookProtected' | 'sheetNotFound' | 'sheetTooLarge' | 'busy' | 'hostFailed';

export class HostError extends Error {
  readonly code: HostErrorCode;
  readonly sheet: string | null;
  constructor(code: HostErrorCode, sheet: string | null, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HostError';
    this.code = code;
    this.sheet = sheet;
  }
}

export function isHostError(e: unknown): e is HostError {
  return e instanceof HostError;
}

/** Office.js errors carry a `code` (`AccessDenied`, `ItemNotFound`, `RequestPayloadSizeLimitExceeded` …). */
export function officeErrorCode(e: unknown): string | null {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string') return (e as { code: string }).code;
  return null;
}

/** Turns an Office.js failure into a HostError that says what to do. */
export function hostError(e: unknown, sheet: string | null): HostError {
  if (isHostError(e)) return e;
  const code = officeErrorCode(e);
  if (code === 'AccessDenied')
    return new HostError('sheetProtected', sheet, `sheet ${sheet ?? '?'} is protected`, { cause: e });
  if (code === 'InvalidOperationInCellEditMode')
    return new HostError('busy', sheet, 'Excel is editing a cell', { cause: e });
  if (code === 'ItemNotFound') return new HostError('sheetNotFound', sheet, `sheet ${sheet ?? '?'} not found`, { cause: e });
  return new HostError('hostFailed', sheet, e instanceof Error ? e.message : String(e), { cause: e });
}
