// The `Office` global of the fake host, as strict as the documentation:
// - Office.onReady resolves asynchronously, after office.js has initialised, and may come late (a cold Excel
//   on the web or Mac): "Office.onReady() … returns a Promise that is resolved when the Office.js library
//   is loaded" (https://learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in).
// - isSetSupported answers for every requirement set a test configures, comparing versions as numbers, and
//   false for any other set (Office.RequirementSetSupport, @types/office-js `isSetSupported(name, minVersion)`).
// - Document settings are "saved per add-in and per document" (@types/office-js `Office.Settings`): set and
//   remove change only the in-memory copy; saveAsync persists it into the workbook, under this add-in's id.
//   A read-only workbook cannot save them.
import { createFakeExcel, versionAtLeast, type FakeExcel, type FakePlatform } from './excel';
import { ADDIN_ID, type FakeWorkbookState } from './workbook';

export interface FakeOfficeOptions {
  displayLanguage?: string;
  /** Requirement sets the host supports, name → highest version (default ExcelApi 1.17: notes, 1.18, are not). */
  requirementSets?: Record<string, string>;
  platform?: FakePlatform;
  /** Milliseconds before onReady answers (a cold start); default 0: still asynchronous. */
  onReadyDelayMs?: number;
  /** The add-in whose settings this is (default the product's manifest id). */
  addinId?: string;
}

export function installFakeOffice(target: Record<string, unknown>, state: FakeWorkbookState, options: FakeOfficeOptions = {}): FakeExcel {
  const platform = options.platform ?? 'OfficeOnline';
  const sets = options.requirementSets ?? { ExcelApi: '1.17' };
  // The same requirement sets gate the Excel API (Range.getMergedAreasOrNullObject needs ExcelApi 1.13).
  const excel = createFakeExcel(state, { platform, requirementSets: sets });
  const id = options.addinId ?? ADDIN_ID;
  // The in-memory copy, loaded from the document when the add-in starts.
  let memory: Record<string, unknown> = structuredClone(state.settings[id] ?? {});
  const settings = {
    get: (name: string) => (name in memory ? structuredClone(memory[name]) : null),
    set: (name: string, value: unknown) => void (memory[name] = structuredClone(value)),
    remove: (name: string) => void delete memory[name],
    saveAsync: (callback?: (r: { status: string; error?: { message: string } }) => void) =>
      setTimeout(() => {
        if (state.readOnly) return callback?.({ status: 'failed', error: { message: 'The document is read-only.' } });
        state.settings[id] = structuredClone(memory);
        callback?.({ status: 'succeeded' });
      }, 0),
    refreshAsync: (callback?: (r: { status: string }) => void) =>
      setTimeout(() => {
        memory = structuredClone(state.settings[id] ?? {});
        callback?.({ status: 'succeeded' });
      }, 0),
  };
  const info = { host: 'Excel', platform };
  const ready = new Promise<typeof info>((resolve) => setTimeout(() => resolve(info), options.onReadyDelayMs ?? 0));
  target.Office = {
    HostType: { Excel: 'Excel', Word: 'Word' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
    onReady: (callback?: (i: typeof info) => void) => ready.then((i) => (callback?.(i), i)),
    context: {
      displayLanguage: options.displayLanguage ?? 'nl-NL',
      document: { settings },
      requirements: {
        isSetSupported: (name: string, version?: string) => {
          const have = sets[name];
          return have !== undefined && versionAtLeast(have, version ?? '1.1');
        },
      },
    },
  };
  target.Excel = { run: excel.run };
  target.__fakeExcel = excel;
  return excel;
}
