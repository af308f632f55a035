import { Anchor, Badge, Group, Stack, Tabs, Text } from '@mantine/core';
import { IconCalendarEvent, IconMapPin, IconVideo } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { Meeting } from '../../shared/api/committees';
import { COMMITTEE_NAMES, COMMITTEES } from '../../shared/domain/committees';
import { formatSpan } from '../../shared/rules/calendar';
import { NotFound } from '../app/NotFound';
import { usePageTitle } from '../app/usePageTitle';
import { useRoute } from '../api/useRoute';
import { EventStatusBadge } from '../calendar/EventBadges';
import { ExternalLink } from '../components/ExternalLink';
import { PageHeader } from '../components/PageHeader';
import { LoadError, Loading } from '../components/QueryState';
import { useRecordId } from '../components/useRecordId';
import { useTabParam } from '../components/useTabParam';
import { ActionsPanel } from './ActionsPanel';
import { AgendaPanel } from './AgendaPanel';
import { AttendancePanel } from './AttendancePanel';
import { MinutesStatusBadge } from './badges';
import { DecisionsPanel } from './DecisionsPanel';
import { MinutesPanel } from './MinutesPanel';

const TABS = ['ordre-du-jour', 'presences', 'compte-rendu', 'decisions', 'actions'] as const;

/** A committee meeting, from its agenda to its minutes, decisions and actions. */
export function MeetingPage() {
  const id = useRecordId();
  if (id === null) return <NotFound what="Cette réunion n’existe pas." />;
  return <MeetingDetail key={id} eventId={id} />;
}

const count = (n: number) =>
  n > 0 ? (
    <Badge size="sm" variant="light" color="gray">
      {n}
    </Badge>
  ) : null;

function MeetingDetail({ eventId }: { eventId: number }) {
  const record = useRoute('committees.meeting', { eventId });
  const meeting = record.result?.ok ? record.result.value : null;
  usePageTitle(meeting?.event.title ?? 'Réunion');
  const [tab, setTab] = useTabParam(TABS);

  if (!record.result) return <Loading label="Chargement de la réunion…" />;
  if (!record.result.ok)
    return record.result.error.code === 'NOT_FOUND' ? (
      <NotFound what={record.result.error.message} />
    ) : (
      <LoadError error={record.result.error} onRetry={record.reload} />
    );
  const m: Meeting = record.result.value;
  const marked = m.attendance.filter((l) => l.attendance !== null).length;

  return (
    <>
      <PageHeader
        back={{
          to: `/instances?onglet=${m.event.committee}`,
          label: `Retour au ${COMMITTEES[m.event.committee]}`,
        }}
        title={m.event.title}
        meta={
          <Stack gap={6}>
            <Group gap="xs">
              <Badge variant="light" color="indigo" tt="none" fw={600}>
                {COMMITTEE_NAMES[m.event.committee]}
              </Badge>
              <EventStatusBadge status={m.event.status} />
              <Text size="sm" fw={500}>
                {formatSpan(m.event.start, m.event.end)}
              </Text>
              <Group gap={4}>
                <Text size="sm" c="dimmed">
                  Compte rendu :
                </Text>
                <MinutesStatusBadge status={m.minutes.status} />
              </Group>
            </Group>
            <Group gap="lg">
              {m.event.place && (
                <Group gap={4} wrap="nowrap">
                  <IconMapPin size={16} aria-hidden />
                  <Text size="sm">{m.event.place}</Text>
                </Group>
              )}
              {m.event.videoUrl && (
                <Group gap={4} wrap="nowrap">
                  <IconVideo size={16} aria-hidden />
                  <ExternalLink href={m.event.videoUrl} />
                </Group>
              )}
              <Anchor component={Link} to={`/calendrier/${m.event.id}`} size="sm">
                <Group gap={4} component="span">
                  <IconCalendarEvent size={16} aria-hidden />
                  Voir l’évènement dans le calendrier
                </Group>
              </Anchor>
            </Group>
          </Stack>
        }
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="ordre-du-jour" rightSection={count(m.agenda.length)}>
            Ordre du jour
          </Tabs.Tab>
          <Tabs.Tab value="presences" rightSection={m.attendance.length > 0 ? count(marked) : null}>
            Présences
          </Tabs.Tab>
          <Tabs.Tab value="compte-rendu">Compte rendu</Tabs.Tab>
          <Tabs.Tab value="decisions" rightSection={count(m.decisions.length)}>
            Décisions
          </Tabs.Tab>
          <Tabs.Tab value="actions" rightSection={count(m.actions.length)}>
            Actions
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="ordre-du-jour">
          <AgendaPanel meeting={m} onChanged={record.reload} />
        </Tabs.Panel>
        <Tabs.Panel value="presences">
          <AttendancePanel
            key={m.attendance
              .map((l) => `${l.member.id}:${l.attendance}:${l.representedByMemberId}`)
              .join()}
            meeting={m}
            onChanged={record.reload}
          />
        </Tabs.Panel>
        <Tabs.Panel value="compte-rendu">
          <MinutesPanel meeting={m} onChanged={record.reload} />
        </Tabs.Panel>
        <Tabs.Panel value="decisions">
          <DecisionsPanel meeting={m} onChanged={record.reload} />
        </Tabs.Panel>
        <Tabs.Panel value="actions">
          <ActionsPanel meeting={m} onChanged={record.reload} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
