import { Badge, Button, EmptyState, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileTypePdf, IconListNumbers, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { AgendaItem, Meeting } from '../../shared/api/committees';
import { agendaMinutes } from '../../shared/rules/committees';
import { formatDate } from '../../shared/rules/dates';
import { invoke } from '../api/client';
import { ConfirmModal } from '../components/ConfirmModal';
import { EditModal } from '../components/EditModal';
import { formatHours } from '../components/format';
import { notifyError } from '../components/notify';
import { MoveButtons, RowActions } from '../components/RowActions';
import { useEditRemove } from '../components/useEditRemove';
import { AgendaItemForm } from './AgendaItemForm';
import { ActionStatusBadge } from './badges';
import { PdfPreview } from './PdfPreview';

interface Props {
  meeting: Meeting;
  onChanged: () => void;
}

const minutesLabel = (minutes: number) =>
  minutes < 60 ? `${minutes} min` : formatHours(minutes / 60);

/** « Ordre du jour »: the ordered points, the follow-up of earlier actions first. */
export function AgendaPanel({ meeting: m, onChanged }: Props) {
  const records = useEditRemove<AgendaItem>({
    onChanged,
    // Only stored points (with an id) offer « Retirer ».
    remove: (item) => invoke('committees.agenda.remove', { id: item.id! }),
    removed: 'Point retiré de l’ordre du jour.',
  });
  const [pack, setPack] = useState(false);
  const stored = m.agenda.filter((i) => i.id !== null);
  const total = agendaMinutes(m.agenda);

  const move = async (item: AgendaItem, direction: 'up' | 'down') => {
    const result = await invoke('committees.agenda.move', { id: item.id!, direction });
    if (!result.ok) return notifyError(result.error);
    onChanged();
  };

  const add = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => records.edit('new')}>
      Ajouter un point
    </Button>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {m.agenda.length === 0
            ? 'Aucun point pour l’instant.'
            : `${m.agenda.length} point${m.agenda.length > 1 ? 's' : ''}${total > 0 ? `, durée prévue ${minutesLabel(total)}` : ''}.`}
          {m.previous &&
            ` Réunion précédente : ${m.previous.title} du ${formatDate(m.previous.start)}.`}
        </Text>
        <Group gap="sm">
          <Button
            variant="light"
            leftSection={<IconFileTypePdf size={16} aria-hidden />}
            onClick={() => setPack(true)}
          >
            Dossier de préparation (PDF)
          </Button>
          {add}
        </Group>
      </Group>

      {m.agenda.length === 0 ? (
        <EmptyState
          icon={<IconListNumbers size={28} aria-hidden />}
          withIndicatorBackground
          title="L’ordre du jour est à préparer"
          description="Ajoutez les points dans l’ordre où ils seront traités, avec qui les présente et la durée prévue. Les actions encore ouvertes des réunions précédentes s’ajoutent d’elles-mêmes en premier point."
        >
          <EmptyState.Actions>{add}</EmptyState.Actions>
        </EmptyState>
      ) : (
        <Stack
          gap="sm"
          component="ol"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-label="Ordre du jour"
        >
          {m.agenda.map((item) => {
            const index = stored.findIndex((s) => s.id === item.id);
            return (
              <Paper key={item.id ?? 'suivi'} component="li" p="md" withBorder>
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Stack gap={6}>
                    <Group gap="xs">
                      <Title order={3} fz="h5">
                        {item.position}. {item.title}
                      </Title>
                      {item.followUp && (
                        <Badge size="sm" variant="light" color="gray" tt="none">
                          Ajouté automatiquement
                        </Badge>
                      )}
                    </Group>
                    {(item.presenter || item.durationMinutes) && (
                      <Text size="sm" c="dimmed">
                        {[
                          item.presenter && `Présenté par ${item.presenter}`,
                          item.durationMinutes && minutesLabel(item.durationMinutes),
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                    )}
                    {item.links.length > 0 && (
                      <Group gap={6}>
                        {item.links.map((l) => (
                          <Badge
                            key={`${l.kind}:${l.id}`}
                            variant="outline"
                            color="gray"
                            tt="none"
                            fw={500}
                          >
                            {l.label}
                          </Badge>
                        ))}
                      </Group>
                    )}
                    {item.followUp && <FollowedActions meeting={m} />}
                  </Stack>
                  {item.id !== null && (
                    <RowActions
                      editLabel={`Modifier « ${item.title} »`}
                      removeLabel={`Retirer « ${item.title} »`}
                      onEdit={() => records.edit(item)}
                      onRemove={() => records.askRemove(item)}
                    >
                      <MoveButtons
                        name={item.title}
                        first={index === 0}
                        last={index === stored.length - 1}
                        onMove={(direction) => void move(item, direction)}
                      />
                    </RowActions>
                  )}
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}

      <EditModal
        editing={records.editing}
        onClose={records.closeEdit}
        newTitle="Nouveau point de l’ordre du jour"
        editTitle="Modifier le point"
        size="xl"
      >
        {(item) => (
          <AgendaItemForm
            eventId={m.event.id}
            item={item}
            onDone={records.saved}
            onCancel={records.closeEdit}
          />
        )}
      </EditModal>
      <ConfirmModal
        {...records.confirmProps}
        title="Retirer ce point ?"
        confirmLabel="Retirer le point"
      >
        {records.removing &&
          `« ${records.removing.title} » sera retiré de l’ordre du jour, avec ce que le compte rendu en dit.`}
      </ConfirmModal>
      <PdfPreview
        request={
          pack ? { route: 'committees.preparationPack', input: { eventId: m.event.id } } : null
        }
        title="Dossier de préparation"
        description="Pour les membres, avant la réunion : l’ordre du jour, les chiffres clés du réseau et les actions à suivre."
        onClose={() => setPack(false)}
      />
    </Stack>
  );
}

/** The earlier actions the first point follows up, as they stand now. */
function FollowedActions({ meeting: m }: { meeting: Meeting }) {
  if (m.followedActions.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Toutes les actions suivies sont closes.
      </Text>
    );
  return (
    <List size="sm" spacing={4} aria-label="Actions suivies">
      {m.followedActions.map((a) => (
        <List.Item key={a.id}>
          <Group gap={6} wrap="nowrap" align="baseline">
            <ActionStatusBadge status={a.status} overdue={a.overdue} />
            <Text size="sm">
              {a.who} : {a.what}
              {a.dueOn ? ` (échéance ${formatDate(a.dueOn)})` : ''}
              <Text span size="xs" c="dimmed">
                {' '}
                —{' '}
                {m.previous?.id === a.meeting.id
                  ? 'réunion précédente'
                  : `réunion du ${formatDate(a.meeting.start)}`}
              </Text>
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
