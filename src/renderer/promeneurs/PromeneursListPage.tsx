import { Button, EmptyState, Group, Text } from '@mantine/core';
import { IconArchive, IconPlus, IconUpload, IconUsers } from '@tabler/icons-react';
import { useNavigate } from 'react-router-dom';
import { usePageTitle } from '../app/usePageTitle';
import { useRoute } from '../api/useRoute';
import { plural } from '../components/format';
import { PageHeader } from '../components/PageHeader';
import { ListCount, NoMatch } from '../components/ListStates';
import { LoadError, Loading } from '../components/QueryState';
import { useSearchState } from '../components/useSearchState';
import { isFiltered, promeneurQueryFrom } from './listQuery';
import { PromeneurFilters } from './PromeneurFilters';
import { PromeneursTable } from './PromeneursTable';
import { usePromeneurPages } from './usePromeneurPages';
import { useStructureOptions } from './useStructureOptions';

export function PromeneursListPage() {
  usePageTitle('Promeneurs');
  const navigate = useNavigate();
  const { params, update } = useSearchState();
  const query = promeneurQueryFrom(params);
  const list = usePromeneurPages(query);
  const structures = useStructureOptions();
  const territories = useRoute('structures.territories', {});
  const create = () => navigate('/promeneurs/new');
  const clearFilters = () =>
    update({ q: null, statut: null, metier: null, structure: null, territoire: null });

  const body = () => {
    if (!list.result) return <Loading label="Chargement des Promeneurs…" />;
    if (!list.result.ok) return <LoadError error={list.result.error} onRetry={list.reload} />;
    const { rows, total } = list.result.value;
    if (rows.length === 0 && isFiltered(query))
      return <NoMatch title="Aucun Promeneur ne correspond" onClear={clearFilters} />;
    if (rows.length === 0 && query.archived)
      return (
        <EmptyState
          mt="xl"
          icon={<IconArchive size={32} aria-hidden />}
          withIndicatorBackground
          title="Aucun Promeneur archivé"
          description="Archiver un Promeneur (depuis sa fiche) le retire des listes sans rien effacer ; il apparaît alors ici."
        >
          <EmptyState.Actions>
            <Button variant="light" onClick={() => update({ archives: null })}>
              Revenir à la liste
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      );
    if (rows.length === 0)
      return (
        <EmptyState
          mt="xl"
          icon={<IconUsers size={32} aria-hidden />}
          variant="light"
          title="Aucun Promeneur du Net pour l’instant"
          description={
            structures.options.length === 0
              ? 'Chaque Promeneur est rattaché à une structure employeuse : commencez par ajouter les structures du réseau.'
              : 'Ajoutez les professionnels qui assurent une présence éducative en ligne, avec leur structure, leurs profils et leurs permanences.'
          }
        >
          <EmptyState.Actions>
            {structures.options.length === 0 ? (
              <Button variant="light" onClick={() => navigate('/structures/new')}>
                Ajouter une structure
              </Button>
            ) : (
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={create}
              >
                Ajouter un Promeneur
              </Button>
            )}
          </EmptyState.Actions>
        </EmptyState>
      );
    return (
      <>
        <ListCount
          loading={list.loading}
          text={
            query.archived
              ? plural(total, 'Promeneur archivé', 'Promeneurs archivés')
              : plural(total, 'Promeneur', 'Promeneurs')
          }
        />
        <PromeneursTable
          rows={rows}
          total={total}
          query={query}
          onSort={(tri, ordre) => update({ tri, ordre: ordre === 'desc' ? 'desc' : null })}
          onNearEnd={list.loadMore}
        />
      </>
    );
  };

  return (
    <>
      <PageHeader
        title="Promeneurs du Net"
        meta={
          <Text c="dimmed" size="sm">
            Les professionnels du réseau, leurs profils en ligne et leurs permanences.
          </Text>
        }
        actions={
          <Group>
            <Button
              variant="default"
              leftSection={<IconUpload size={16} aria-hidden />}
              onClick={() => navigate('/structures/importer?depuis=promeneurs')}
            >
              Importer un fichier
            </Button>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={create}>
              Nouveau Promeneur
            </Button>
          </Group>
        }
      />
      <PromeneurFilters
        query={query}
        structures={structures.options}
        territories={territories.result?.ok ? territories.result.value : []}
        onChange={update}
      />
      {body()}
    </>
  );
}
