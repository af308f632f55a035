import { Group, NumberInput } from '@mantine/core';
import { z } from 'zod';
import { settingsValues, type SettingsValues } from '../../shared/api/settings';
import { invoke } from '../api/client';
import { Section } from '../components/FormSection';
import { notifySuccess } from '../components/notify';
import { useFieldsForm } from '../components/useFieldsForm';
import { SettingsForm } from './SettingsForm';
import { todoChanged } from '../todo/todoEvents';

/** This form's part of the settings, checked as main checks it. */
const schema = z.object(settingsValues.shape).pick({
  departmentalMeetingsPerYear: true,
  copilPerYear: true,
  cotechPerYear: true,
});

const FIELDS = [
  ['departmentalMeetingsPerYear', 'Rencontres départementales par an', 'Au moins deux par an.'],
  ['copilPerYear', 'COPIL par an', 'Environ deux par an.'],
  ['cotechPerYear', 'COTECH par an', 'Plusieurs par an, et selon les besoins.'],
] as const;

/** The yearly targets the home page and « À faire » check the calendar against. */
export function CadenceSettingsForm({ initial }: { initial: SettingsValues }) {
  const form = useFieldsForm(schema, {
    departmentalMeetingsPerYear: initial.departmentalMeetingsPerYear as number | string,
    copilPerYear: initial.copilPerYear as number | string,
    cotechPerYear: initial.cotechPerYear as number | string,
  });
  const { values: v, set, bind } = form;

  const save = async () => {
    const result = await form.submit((values) => invoke('settings.update', values));
    if (!result?.ok) return;
    notifySuccess('Objectifs annuels enregistrés. L’accueil et « À faire » en tiennent compte.');
    todoChanged();
  };

  return (
    <Section
      title="Objectifs annuels"
      description="Le nombre de réunions à tenir chaque année. L’accueil et la liste « À faire » préviennent quand ce qui est prévu ne suffit plus."
    >
      <SettingsForm label="Objectifs annuels" form={form} onSubmit={() => void save()}>
        <Group align="flex-start" gap="md">
          {FIELDS.map(([field, label, hint]) => (
            <NumberInput
              key={field}
              label={label}
              description={hint}
              min={0}
              max={52}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              value={v[field]}
              onChange={(value) => set(field, value)}
              w={200}
              {...bind(field)}
            />
          ))}
        </Group>
      </SettingsForm>
    </Section>
  );
}
