import { Alert, Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import type { BackupInfo } from '../../shared/api/backups';
import { useRoute } from '../api/useRoute';
import { usePageTitle } from '../app/usePageTitle';
import { useVault } from '../app/vaultContext';
import { BackupTable } from '../backups/BackupTable';
import { formatBackupDate } from '../backups/format';
import { RestoreModal } from '../backups/RestoreModal';
import { notifySuccess } from '../components/notify';
import { LoadError, Loading } from '../components/QueryState';
import { ScreenTitle, VaultLayout } from './VaultLayout';

/**
 * The vault's file is damaged (truncated, garbled, missing) or its keys are: say so plainly,
 * and offer to restore the latest backup. The damaged file is kept aside, never overwritten.
 */
export function DamagedVault({ message, onBack }: { message: string; onBack: () => void }) {
  usePageTitle('Coffre abîmé');
  const { setStatus } = useVault();
  const list = useRoute('backups.list', {});
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const value = list.result?.ok ? list.result.value : null;
  const latest = value?.backups[0] ?? null;

  return (
    <VaultLayout size={760}>
      <Paper>
        <ScreenTitle>Le coffre ne peut pas être ouvert</ScreenTitle>
        <Stack>
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title="Le fichier du coffre est abîmé"
            role="alert"
          >
            <Text size="sm">{message}</Text>
          </Alert>
          <Text size="sm">
            Cela arrive après une coupure pendant une écriture, un disque qui se dégrade ou un
            fichier effacé ou modifié par un autre programme. Votre phrase de passe n’est pas en
            cause. Vous pouvez remettre le coffre dans l’état de votre dernière sauvegarde : ce qui
            a été saisi depuis ne sera pas repris.
          </Text>
          {value && (
            <Text size="sm">
              Le fichier abîmé n’est ni effacé ni écrasé : il est mis de côté dans un dossier «
              remplace-… » de{' '}
              <Text span ff="monospace" size="xs">
                {value.vaultFolder}
              </Text>
              , où il reste disponible pour un examen.
            </Text>
          )}
          {!list.result ? (
            <Loading label="Recherche des sauvegardes…" />
          ) : !list.result.ok ? (
            <LoadError error={list.result.error} onRetry={list.reload} />
          ) : latest ? (
            <>
              <Button
                size="md"
                w="fit-content"
                leftSection={<IconRestore size={18} aria-hidden />}
                onClick={() => setRestoring(latest)}
              >
                Restaurer la dernière sauvegarde ({formatBackupDate(latest.date)})
              </Button>
              <Text size="sm" c="dimmed">
                Sauvegardes trouvées dans{' '}
                <Text span ff="monospace" size="xs">
                  {list.result.value.folder}
                </Text>{' '}
                :
              </Text>
              <BackupTable backups={list.result.value.backups} onRestore={setRestoring} />
            </>
          ) : (
            <Alert color="orange" variant="light" title="Aucune sauvegarde trouvée">
              Aucune sauvegarde dans{' '}
              <Text span ff="monospace" size="xs">
                {list.result.value.folder}
              </Text>
              . Si vos sauvegardes sont sur un disque externe ou un partage réseau, branchez-le puis
              cliquez sur « Chercher à nouveau ».
              <Button mt="sm" size="xs" variant="light" color="orange" onClick={list.reload}>
                Chercher à nouveau
              </Button>
            </Alert>
          )}
          <Anchor component="button" type="button" size="sm" w="fit-content" onClick={onBack}>
            Revenir à la saisie de la phrase de passe
          </Anchor>
        </Stack>
      </Paper>
      {value && (
        <RestoreModal
          backup={restoring}
          vaultFolder={value.vaultFolder}
          damaged
          onClose={() => setRestoring(null)}
          onRestored={(outcome, backup) => {
            setRestoring(null);
            notifySuccess(
              `Le coffre a repris son état du ${formatBackupDate(backup.date)}.${outcome.replacedFolder ? ` Le fichier abîmé est conservé dans ${outcome.replacedFolder}.` : ''}`,
              'Sauvegarde restaurée',
            );
            setStatus(outcome.status);
          }}
        />
      )}
    </VaultLayout>
  );
}
