// Names of the files the product writes. A macro-enabled workbook (.xlsm) stays one: the writer keeps its
// package (VBA project, content types) as it is, and Excel refuses a macro-enabled package under .xlsx
// ("the file format or file extension is not valid"), as it refuses a plain one under .xlsm.

export type WorkbookExtension = '.xlsx' | '.xlsm';

/** `.xlsm` for a name ending in .xlsm (any case), else `.xlsx`. */
export function workbookExtension(name: string): WorkbookExtension {
  return /\.xlsm$/i.test(name) ? '.xlsm' : '.xlsx';
}

/** `Personeel 2026.xlsx` → `Personeel 2026.gecontroleerd.xlsx`; `lijst.xlsm` → `lijst.gecontroleerd.xlsm` (no folder). */
export function checkedFileName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  const stem = base.replace(/\.xls[xm]$/i, '');
  return `${stem}.gecontroleerd${workbookExtension(base)}`;
}

/** The media type of a written workbook, for a download. */
export function workbookMediaType(name: string): string {
  return workbookExtension(name) === '.xlsm'
    ? 'application/vnd.ms-excel.sheet.macroEnabled.12'
    : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
}
