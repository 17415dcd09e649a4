import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import type { ResultPanelData } from '../result-panel';
import { useT } from '../i18n';

const STATUS_COLOR: Record<string, 'danger' | 'warning' | 'important' | 'success' | 'informative'> = {
  'Niet in orde': 'danger',
  'Actie nodig': 'warning',
  'Gegevens controleren': 'important',
  'In orde': 'success',
  'Geen OS-rol': 'informative',
};

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
  row: { display: 'flex', justifyContent: 'space-between', gap: '8px', alignItems: 'baseline' },
  h: { fontSize: tokens.fontSizeBase400, margin: '8px 0 4px' },
  problem: { textAlign: 'left', justifyContent: 'flex-start', minWidth: 0, whiteSpace: 'normal', height: 'auto', paddingTop: '4px', paddingBottom: '4px' },
});

const MAX_PROBLEMS = 50;

/** The result panel of a check (not the steering group's Overzicht sheet). */
export function ResultPanel({ data, onSelect }: { data: ResultPanelData; onSelect?: (sheet: string, cell: string) => void }) {
  const { t } = useT();
  const styles = useStyles();
  return (
    <section aria-labelledby="result-panel-title">
      <h2 id="result-panel-title" className={styles.h}>
        {t.resultPanel}
      </h2>
      <h3 className={styles.h}>{t.perStatus}</h3>
      <ul className={styles.list} data-testid="status-counts">
        {data.counts.map(({ status, count }) => (
          <li key={status} className={styles.row}>
            <span>{status}</span>
            <Badge appearance="tint" color={STATUS_COLOR[status] ?? 'informative'} aria-label={`${status}: ${count}`}>
              {count}
            </Badge>
          </li>
        ))}
      </ul>
      <h3 className={styles.h}>{t.topActions}</h3>
      {data.topActions.length === 0 ? (
        <p>{t.noActions}</p>
      ) : (
        <ol>
          {data.topActions.map((a) => (
            <li key={a.action}>
              {a.action} ({a.count})
            </li>
          ))}
        </ol>
      )}
      <h3 className={styles.h}>{t.dataProblems}</h3>
      {data.problems.length === 0 ? (
        <p>{t.noDataProblems}</p>
      ) : (
        <ul className={styles.list}>
          {data.problems.slice(0, MAX_PROBLEMS).map((p, i) => (
            <li key={`${p.sheet}-${p.cell}-${i}`}>
              {p.cell && onSelect ? (
                <Button appearance="transparent" className={styles.problem} title={t.goToCell(p.cell)} onClick={() => onSelect(p.sheet, p.cell!)}>
                  {p.message.includes(p.cell) ? p.message : `${p.cell}: ${p.message}`}
                </Button>
              ) : (
                <span>{p.message}</span>
              )}
            </li>
          ))}
          {data.problems.length > MAX_PROBLEMS && <li>{t.moreProblems(data.problems.length - MAX_PROBLEMS)}</li>}
        </ul>
      )}
    </section>
  );
}
