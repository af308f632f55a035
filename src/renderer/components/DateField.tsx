import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';

/** Reads what a person types: 15/03/2025, 15-03-2025, 15.03.2025, 15032025 or 2025-03-15. */
export function parseFrenchDate(input: string): string | null {
  const text = input.trim();
  let m =
    /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(text) ??
    /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  let day: number, month: number, year: number;
  if (m) [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)))
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  return date.toISOString().slice(0, 10);
}

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  /** YYYY-MM-DD, or null/empty when no date. */
  value: string | null;
  onChange: (value: string | null) => void;
};

/** A calendar date shown and typed as dd/mm/yyyy, handed over as YYYY-MM-DD. */
export function DateField({ value, onChange, ...props }: Props) {
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      locale="fr"
      dateParser={parseFrenchDate}
      placeholder="jj/mm/aaaa"
      clearable
      clearButtonProps={{ 'aria-label': 'Effacer la date' }}
      leftSection={<IconCalendar size={16} aria-hidden />}
      styles={{ wrapper: { maxWidth: 220 } }}
      {...props}
      value={value || null}
      onChange={(v) => onChange(v || null)}
    />
  );
}
