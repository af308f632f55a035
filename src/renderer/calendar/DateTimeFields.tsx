import { Group } from '@mantine/core';
import { DateField } from '../components/DateField';
import { TimeField } from '../components/TimeField';
import { datePart, joinDateTime, timePart } from './dateTime';

interface Props {
  /** « de début » → « Date de début », « Heure de début ». */
  suffix: string;
  /** `YYYY-MM-DDTHH:mm`, possibly unfinished. */
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  /** The schema's message for the whole value, if any. */
  error?: string;
  required?: boolean;
}

/**
 * A wall-clock date and time as two fields (dd/mm/yyyy and hh:mm). The message goes under
 * the part to correct: a missing date under the date, anything else under the time.
 */
export function DateTimeFields({ suffix, value, onChange, onBlur, error, required }: Props) {
  const date = datePart(value);
  const time = timePart(value);
  const dateError = error && date === null ? 'Indiquez la date.' : undefined;
  const timeError =
    error && date !== null
      ? /^([01]\d|2[0-3]):[0-5]\d$/.test(time)
        ? error
        : 'Heure invalide : écrivez-la hh:mm (par exemple 14:30).'
      : undefined;
  return (
    <Group align="flex-start" gap="sm" wrap="nowrap">
      <DateField
        label={`Date ${suffix}`}
        required={required}
        value={date}
        onChange={(d) => onChange(joinDateTime(d, time))}
        onBlur={onBlur}
        error={dateError}
        w={170}
      />
      <TimeField
        label={`Heure ${suffix}`}
        required={required}
        value={time}
        onChange={(t) => onChange(joinDateTime(date, t))}
        onBlur={onBlur}
        error={timeError}
        w={150}
      />
    </Group>
  );
}
