// Plan §4–§5 (issue 6): the pabo's trainer demand from every board's need (GET /api/needs/{year}),
// written as `Trainersvraag YYYY-YYYY` with the same builder as `npm run demand`.
import { makeStyles, Text } from '@fluentui/react-components';
import type { ApiClient } from '../../../shared/api/client';
import { demandSheet } from '../../../shared/report/trainer-demand-sheet';
import { computeDemand } from '../../../shared/summary/demand';
import type { ExcelRun } from '../excel/types';
import { ReportSheetView } from './ReportSheetView';
import { useViewT } from './texts';

const useStyles = makeStyles({ list: { margin: 0, paddingLeft: '18px' } });
const round2 = (n: number) => Math.round(n * 100) / 100;

export function DemandView({ client, run, initialYear }: { client: ApiClient; run: ExcelRun; initialYear: string }) {
  const { v } = useViewT();
  const styles = useStyles();
  return (
    <ReportSheetView
      id="demand-title"
      title={v.demandTitle}
      intro={v.demandIntro}
      action={v.makeDemand}
      run={run}
      initialYear={initialYear}
      build={async (year) => {
        // The plan as the API applies it, like the command line, so both write the same numbers.
        const [plan, needs] = await Promise.all([client.getPlan(), client.getNeeds(year)]);
        return { sheet: demandSheet(plan, needs), result: computeDemand(plan, needs) };
      }}
      render={(demand) => (
        <div data-testid="demand-result">
          <Text block>{v.submitted(demand.boards.length, demand.boards.length + demand.missing.length)}</Text>
          <Text block>{v.missing(demand.missing)}</Text>
          <ul className={styles.list}>
            {demand.trainings
              .filter((d) => d.groups !== null && d.initial > 0)
              .map((d) => (
                <li key={d.training.code}>{v.trainingLine(d.training.code, d.initial, d.groups!, round2(d.trainerHours ?? 0))}</li>
              ))}
            {demand.pools.map((p) => (
              <li key={p.code}>{v.poolLine(p.name, round2(p.trainerHours), p.perPerson === null ? null : round2(p.perPerson))}</li>
            ))}
          </ul>
        </div>
      )}
    />
  );
}
