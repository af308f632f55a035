import { Alert, Anchor, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { BackupInfo } from '../../shared/api/backups';
import type { RouteOutput } from '../../shared/api/contract';
import { invoke } from '../api/client';
import { SecretInput } from '../components/SecretInput';
import { formatBackupDate } from './format';

export type RestoreOutcome = RouteOutput<'backups.restore'>;

interface Props {
  backup: BackupInfo | null;
  /** The vault's folder, where the replaced files are kept. */
  vaultFolder: string;
  /** True when the vault is damaged (unlock screen, or found so once open): nothing to save first. */
  damaged?: boolean;
  onClose: () => void;
  onRestored: (outcome: RestoreOutcome, backup: BackupInfo) => void;
}

/**
 * Asks for the passphrase (or the recovery key) that opens the backup, says what will
 * happen, then verifies and restores it.
 */
export function RestoreModal({ backup, vaultFolder, damaged = false, onClose, onRestored }: Props) {
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [newPassphrase, setNewPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const first = useRef<HTMLInputElement>(null);

  const close = () => {
    if (running) return;
    setPassphrase('');
    setRecoveryKey('');
    setNewPassphrase('');
    setError(null);
    setMode('passphrase');
    onClose();
  };

  const restore = async () => {
    if (!backup) return;
    if (mode === 'passphrase' && !passphrase) {
      setError('Saisissez la phrase de passe du coffre au moment de cette sauvegarde.');
      return first.current?.focus();
    }
    if (mode === 'recovery' && (!recoveryKey || !newPassphrase)) {
      setError('Saisissez la clé de secours et la nouvelle phrase de passe.');
      return first.current?.focus();
    }
    setRunning(true);
    setError(null);
    const result = await invoke(
      'backups.restore',
      mode === 'passphrase'
        ? { name: backup.name, passphrase }
        : { name: backup.name, recoveryKey, newPassphrase },
    );
    setRunning(false);
    if (!result.ok) {
      setError(result.error.message);
      return first.current?.focus();
    }
    setPassphrase('');
    setRecoveryKey('');
    setNewPassphrase('');
    onRestored(result.value, backup);
  };

  return (
    <Modal
      opened={backup !== null}
      onClose={close}
      title="Restaurer une sauvegarde"
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': 'Fermer' }}
    >
      {backup && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void restore();
          }}
        >
          <Stack>
            <Text size="sm">
              Le coffre va revenir à son état du <strong>{formatBackupDate(backup.date)}</strong>.
              Voici ce qui se passe :
            </Text>
            <List size="sm" spacing={4}>
              <List.Item>
                la sauvegarde est d’abord vérifiée ; si elle est abîmée, rien ne change ;
              </List.Item>
              {damaged ? (
                <List.Item>
                  le fichier abîmé n’est pas effacé : il est mis de côté dans un dossier «
                  remplace-… » de{' '}
                  <Text span ff="monospace" size="xs">
                    {vaultFolder}
                  </Text>{' '}
                  ;
                </List.Item>
              ) : (
                <>
                  <List.Item>
                    le coffre actuel est sauvegardé (« Avant restauration »), puis mis de côté dans
                    un dossier « remplace-… » de{' '}
                    <Text span ff="monospace" size="xs">
                      {vaultFolder}
                    </Text>{' '}
                    : rien n’est effacé ;
                  </List.Item>
                  <List.Item>
                    ce qui a été saisi après cette date n’apparaîtra plus dans Balise (il reste dans
                    la copie mise de côté) ;
                  </List.Item>
                </>
              )}
              <List.Item>la sauvegarde prend sa place et le coffre s’ouvre.</List.Item>
            </List>
            {mode === 'passphrase' ? (
              <SecretInput
                ref={first}
                label="Phrase de passe"
                description="Celle du coffre au moment de cette sauvegarde."
                data-autofocus
                value={passphrase}
                onChange={(e) => {
                  setPassphrase(e.currentTarget.value);
                  setError(null);
                }}
              />
            ) : (
              <>
                <TextInput
                  ref={first}
                  label="Clé de secours"
                  description="Les 8 groupes de 4 caractères notés à la création du coffre."
                  autoComplete="off"
                  spellCheck={false}
                  data-autofocus
                  value={recoveryKey}
                  onChange={(e) => {
                    setRecoveryKey(e.currentTarget.value);
                    setError(null);
                  }}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                />
                <SecretInput
                  label="Nouvelle phrase de passe"
                  description="12 caractères au moins ; elle ouvrira le coffre restauré."
                  value={newPassphrase}
                  onChange={(e) => {
                    setNewPassphrase(e.currentTarget.value);
                    setError(null);
                  }}
                />
              </>
            )}
            <Anchor
              component="button"
              type="button"
              size="sm"
              w="fit-content"
              onClick={() => {
                setMode(mode === 'passphrase' ? 'recovery' : 'passphrase');
                setError(null);
              }}
            >
              {mode === 'passphrase'
                ? 'Phrase de passe oubliée ? Utiliser la clé de secours'
                : 'Utiliser la phrase de passe'}
            </Anchor>
            {error && (
              <Alert color="red" variant="light" role="alert" title="Restauration refusée">
                {error}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={running}>
                Annuler
              </Button>
              <Button
                type="submit"
                loading={running}
                leftSection={<IconRestore size={16} aria-hidden />}
              >
                Vérifier et restaurer
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
