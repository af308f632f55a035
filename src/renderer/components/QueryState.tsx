import { Alert, Button, Center, Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { AppError } from '../../shared/result';

export function Loading({ label = 'Chargement…' }: { label?: string }) {
  return (
    <Center py="xl" role="status">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">{label}</Text>
      </Group>
    </Center>
  );
}

/** A read that failed: its French message and a way to try again. */
export function LoadError({ error, onRetry }: { error: AppError; onRetry?: () => void }) {
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title="Impossible d’afficher ces informations"
      role="alert"
    >
      <Text size="sm">{error.message}</Text>
      {onRetry && (
        <Button mt="sm" size="xs" variant="light" color="red" onClick={onRetry}>
          Réessayer
        </Button>
      )}
    </Alert>
  );
}
