// The fake Excel host is as strict as the Office.js documentation where Excel is strict (each rule cites its
// source in test/support/fake-office): these tests pin the rules down, so a kinder fake cannot hide a defect.
import { describe, expect, it, vi } from 'vitest';
import { createFakeExcel, READ_CELL_LIMIT } from '../support/fake-office/excel';
import { installFakeOffice } from '../support/fake-office/office';
import { ADDIN_ID, emptySheet, getValue, workbookState } from '../support/fake-office/workbook';

function oneSheet(values: (string | number | boolean)[][] = [['x']]) {
  return createFakeExcel(workbookState([emptySheet('Blad1', values), emptySheet('Blad2')]));
}

const write = (fake: ReturnType<typeof oneSheet>, address: string, values: unknown, numberFormat?: unknown) =>
  fake.run(async (ctx) => {
    const range = ctx.workbook.worksheets.getItem('Blad1').getRange(address);
    if (numberFormat !== undefined) range.numberFormat = numberFormat as string[][];
    range.values = values as string[][];
    await ctx.sync();
  });

describe('the fake Excel host', () => {
  it('takes a string written to a General cell as typed input: numbers, TRUE, percentages, ISO dates, formulas; an apostrophe marks text', async () => {
    const fake = oneSheet();
    await write(fake, 'A1:I1', [['12', 'TRUE', '50%', '2025-03-12', '19-8-2025', '=SUM(B2:B3)', "'12", "'s-Hertogenbosch", '-3 is een tekst']]);
    const s = fake.state.sheets[0]!;
    expect(s.values[0]!.slice(0, 5)).toEqual([12, true, 0.5, 45728, '19-8-2025']);
    expect(s.formulas).toEqual({ '0,5': '=SUM(B2:B3)', '0,8': '=-3 is een tekst' });
    expect(getValue(s, 0, 6)).toBe('12');
    expect(getValue(s, 0, 7)).toBe('s-Hertogenbosch');
  });

  it('keeps a string as it is in a text-formatted cell, a leading apostrophe included', async () => {
    const fake = oneSheet();
    await write(fake, 'A1:D1', [['12', "'s-Hertogenbosch", '=1+1', '- opmerking']], [['@', '@', '@', '@']]);
    expect(fake.state.sheets[0]!.values[0]).toEqual(['12', "'s-Hertogenbosch", '=1+1', '- opmerking']);
    expect(fake.state.sheets[0]!.formulas).toEqual({});
  });

  it('refuses a scalar where values and numberFormat take a 2-D array of the range’s shape', async () => {
    await expect(write(oneSheet(), 'A1:A3', [['a'], ['b'], ['c']], '@')).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(write(oneSheet(), 'A1:A3', 'a')).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(write(oneSheet(), 'A1:A3', [['a'], ['b']])).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('fills and aligns cells, refusing a colour that is neither RRGGBB nor a colour name and an unknown alignment', async () => {
    const look = (fill: string, alignment: string) =>
      fake.run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem('Blad1').getRange('A1:B1');
        range.format.fill.color = fill;
        range.format.horizontalAlignment = alignment as Excel.HorizontalAlignment;
        await ctx.sync();
      });
    const fake = oneSheet();
    await look('#DDEBF7', 'Left');
    expect(fake.state.sheets[0]!.fills).toEqual({ '0,0': '#DDEBF7', '0,1': '#DDEBF7' });
    expect(fake.state.sheets[0]!.alignments).toEqual({ '0,0': 'Left', '0,1': 'Left' });
    await expect(look('#DDEBF', 'Left')).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(look('#DDEBF7', 'left')).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('reads a formula cell as its cached value, 0, FALSE and "" included', async () => {
    const sheet = emptySheet('Blad1', [[0, false, '']]);
    sheet.formulas = { '0,0': '=SUM(B5:B9)', '0,1': '=B5>1', '0,2': '=IF(B5>1,"ja","")' };
    const fake = createFakeExcel(workbookState([sheet]));
    const got = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Blad1').getRange('A1:C1');
      r.load('values,formulas');
      await ctx.sync();
      return { values: r.values, formulas: r.formulas };
    });
    expect(got).toEqual({ values: [[0, false, '']], formulas: [['=SUM(B5:B9)', '=B5>1', '=IF(B5>1,"ja","")']] });
  });

  it('refuses to read more than five million cells', async () => {
    const fake = oneSheet();
    const cells = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Blad1').getRangeByIndexes(0, 0, 500_000, 11);
      r.load('values');
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect(500_000 * 11).toBeGreaterThan(READ_CELL_LIMIT);
    expect(cells).toMatchObject({ code: 'RangeExceedsLimit' });
  });

  it('counts formatted cells in the used range unless asked for values only', async () => {
    const sheet = emptySheet('Blad1', [['a']]);
    sheet.numberFormats['9,4'] = '@';
    const fake = createFakeExcel(workbookState([sheet]));
    const got = await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Blad1');
      const all = ws.getUsedRangeOrNullObject();
      const values = ws.getUsedRangeOrNullObject(true);
      all.load('address');
      values.load('address');
      await ctx.sync();
      return [all.address, values.address];
    });
    expect(got).toEqual(['Blad1!A1:E10', 'Blad1!A1']);
    const blank = createFakeExcel(workbookState([emptySheet('Leeg')]));
    const address = await blank.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Leeg').getUsedRange();
      r.load('address');
      await ctx.sync();
      return r.address;
    });
    expect(address).toBe('Leeg!A1');
  });

  it('applies the 5 MB payload limit in Excel on the web only, to the whole request', async () => {
    const big = [['x'.repeat(2_700_000)], ['y'.repeat(2_700_000)]];
    await expect(write(oneSheet(), 'A1:A2', big)).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    const desktop = createFakeExcel(workbookState([emptySheet('Blad1')]), { platform: 'PC' });
    await desktop.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Blad1').getRange('A1:A2').values = big;
      await ctx.sync();
    });
    expect(getValue(desktop.state.sheets[0]!, 1, 0)).toHaveLength(2_700_000);
  });

  it('refuses sheet names of 32 characters or more, or with [ ] : * ? / \\', async () => {
    for (const name of ['x'.repeat(32), 'Scholing [2026]', 'a:b', 'a*b', 'a?b', 'a/b', 'a\\b']) {
      const fake = oneSheet();
      await expect(fake.run(async (ctx) => void ctx.workbook.worksheets.add(name))).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
    const fake = oneSheet();
    await fake.run(async (ctx) => void ctx.workbook.worksheets.add('x'.repeat(31)));
    expect(fake.state.sheets).toHaveLength(3);
  });

  it('shrinks tables and merges when whole columns go, and refuses shifting cells through a table or a merge', async () => {
    const sheet = emptySheet('Blad1', [['a', 'b', 'c', 'd']]);
    sheet.tables.push({ name: 'T', r0: 0, c0: 0, r1: 5, c1: 3, showHeaders: true });
    sheet.merges.push({ r0: 8, c0: 1, r1: 8, c1: 3 });
    const fake = createFakeExcel(workbookState([sheet]));
    const del = (address: string, shift: string) => fake.run(async (ctx) => void ctx.workbook.worksheets.getItem('Blad1').getRange(address).delete(shift as Excel.DeleteShiftDirection));
    await expect(del('B2:B3', 'Left')).rejects.toMatchObject({ code: 'InvalidOperation' });
    await expect(del('A9:B9', 'Left')).rejects.toMatchObject({ code: 'MergedRangeConflict' });
    await del('C:C', 'Left');
    expect(sheet.tables[0]).toMatchObject({ c0: 0, c1: 2 });
    expect(sheet.merges[0]).toEqual({ r0: 8, c0: 1, r1: 8, c1: 2 });
    expect(sheet.values[0]).toEqual(['a', 'b', 'd']);
  });

  it('lists merged areas only from ExcelApi 1.13, by their top left cell, as a null object when none and never over 512', async () => {
    const sheet = emptySheet('Blad 1', [['a', 'b', 'c', 'd']]);
    sheet.merges.push({ r0: 1, c0: 8, r1: 1, c1: 10 }, { r0: 2, c0: 8, r1: 2, c1: 10 });
    const areasOf = (fake: ReturnType<typeof createFakeExcel>, address: string, read: (a: Excel.RangeAreas) => unknown, load = 'address') =>
      fake.run(async (ctx) => {
        const areas = ctx.workbook.worksheets.getItem('Blad 1').getRange(address).getMergedAreasOrNullObject();
        if (load) areas.load(load);
        await ctx.sync();
        return read(areas);
      });
    const modern = createFakeExcel(workbookState([sheet]));
    // Sheet names with a space are quoted; each block carries the sheet name (Excel.RangeAreas.address).
    expect(await areasOf(modern, 'A1:Z10', (a) => [a.isNullObject, a.address, a.areaCount], 'address,areaCount')).toEqual([false, "'Blad 1'!I2:K2, 'Blad 1'!I3:K3", 2]);
    expect(await areasOf(modern, 'A1:Z10', (a) => a.areas.items.map((r) => r.address), 'areas/items/address')).toEqual(["'Blad 1'!I2:K2", "'Blad 1'!I3:K3"]);
    // Only the areas whose top left cell is in the range (OfficeDev/office-js#3611): J2:Z10 holds none.
    expect(await areasOf(modern, 'J2:Z10', (a) => a.isNullObject)).toBe(true);
    await expect(areasOf(modern, 'J2:Z10', (a) => a.address)).rejects.toMatchObject({ code: 'InvalidOperation' });
    // isNullObject is known after the sync, without a load; address only once loaded.
    expect(await areasOf(modern, 'A1:Z10', (a) => a.isNullObject, '')).toBe(false);
    await expect(areasOf(modern, 'A1:Z10', (a) => a.address, '')).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
    await expect(areasOf(modern, 'A1:Z10', (a) => a.areas, 'address')).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
    await expect(
      modern.run(async (ctx) => ctx.workbook.worksheets.getItem('Blad 1').getRange('A1:Z10').getMergedAreasOrNullObject().isNullObject),
    ).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
    // ExcelApi 1.12: the call fails at sync, as an API the host does not have.
    const older = createFakeExcel(workbookState([sheet]), { requirementSets: { ExcelApi: '1.12' } });
    await expect(areasOf(older, 'A1:Z10', (a) => a.isNullObject)).rejects.toMatchObject({ code: 'ApiNotFound' });
    // Over 512 areas: "this method will fail to return the result".
    sheet.merges = Array.from({ length: 513 }, (_, r) => ({ r0: r, c0: 0, r1: r, c1: 1 }));
    await expect(areasOf(modern, 'A1:B600', (a) => a.isNullObject)).rejects.toMatchObject({ code: 'GeneralException' });
    expect(await areasOf(modern, 'A1:B512', (a) => a.areaCount, 'areaCount')).toBe(512);
  });

  it('counts merged cells as formatted in the used range, not in the values-only one', async () => {
    const sheet = emptySheet('Blad1', [['a'], [], ['b']]);
    sheet.merges.push({ r0: 0, c0: 0, r1: 0, c1: 4 });
    const used = (valuesOnly: boolean) =>
      createFakeExcel(workbookState([sheet])).run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('Blad1').getUsedRange(valuesOnly);
        r.load('address');
        await ctx.sync();
        return r.address;
      });
    expect(await used(true)).toBe('Blad1!A1:A3');
    expect(await used(false)).toBe('Blad1!A1:E3');
  });

  it('has hidden sheets that cannot be activated, and a read-only mode that refuses every change', async () => {
    const fake = oneSheet();
    fake.state.sheets[1]!.visibility = 'Hidden';
    await expect(fake.run(async (ctx) => ctx.workbook.worksheets.getItem('Blad2').activate())).rejects.toMatchObject({ code: 'InvalidOperation' });
    fake.state.readOnly = true;
    const readOnly = await fake.run(async (ctx) => {
      ctx.workbook.load('readOnly');
      await ctx.sync();
      return ctx.workbook.readOnly;
    });
    expect(readOnly).toBe(true);
    await expect(write(fake, 'A1', [['y']])).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(fake.run(async (ctx) => void ctx.workbook.worksheets.add('Nieuw'))).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  it('plots Auto charts as desktop Excel guesses from the shape, and by columns on the web', async () => {
    const make = async (platform: 'PC' | 'OfficeOnline', seriesBy: string) => {
      const fake = createFakeExcel(workbookState([emptySheet('Blad1', [['', 'BOOR', 'Wijzer', 'OZHW'], ['WPB', 1, 2, 3], ['SOIO', 4, 5, 6]])]), { platform });
      await fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Blad1');
        ws.charts.add('ColumnClustered' as Excel.ChartType, ws.getRange('A1:D3'), seriesBy as Excel.ChartSeriesBy);
        await ctx.sync();
      });
      return fake.state.sheets[0]!.charts[0]!.plottedBy;
    };
    expect(await make('PC', 'Auto')).toBe('Rows');
    expect(await make('OfficeOnline', 'Auto')).toBe('Columns');
    expect(await make('PC', 'Columns')).toBe('Columns');
  });
});

