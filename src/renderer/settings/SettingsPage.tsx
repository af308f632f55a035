import { Stack } from '@mantine/core';
import { usePageTitle } from '../app/usePageTitle';
import { useVault } from '../app/vaultContext';
import { useRoute } from '../api/useRoute';
import { PageHeader } from '../components/PageHeader';
import { LoadError, Loading } from '../components/QueryState';
import { ActivitySettings } from './ActivitySettings';
import { CadenceSettingsForm } from './CadenceSettingsForm';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { ConventionSettingsForm } from './ConventionSettingsForm';
import { PreferencesForm } from './PreferencesForm';

export function SettingsPage() {
  usePageTitle('Paramètres');
  const { status } = useVault();
  const settings = useRoute('settings.get', {});
  return (
    <Stack gap="lg" maw={720}>
      <PageHeader title="Paramètres" />
      {!settings.result ? (
        <Loading />
      ) : !settings.result.ok ? (
        <LoadError error={settings.result.error} onRetry={settings.reload} />
      ) : (
        <>
          <PreferencesForm initial={settings.result.value} />
          <ConventionSettingsForm initial={settings.result.value} />
          <CadenceSettingsForm initial={settings.result.value} />
          <ActivitySettings initial={settings.result.value} />
        </>
      )}
      <ChangePassphraseForm demo={status.demo} />
    </Stack>
  );
}
