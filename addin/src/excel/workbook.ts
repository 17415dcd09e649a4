// The workbook's date system, for writing report sheets with date cells (one sync).
import { hostError, type ExcelRun } from './types';

export async function workbookDate1904(run: ExcelRun): Promise<boolean> {
  try {
    return await run(async (context) => {
      // DATE(1904;1;2) is 1 in the 1904 date system and 1463 in the 1900 one (as read.ts probes).
      const probe = context.workbook.functions.date(1904, 1, 2);
      probe.load('value');
      await context.sync();
      return probe.value === 1;
    });
  } catch (e) {
    throw hostError(e, null);
  }
}
