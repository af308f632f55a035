import { Alert, Button, List, Paper, Stack, Text } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { invoke } from '../api/client';
import { keepFocus } from '../components/keepFocus';
import { usePageTitle } from '../app/usePageTitle';
import { DemoChoice } from './DemoChoice';
import { NewPassphraseFields } from './NewPassphraseFields';
import { useNewPassphrase } from './useNewPassphrase';
import { ScreenTitle, VaultLayout } from './VaultLayout';

/** Welcome, and the passphrase that will protect the coordinator's vault. */
export function ChoosePassphraseStep({
  onCreated,
  notice,
}: {
  onCreated: (recoveryKey: string) => void;
  /** Shown above the form (e.g. backups found where no vault is). */
  notice?: ReactNode;
}) {
  usePageTitle('Bienvenue');
  const passphrase = useNewPassphrase();
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    setError(null);
    if (!(await passphrase.validate())) return;
    setCreating(true);
    const result = await invoke('vault.create', { passphrase: passphrase.passphrase });
    setCreating(false);
    if (!result.ok) return setError(result.error.message);
    onCreated(result.value.recoveryKey);
  };

  return (
    <VaultLayout>
      {notice}
      <Paper>
        <ScreenTitle>Bienvenue dans Balise</ScreenTitle>
        <Text size="sm" mb="xs">
          Balise tient le suivi de votre réseau départemental : l’annuaire des structures porteuses
          et des Promeneurs du Net, les conventions et leurs échéances, le calendrier des rencontres
          et formations, et votre journal d’activité.
        </Text>
        <List size="sm" spacing={4} mb="md" icon={<IconShieldLock size={16} aria-hidden />}>
          <List.Item>Vos données restent sur cet ordinateur, dans un coffre chiffré.</List.Item>
          <List.Item>Le coffre ne s’ouvre qu’avec votre phrase de passe.</List.Item>
          <List.Item>Il se verrouille quand vous vous absentez.</List.Item>
        </List>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <Stack>
            <Text fw={600}>Choisissez votre phrase de passe</Text>
            <NewPassphraseFields
              state={passphrase}
              label="Phrase de passe"
              confirmLabel="Confirmer la phrase de passe"
              autoFocus
            />
            {error && (
              <Alert color="red" variant="light" role="alert">
                {error}
              </Alert>
            )}
            <Button type="submit" loading={creating} size="md" {...keepFocus}>
              Créer mon coffre
            </Button>
          </Stack>
        </form>
      </Paper>
      <DemoChoice />
    </VaultLayout>
  );
}
