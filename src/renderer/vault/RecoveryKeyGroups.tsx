import { Paper, SimpleGrid } from '@mantine/core';

/** The key in groups of four characters, large and monospaced, easy to copy by hand. */
export function RecoveryKeyGroups({ recoveryKey }: { recoveryKey: string }) {
  const groups = recoveryKey.split('-');
  return (
    <Paper bg="var(--mantine-color-default-hover)" py="md" px="lg" withBorder>
      <SimpleGrid
        cols={4}
        spacing="md"
        verticalSpacing="xs"
        ta="center"
        className="recovery-key"
        role="group"
        aria-label={`Clé de secours : ${groups.join(' ')}`}
        data-testid="recovery-key"
      >
        {groups.map((group, i) => (
          <span key={i}>{group}</span>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
