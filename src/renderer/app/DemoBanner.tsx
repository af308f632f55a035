import { Button, Group, Paper, Text } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';

/** Always visible in the demo vault, so fictional data is never taken for real. */
export function DemoBanner({ leaving, onLeave }: { leaving: boolean; onLeave: () => void }) {
  return (
    <Paper
      component="section"
      aria-label="Coffre de démonstration"
      p="sm"
      mb="lg"
      bg="yellow.1"
      c="dark.8"
      withBorder
      style={{ borderColor: 'var(--mantine-color-yellow-5)' }}
    >
      <Group justify="space-between" gap="sm">
        <Group gap="sm" wrap="nowrap">
          <IconFlask size={20} aria-hidden />
          <div>
            <Text fw={700} size="sm">
              Coffre de démonstration — données fictives
            </Text>
            <Text size="xs">
              Un département imaginaire pour découvrir Balise. Rien ici ne se mélange avec vos
              vraies données.
            </Text>
          </div>
        </Group>
        <Button size="xs" color="dark" variant="outline" loading={leaving} onClick={onLeave}>
          Quitter la démonstration
        </Button>
      </Group>
    </Paper>
  );
}
