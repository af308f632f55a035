import { Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import { IconLockOpen } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { invoke } from '../api/client';
import { usePageTitle } from '../app/usePageTitle';
import { useVault } from '../app/vaultContext';
import { SecretInput } from '../components/SecretInput';
import { DamagedVault } from './LazyDamagedVault';
import { DemoChoice } from './DemoChoice';
import { DemoLocked } from './DemoLocked';
import { RecoveryUnlockForm } from './RecoveryUnlockForm';
import { ScreenTitle, VaultLayout } from './VaultLayout';

/** The vault is locked: the passphrase opens it, or the recovery key if it is forgotten. */
export function UnlockScreen() {
  usePageTitle('Coffre verrouillé');
  const { status, setStatus } = useVault();
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [damaged, setDamaged] = useState<string | null>(null);
  const [unlocking, setUnlocking] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  if (status.demo) return <DemoLocked />;
  if (mode === 'recovery') return <RecoveryUnlockForm onBack={() => setMode('passphrase')} />;
  if (damaged) return <DamagedVault message={damaged} onBack={() => setDamaged(null)} />;

  const unlock = async () => {
    setUnlocking(true);
    const result = await invoke('vault.unlock', { passphrase });
    setUnlocking(false);
    if (result.ok) return setStatus(result.value);
    setPassphrase('');
    if (result.error.code === 'VAULT_DAMAGED') return setDamaged(result.error.message);
    setError(result.error.message);
    input.current?.focus();
  };

  return (
    <VaultLayout>
      <Paper>
        <ScreenTitle>Coffre verrouillé</ScreenTitle>
        <Text size="sm" c="dimmed" mb="md">
          Saisissez votre phrase de passe pour ouvrir Balise.
        </Text>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!passphrase) {
              setError('Saisissez votre phrase de passe.');
              input.current?.focus();
              return;
            }
            void unlock();
          }}
        >
          <Stack>
            <SecretInput
              ref={input}
              label="Phrase de passe"
              autoFocus
              size="md"
              value={passphrase}
              onChange={(e) => {
                setPassphrase(e.currentTarget.value);
                setError(null);
              }}
              error={error}
            />
            <Button
              type="submit"
              size="md"
              loading={unlocking}
              leftSection={<IconLockOpen size={18} aria-hidden />}
            >
              Déverrouiller
            </Button>
            <Anchor component="button" type="button" size="sm" onClick={() => setMode('recovery')}>
              Phrase de passe oubliée ? Utiliser la clé de secours
            </Anchor>
          </Stack>
        </form>
      </Paper>
      <DemoChoice />
    </VaultLayout>
  );
}
