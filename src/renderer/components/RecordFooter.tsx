import { Text } from '@mantine/core';
import { formatInstant } from '../../shared/rules/dates';

export function RecordFooter({ createdAt, updatedAt }: { createdAt: string; updatedAt: string }) {
  return (
    <Text size="xs" c="dimmed" mt="lg">
      Fiche créée le {formatInstant(createdAt)} · dernière modification le{' '}
      {formatInstant(updatedAt)}
    </Text>
  );
}
