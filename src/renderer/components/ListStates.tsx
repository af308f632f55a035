import { Button, EmptyState, Group, Loader, Text } from '@mantine/core';
import { IconSearchOff } from '@tabler/icons-react';

/** How many rows the list shows, and a small spinner while it is being refreshed. */
export function ListCount({ text, loading }: { text: string; loading: boolean }) {
  return (
    <Group gap="xs" mb="xs">
      <Text size="sm" c="dimmed" aria-live="polite">
        {text}
      </Text>
      {loading && <Loader size={14} aria-label="Mise à jour de la liste" />}
    </Group>
  );
}

/** A search or filters that match nothing, and the way back to the whole list. */
export function NoMatch({ title, onClear }: { title: string; onClear: () => void }) {
  return (
    <EmptyState
      mt="xl"
      icon={<IconSearchOff size={32} aria-hidden />}
      withIndicatorBackground
      title={title}
      description="Essayez un autre mot, ou retirez des filtres. La recherche ignore les accents et les majuscules."
    >
      <EmptyState.Actions>
        <Button variant="light" onClick={onClear}>
          Effacer la recherche et les filtres
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
