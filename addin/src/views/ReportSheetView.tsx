// A view that writes one report sheet (Trainersvraag, Overzicht) for a school year: the year field, the
// button, the progress and the outcome. The caller says how to build the sheet and what to show after.
import { Button, makeStyles, Text } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { isSchoolYear, type SchoolYear } from '../../../shared/calendar/dates';
import type { ReportSheetWrite } from '../../../shared/report/write-plan';
import type { ExcelRun } from '../excel/types';
import { Notice, type NoticeValue } from './Notice';
import { writeReportSheet } from './report';
import { problemText, useViewT } from './texts';
import { YearField } from './YearField';

const useStyles = makeStyles({ stack: { display: 'flex', flexDirection: 'column', gap: '8px' } });

export interface ReportSheetViewProps<R> {
  id: string;
  title: string;
  intro: string;
  action: string;
  run: ExcelRun;
  initialYear: string;
  /** Reads what the sheet needs and builds it, with whatever the view shows once it is written. */
  build: (year: SchoolYear) => Promise<{ sheet: ReportSheetWrite; result: R }>;
  render: (result: R) => ReactNode;
}

export function ReportSheetView<R>({ id, title, intro, action, run, initialYear, build, render }: ReportSheetViewProps<R>) {
  const { v, t } = useViewT();
  const styles = useStyles();
  const [year, setYear] = useState(initialYear);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeValue>(null);
  const [result, setResult] = useState<{ value: R } | null>(null);

  async function make() {
    const y = year.trim();
    if (!isSchoolYear(y)) return setNotice({ intent: 'error', text: v.invalidYear });
    setBusy(true);
    setNotice(null);
    setResult(null);
    try {
      const built = await build(y);
      await writeReportSheet(run, built.sheet);
      setResult({ value: built.result });
      setNotice({ intent: 'success', text: v.sheetWritten(built.sheet.name) });
    } catch (e) {
      setNotice({ intent: 'error', text: problemText(e, v, t) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={id} className={styles.stack}>
      <h2 id={id}>{title}</h2>
      <Text>{intro}</Text>
      <YearField value={year} onChange={setYear} />
      <div>
        <Button appearance="primary" disabled={busy} onClick={() => void make()}>
          {action}
        </Button>
      </div>
      <Notice notice={notice} />
      {result && render(result.value)}
    </section>
  );
}
