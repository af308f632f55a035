import { Alert, Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { invoke } from '../api/client';
import { keepFocus } from '../components/keepFocus';
import { usePageTitle } from '../app/usePageTitle';
import { useVault } from '../app/vaultContext';
import { notifySuccess } from '../components/notify';
import { NewPassphraseFields } from './NewPassphraseFields';
import { useNewPassphrase } from './useNewPassphrase';
import { ScreenTitle, VaultLayout } from './VaultLayout';

/** Forgotten passphrase: the recovery key opens the vault and a new passphrase replaces the old. */
export function RecoveryUnlockForm({ onBack }: { onBack: () => void }) {
  usePageTitle('Clé de secours');
  const { setStatus } = useVault();
  const [recoveryKey, setRecoveryKey] = useState('');
  const [keyError, setKeyError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unlocking, setUnlocking] = useState(false);
  const next = useNewPassphrase();
  const keyInput = useRef<HTMLInputElement>(null);

  const unlock = async () => {
    setError(null);
    const keyMissing = !recoveryKey.trim();
    if (keyMissing) setKeyError('Saisissez la clé de secours.');
    const passphraseOk = await next.validate();
    if (keyMissing) return keyInput.current?.focus();
    if (!passphraseOk) return;
    setUnlocking(true);
    const result = await invoke('vault.unlockWithRecoveryKey', {
      recoveryKey,
      newPassphrase: next.passphrase,
    });
    setUnlocking(false);
    if (!result.ok) {
      if (result.error.code === 'WRONG_RECOVERY_KEY') {
        setKeyError(result.error.message);
        keyInput.current?.focus();
      } else setError(result.error.message);
      return;
    }
    notifySuccess('Coffre ouvert. Votre nouvelle phrase de passe est enregistrée.');
    setStatus(result.value);
  };

  return (
    <VaultLayout>
      <Paper>
        <ScreenTitle>Ouvrir avec la clé de secours</ScreenTitle>
        <Text size="sm" c="dimmed" mb="md">
          Saisissez la clé de secours notée à la création du coffre, puis choisissez une nouvelle
          phrase de passe. Vos données ne changent pas.
        </Text>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void unlock();
          }}
        >
          <Stack>
            <TextInput
              ref={keyInput}
              label="Clé de secours"
              description="Les tirets, les espaces et les majuscules sont facultatifs."
              required
              autoFocus
              autoComplete="off"
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
              value={recoveryKey}
              onChange={(e) => {
                setRecoveryKey(e.currentTarget.value);
                setKeyError(null);
              }}
              error={keyError}
            />
            <NewPassphraseFields
              state={next}
              label="Nouvelle phrase de passe"
              confirmLabel="Confirmer la nouvelle phrase de passe"
            />
            {error && (
              <Alert color="red" variant="light" role="alert">
                {error}
              </Alert>
            )}
            <Button type="submit" size="md" loading={unlocking} {...keepFocus}>
              Ouvrir avec la clé de secours
            </Button>
            <Anchor component="button" type="button" size="sm" onClick={onBack}>
              Revenir à la phrase de passe
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </VaultLayout>
  );
}
