// Plan §4–§5 (rules.md §5.3, issue 6): the steering group's overview `Overzicht OS Boss po YYYY-YYYY`
// from GET /api/needs for the planning year and the years before it (the trend), with charts.
import { Text } from '@fluentui/react-components';
import type { ApiClient } from '../../../shared/api/client';
import { overviewSheet, trendYears } from '../../../shared/report/steering-overview-sheet';
import type { ExcelRun } from '../excel/types';
import { ReportSheetView } from './ReportSheetView';
import { useViewT } from './texts';

export function OverviewView({ client, run, initialYear }: { client: ApiClient; run: ExcelRun; initialYear: string }) {
  const { v } = useViewT();
  return (
    <ReportSheetView
      id="overview-title"
      title={v.overviewTitle}
      intro={v.overviewIntro}
      action={v.makeOverview}
      run={run}
      initialYear={initialYear}
      build={async (year) => {
        const years = trendYears(year);
        const [plan, ...answers] = await Promise.all([client.getPlan(), ...years.map((y) => client.getNeeds(y))]);
        const current = answers[years.indexOf(year)]!;
        const sheet = overviewSheet(plan, { current, history: answers });
        const withData = answers.filter((a) => Object.keys(a.boards).length > 0).length;
        return { sheet, result: v.overviewDone(Object.keys(current.boards).length, withData, sheet.charts.length) };
      }}
      render={(done) => <Text data-testid="overview-result">{done}</Text>}
    />
  );
}
