// Sheets the product writes itself (rules.md §6.1): never read as staff sheets, removed on request.
import { isPerSchoolSheet } from '../../../shared/sheet/synonyms';

export const PRODUCT_SHEET_PREFIXES = ['Scholingsbehoefte ', 'Trainersvraag ', 'Overzicht OS Boss po '] as const;
export const HEADER_ROWS_TO_SEARCH = 20;

export function isProductSheet(name: string): boolean {
  return PRODUCT_SHEET_PREFIXES.some((p) => name.startsWith(p)) || isPerSchoolSheet(name);
}
