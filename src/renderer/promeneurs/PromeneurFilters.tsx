import { Group, MultiSelect, Select, Switch } from '@mantine/core';
import { JOBS, PROMENEUR_STATUSES } from '../../shared/domain/directory';
import { optionsOf } from '../components/options';
import { SearchBox } from '../components/SearchBox';
import type { SearchChange } from '../components/useSearchState';
import type { PromeneurQuery } from './listQuery';

interface Props {
  query: PromeneurQuery;
  structures: { value: string; label: string }[];
  territories: string[];
  onChange: (change: SearchChange) => void;
}

export function PromeneurFilters({ query, structures, territories, onChange }: Props) {
  return (
    <Group align="flex-end" gap="md" mb="md">
      <SearchBox
        value={query.search}
        onSearch={(q) => onChange({ q })}
        placeholder="Nom, prénom, profil, e-mail…"
      />
      <MultiSelect
        label="Statut"
        placeholder={query.statuses.length ? undefined : 'Tous'}
        data={optionsOf(PROMENEUR_STATUSES)}
        value={query.statuses}
        onChange={(statut) => onChange({ statut })}
        clearable
        w={200}
      />
      <MultiSelect
        label="Métier"
        placeholder={query.jobs.length ? undefined : 'Tous'}
        data={optionsOf(JOBS)}
        value={query.jobs}
        onChange={(metier) => onChange({ metier })}
        clearable
        searchable
        w={210}
      />
      <Select
        label="Structure"
        placeholder="Toutes"
        data={structures}
        value={query.structureId === null ? null : String(query.structureId)}
        onChange={(structure) => onChange({ structure })}
        clearable
        searchable
        nothingFoundMessage="Aucune structure"
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
        w={180}
      />
      <Switch
        label="Afficher les archivés"
        description="Seulement les fiches archivées"
        checked={query.archived}
        onChange={(e) => onChange({ archives: e.currentTarget.checked ? '1' : null })}
        mb={8}
      />
    </Group>
  );
}
