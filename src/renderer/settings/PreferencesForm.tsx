import { Group, NumberInput, TextInput } from '@mantine/core';
import { z } from 'zod';
import { settingsValues, type SettingsValues } from '../../shared/api/settings';
import { useShell } from '../app/shellContext';
import { useVault } from '../app/vaultContext';
import { invoke } from '../api/client';
import { Section } from '../components/FormSection';
import { notifySuccess } from '../components/notify';
import { useFieldsForm } from '../components/useFieldsForm';
import { SettingsForm } from './SettingsForm';

/** This form's part of the settings (the others have their own forms and save alone). */
const schema = z.object(settingsValues.shape).pick({ autoLockMinutes: true, departmentName: true });

/** The auto-lock delay and the department's name. */
export function PreferencesForm({ initial }: { initial: SettingsValues }) {
  const form = useFieldsForm(schema, {
    autoLockMinutes: initial.autoLockMinutes as number | string,
    departmentName: initial.departmentName,
  });
  const { refresh } = useVault();
  const { reloadSettings } = useShell();
  const { values: v, set, bind } = form;

  const save = async () => {
    const result = await form.submit((values) => invoke('settings.update', values));
    if (!result?.ok) return;
    notifySuccess('Paramètres enregistrés.');
    reloadSettings();
    void refresh();
  };

  return (
    <Section title="Préférences">
      <SettingsForm form={form} onSubmit={() => void save()}>
        <Group align="flex-start" gap="lg">
          <NumberInput
            label="Verrouillage automatique après (minutes)"
            description="Sans activité pendant ce délai, Balise verrouille le coffre."
            min={1}
            max={240}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            value={v.autoLockMinutes}
            onChange={(value) => set('autoLockMinutes', value)}
            w={340}
            {...bind('autoLockMinutes')}
          />
          <TextInput
            label="Nom du département"
            description="Affiché dans la barre latérale et sur l’accueil."
            placeholder="Ex. : Val-de-Loire"
            value={v.departmentName}
            onChange={(e) => set('departmentName', e.currentTarget.value)}
            style={{ flex: 1, minWidth: 240 }}
            {...bind('departmentName')}
          />
        </Group>
      </SettingsForm>
    </Section>
  );
}
