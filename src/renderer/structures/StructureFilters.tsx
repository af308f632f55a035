import { Group, MultiSelect, Select, Switch } from '@mantine/core';
import { STRUCTURE_STATUSES, STRUCTURE_TYPES } from '../../shared/domain/directory';
import { optionsOf } from '../components/options';
import { SearchBox } from '../components/SearchBox';
import type { SearchChange } from '../components/useSearchState';
import type { StructureQuery } from './listQuery';

interface Props {
  query: StructureQuery;
  territories: string[];
  onChange: (change: SearchChange) => void;
}

export function StructureFilters({ query, territories, onChange }: Props) {
  return (
    <Group align="flex-end" gap="md" mb="md">
      <SearchBox
        value={query.search}
        onSearch={(q) => onChange({ q })}
        placeholder="Nom, commune, SIRET…"
      />
      <MultiSelect
        label="Statut dans le réseau"
        placeholder={query.statuses.length ? undefined : 'Tous'}
        data={optionsOf(STRUCTURE_STATUSES)}
        value={query.statuses}
        onChange={(statut) => onChange({ statut })}
        clearable
        w={230}
      />
      <MultiSelect
        label="Type de structure"
        placeholder={query.types.length ? undefined : 'Tous'}
        data={optionsOf(STRUCTURE_TYPES)}
        value={query.types}
        onChange={(type) => onChange({ type })}
        clearable
        searchable
        w={230}
      />
      <Select
        label="Territoire"
        placeholder="Tous"
        data={territories}
        value={query.territory}
        onChange={(territoire) => onChange({ territoire })}
        clearable
        searchable
        nothingFoundMessage="Aucun territoire"
        w={200}
      />
      <Switch
        label="Afficher les archivées"
        description="Seulement les fiches archivées"
        checked={query.archived}
        onChange={(e) => onChange({ archivees: e.currentTarget.checked ? '1' : null })}
        mb={8}
      />
    </Group>
  );
}
