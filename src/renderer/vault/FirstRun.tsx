import { Alert, Button, Paper, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { invoke } from '../api/client';
import { useRoute } from '../api/useRoute';
import { formatBackupDate } from '../backups/format';
import { useVault } from '../app/vaultContext';
import { notifyError } from '../components/notify';
import { ChoosePassphraseStep } from './ChoosePassphraseStep';
import { ConfirmKeyStep } from './ConfirmKeyStep';
import { DamagedVault } from './LazyDamagedVault';
import { RecoveryKeyStep } from './RecoveryKeyStep';
import { ScreenTitle, VaultLayout } from './VaultLayout';

type Step = { name: 'choose' } | { name: 'key' | 'confirm'; recoveryKey: string };

/**
 * First run: choose a passphrase, note the recovery key shown once, type it back.
 * Mounted for the `none` and `pending` states, so the key survives the state change.
 */
export function FirstRun() {
  const { status, setStatus } = useVault();
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [cancelling, setCancelling] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const backups = useRoute('backups.list', status.state === 'none' ? {} : null);
  const latest = backups.result?.ok ? (backups.result.value.backups[0] ?? null) : null;

  const cancel = async () => {
    setCancelling(true);
    const result = await invoke('vault.cancelCreate', {});
    setCancelling(false);
    if (!result.ok) return notifyError(result.error);
    setStep({ name: 'choose' });
    setStatus(result.value);
  };

  if (step.name === 'choose' && status.state === 'pending') {
    // The window was reloaded after the key was shown: it cannot be shown again.
    return (
      <VaultLayout>
        <Paper>
          <ScreenTitle>Création du coffre interrompue</ScreenTitle>
          <Text size="sm" mb="md">
            La création de votre coffre s’est arrêtée avant la vérification de la clé de secours.
            Pour votre sécurité, cette clé ne peut plus être affichée : recommencez la création.
            Aucune donnée n’a été enregistrée.
          </Text>
          <Button loading={cancelling} onClick={() => void cancel()}>
            Recommencer
          </Button>
        </Paper>
      </VaultLayout>
    );
  }

  if (step.name === 'key')
    return (
      <RecoveryKeyStep
        recoveryKey={step.recoveryKey}
        cancelling={cancelling}
        onContinue={() => setStep({ name: 'confirm', recoveryKey: step.recoveryKey })}
        onCancel={() => void cancel()}
      />
    );

  if (step.name === 'confirm')
    return (
      <ConfirmKeyStep
        cancelling={cancelling}
        onBack={() => setStep({ name: 'key', recoveryKey: step.recoveryKey })}
        onCancel={() => void cancel()}
      />
    );

  if (restoring)
    return (
      <DamagedVault
        message="Aucun coffre n’a été trouvé ici (ou son fichier des clés a disparu), mais des sauvegardes existent. Restaurez la plus récente avec la phrase de passe ou la clé de secours de ce coffre."
        onBack={() => setRestoring(false)}
      />
    );

  return (
    <ChoosePassphraseStep
      onCreated={(recoveryKey) => setStep({ name: 'key', recoveryKey })}
      notice={latest && <BackupsFound date={latest.date} onRestore={() => setRestoring(true)} />}
    />
  );
}

/**
 * A missing vault (or key file) next to existing backups: before creating a new, empty vault,
 * say that a backup can be restored instead.
 */
function BackupsFound({ date, onRestore }: { date: string; onRestore: () => void }) {
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconRestore aria-hidden />}
      title="Des sauvegardes de Balise existent sur cet ordinateur"
    >
      <Text size="sm" mb="xs">
        La plus récente date du {formatBackupDate(date)}. Si votre coffre a disparu ou si son
        fichier des clés manque, restaurez-la plutôt que de créer un coffre vide.
      </Text>
      <Button size="xs" variant="light" onClick={onRestore}>
        Restaurer une sauvegarde
      </Button>
    </Alert>
  );
}
