import { Badge, Group, Table, Text, Timeline } from '@mantine/core';
import {
  IconArchive,
  IconArchiveOff,
  IconEraser,
  IconPencil,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import type { AuditAction, AuditEntity, AuditEntry } from '../../shared/api/history';
import { formatInstant } from '../../shared/rules/dates';
import { useRoute } from '../api/useRoute';
import { LoadError, Loading } from '../components/QueryState';
import {
  ACTION_LABELS,
  fieldLabel,
  formatValue,
  isErased,
  type ValueContext,
} from './formatChange';
import { useConventionReferences } from './useConventionReferences';
import { useStructureNames } from './useStructureNames';

const ACTION_ICONS: Record<AuditAction, typeof IconPlus> = {
  create: IconPlus,
  update: IconPencil,
  archive: IconArchive,
  restore: IconArchiveOff,
  delete: IconTrash,
  erase: IconEraser,
};

/** Every change of one record, newest first: when, what, and each field's old → new value. */
export function HistoryPanel({ entity, id }: { entity: AuditEntity; id: number }) {
  const history = useRoute('history.forRecord', { entity, id });
  // A Promeneur's or a convention's history names structures and conventions, not their ids.
  const structureNames = useStructureNames(entity === 'promeneur' || entity === 'convention');
  const conventionReferences = useConventionReferences(entity === 'convention');
  if (!history.result) return <Loading label="Chargement de l’historique…" />;
  if (!history.result.ok)
    return <LoadError error={history.result.error} onRetry={history.reload} />;
  const entries = [...history.result.value].sort((a, b) =>
    a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1,
  );
  if (entries.length === 0)
    return (
      <Text c="dimmed" size="sm">
        Aucune modification enregistrée pour cette fiche.
      </Text>
    );

  return (
    <Timeline bulletSize={26} lineWidth={2} active={entries.length - 1}>
      {entries.map((entry) => {
        const Icon = ACTION_ICONS[entry.action];
        return (
          <Timeline.Item
            key={entry.id}
            bullet={<Icon size={14} aria-hidden />}
            title={
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {ACTION_LABELS[entry.action]}
                  {entry.subject && ` · ${entry.subject}`}
                </Text>
                <Text size="sm" c="dimmed">
                  le {formatInstant(entry.at)}
                </Text>
              </Group>
            }
          >
            <Changes
              entity={entity}
              entry={entry}
              context={{ entity, structureNames, conventionReferences, subject: entry.subject }}
            />
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

export function Changes({
  entity,
  entry,
  context,
}: {
  entity: AuditEntity;
  entry: AuditEntry;
  context: ValueContext;
}) {
  if (entry.changes.length === 0) return null;
  if (entry.action === 'erase')
    return (
      <Text size="sm" mt={4}>
        Données effacées :{' '}
        {entry.changes.map((c) => fieldLabel(entity, c.field, entry.subject)).join(', ')}. Les
        valeurs effacées ne sont pas conservées.
      </Text>
    );
  if (entry.changes.every(isErased))
    return (
      <Text size="sm" mt={4} c="dimmed">
        {entry.changes.map((c) => fieldLabel(entity, c.field, entry.subject)).join(', ')} — valeurs
        retirées lors d’un effacement.
      </Text>
    );
  if (entry.action === 'create') {
    const filled = entry.changes.filter((c) => c.after !== null && c.after !== '');
    return (
      <Group gap={6} mt={4}>
        {filled.map((c) => (
          <Badge key={c.field} variant="default" tt="none" fw={400}>
            {fieldLabel(entity, c.field, entry.subject)} : {formatValue(c.field, c.after, context)}
          </Badge>
        ))}
      </Group>
    );
  }
  return (
    <Table
      mt={4}
      fz="sm"
      verticalSpacing={4}
      withRowBorders={false}
      layout="fixed"
      aria-label={`${ACTION_LABELS[entry.action]}${entry.subject ? ` (${entry.subject})` : ''} du ${formatInstant(entry.at)}`}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="28%">Champ</Table.Th>
          <Table.Th w="34%">Avant</Table.Th>
          <Table.Th w={32} aria-hidden />
          <Table.Th>Après</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entry.changes.map((c) => (
          <Table.Tr key={c.field}>
            <Table.Td>{fieldLabel(entity, c.field, entry.subject)}</Table.Td>
            <Table.Td c="dimmed">
              {isErased(c) ? 'valeur effacée' : formatValue(c.field, c.before, context)}
            </Table.Td>
            <Table.Td aria-hidden>→</Table.Td>
            <Table.Td>
              {isErased(c) ? 'valeur effacée' : formatValue(c.field, c.after, context)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