describe('the fake Office global', () => {
  it('answers onReady asynchronously, late when a test says so', async () => {
    vi.useFakeTimers();
    try {
      const target: Record<string, unknown> = {};
      installFakeOffice(target, workbookState([emptySheet('Blad1')]), { onReadyDelayMs: 5_000 });
      let answered = false;
      void (target.Office as { onReady: () => Promise<unknown> }).onReady().then(() => (answered = true));
      await Promise.resolve();
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(4_999);
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(answered).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers isSetSupported for every configured set and version, and no for the rest', () => {
    const target: Record<string, unknown> = {};
    installFakeOffice(target, workbookState([emptySheet('Blad1')]), { requirementSets: { ExcelApi: '1.18', DialogApi: '1.2' } });
    const { isSetSupported } = (target.Office as { context: { requirements: { isSetSupported: (n: string, v?: string) => boolean } } }).context.requirements;
    expect(isSetSupported('ExcelApi', '1.18')).toBe(true);
    expect(isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(isSetSupported('ExcelApi', '1.19')).toBe(false);
    expect(isSetSupported('DialogApi', '1.2')).toBe(true);
    expect(isSetSupported('NestedAppAuth', '1.1')).toBe(false);
  });

  it('keeps settings per add-in, in memory until saveAsync writes them into the workbook', async () => {
    const state = workbookState([emptySheet('Blad1')]);
    state.settings['ander-add-in'] = { kolommen: 'niet van ons' };
    const target: Record<string, unknown> = {};
    installFakeOffice(target, state);
    type S = { get: (n: string) => unknown; set: (n: string, v: unknown) => void; saveAsync: (cb: (r: { status: string }) => void) => void };
    const settings = (target.Office as { context: { document: { settings: S } } }).context.document.settings;
    expect(settings.get('kolommen')).toBeNull();
    settings.set('bosspo.mapping', { Blad1: {} });
    expect(state.settings[ADDIN_ID]).toBeUndefined();
    await new Promise((resolve) => settings.saveAsync(resolve));
    expect(state.settings[ADDIN_ID]).toEqual({ 'bosspo.mapping': { Blad1: {} } });
    expect(state.settings['ander-add-in']).toEqual({ kolommen: 'niet van ons' });
  });
});
