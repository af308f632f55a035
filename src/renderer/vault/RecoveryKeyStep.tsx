import { Alert, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCopy, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { usePageTitle } from '../app/usePageTitle';
import { copyText } from '../components/copyText';
import { notifyError, notifySuccess } from '../components/notify';
import { RecoveryKeyGroups } from './RecoveryKeyGroups';
import { RecoveryKeyPrintSheet } from './RecoveryKeyPrintSheet';
import { ScreenTitle, VaultLayout } from './VaultLayout';

interface Props {
  recoveryKey: string;
  cancelling: boolean;
  onContinue: () => void;
  onCancel: () => void;
}

/** The recovery key, shown this once, to print or write down. */
export function RecoveryKeyStep({ recoveryKey, cancelling, onContinue, onCancel }: Props) {
  usePageTitle('Clé de secours');
  const [noted, setNoted] = useState(false);

  const copy = async () => {
    if (await copyText(recoveryKey))
      notifySuccess('Clé copiée. Collez-la dans un endroit sûr, hors de cet ordinateur.');
    else notifyError('La copie n’a pas fonctionné. Recopiez la clé à la main ou imprimez-la.');
  };

  return (
    <VaultLayout size={640}>
      <Paper>
        <ScreenTitle>Votre clé de secours</ScreenTitle>
        <Stack>
          <Text size="sm">
            Si vous oubliez votre phrase de passe, cette clé est le seul moyen d’ouvrir votre
            coffre. Personne d’autre ne peut la retrouver pour vous.
          </Text>
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            Elle ne sera affichée qu’une fois. Imprimez-la ou recopiez-la, et rangez-la en lieu sûr,
            à l’écart de cet ordinateur.
          </Alert>
          <RecoveryKeyGroups recoveryKey={recoveryKey} />
          <Group>
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} aria-hidden />}
              onClick={() => window.print()}
            >
              Imprimer
            </Button>
            <Button
              variant="default"
              leftSection={<IconCopy size={16} aria-hidden />}
              onClick={() => void copy()}
            >
              Copier
            </Button>
          </Group>
          <Checkbox
            label="Je l’ai notée en lieu sûr"
            checked={noted}
            onChange={(e) => setNoted(e.currentTarget.checked)}
          />
          <Group justify="space-between">
            <Button variant="subtle" color="gray" loading={cancelling} onClick={onCancel}>
              Annuler la création
            </Button>
            <Button disabled={!noted} onClick={onContinue}>
              Continuer
            </Button>
          </Group>
        </Stack>
      </Paper>
      <RecoveryKeyPrintSheet recoveryKey={recoveryKey} />
    </VaultLayout>
  );
}
