import { Alert, Anchor, Badge, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { IconGavel, IconMapPin, IconVideo } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { formatSpan } from '../../shared/rules/calendar';
import { NotFound } from '../app/NotFound';
import { usePageTitle } from '../app/usePageTitle';
import { useRoute } from '../api/useRoute';
import { ExternalLink } from '../components/ExternalLink';
import { PageHeader } from '../components/PageHeader';
import { LoadError, Loading } from '../components/QueryState';
import { RecordFooter } from '../components/RecordFooter';
import { listPath } from '../components/useSearchState';
import { useRecordId } from '../components/useRecordId';
import { useTabParam } from '../components/useTabParam';
import { HistoryPanel } from '../history/HistoryPanel';
import { EventActions } from './EventActions';
import { EventStatusBadge, EventTypeBadge } from './EventBadges';
import { InviteesPanel } from './InviteesPanel';

const TABS = ['invites', 'historique'];

export function EventDetailPage() {
  const id = useRecordId();
  if (id === null) return <NotFound what="Cet évènement n’existe pas." />;
  return <EventDetail key={id} id={id} />;
}

function EventDetail({ id }: { id: number }) {
  const record = useRoute('calendar.get', { id });
  const event = record.result?.ok ? record.result.value : null;
  usePageTitle(event?.title ?? 'Évènement');
  const [tab, setTab] = useTabParam(TABS);

  if (!record.result) return <Loading label="Chargement de l’évènement…" />;
  if (!record.result.ok)
    return record.result.error.code === 'NOT_FOUND' ? (
      <NotFound what="Cet évènement n’existe pas." />
    ) : (
      <LoadError error={record.result.error} onRetry={record.reload} />
    );
  const e = record.result.value;
  const present = e.invitees.filter((i) => i.attendance === 'present').length;

  return (
    <>
      <PageHeader
        back={{ to: listPath('/calendrier'), label: 'Retour au calendrier' }}
        title={e.title}
        meta={
          <Stack gap={6}>
            <Group gap="xs">
              <EventTypeBadge type={e.type} />
              <EventStatusBadge status={e.status} />
              <Text
                size="sm"
                fw={500}
                style={{ textDecoration: e.status === 'annule' ? 'line-through' : undefined }}
              >
                {formatSpan(e.start, e.end)}
              </Text>
              {e.seriesId && (
                <Badge variant="outline" color="gray" tt="none" fw={500}>
                  Fait partie d’une série
                </Badge>
              )}
              {e.imported && (
                <Badge variant="outline" color="gray" tt="none" fw={500}>
                  Importé d’un autre calendrier
                </Badge>
              )}
            </Group>
            {(e.place || e.videoUrl) && (
              <Group gap="lg">
                {e.place && (
                  <Group gap={4} wrap="nowrap">
                    <IconMapPin size={16} aria-hidden />
                    <Text size="sm">
                      <Text span size="sm" c="dimmed">
                        Lieu :{' '}
                      </Text>
                      {e.place}
                    </Text>
                  </Group>
                )}
                {e.videoUrl && (
                  <Group gap={4} wrap="nowrap">
                    <IconVideo size={16} aria-hidden />
                    <Text span size="sm" c="dimmed">
                      Visioconférence :
                    </Text>
                    <ExternalLink href={e.videoUrl} />
                  </Group>
                )}
              </Group>
            )}
          </Stack>
        }
        actions={<EventActions event={e} onChanged={record.reload} />}
      />
      {(e.type === 'copil' || e.type === 'cotech') && (
        <Alert
          mb="lg"
          variant="light"
          color="indigo"
          icon={<IconGavel aria-hidden />}
          title={`Réunion du ${e.type === 'copil' ? 'COPIL' : 'COTECH'}`}
        >
          <Anchor component={Link} to={`/instances/reunions/${e.id}`} size="sm">
            Ouvrir la réunion : ordre du jour, présences des membres, compte rendu, décisions et
            actions
          </Anchor>
        </Alert>
      )}
      {e.description && (
        <Paper mb="lg" p="md" aria-label="Description">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {e.description}
          </Text>
        </Paper>
      )}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab
            value="invites"
            rightSection={
              e.invitees.length > 0 ? (
                <Badge
                  size="sm"
                  variant="light"
                  color="gray"
                  aria-label={`${e.invitees.length} invités, ${present} présents`}
                >
                  {e.invitees.length}
                </Badge>
              ) : null
            }
          >
            Invités et présences
          </Tabs.Tab>
          <Tabs.Tab value="historique">Historique</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="invites">
          <InviteesPanel event={e} onChanged={record.reload} />
        </Tabs.Panel>
        <Tabs.Panel value="historique">
          <HistoryPanel entity="event" id={e.id} />
        </Tabs.Panel>
      </Tabs>
      <RecordFooter createdAt={e.createdAt} updatedAt={e.updatedAt} />
    </>
  );
}
