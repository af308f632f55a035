import { Group, NumberInput, Select, Text } from '@mantine/core';
import { z } from 'zod';
import { settingsValues, type SettingsValues } from '../../shared/api/settings';
import { isValidDayOfMonth } from '../../shared/rules/conventions';
import { invoke } from '../api/client';
import { Section } from '../components/FormSection';
import { notifySuccess } from '../components/notify';
import { useFieldsForm } from '../components/useFieldsForm';
import { SettingsForm } from './SettingsForm';
import { todoChanged } from '../todo/todoEvents';
import { MONTHS } from './months';

const DAY_OPTIONS = Array.from({ length: 31 }, (_, i) => ({
  value: String(i + 1),
  label: i === 0 ? '1er' : String(i + 1),
}));
const MONTH_OPTIONS = MONTHS.map((label, i) => ({ value: String(i + 1), label }));

/** Why a day/month pair is refused (31 avril), or null when that date exists. */
export function dueDateError(day: number | null, month: number | null): string | null {
  if (day === null || month === null || isValidDayOfMonth(day, month)) return null;
  return `Le ${day} ${MONTHS[month - 1] ?? ''} n’existe pas.`;
}

/** This form's part of the settings, with the same « does this date exist » check as main. */
const schema = z
  .object(settingsValues.shape)
  .pick({ obligationDueDay: true, obligationDueMonth: true, todoHorizonMonths: true })
  .superRefine((s, ctx) => {
    const message = dueDateError(s.obligationDueDay, s.obligationDueMonth);
    if (message) ctx.addIssue({ code: 'custom', path: ['obligationDueDay'], message });
  });

const toNumber = (value: string | null) => (value === null ? null : Number(value));

/** The « J/M » date of the yearly documents, and how far ahead « À faire » looks. */
export function ConventionSettingsForm({ initial }: { initial: SettingsValues }) {
  const form = useFieldsForm(schema, {
    obligationDueDay: initial.obligationDueDay as number | null,
    obligationDueMonth: initial.obligationDueMonth as number | null,
    todoHorizonMonths: initial.todoHorizonMonths as number | string,
  });
  const { values: v, set, bind } = form;
  // A day that does not exist in the month chosen is said at once, not only on saving.
  const dayError =
    bind('obligationDueDay').error ?? dueDateError(v.obligationDueDay, v.obligationDueMonth);

  const save = async () => {
    const result = await form.submit((values) => invoke('settings.update', values));
    if (!result?.ok) return;
    notifySuccess('Paramètres des conventions enregistrés. La liste « À faire » en tient compte.');
    todoChanged();
  };

  return (
    <Section
      title="Conventions et liste « À faire »"
      description="Ces réglages fixent les échéances des conventions ; ce qui a déjà été reçu le reste."
    >
      <SettingsForm
        label="Conventions et liste « À faire »"
        form={form}
        onSubmit={() => void save()}
      >
        <div role="group" aria-labelledby="jm-legend" aria-describedby="jm-help">
          <Text size="sm" fw={600} id="jm-legend">
            Date « J/M »
          </Text>
          <Text size="sm" c="dimmed" mb="xs" id="jm-help">
            Date limite, l’année suivante, pour les justificatifs de l’année N (budget prévisionnel,
            compte de résultat, bilan qualitatif et quantitatif).
          </Text>
          <Group align="flex-start" gap="md">
            <Select
              label="Jour (J)"
              data={DAY_OPTIONS}
              value={v.obligationDueDay === null ? null : String(v.obligationDueDay)}
              onChange={(value) => set('obligationDueDay', toNumber(value))}
              allowDeselect={false}
              w={190}
              {...bind('obligationDueDay')}
              error={dayError}
            />
            <Select
              label="Mois (M)"
              data={MONTH_OPTIONS}
              value={v.obligationDueMonth === null ? null : String(v.obligationDueMonth)}
              onChange={(value) => set('obligationDueMonth', toNumber(value))}
              allowDeselect={false}
              w={190}
              {...bind('obligationDueMonth')}
            />
          </Group>
        </div>
        <Group align="flex-start" gap="md" mt="lg">
          <NumberInput
            label="Horizon de « À faire » (mois)"
            description="La liste montre ce qui arrive d’ici là, et tout ce qui est en retard."
            min={1}
            max={24}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            value={v.todoHorizonMonths}
            onChange={(value) => set('todoHorizonMonths', value)}
            w={440}
            {...bind('todoHorizonMonths')}
          />
        </Group>
      </SettingsForm>
    </Section>
  );
}
