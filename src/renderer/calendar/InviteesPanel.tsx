import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconChecks,
  IconDeviceFloppy,
  IconUserMinus,
  IconUserPlus,
  IconUsers,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { CalendarEvent, Invitee } from '../../shared/api/calendar';
import { INVITEE_KINDS, type Attendance } from '../../shared/domain/calendar';
import { invoke } from '../api/client';
import { ConfirmModal } from '../components/ConfirmModal';
import { plural } from '../components/format';
import { LeaveGuard } from '../components/LeaveGuard';
import { notifyError, notifySuccess } from '../components/notify';
import { labelOf } from '../components/options';
import { useRemoval } from '../components/useRemoval';
import { todoChanged } from '../todo/todoEvents';
import { InviteForm } from './InviteForm';
import { StillLacking } from './StillLacking';

const NONE = 'none';
const CHOICES = [
  { value: 'present', label: 'Présent' },
  { value: 'excuse', label: 'Excusé' },
  { value: 'absent', label: 'Absent' },
  {
    value: NONE,
    label: (
      <>
        <span aria-hidden>—</span>
        <VisuallyHidden>Non saisie</VisuallyHidden>
      </>
    ),
  },
];

type Marks = Record<number, Attendance | null>;

/**
 * The invitees and their attendance, recorded quickly from one list: a choice per person
 * (or « Tous présents », then the exceptions), saved in one go.
 */
