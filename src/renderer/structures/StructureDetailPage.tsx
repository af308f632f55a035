import { Group, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { NotFound } from '../app/NotFound';
import { usePageTitle } from '../app/usePageTitle';
import { useRoute } from '../api/useRoute';
import { PageHeader } from '../components/PageHeader';
import { LoadError, Loading } from '../components/QueryState';
import { RecordActions } from '../components/RecordActions';
import { RecordFooter } from '../components/RecordFooter';
import { ArchivedBadge, StructureStatusBadge } from '../components/StatusBadge';
import { listPath } from '../components/useSearchState';
import { useRecordId } from '../components/useRecordId';
import { HistoryPanel } from '../history/HistoryPanel';
import { STRUCTURE_TYPES } from '../../shared/domain/directory';
import { labelOf } from '../components/options';
import { StructureSections } from './StructureSections';

export function StructureDetailPage() {
  const id = useRecordId();
  if (id === null) return <NotFound what="Cette structure n’existe pas." />;
  return <StructureDetail key={id} id={id} />;
}

function StructureDetail({ id }: { id: number }) {
  const record = useRoute('structures.get', { id });
  const structure = record.result?.ok ? record.result.value : null;
  usePageTitle(structure?.name ?? 'Structure');

  if (!record.result) return <Loading label="Chargement de la structure…" />;
  if (!record.result.ok)
    return record.result.error.code === 'NOT_FOUND' ? (
      <NotFound what="Cette structure n’existe pas." />
    ) : (
      <LoadError error={record.result.error} onRetry={record.reload} />
    );
  const s = record.result.value;

  return (
    <>
      <PageHeader
        back={{ to: listPath('/structures'), label: 'Toutes les structures' }}
        title={s.name}
        meta={
          <Group gap="xs">
            <StructureStatusBadge status={s.networkStatus} />
            {s.archivedAt && <ArchivedBadge feminine />}
            <Text size="sm" c="dimmed">
              {labelOf(STRUCTURE_TYPES, s.type)}
              {s.commune ? ` · ${s.commune}` : ''}
            </Text>
          </Group>
        }
        actions={
          <RecordActions
            kind="structures"
            id={s.id}
            archived={!!s.archivedAt}
            onChanged={record.reload}
            texts={{
              archived:
                'Structure archivée. Elle n’apparaît plus dans les listes ; « Restaurer » la fait revenir.',
              restored: 'Structure restaurée.',
              removed: 'Structure supprimée.',
              removeTitle: 'Supprimer cette structure ?',
              removeBody: (
                <Stack gap="xs">
                  <span>
                    La fiche « {s.name} » sera supprimée définitivement. Cette action ne peut pas
                    être annulée.
                  </span>
                  <span>Pour la retirer des listes sans la perdre, archivez-la plutôt.</span>
                </Stack>
              ),
            }}
          />
        }
      />
      <Tabs defaultValue="fiche" keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="fiche">Fiche</Tabs.Tab>
          <Tabs.Tab value="historique">Historique</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="fiche">
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <StructureSections structure={s} />
          </SimpleGrid>
          <RecordFooter createdAt={s.createdAt} updatedAt={s.updatedAt} />
        </Tabs.Panel>
        <Tabs.Panel value="historique">
          <HistoryPanel entity="structure" id={s.id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
