import { Badge, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { PlanAction, PlanItem } from '../../shared/api/directoryImport';

export const ACTIONS: Record<PlanAction, { label: string; color: string }> = {
  create: { label: 'À créer', color: 'teal' },
  update: { label: 'À mettre à jour', color: 'blue' },
  skip: { label: 'Ignorée', color: 'gray' },
};

const ENTITIES = { structure: 'Structure', promeneur: 'Promeneur' } as const;

const PAGE = 100;

/** The plan's rows, a page at a time: what each would do, and why. */
export function PlanTable({ items, withSheet }: { items: PlanItem[]; withSheet: boolean }) {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(items.length / PAGE));
  const current = Math.min(page, pages);
  const shown = items.slice((current - 1) * PAGE, current * PAGE);
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs" striped aria-label="Aperçu ligne par ligne">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={withSheet ? 150 : 70}>Ligne</Table.Th>
              <Table.Th w={110}>Fiche</Table.Th>
              <Table.Th w={150}>Action</Table.Th>
              <Table.Th w="30%">Nom</Table.Th>
              <Table.Th>Détails</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((item) => (
              <Table.Tr key={`${item.sheet}\u0000${item.line}\u0000${item.entity}`}>
                <Table.Td>{withSheet ? `${item.sheet}, ligne ${item.line}` : item.line}</Table.Td>
                <Table.Td>{ENTITIES[item.entity]}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={ACTIONS[item.action].color}
                    tt="none"
                    miw="max-content"
                  >
                    {ACTIONS[item.action].label}
                  </Badge>
                </Table.Td>
                <Table.Td>{item.label}</Table.Td>
                <Table.Td>
                  <Details item={item} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            Lignes {(current - 1) * PAGE + 1} à {Math.min(current * PAGE, items.length)} sur{' '}
            {items.length.toLocaleString('fr-FR')}
          </Text>
          <Pagination
            total={pages}
            value={current}
            onChange={setPage}
            size="sm"
            getControlProps={(control) => ({
              'aria-label': control === 'previous' ? 'Page précédente' : 'Page suivante',
            })}
            getItemProps={(n) => ({ 'aria-label': `Page ${n}` })}
          />
        </Group>
      )}
    </Stack>
  );
}

function Details({ item }: { item: PlanItem }) {
  const lines = [
    ...item.reasons.map((text) => ({ text, color: undefined })),
    ...item.warnings.map((text) => ({ text, color: 'orange.8' })),
  ];
  if (lines.length === 0 && item.changes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {item.action === 'create' ? 'Nouvelle fiche' : '—'}
      </Text>
    );
  return (
    <Stack gap={4}>
      {lines.map((l) => (
        <Text key={l.text} size="sm" c={l.color}>
          {l.text}
        </Text>
      ))}
      {item.changes.map((c) => (
        <Text key={c.field} size="sm">
          <Text span size="sm" fw={600}>
            {c.field}
          </Text>{' '}
          : {/* Each value in one piece: a phone number is not cut across two lines. */}
          <Text span size="sm" c="dimmed" display="inline-block">
            {c.before}
          </Text>{' '}
          <Text span size="sm" display="inline-block">
            → {c.after}
          </Text>
        </Text>
      ))}
    </Stack>
  );
}