export function InviteesPanel({
  event: e,
  onChanged,
}: {
  event: CalendarEvent;
  onChanged: () => void;
}) {
  // Only what was changed and not saved yet; the rest is the recorded attendance. A draft
  // belongs to one version of the event: once it is read again (saved, someone invited),
  // the recorded attendance shows, and nothing flickers back while the answer travels.
  const [draftOf, setDraftOf] = useState<{ version: string; marks: Marks }>({
    version: e.updatedAt,
    marks: {},
  });
  const draft = draftOf.version === e.updatedAt ? draftOf.marks : {};
  const setDraft = (change: (marks: Marks) => Marks) =>
    setDraftOf((d) => ({
      version: e.updatedAt,
      marks: change(d.version === e.updatedAt ? d.marks : {}),
    }));
  const [inviting, setInviting] = useState(false);
  const [saving, setSaving] = useState(false);
  const removal = useRemoval<Invitee>({
    remove: (i) => invoke('calendar.uninvite', { id: i.id }),
    removed: (i) => `${i.name} ne fait plus partie des invités.`,
    onRemoved: onChanged,
  });

  const shown = (i: Invitee): Attendance | null =>
    Object.prototype.hasOwnProperty.call(draft, i.id) ? draft[i.id]! : i.attendance;
  const changed = e.invitees.filter((i) => shown(i) !== i.attendance);
  const count = (a: Attendance | null) => e.invitees.filter((i) => shown(i) === a).length;

  const mark = (i: Invitee, value: string) =>
    setDraft((d) => ({ ...d, [i.id]: value === NONE ? null : (value as Attendance) }));

  const save = async () => {
    setSaving(true);
    const result = await invoke('calendar.attendance', {
      eventId: e.id,
      marks: e.invitees.map((i) => ({ inviteeId: i.id, attendance: shown(i) })),
    });
    setSaving(false);
    if (!result.ok) return notifyError(result.error, 'Présences non enregistrées');
    const complete = e.invitees.every((i) => shown(i) !== null);
    notifySuccess(
      complete && e.status === 'prevu'
        ? 'Pensez à marquer l’évènement comme tenu.'
        : 'Les présences sont à jour.',
      'Présences enregistrées',
    );
    todoChanged();
    onChanged();
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Group gap="xs" aria-label="Décompte des présences" role="group">
          <Badge variant="light" color="gray" size="lg" tt="none">
            {plural(e.invitees.length, 'invité', 'invités')}
          </Badge>
          <Badge variant="light" color="teal" size="lg" tt="none">
            {plural(count('present'), 'présent', 'présents')}
          </Badge>
          <Badge variant="light" color="yellow" size="lg" tt="none">
            {plural(count('excuse'), 'excusé', 'excusés')}
          </Badge>
          <Badge variant="light" color="red" size="lg" tt="none">
            {plural(count('absent'), 'absent', 'absents')}
          </Badge>
          {count(null) > 0 && e.invitees.length > 0 && (
            <Badge variant="outline" color="gray" size="lg" tt="none">
              {count(null)} non saisi{count(null) > 1 ? 's' : ''}
            </Badge>
          )}
        </Group>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconUserPlus size={16} aria-hidden />}
            onClick={() => setInviting(true)}
          >
            Inviter
          </Button>
          {e.invitees.length > 0 && (
            <>
              <Button
                variant="default"
                leftSection={<IconChecks size={16} aria-hidden />}
                onClick={() =>
                  setDraft(() => Object.fromEntries(e.invitees.map((i) => [i.id, 'present'])))
                }
              >
                Tous présents
              </Button>
              <Button
                leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                loading={saving}
                disabled={changed.length === 0}
                onClick={() => void save()}
              >
                Enregistrer les présences
              </Button>
            </>
          )}
        </Group>
      </Group>
      {changed.length > 0 && (
        <Text size="sm" c="orange.8" role="status">
          {plural(changed.length, 'présence modifiée', 'présences modifiées')}, pas encore
          enregistrée{changed.length > 1 ? 's' : ''}.
        </Text>
      )}

      {e.invitees.length === 0 ? (
        <EmptyState
          icon={<IconUsers size={32} aria-hidden />}
          withIndicatorBackground
          title="Personne n’est encore invité"
          description="Invitez des Promeneurs (un par un, par structure ou tous les actifs), des membres des équipes et des invités extérieurs : la feuille d’émargement les reprendra."
        >
          <EmptyState.Actions>
            <Button variant="light" onClick={() => setInviting(true)}>
              Inviter des personnes
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" aria-label="Invités et présences" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Nom</Table.Th>
                <Table.Th>Structure ou organisme</Table.Th>
                <Table.Th>Qualité</Table.Th>
                <Table.Th>Présence</Table.Th>
                <Table.Th w={48}>
                  <VisuallyHidden>Retirer</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {e.invitees.map((i) => (
                <Table.Tr key={i.id} data-invitee={i.name}>
                  <Table.Td>
                    {i.promeneurId ? (
                      <Anchor
                        component={Link}
                        to={`/promeneurs/${i.promeneurId}`}
                        size="sm"
                        fw={500}
                      >
                        {i.name}
                      </Anchor>
                    ) : (
                      <Text size="sm" fw={500}>
                        {i.name}
                      </Text>
                    )}
                    {i.email && (
                      <Text size="xs" c="dimmed">
                        {i.email}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{i.organisation ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {labelOf(INVITEE_KINDS, i.kind)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <SegmentedControl
                      size="xs"
                      aria-label={`Présence de ${i.name}`}
                      data={CHOICES}
                      value={shown(i) ?? NONE}
                      onChange={(value) => mark(i, value)}
                      color={
                        shown(i) === 'present'
                          ? 'teal'
                          : shown(i) === 'absent'
                            ? 'red'
                            : shown(i) === 'excuse'
                              ? 'yellow'
                              : undefined
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Retirer ${i.name} des invités`}
                      onClick={() => removal.ask(i)}
                    >
                      <IconUserMinus size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {e.type === 'formation' && <StillLacking event={e} onInvited={onChanged} />}

      <Modal
        opened={inviting}
        onClose={() => setInviting(false)}
        title="Inviter"
        size="lg"
        closeButtonProps={{ 'aria-label': 'Fermer' }}
      >
        {inviting && (
          <InviteForm
            event={e}
            onDone={() => {
              setInviting(false);
              onChanged();
            }}
            onCancel={() => setInviting(false)}
          />
        )}
      </Modal>
      <ConfirmModal
        {...removal.confirmProps}
        title="Retirer cette personne des invités ?"
        confirmLabel="Retirer"
      >
        {removal.target &&
          `${removal.target.name} ne figurera plus parmi les invités ni sur la feuille d’émargement${removal.target.attendance ? ', et sa présence enregistrée sera effacée' : ''}.`}
      </ConfirmModal>
      <LeaveGuard shouldBlock={() => changed.length > 0 && !saving} />
    </Stack>
  );
}
