// The one Office.js entry point the adapter uses, injectable so tests can run it against a fake host.
/** `Excel.run` (or a fake with the same shape). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The real one; only called inside Excel, where office.js has defined `Excel`. */
export const officeExcelRun: ExcelRun = (batch) => Excel.run(batch);

/** Host problems the task pane explains to the user (Dutch text lives in the i18n tables). */
export type HostErrorCode =
  | 'sheetProtected'
  | 'workbookProtected'
  | 'readOnly'
  | 'accessDenied'
  | 'sheetNotFound'
  | 'sheetHidden'
  | 'sheetChanged'
  | 'sheetTooLarge'
  | 'busy'
  | 'hostFailed';

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

/**
 * Excel's answers for a request too large for it: the 5 MB request/response limit of Excel on the web and the
 * five-million-cell read limit (error table of learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 */
const TOO_LARGE = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'RangeExceedsLimit']);

/**
 * Turns an Office.js failure into a HostError that says what to do. `AccessDenied` alone does not say why
 * (a protected sheet or workbook structure, or a workbook open read-only: view mode on the web, opened
 * read-only, no edit rights), so it becomes `accessDenied` until `explainAccessDenied` has looked.
 */
export function hostError(e: unknown, sheet: string | null): HostError {
  if (isHostError(e)) return e;
  const code = officeErrorCode(e);
  if (code === 'AccessDenied') return new HostError('accessDenied', sheet, 'Excel refused the change', { cause: e });
  if (code === 'InvalidOperationInCellEditMode')
    return new HostError('busy', sheet, 'Excel is editing a cell', { cause: e });
  if (code === 'ItemNotFound') return new HostError('sheetNotFound', sheet, `sheet ${sheet ?? '?'} not found`, { cause: e });
  if (code !== null && TOO_LARGE.has(code)) return new HostError('sheetTooLarge', sheet, `sheet ${sheet ?? '?'} is too large for one request (${code})`, { cause: e });
  return new HostError('hostFailed', sheet, e instanceof Error ? e.message : String(e), { cause: e });
}

/** Why Excel refuses changes, if it does: read-only workbook, protected sheet, protected structure; loaded in the caller's batch. */
export interface WriteAccess {
  readOnly: boolean;
  sheetProtected: boolean;
  structureProtected: boolean;
}

/**
 * An `AccessDenied` looked into (one more Excel.run): a read-only workbook, a protected sheet or a protected
 * workbook structure, each with its own advice. Any other failure is returned as `hostError` gives it.
 */
export async function explainAccessDenied(run: ExcelRun, e: unknown, sheet: string | null): Promise<HostError> {
  const error = hostError(e, sheet);
  if (error.code !== 'accessDenied') return error;
  try {
    const access = await run(async (context) => {
      context.workbook.load('readOnly');
      context.workbook.protection.load('protected');
      const ws = sheet === null ? null : context.workbook.worksheets.getItem(sheet);
      ws?.protection.load('protected');
      await context.sync();
      return { readOnly: context.workbook.readOnly, sheetProtected: ws?.protection.protected ?? false, structureProtected: context.workbook.protection.protected };
    });
    return accessError(access, sheet, true) ?? error;
  } catch {
    return error;
  }
}

/** The HostError for a workbook or sheet that refuses changes, or null when it takes them. */
export function accessError(access: WriteAccess, sheet: string | null, needsStructure = false): HostError | null {
  if (access.readOnly) return new HostError('readOnly', sheet, 'the workbook is open read-only');
  if (access.sheetProtected) return new HostError('sheetProtected', sheet, `sheet ${sheet ?? '?'} is protected`);
  if (needsStructure && access.structureProtected) return new HostError('workbookProtected', sheet, 'workbook structure is protected');
  return null;
}
