// Plan §4–§5 (rules.md §5.3, issue 6): the steering group's overview `Overzicht OS Boss po YYYY-YYYY`
// from GET /api/needs for the planning year and the years before it (the trend), with charts.
import { Button, makeStyles, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../../../shared/api/client';
import { isSchoolYear } from '../../../shared/calendar/dates';
import { overviewSheet, trendYears } from '../../../shared/sheet/overview-sheet';
import type { ExcelRun } from '../excel/types';
import { Notice, type NoticeValue } from './Notice';
import { writeReportSheet } from './report';
import { problemText, useViewT } from './texts';
import { YearField } from './YearField';

const useStyles = makeStyles({ stack: { display: 'flex', flexDirection: 'column', gap: '8px' } });

export function OverviewView({ client, run, initialYear }: { client: ApiClient; run: ExcelRun; initialYear: string }) {
  const { v, t } = useViewT();
  const styles = useStyles();
  const [year, setYear] = useState(initialYear);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeValue>(null);
  const [done, setDone] = useState<string | null>(null);

  async function make() {
    const y = year.trim();
    if (!isSchoolYear(y)) return setNotice({ intent: 'error', text: v.invalidYear });
    setBusy(true);
    setNotice(null);
    setDone(null);
    try {
      const years = trendYears(y);
      const [plan, ...answers] = await Promise.all([client.getPlan(), ...years.map((year) => client.getNeeds(year))]);
      const current = answers[years.indexOf(y)]!;
      const sheet = overviewSheet(plan, { current, history: answers });
      await writeReportSheet(run, sheet);
      const withData = answers.filter((a) => Object.keys(a.boards).length > 0).length;
      setDone(v.overviewDone(Object.keys(current.boards).length, withData, sheet.charts.length));
      setNotice({ intent: 'success', text: v.sheetWritten(sheet.name) });
    } catch (e) {
      setNotice({ intent: 'error', text: problemText(e, v, t) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="overview-title" className={styles.stack}>
      <h2 id="overview-title">{v.overviewTitle}</h2>
      <Text>{v.overviewIntro}</Text>
      <YearField value={year} onChange={setYear} />
      <div>
        <Button appearance="primary" disabled={busy} onClick={() => void make()}>
          {v.makeOverview}
        </Button>
      </div>
      <Notice notice={notice} />
      {done && <Text data-testid="overview-result">{done}</Text>}
    </section>
  );
}
