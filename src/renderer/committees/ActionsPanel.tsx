import { Button, EmptyState, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import type { Action, Meeting } from '../../shared/api/committees';
import { formatDate } from '../../shared/rules/dates';
import { invoke } from '../api/client';
import { ConfirmModal } from '../components/ConfirmModal';
import { EditModal } from '../components/EditModal';
import { RowActions } from '../components/RowActions';
import { useEditRemove } from '../components/useEditRemove';
import { todoChanged } from '../todo/todoEvents';
import { ActionStatusBadge } from './badges';
import { ActionForm } from './ActionForm';

interface Props {
  meeting: Meeting;
  onChanged: () => void;
}

/** « Actions »: who does what by when; open ones go to « À faire » and the next agenda. */
export function ActionsPanel({ meeting: m, onChanged }: Props) {
  const records = useEditRemove<Action>({
    onChanged: () => {
      todoChanged();
      onChanged();
    },
    remove: (a) => invoke('committees.actions.remove', { id: a.id }),
    removed: 'Action supprimée.',
  });

  const add = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => records.edit('new')}>
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
                      <RowActions
                        editLabel={`Modifier l’action : ${a.what}`}
                        removeLabel={`Supprimer l’action : ${a.what}`}
                        onEdit={() => records.edit(a)}
                        onRemove={() => records.askRemove(a)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      <EditModal
        editing={records.editing}
        onClose={records.closeEdit}
        newTitle="Nouvelle action"
        editTitle="Modifier l’action"
        size="lg"
      >
        {(action) => (
          <ActionForm
            eventId={m.event.id}
            action={action}
            onDone={records.saved}
            onCancel={records.closeEdit}
          />
        )}
      </EditModal>
      <ConfirmModal
        {...records.confirmProps}
        title="Supprimer cette action ?"
        confirmLabel="Supprimer l’action"
      >
        {records.removing &&
          `« ${records.removing.what} » (${records.removing.who}) sera supprimée, et retirée de « À faire ».`}
      </ConfirmModal>
    </Stack>
  );
}
