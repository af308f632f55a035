import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { invoke } from '../api/client';
import { keepFocus } from '../components/keepFocus';
import { usePageTitle } from '../app/usePageTitle';
import { useVault } from '../app/vaultContext';
import { notifySuccess } from '../components/notify';
import { ScreenTitle, VaultLayout } from './VaultLayout';

interface Props {
  cancelling: boolean;
  onBack: () => void;
  onCancel: () => void;
}

/** The recovery key typed back: proof it was noted before the vault is created for good. */
export function ConfirmKeyStep({ cancelling, onBack, onCancel }: Props) {
  usePageTitle('Vérifier la clé de secours');
  const { setStatus } = useVault();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const confirm = async () => {
    if (!typed.trim()) {
      setError('Saisissez la clé de secours.');
      input.current?.focus();
      return;
    }
    setConfirming(true);
    const result = await invoke('vault.confirmCreate', { recoveryKey: typed });
    setConfirming(false);
    if (!result.ok) {
      setError(result.error.message);
      input.current?.focus();
      return;
    }
    notifySuccess('Votre coffre est prêt. Bienvenue dans Balise !');
    setStatus(result.value);
  };

  return (
    <VaultLayout>
      <Paper>
        <ScreenTitle>Vérifions la clé de secours</ScreenTitle>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
        >
          <Stack>
            <Text size="sm">
              Recopiez la clé telle que vous l’avez notée. Les tirets, les espaces et les majuscules
              sont facultatifs.
            </Text>
            <TextInput
              ref={input}
              label="Clé de secours"
              required
              autoFocus
              autoComplete="off"
              spellCheck={false}
              size="md"
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
              value={typed}
              onChange={(e) => {
                setTyped(e.currentTarget.value);
                setError(null);
              }}
              error={error}
            />
            <Group justify="space-between">
              <Group gap="xs">
                <Button variant="default" onClick={onBack}>
                  Revoir la clé
                </Button>
                <Button variant="subtle" color="gray" loading={cancelling} onClick={onCancel}>
                  Annuler la création
                </Button>
              </Group>
              <Button type="submit" loading={confirming} {...keepFocus}>
                Confirmer et ouvrir mon coffre
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </VaultLayout>
  );
}
