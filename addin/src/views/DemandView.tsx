// Plan §4–§5 (issue 6): the pabo's trainer demand from every board's need (GET /api/needs/{year}),
// written as `Trainersvraag YYYY-YYYY` with the same builder as `npm run demand`.
import { Button, makeStyles, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../../../shared/api/client';
import { isSchoolYear } from '../../../shared/calendar/dates';
import { computeDemand, demandSheet, type Demand } from '../../../shared/sheet/demand-sheet';
import type { ExcelRun } from '../excel/types';
import { Notice, type NoticeValue } from './Notice';
import { writeReportSheet } from './report';
import { problemText, useViewT } from './texts';
import { YearField } from './YearField';

const useStyles = makeStyles({ stack: { display: 'flex', flexDirection: 'column', gap: '8px' }, list: { margin: 0, paddingLeft: '18px' } });
const round2 = (n: number) => Math.round(n * 100) / 100;

export function DemandView({ client, run, initialYear }: { client: ApiClient; run: ExcelRun; initialYear: string }) {
  const { v, t } = useViewT();
  const styles = useStyles();
  const [year, setYear] = useState(initialYear);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeValue>(null);
  const [demand, setDemand] = useState<Demand | null>(null);

  async function make() {
    const y = year.trim();
    if (!isSchoolYear(y)) return setNotice({ intent: 'error', text: v.invalidYear });
    setBusy(true);
    setNotice(null);
    setDemand(null);
    try {
      // The plan as the API applies it, like the command line, so both write the same numbers.
      const [plan, needs] = await Promise.all([client.getPlan(), client.getNeeds(y)]);
      const sheet = demandSheet(plan, needs);
      await writeReportSheet(run, sheet);
      setDemand(computeDemand(plan, needs));
      setNotice({ intent: 'success', text: v.sheetWritten(sheet.name) });
    } catch (e) {
      setNotice({ intent: 'error', text: problemText(e, v, t) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="demand-title" className={styles.stack}>
      <h2 id="demand-title">{v.demandTitle}</h2>
      <Text>{v.demandIntro}</Text>
      <YearField value={year} onChange={setYear} />
      <div>
        <Button appearance="primary" disabled={busy} onClick={() => void make()}>
          {v.makeDemand}
        </Button>
      </div>
      <Notice notice={notice} />
      {demand && (
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
    </section>
  );
}
