// Page entry of the fake host (served instead of office.js in the e2e test): reads the workbook state (and
// host options) the test put on window.__fakeOfficeState / __fakeOfficeOptions and installs Office and Excel.
import { installFakeOffice, type FakeOfficeOptions } from './office';
import type { FakeWorkbookState } from './workbook';

const w = window as unknown as Record<string, unknown> & { __fakeOfficeState?: FakeWorkbookState; __fakeOfficeOptions?: FakeOfficeOptions };
if (w.__fakeOfficeState) installFakeOffice(w, w.__fakeOfficeState, w.__fakeOfficeOptions ?? {});
