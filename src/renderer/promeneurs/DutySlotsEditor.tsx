import { ActionIcon, Button, Fieldset, Group, Select, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { WEEKDAYS } from '../../shared/domain/directory';
import { formatHours, minutesBetween } from '../components/format';
import { TimeField } from '../components/TimeField';
import type { SlotRow } from './formValues';

const WEEKDAY_OPTIONS = Object.entries(WEEKDAYS).map(([value, label]) => ({ value, label }));

interface Props {
  rows: SlotRow[];
  onChange: (rows: SlotRow[]) => void;
  error: (key: string) => string | undefined;
  onBlur: (key: string) => void;
}

/** Hours online per week: the sum of the slots. */
export const weeklyHours = (rows: SlotRow[]) =>
  rows.reduce((total, s) => total + minutesBetween(s.start, s.end), 0) / 60;

/** The Promeneur's online duty slots (permanences), with the weekly total. */
export function DutySlotsEditor({ rows, onChange, error, onBlur }: Props) {
  const update = (index: number, patch: Partial<SlotRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          Aucune permanence pour l’instant.
        </Text>
      )}
      {rows.map((row, i) => {
        const key = (field: keyof SlotRow) => `dutySlots.${i}.${field}`;
        return (
          <Fieldset key={i} legend={`Permanence ${i + 1}`} variant="filled" p="sm">
            <Group align="flex-start" gap="sm" wrap="nowrap">
              <Select
                label="Jour"
                required
                data={WEEKDAY_OPTIONS}
                value={row.weekday === null ? null : String(row.weekday)}
                onChange={(v) => update(i, { weekday: v === null ? null : Number(v) })}
                onBlur={() => onBlur(key('weekday'))}
                error={error(key('weekday'))}
                allowDeselect={false}
                w={150}
              />
              <TimeField
                label="Début"
                required
                value={row.start}
                onChange={(start) => update(i, { start })}
                onBlur={() => onBlur(key('start'))}
                error={error(key('start'))}
                w={130}
              />
              <TimeField
                label="Fin"
                required
                value={row.end}
                onChange={(end) => update(i, { end })}
                onBlur={() => onBlur(key('end'))}
                error={error(key('end'))}
                w={130}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={26}
                size="lg"
                aria-label={`Retirer la permanence ${i + 1}`}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          </Fieldset>
        );
      })}
      <Group justify="space-between">
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => onChange([...rows, { weekday: 1, start: '', end: '' }])}
        >
          Ajouter une permanence
        </Button>
        <Text size="sm" fw={600} aria-live="polite">
          Total : {formatHours(weeklyHours(rows))} par semaine
        </Text>
      </Group>
    </>
  );
}
