import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { formatSpan } from '../../shared/rules/calendar';
import { useRoute } from '../api/useRoute';
import { plural } from '../components/format';
import { LoadError, Loading } from '../components/QueryState';
import { AttendanceBadge, EventStatusBadge, EventTypeBadge } from '../calendar/EventBadges';

/** The trainings and meetings a Promeneur was invited to, newest first, with attendance. */
export function PromeneurEvents({ promeneurId }: { promeneurId: number }) {
  const events = useRoute('calendar.forPromeneur', { promeneurId });
  if (!events.result) return <Loading label="Chargement des formations et rencontres…" />;
  if (!events.result.ok) return <LoadError error={events.result.error} onRetry={events.reload} />;
  const rows = events.result.value;
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Ce Promeneur n’a été invité à aucune formation ni rencontre du calendrier.
      </Text>
    );
  const attended = rows.filter((r) => r.attendance === 'present').length;
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {plural(rows.length, 'invitation', 'invitations')}, dont{' '}
        {plural(attended, 'présence', 'présences')}.
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" aria-label="Formations et rencontres">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={230}>Date</Table.Th>
              <Table.Th w={200}>Type</Table.Th>
              <Table.Th>Évènement</Table.Th>
              <Table.Th w={130}>Présence</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Text size="sm">{formatSpan(r.start, r.end)}</Text>
                </Table.Td>
                <Table.Td>
                  <EventTypeBadge type={r.type} />
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/calendrier/${r.id}`} size="sm" fw={500}>
                    {r.title}
                  </Anchor>
                  {r.status !== 'tenu' && (
                    <div>
                      <EventStatusBadge status={r.status} />
                    </div>
                  )}
                </Table.Td>
                <Table.Td>
                  <AttendanceBadge attendance={r.attendance} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
