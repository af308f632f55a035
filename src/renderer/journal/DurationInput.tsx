import { Button, Group, Input } from '@mantine/core';
import { useId, useState } from 'react';
import { DURATION_PRESETS, durationFrom, formatDuration, presetLabel } from './duration';

interface Props {
  /** In minutes; null when nothing is typed. */
  value: number | null;
  onChange: (minutes: number | null) => void;
  onBlur: () => void;
  error?: string;
}

const part = (value: number | null, pick: (v: number) => number) =>
  value === null || !Number.isFinite(value) ? '' : String(pick(value));

/**
 * A duration typed as hours and minutes, or picked among the usual ones; handed over in
 * minutes. The error is read out with both boxes.
 */
export function DurationInput({ value, onChange, onBlur, error }: Props) {
  const id = useId();
  const [hours, setHours] = useState(() => part(value, (v) => Math.floor(v / 60)));
  const [minutes, setMinutes] = useState(() => part(value, (v) => v % 60));
  const errorId = `${id}-error`;

  const type = (h: string, m: string) => {
    setHours(h);
    setMinutes(m);
    onChange(durationFrom(h, m));
  };
  const pick = (total: number) =>
    type(String(Math.floor(total / 60)), String(total % 60).padStart(2, '0'));

  const box = (label: string, unit: string, text: string, set: (t: string) => void) => (
    <Input
      withAria={false}
      aria-label={label}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
      error={!!error}
      inputMode="numeric"
      autoComplete="off"
      maxLength={4}
      w={80}
      rightSectionWidth={40}
      rightSection={unit}
      rightSectionPointerEvents="none"
      value={text}
      onChange={(e) => set(e.currentTarget.value)}
      onBlur={onBlur}
    />
  );

  return (
    <Input.Wrapper
      label="Durée"
      required
      withAsterisk
      labelElement="div"
      labelProps={{ id: `${id}-label` }}
      error={error}
      errorProps={{ id: errorId }}
    >
      <Group gap="sm" mt={4} wrap="nowrap" align="center">
        <Group gap="xs" role="group" aria-labelledby={`${id}-label`} wrap="nowrap">
          {box('Heures', 'h', hours, (h) => type(h, minutes))}
          {box('Minutes', 'min', minutes, (m) => type(hours, m))}
        </Group>
        <Group gap={4} aria-label="Durées courantes" role="group">
          {DURATION_PRESETS.map((preset) => (
            <Button
              key={preset}
              size="compact-xs"
              variant={value === preset ? 'light' : 'default'}
              aria-pressed={value === preset}
              title={
                presetLabel(preset) === formatDuration(preset) ? undefined : formatDuration(preset)
              }
              onClick={() => pick(preset)}
            >
              {presetLabel(preset)}
            </Button>
          ))}
        </Group>
      </Group>
    </Input.Wrapper>
  );
}
