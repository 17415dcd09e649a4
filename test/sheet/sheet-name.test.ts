// One rule for sheet names everywhere: Excel's, where names that differ only in case are the same sheet.
import { describe, expect, it } from 'vitest';
import { isProductSheet as paneIsProductSheet } from '../../addin/src/excel/product-sheets';
import { sameSheetName } from '../../shared/sheet/sheet-name';
import { isProductSheet } from '../../shared/sheet/synonyms';

describe('sheet names', () => {
  it('are the same sheet when they differ only in case', () => {
    expect(sameSheetName('Scholingsbehoefte 2026-2027', 'scholingsbehoefte 2026-2027')).toBe(true);
    expect(sameSheetName('Ärzte', 'ÄRZTE')).toBe(true);
    expect(sameSheetName('Blad1', 'Blad 1')).toBe(false);
  });

  it('the task pane and the reader/writer agree on which sheets are the product\u2019s, whatever the case', () => {
    for (const name of ['Scholingsbehoefte 2026-2027', 'scholingsbehoefte 2026-2027', 'TRAINERSVRAAG 2026-2027', 'Overzicht OS Boss po 2026-2027']) {
      expect(isProductSheet(name), name).toBe(true);
      expect(paneIsProductSheet(name), name).toBe(true);
    }
    for (const name of ['Personeel', 'Scholingsbehoeften', 'Trainers']) {
      expect(isProductSheet(name), name).toBe(false);
      expect(paneIsProductSheet(name), name).toBe(false);
    }
  });
});
