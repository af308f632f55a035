import { Button, EmptyState, Group, MultiSelect, Select, Text } from '@mantine/core';
import { IconFileCertificate, IconPlus } from '@tabler/icons-react';
import { useNavigate } from 'react-router-dom';
import { CONVENTION_STATUSES } from '../../shared/domain/conventions';
import { usePageTitle } from '../app/usePageTitle';
import { useRoute } from '../api/useRoute';
import { plural } from '../components/format';
import { ListCount, NoMatch } from '../components/ListStates';
import { optionsOf } from '../components/options';
import { PageHeader } from '../components/PageHeader';
import { LoadError, Loading } from '../components/QueryState';
import { SearchBox } from '../components/SearchBox';
import { useSearchState } from '../components/useSearchState';
import { useStructureOptions } from '../promeneurs/useStructureOptions';
import { ConventionsTable } from './ConventionsTable';
import { conventionQueryFrom, isFiltered } from './listQuery';

export function ConventionsListPage() {
  usePageTitle('Conventions');
  const navigate = useNavigate();
  const { params, update } = useSearchState();
  const query = conventionQueryFrom(params);
  const list = useRoute('conventions.list', query);
  const structures = useStructureOptions();
  const create = () =>
    navigate(
      query.structureId ? `/conventions/new?structure=${query.structureId}` : '/conventions/new',
    );
  const clearFilters = () => update({ q: null, statut: null, structure: null });

  const body = () => {
    if (!list.result) return <Loading label="Chargement des conventions…" />;
    if (!list.result.ok) return <LoadError error={list.result.error} onRetry={list.reload} />;
    const rows = list.result.value;
    if (rows.length === 0 && isFiltered(query))
      return <NoMatch title="Aucune convention ne correspond" onClear={clearFilters} />;
    if (rows.length === 0) {
      const noStructure = !structures.loading && structures.options.length === 0;
      return (
        <EmptyState
          mt="xl"
          icon={<IconFileCertificate size={32} aria-hidden />}
          variant="light"
          title="Aucune convention pour l’instant"
          description={
            noStructure
              ? 'Une convention lie la CAF (et parfois la MSA) à une structure porteuse. Ajoutez d’abord la structure, puis sa convention : Balise en suivra les pièces, les obligations annuelles, les versements et les échéances.'
              : 'Une convention lie la CAF (et parfois la MSA) à une structure porteuse pour une période. Enregistrez-la : Balise en suivra les pièces justificatives, les obligations annuelles, les versements et les échéances.'
          }
        >
          <EmptyState.Actions>
            {noStructure ? (
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => navigate('/structures/new')}
              >
                Ajouter une structure
              </Button>
            ) : (
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={create}
              >
                Enregistrer une convention
              </Button>
            )}
          </EmptyState.Actions>
        </EmptyState>
      );
    }
    return (
      <>
        <ListCount loading={list.loading} text={plural(rows.length, 'convention', 'conventions')} />
        <ConventionsTable
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
        title="Conventions"
        meta={
          <Text c="dimmed" size="sm">
            Les conventions de financement entre la CAF (et la MSA) et les structures porteuses.
          </Text>
        }
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={create}>
            Nouvelle convention
          </Button>
        }
      />
      <Group align="flex-end" gap="md" mb="md">
        <SearchBox
          value={query.search}
          onSearch={(q) => update({ q })}
          placeholder="Référence, structure…"
        />
        <MultiSelect
          label="Statut"
          placeholder={query.statuses.length ? undefined : 'Tous'}
          data={optionsOf(CONVENTION_STATUSES)}
          value={query.statuses}
          onChange={(statut) => update({ statut })}
          clearable
          w={260}
        />
        <Select
          label="Structure"
          placeholder="Toutes"
          data={structures.options}
          value={query.structureId === null ? null : String(query.structureId)}
          onChange={(structure) => update({ structure })}
          clearable
          searchable
          nothingFoundMessage="Aucune structure ne correspond"
          w={280}
        />
      </Group>
      {body()}
    </>
  );
}
