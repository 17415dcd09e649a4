// Page entry of the fake host (served instead of office.js in the e2e test): reads the workbook state the
// test put on window.__fakeOfficeState and installs Office and Excel.
import { installFakeOffice } from './office';
import type { FakeWorkbookState } from './workbook';

const w = window as unknown as Record<string, unknown> & { __fakeOfficeState?: FakeWorkbookState };
if (w.__fakeOfficeState) installFakeOffice(w, w.__fakeOfficeState);
