// Sheets the product writes itself (rules.md §6.1): never read as staff sheets, removed on request. The rule
// is the reader's and the writer's (shared/sheet/synonyms.ts), names compared as Excel compares them.
export { isProductSheet } from '../../../shared/sheet/synonyms';
export const HEADER_ROWS_TO_SEARCH = 20;
