// Typed errors for files we cannot open: each says in Dutch (and English) what is wrong and what to do.

export type WorkbookProblem =
  | 'empty'
  | 'not-xlsx'
  | 'old-xls'
  | 'encrypted'
  | 'truncated'
  | 'damaged'
  | 'no-sheets'
  | 'too-large';

const MESSAGES: Record<WorkbookProblem, string> = {
  empty: 'het bestand is leeg (empty file)',
  'not-xlsx': 'dit is geen Excel-werkmap (.xlsx) (not an xlsx workbook)',
  'old-xls': 'dit is een oud Excel-bestand (.xls); sla het in Excel op als .xlsx (old .xls format: save as .xlsx)',
  encrypted:
    'de werkmap is versleuteld of beveiligd met wachtwoord; sla een kopie op zonder wachtwoord (encrypted or password-protected workbook)',
  truncated: 'het bestand is onvolledig of afgekapt (truncated zip); kopieer het opnieuw (truncated file)',
  damaged: 'de werkmap is beschadigd en kan niet gelezen worden (damaged workbook)',
  'no-sheets': 'de werkmap heeft geen werkbladen (no worksheets)',
  'too-large': 'het bestand is te groot om te controleren (file too large)',
};

export class WorkbookError extends Error {
  constructor(
    readonly problem: WorkbookProblem,
    /** A short technical detail (never cell contents), for the curious. */
    readonly detail?: string,
  ) {
    super(MESSAGES[problem]);
    this.name = 'WorkbookError';
  }
}

export function isWorkbookError(e: unknown): e is WorkbookError {
  return e instanceof WorkbookError;
}
