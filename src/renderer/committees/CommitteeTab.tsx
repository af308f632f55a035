import { Anchor, Button, EmptyState, Stack, Table, Text } from '@mantine/core';
import { IconCalendarPlus, IconUsersGroup } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { COMMITTEE_NAMES, type Committee } from '../../shared/domain/committees';
import { formatDate } from '../../shared/rules/dates';
import { useRoute } from '../api/useRoute';
import { EventStatusBadge } from '../calendar/EventBadges';
import { plural } from '../components/format';
import { Section } from '../components/FormSection';
import { LoadError, Loading } from '../components/QueryState';
import { MinutesStatusBadge } from './badges';
import { MembersSection } from './MembersSection';
import { RulesSection } from './RulesSection';

/** One committee: its meetings (from the calendar), its members, its written rules. */
export function CommitteeTab({ committee }: { committee: Committee }) {
  const details = useRoute('committees.get', { committee });
  if (!details.result) return <Loading label="Chargement de l’instance…" />;
  if (!details.result.ok)
    return <LoadError error={details.result.error} onRetry={details.reload} />;
  const c = details.result.value;
  return (
    <Stack gap="lg">
      <MeetingsSection committee={committee} />
      <MembersSection committee={committee} members={c.members} onChanged={details.reload} />
      <RulesSection
        committee={committee}
        rules={c.rules}
        quorum={c.quorum}
        onChanged={details.reload}
      />
    </Stack>
  );
}

function MeetingsSection({ committee }: { committee: Committee }) {
  const meetings = useRoute('committees.meetings', { committee });
  const plan = (
    <Button
      size="xs"
      variant="light"
      component={Link}
      to={`/calendrier/nouveau?type=${committee}`}
      leftSection={<IconCalendarPlus size={14} aria-hidden />}
    >
      Planifier une réunion
    </Button>
  );
  const body = () => {
    if (!meetings.result) return <Loading label="Chargement des réunions…" />;
    if (!meetings.result.ok)
      return <LoadError error={meetings.result.error} onRetry={meetings.reload} />;
    const rows = meetings.result.value;
    if (rows.length === 0)
      return (
        <EmptyState
          icon={<IconUsersGroup size={28} aria-hidden />}
          withIndicatorBackground
          title="Aucune réunion au calendrier"
          description={`Les réunions du ${COMMITTEE_NAMES[committee]} sont des évènements du calendrier : planifiez la prochaine, puis préparez son ordre du jour ici.`}
        >
          <EmptyState.Actions>{plan}</EmptyState.Actions>
        </EmptyState>
      );
    return (
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing={6} aria-label={`Réunions du ${COMMITTEE_NAMES[committee]}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Réunion</Table.Th>
              <Table.Th>Évènement</Table.Th>
              <Table.Th>Compte rendu</Table.Th>
              <Table.Th ta="right">Décisions</Table.Th>
              <Table.Th ta="right">Actions ouvertes</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((m) => (
              <Table.Tr key={m.eventId}>
                <Table.Td>{formatDate(m.start)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/instances/reunions/${m.eventId}`} size="sm">
                    {m.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {m.agendaItems > 0
                      ? `Ordre du jour : ${plural(m.agendaItems, 'point', 'points')}`
                      : 'Ordre du jour à préparer'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <EventStatusBadge status={m.status} />
                </Table.Td>
                <Table.Td>
                  {m.status === 'annule' ? '—' : <MinutesStatusBadge status={m.minutesStatus} />}
                </Table.Td>
                <Table.Td ta="right">{m.decisions}</Table.Td>
                <Table.Td ta="right">{m.openActions}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  };
  return (
    <Section
      title="Réunions"
      description="Chaque réunion est un évènement du calendrier ; ouvrez-la pour son ordre du jour, les présences, le compte rendu, les décisions et les actions."
      aside={plan}
    >
      {body()}
    </Section>
  );
}
