// The `Office` global of the fake host: onReady reports Excel, document settings live in the workbook
// state, and requirement sets up to ExcelApi 1.17 are "supported" (so notes, 1.18, are not, by default).
import { createFakeExcel, type FakeExcel } from './excel';
import type { FakeWorkbookState } from './workbook';

export interface FakeOfficeOptions {
  displayLanguage?: string;
  /** Highest ExcelApi minor version supported (default 17). */
  excelApiMinor?: number;
}

export function installFakeOffice(target: Record<string, unknown>, state: FakeWorkbookState, options: FakeOfficeOptions = {}): FakeExcel {
  const excel = createFakeExcel(state);
  const maxMinor = options.excelApiMinor ?? 17;
  const settings = {
    get: (name: string) => (name in state.settings ? structuredClone(state.settings[name]) : null),
    set: (name: string, value: unknown) => void (state.settings[name] = structuredClone(value)),
    remove: (name: string) => void delete state.settings[name],
    saveAsync: (callback?: (r: { status: string }) => void) => setTimeout(() => callback?.({ status: 'succeeded' }), 0),
  };
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  target.Office = {
    HostType: { Excel: 'Excel', Word: 'Word' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    onReady: (callback?: (i: typeof info) => void) => {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: options.displayLanguage ?? 'nl-NL',
      document: { settings },
      requirements: {
        isSetSupported: (name: string, version?: string) => {
          if (name !== 'ExcelApi') return false;
          const minor = Number(String(version ?? '1.1').split('.')[1] ?? 0);
          return minor <= maxMinor;
        },
      },
    },
  };
  target.Excel = { run: excel.run };
  target.__fakeExcel = excel;
  return excel;
}
