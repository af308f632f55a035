import { List, Text } from '@mantine/core';
import { formatDate } from '../../shared/rules/dates';
import { labelOf } from './options';

/** The successive statuses of a record, newest first. */
export function StatusHistory({
  history,
  labels,
}: {
  history: { status: string; since: string }[];
  labels: Record<string, string>;
}) {
  if (history.length === 0) return null;
  // Newest date first; on the same date, main's order (newest first) is kept.
  const newestFirst = history
    .map((h, index) => ({ ...h, index }))
    .sort((a, b) => (a.since === b.since ? 0 : a.since < b.since ? 1 : -1));
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        Historique du statut
      </Text>
      <List size="sm" spacing={2} aria-label="Historique du statut">
        {newestFirst.map((h) => (
          <List.Item key={h.index}>
            {formatDate(h.since)} : {labelOf(labels, h.status)}
          </List.Item>
        ))}
      </List>
    </div>
  );
}

/** When the current status took effect: the latest entry with that status. */
export function currentStatusSince(
  history: { status: string; since: string }[],
  status: string,
): string | null {
  return history
    .filter((h) => h.status === status)
    .reduce<string | null>(
      (latest, h) => (latest === null || h.since > latest ? h.since : latest),
      null,
    );
}
