import { TextInput, type TextInputProps } from '@mantine/core';

/** Reads a time as people type it (14h, 14h30, 14:30, 9.05, 1430) and writes it hh:mm. */
export function normalizeTime(input: string): string {
  const text = input.trim().toLowerCase().replace(/\s+/g, '');
  const m = /^(\d{1,2})(?:[h:.](\d{2})?)?$/.exec(text) ?? /^(\d{1,2})(\d{2})$/.exec(text);
  if (!m) return input;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? 0);
  if (hours > 23 || minutes > 59) return input;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

type Props = Omit<TextInputProps, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
};

/**
 * A time of day in the 24-hour French form. A text field rather than the browser's time
 * input, whose display (and AM/PM) follows the system's locale instead of the app's.
 */
export function TimeField({ value, onChange, onBlur, ...props }: Props) {
  return (
    <TextInput
      placeholder="hh:mm"
      autoComplete="off"
      {...props}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={(e) => {
        const normalized = normalizeTime(value);
        if (normalized !== value) onChange(normalized);
        onBlur?.(e);
      }}
    />
  );
}
