import { Button, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { invoke } from '../api/client';
import { useVault } from '../app/vaultContext';
import { notifyError } from '../components/notify';
import { ChoosePassphraseStep } from './ChoosePassphraseStep';
import { ConfirmKeyStep } from './ConfirmKeyStep';
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

  return (
    <ChoosePassphraseStep onCreated={(recoveryKey) => setStep({ name: 'key', recoveryKey })} />
  );
}
