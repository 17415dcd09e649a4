// Excel's rule for sheet names: two names are the same sheet when they differ only in case ("Blad1" and
// "BLAD1" cannot both exist; `worksheets.getItem` finds either). Every comparison of sheet names (reader,
// writer, task pane) goes through here, so the product never sees two sheets where Excel sees one.

/** The form of a sheet name that equal names share. */
export function sheetNameKey(name: string): string {
  return name.toLowerCase();
}

export function sameSheetName(a: string, b: string): boolean {
  return sheetNameKey(a) === sheetNameKey(b);
}
