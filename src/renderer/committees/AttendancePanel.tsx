import { Alert, Anchor, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconCheck, IconUsersGroup } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Meeting } from '../../shared/api/committees';
import {
  COMMITTEES,
  MEETING_ATTENDANCES,
  MEMBER_ROLES,
  ORGANISATION_KINDS,
  SEATS,
  type MeetingAttendance,
} from '../../shared/domain/committees';
import { quorumOf, type AttendanceMark } from '../../shared/rules/committees';
import { invoke } from '../api/client';
import { plural } from '../components/format';
import { notifySuccess } from '../components/notify';
import { optionsOf } from '../components/options';

interface Props {
  meeting: Meeting;
  onChanged: () => void;
}

interface Mark {
  attendance: MeetingAttendance | null;
  representedByMemberId: number | null;
}

/** « Présences »: each member present, excused, represented (by whom) or absent; the quorum. */
export function AttendancePanel({ meeting: m, onChanged }: Props) {
  const saved = useMemo(
    () =>
      new Map<number, Mark>(
        m.attendance.map((l) => [
          l.member.id,
          { attendance: l.attendance, representedByMemberId: l.representedByMemberId },
        ]),
      ),
    [m.attendance],
  );
  const [draft, setDraft] = useState<Map<number, Mark>>(saved);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const changed = m.attendance.filter((l) => {
    const a = draft.get(l.member.id)!;
    const b = saved.get(l.member.id)!;
    return a.attendance !== b.attendance || a.representedByMemberId !== b.representedByMemberId;
  });
  const quorum = quorumOf(
    m.quorum?.required ?? null,
    m.attendance.map((l) => l.member),
    new Map(
      [...draft.entries()]
        .filter(([, mark]) => mark.attendance !== null)
        .map(([id, mark]) => [id, mark as AttendanceMark]),
    ),
  );

  const update = (memberId: number, mark: Mark) => setDraft((d) => new Map(d).set(memberId, mark));

  const save = async () => {
    setSaving(true);
    setError(null);
    const result = await invoke('committees.attendance', {
      eventId: m.event.id,
      marks: changed.map((l) => ({ memberId: l.member.id, ...draft.get(l.member.id)! })),
    });
    setSaving(false);
    if (!result.ok) return setError(result.error.message);
    notifySuccess('Présences enregistrées.');
    onChanged();
  };

  if (m.attendance.length === 0)
    return (
      <Alert
        variant="light"
        color="blue"
        icon={<IconUsersGroup aria-hidden />}
        title="Aucun membre à cette date"
      >
        Les présences se saisissent pour les membres de l’instance dont le mandat couvre le jour de
        la réunion.{' '}
        <Anchor component={Link} to={`/instances?onglet=${m.event.committee}`} size="sm">
          Ajouter les membres du {COMMITTEES[m.event.committee]}
        </Anchor>
      </Alert>
    );

  const names = new Map(m.attendance.map((l) => [l.member.id, l.member.name]));
  return (
    <Stack gap="md">
      {quorum && (
        <Alert
          variant="light"
          color={quorum.reached ? 'teal' : 'orange'}
          title={quorum.reached ? 'Quorum atteint' : 'Quorum non atteint'}
          role="status"
          data-testid="quorum"
        >
          {plural(quorum.present, 'siège tenu', 'sièges tenus')} sur {quorum.required} requis
          (titulaires présents ou représentés, ou leur suppléant présent ; les invités ne comptent
          pas).
        </Alert>
      )}
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing={6} aria-label="Présences des membres">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Membre</Table.Th>
              <Table.Th>Rôle</Table.Th>
              <Table.Th w={190}>Présence</Table.Th>
              <Table.Th w={240}>Représenté·e par</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {m.attendance.map(({ member }) => {
              const mark = draft.get(member.id)!;
              return (
                <Table.Tr key={member.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {member.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {member.organisation ?? ORGANISATION_KINDS[member.organisationKind]}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{MEMBER_ROLES[member.role]}</Text>
                    <Text size="xs" c="dimmed">
                      {member.seat === 'suppleant' && member.substituteOfName
                        ? `${SEATS.suppleant} de ${member.substituteOfName}`
                        : SEATS[member.seat]}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`Présence de ${member.name}`}
                      placeholder="Non saisie"
                      data={optionsOf(MEETING_ATTENDANCES)}
                      value={mark.attendance}
                      onChange={(value) =>
                        update(member.id, {
                          attendance: value as MeetingAttendance | null,
                          representedByMemberId:
                            value === 'represente' ? mark.representedByMemberId : null,
                        })
                      }
                      clearable
                    />
                  </Table.Td>
                  <Table.Td>
                    {mark.attendance === 'represente' ? (
                      <Select
                        aria-label={`Représentant de ${member.name}`}
                        placeholder="Choisir un membre…"
                        data={m.attendance
                          .filter((l) => l.member.id !== member.id)
                          .map((l) => ({ value: String(l.member.id), label: l.member.name }))}
                        value={
                          mark.representedByMemberId === null
                            ? null
                            : String(mark.representedByMemberId)
                        }
                        onChange={(value) =>
                          update(member.id, {
                            ...mark,
                            representedByMemberId: value ? Number(value) : null,
                          })
                        }
                        error={
                          mark.representedByMemberId === null
                            ? 'Indiquez qui représente ce membre.'
                            : undefined
                        }
                        searchable
                      />
                    ) : (
                      <Text size="sm" c="dimmed">
                        {mark.representedByMemberId ? names.get(mark.representedByMemberId) : '—'}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {error && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title="Les présences n’ont pas été enregistrées"
        >
          {error}
        </Alert>
      )}
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {changed.length > 0
            ? `${plural(changed.length, 'présence modifiée', 'présences modifiées')}, pas encore ${changed.length > 1 ? 'enregistrées' : 'enregistrée'}.`
            : 'Toutes les présences affichées sont enregistrées.'}
        </Text>
        <Button
          leftSection={<IconCheck size={16} aria-hidden />}
          disabled={changed.length === 0}
          loading={saving}
          onClick={() => void save()}
        >
          Enregistrer les présences
        </Button>
      </Group>
    </Stack>
  );
}
