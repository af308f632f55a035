import {
  ActionIcon,
  Button,
  EmptyState,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconChecklist, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Action, Meeting } from '../../shared/api/committees';
import { formatDate } from '../../shared/rules/dates';
import { invoke } from '../api/client';
import { ConfirmModal } from '../components/ConfirmModal';
import { notifySuccess } from '../components/notify';
import { todoChanged } from '../todo/todoEvents';
import { ActionStatusBadge } from './badges';
import { ActionForm } from './ActionForm';

interface Props {
  meeting: Meeting;
  onChanged: () => void;
}

/** « Actions »: who does what by when; open ones go to « À faire » and the next agenda. */
export function ActionsPanel({ meeting: m, onChanged }: Props) {
  const [editing, setEditing] = useState<Action | 'new' | null>(null);
  const [removing, setRemoving] = useState<Action | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const changed = () => {
    todoChanged();
    onChanged();
  };

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    const result = await invoke('committees.actions.remove', { id: removing.id });
    setBusy(false);
    if (!result.ok) return setRefusal(result.error.message);
    notifySuccess('Action supprimée.');
    setRemoving(null);
    changed();
  };

  const add = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      Nouvelle action
    </Button>
  );

  return (
    <Stack gap="md">
      {m.actions.length === 0 ? (
        <EmptyState
          icon={<IconChecklist size={28} aria-hidden />}
          withIndicatorBackground
          title="Aucune action décidée"
          description="Notez qui fait quoi et pour quand : les actions ouvertes apparaissent dans « À faire » et en premier point de l’ordre du jour de la réunion suivante."
        >
          <EmptyState.Actions>{add}</EmptyState.Actions>
        </EmptyState>
      ) : (
        <>
          <Group justify="flex-end">{add}</Group>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing={6} aria-label="Actions de la réunion">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Qui</Table.Th>
                  <Table.Th>Quoi</Table.Th>
                  <Table.Th>Échéance</Table.Th>
                  <Table.Th>Statut</Table.Th>
                  <Table.Th w={80}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {m.actions.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.who}</Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {a.what}
                      </Text>
                    </Table.Td>
                    <Table.Td>{a.dueOn ? formatDate(a.dueOn) : '—'}</Table.Td>
                    <Table.Td>
                      <ActionStatusBadge status={a.status} overdue={a.overdue} />
                      {a.doneOn && (
                        <Text size="xs" c="dimmed">
                          le {formatDate(a.doneOn)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          aria-label={`Modifier l’action : ${a.what}`}
                          onClick={() => setEditing(a)}
                        >
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Supprimer l’action : ${a.what}`}
                          onClick={() => {
                            setRefusal(null);
                            setRemoving(a);
                          }}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Nouvelle action' : 'Modifier l’action'}
        size="lg"
        centered
        closeButtonProps={{ 'aria-label': 'Fermer' }}
      >
        {editing && (
          <ActionForm
            eventId={m.event.id}
            action={editing === 'new' ? null : editing}
            onDone={() => {
              setEditing(null);
              changed();
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
      <ConfirmModal
        opened={removing !== null}
        title="Supprimer cette action ?"
        confirmLabel="Supprimer l’action"
        error={refusal}
        loading={busy}
        onConfirm={() => void remove()}
        onClose={() => setRemoving(null)}
      >
        {removing &&
          `« ${removing.what} » (${removing.who}) sera supprimée, et retirée de « À faire ».`}
      </ConfirmModal>
    </Stack>
  );
}
