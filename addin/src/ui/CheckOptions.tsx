import { Field, Input, makeStyles } from '@fluentui/react-components';
import { isSchoolYear, schoolYearOf, todayInAmsterdam, type SchoolYear } from '../../../shared/calendar/dates';
import { isRealDate, type IsoDate } from '../../../shared/model/person';
import { useT } from '../i18n';

export interface CheckOptionsValue {
  referenceDate: string;
  planningYear: string;
  board: string;
}

export function initialOptions(board: string): CheckOptionsValue {
  const today = todayInAmsterdam();
  return { referenceDate: today, planningYear: schoolYearOf(today), board };
}

/** Valid options, or null while a field is wrong. */
export function validOptions(v: CheckOptionsValue): { referenceDate: IsoDate; planningYear: SchoolYear; board: string | null } | null {
  if (!isRealDate(v.referenceDate)) return null;
  const year = v.planningYear.trim() || schoolYearOf(v.referenceDate);
  if (!isSchoolYear(year)) return null;
  return { referenceDate: v.referenceDate, planningYear: year, board: v.board.trim() || null };
}

// Two or three fields a row where they fit, one a row in a narrow pane; never wider than the pane.
const useStyles = makeStyles({ grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(140px, 100%), 1fr))', gap: '8px' } });

export function CheckOptions({ value, onChange }: { value: CheckOptionsValue; onChange: (v: CheckOptionsValue) => void }) {
  const { t } = useT();
  const styles = useStyles();
  const dateOk = isRealDate(value.referenceDate);
  const yearOk = value.planningYear.trim() === '' || isSchoolYear(value.planningYear.trim());
  return (
    <div className={styles.grid}>
      <Field label={t.referenceDate} validationMessage={dateOk ? undefined : t.invalidDate}>
        <Input
          type="date"
          value={value.referenceDate}
          onChange={(_, d) => {
            const next = { ...value, referenceDate: d.value };
            // Keep the planning year in step with the date unless the user typed one of their own.
            if (isRealDate(d.value) && value.planningYear === (isRealDate(value.referenceDate) ? schoolYearOf(value.referenceDate) : value.planningYear))
              next.planningYear = schoolYearOf(d.value);
            onChange(next);
          }}
        />
      </Field>
      <Field label={t.planningYear} hint={t.planningYearHint} validationMessage={yearOk ? undefined : t.invalidYear}>
        <Input value={value.planningYear} onChange={(_, d) => onChange({ ...value, planningYear: d.value })} />
      </Field>
      <Field label={t.board} hint={t.boardHint}>
        <Input value={value.board} onChange={(_, d) => onChange({ ...value, board: d.value })} />
      </Field>
    </div>
  );
}
