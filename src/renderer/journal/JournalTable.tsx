import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { LogEntry } from '../../shared/api/journal';
import { LOG_CHANNELS, LOG_KINDS } from '../../shared/domain/calendar';
import { formatDate } from '../../shared/rules/dates';
import { labelOf } from '../components/options';
import { RowActions } from '../components/RowActions';
import { formatDuration } from './duration';

interface Props {
  rows: LogEntry[];
  onEdit: (entry: LogEntry) => void;
  onRemove: (entry: LogEntry) => void;
}

/**
 * An entry's name for its buttons and the confirmation: « du 12/03/2026 « Réunion… » »; the
 * objet is cut after 40 characters unless `whole`.
 */
export function entryName(e: LogEntry, whole = false): string {
  const summary = whole || e.summary.length <= 40 ? e.summary : `${e.summary.slice(0, 40)}…`;
  return `du ${formatDate(e.date)} « ${summary} »`;
}

/** Names as links, separated by commas. */
function links(items: { id: number; name: string }[], path: string): ReactNode {
  return items.map((item, i) => (
    <Fragment key={item.id}>
      {i > 0 && ', '}
      <Anchor component={Link} to={`${path}/${item.id}`} size="sm">
        {item.name}
      </Anchor>
    </Fragment>
  ));
}

/** For whom: the Promeneurs, the structures (links to their pages) and the partners. */
function ForWhom({ entry: e }: { entry: LogEntry }) {
  const lines = [
    e.promeneurs.length > 0 && (
      <Text size="sm" key="p">
        {links(e.promeneurs, '/promeneurs')}
      </Text>
    ),
    e.structures.length > 0 && (
      <Text size="sm" key="s">
        {links(e.structures, '/structures')}
      </Text>
    ),
    e.partners && (
      <Text size="sm" key="o">
        {e.partners}
      </Text>
    ),
  ].filter(Boolean);
  if (lines.length === 0)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return <Stack gap={2}>{lines}</Stack>;
}

/** The journal's entries, latest first. */
export function JournalTable({ rows, onEdit, onRemove }: Props) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="xs" aria-label="Entrées du journal">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Nature</Table.Th>
            <Table.Th>Moyen</Table.Th>
            <Table.Th ta="right">Durée</Table.Th>
            <Table.Th>Objet</Table.Th>
            <Table.Th>Pour qui</Table.Th>
            <Table.Th w={80} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e) => (
            <Table.Tr key={e.id} style={{ verticalAlign: 'top' }}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(e.date)}</Table.Td>
              <Table.Td maw={200}>{labelOf(LOG_KINDS, e.kind)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {labelOf(LOG_CHANNELS, e.channel)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatDuration(e.durationMinutes)}
              </Table.Td>
              <Table.Td maw={320}>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {e.summary}
                </Text>
              </Table.Td>
              <Table.Td maw={260}>
                <ForWhom entry={e} />
              </Table.Td>
              <Table.Td>
                <RowActions
                  editLabel={`Modifier l’entrée ${entryName(e)}`}
                  removeLabel={`Supprimer l’entrée ${entryName(e)}`}
                  onEdit={() => onEdit(e)}
                  onRemove={() => onRemove(e)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
