import { Button, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { invoke } from '../api/client';
import { useVault } from '../app/vaultContext';
import { notifyError } from '../components/notify';
import { useOpenDemo } from './useOpenDemo';
import { ScreenTitle, VaultLayout } from './VaultLayout';

/** The demo vault locked itself: reopen it, or go back to one's own vault. */
export function DemoLocked() {
  const { setStatus } = useVault();
  const demo = useOpenDemo();
  const [leaving, setLeaving] = useState(false);

  const leave = async () => {
    setLeaving(true);
    const result = await invoke('vault.leaveDemo', {});
    setLeaving(false);
    if (result.ok) setStatus(result.value);
    else notifyError(result.error);
  };

  return (
    <VaultLayout>
      <Paper>
        <ScreenTitle>Démonstration verrouillée</ScreenTitle>
        <Text size="sm" mb="md">
          Le coffre de démonstration s’est verrouillé. Il ne contient que des données fictives :
          vous pouvez le rouvrir, ou revenir à votre propre coffre.
        </Text>
        <Group>
          <Button loading={demo.opening} onClick={demo.open}>
            Explorer avec des données fictives
          </Button>
          <Button variant="default" loading={leaving} onClick={() => void leave()}>
            Quitter la démonstration
          </Button>
        </Group>
      </Paper>
    </VaultLayout>
  );
}
