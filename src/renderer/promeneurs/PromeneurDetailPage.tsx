import { Group, SimpleGrid, Tabs, Text } from '@mantine/core';
import { JOBS } from '../../shared/domain/directory';
import { NotFound } from '../app/NotFound';
import { usePageTitle } from '../app/usePageTitle';
import { useRoute } from '../api/useRoute';
import { labelOf } from '../components/options';
import { PageHeader } from '../components/PageHeader';
import { LoadError, Loading } from '../components/QueryState';
import { RecordActions } from '../components/RecordActions';
import { RecordFooter } from '../components/RecordFooter';
import { ArchivedBadge, PromeneurStatusBadge } from '../components/StatusBadge';
import { listPath } from '../components/useSearchState';
import { useRecordId } from '../components/useRecordId';
import { HistoryPanel } from '../history/HistoryPanel';
import { PromeneurEvents } from './PromeneurEvents';
import { PromeneurSections } from './PromeneurSections';

export function PromeneurDetailPage() {
  const id = useRecordId();
  if (id === null) return <NotFound what="Ce Promeneur n’existe pas." />;
  return <PromeneurDetail key={id} id={id} />;
}

function PromeneurDetail({ id }: { id: number }) {
  const record = useRoute('promeneurs.get', { id });
  const promeneur = record.result?.ok ? record.result.value : null;
  usePageTitle(promeneur ? `${promeneur.firstName} ${promeneur.lastName}` : 'Promeneur');

  if (!record.result) return <Loading label="Chargement de la fiche…" />;
  if (!record.result.ok)
    return record.result.error.code === 'NOT_FOUND' ? (
      <NotFound what="Ce Promeneur n’existe pas." />
    ) : (
      <LoadError error={record.result.error} onRetry={record.reload} />
    );
  const p = record.result.value;
  const name = `${p.firstName} ${p.lastName}`;

  return (
    <>
      <PageHeader
        back={{ to: listPath('/promeneurs'), label: 'Tous les Promeneurs' }}
        title={name}
        meta={
          <Group gap="xs">
            <PromeneurStatusBadge status={p.status} />
            {p.archivedAt && <ArchivedBadge />}
            <Text size="sm" c="dimmed">
              {labelOf(JOBS, p.job)} · {p.structureName}
            </Text>
          </Group>
        }
        actions={
          <RecordActions
            kind="promeneurs"
            id={p.id}
            archived={!!p.archivedAt}
            onChanged={record.reload}
            texts={{
              archived:
                'Promeneur archivé. Il n’apparaît plus dans les listes ; « Restaurer » le fait revenir.',
              restored: 'Promeneur restauré.',
              removed: 'Promeneur supprimé.',
              removeTitle: 'Supprimer ce Promeneur ?',
              removeBody: `La fiche de ${name} sera supprimée définitivement. Cette action ne peut pas être annulée. Pour la retirer des listes sans la perdre, archivez-la plutôt.`,
            }}
          />
        }
      />
      <Tabs defaultValue="fiche" keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="fiche">Fiche</Tabs.Tab>
          <Tabs.Tab value="evenements">Formations et rencontres</Tabs.Tab>
          <Tabs.Tab value="historique">Historique</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="fiche">
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <PromeneurSections promeneur={p} />
          </SimpleGrid>
          <RecordFooter createdAt={p.createdAt} updatedAt={p.updatedAt} />
        </Tabs.Panel>
        <Tabs.Panel value="evenements">
          <PromeneurEvents promeneurId={p.id} />
        </Tabs.Panel>
        <Tabs.Panel value="historique">
          <HistoryPanel entity="promeneur" id={p.id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
