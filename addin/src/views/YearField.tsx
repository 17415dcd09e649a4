import { Field, Input } from '@fluentui/react-components';
import { isSchoolYear } from '../../../shared/calendar/dates';
import { useViewT } from './texts';

export function YearField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { v } = useViewT();
  const ok = isSchoolYear(value.trim());
  return (
    <Field label={v.schoolYear} hint={v.schoolYearHint} validationMessage={ok ? undefined : v.invalidYear}>
      <Input value={value} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}
