import { Button, EmptyState, Group, Text } from '@mantine/core';
import { IconArchive, IconBuildingCommunity, IconPlus, IconUpload } from '@tabler/icons-react';
import { useNavigate } from 'react-router-dom';
import { usePageTitle } from '../app/usePageTitle';
import { useRoute } from '../api/useRoute';
import { plural } from '../components/format';
import { PageHeader } from '../components/PageHeader';
import { ListCount, NoMatch } from '../components/ListStates';
import { LoadError, Loading } from '../components/QueryState';
import { useSearchState } from '../components/useSearchState';
import { isFiltered, structureQueryFrom } from './listQuery';
import { StructureFilters } from './StructureFilters';
import { StructuresTable } from './StructuresTable';

export function StructuresListPage() {
  usePageTitle('Structures');
  const navigate = useNavigate();
  const { params, update } = useSearchState();
  const query = structureQueryFrom(params);
  const list = useRoute('structures.list', query);
  const territories = useRoute('structures.territories', {});
  const territoryNames = territories.result?.ok ? territories.result.value : [];
  const create = () => navigate('/structures/new');

  const clearFilters = () => update({ q: null, statut: null, type: null, territoire: null });

  const body = () => {
    if (!list.result) return <Loading label="Chargement des structures…" />;
    if (!list.result.ok) return <LoadError error={list.result.error} onRetry={list.reload} />;
    const rows = list.result.value;
    if (rows.length === 0 && isFiltered(query))
      return <NoMatch title="Aucune structure ne correspond" onClear={clearFilters} />;
    if (rows.length === 0 && query.archived)
      return (
        <EmptyState
          mt="xl"
          icon={<IconArchive size={32} aria-hidden />}
          withIndicatorBackground
          title="Aucune structure archivée"
          description="Archiver une structure (depuis sa fiche) la retire des listes sans rien effacer ; elle apparaît alors ici."
        >
          <EmptyState.Actions>
            <Button variant="light" onClick={() => update({ archivees: null })}>
              Revenir à la liste
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      );
    if (rows.length === 0)
      return (
        <EmptyState
          mt="xl"
          icon={<IconBuildingCommunity size={32} aria-hidden />}
          variant="light"
          title="Aucune structure pour l’instant"
          description="Ajoutez les structures porteuses de votre réseau (centres sociaux, MJC, missions locales…) ; vous pourrez ensuite y rattacher leurs Promeneurs du Net. Déjà dans un tableau Excel ou CSV ? « Importer un fichier » les reprend, avec leurs Promeneurs."
        >
          <EmptyState.Actions>
            <Button
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={create}
            >
              Ajouter une structure
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      );
    return (
      <>
        <ListCount
          loading={list.loading}
          text={
            query.archived
              ? plural(rows.length, 'structure archivée', 'structures archivées')
              : plural(rows.length, 'structure', 'structures')
          }
        />
        <StructuresTable
          rows={rows}
          query={query}
          onSort={(tri, ordre) => update({ tri, ordre: ordre === 'desc' ? 'desc' : null })}
        />
      </>
    );
  };

  return (
    <>
      <PageHeader
        title="Structures"
        meta={
          <Text c="dimmed" size="sm">
            Les structures porteuses et employeuses des Promeneurs du Net.
          </Text>
        }
        actions={
          <Group>
            <Button
              variant="default"
              leftSection={<IconUpload size={16} aria-hidden />}
              onClick={() => navigate('/structures/importer')}
            >
              Importer un fichier
            </Button>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={create}>
              Nouvelle structure
            </Button>
          </Group>
        }
      />
      <StructureFilters query={query} territories={territoryNames} onChange={update} />
      {body()}
    </>
  );
}
