import { structureSort, type StructureListQuery } from '../../shared/api/structures';
import { STRUCTURE_STATUSES, STRUCTURE_TYPES } from '../../shared/domain/directory';
import { allowed } from '../components/useSearchState';

export type StructureSort = NonNullable<StructureListQuery['sort']>;

/**
 * The structures list's address: ?q=…&statut=…&type=…&territoire=…&archivees=1&tri=…&ordre=desc
 * (statut and type may repeat).
 */
export function structureQueryFrom(params: URLSearchParams) {
  const sort = structureSort.safeParse(params.get('tri'));
  return {
    search: params.get('q') ?? '',
    statuses: allowed(params.getAll('statut'), STRUCTURE_STATUSES),
    types: allowed(params.getAll('type'), STRUCTURE_TYPES),
    territory: params.get('territoire') || null,
    archived: params.get('archivees') === '1',
    sort: sort.success ? sort.data : ('name' as StructureSort),
    direction: params.get('ordre') === 'desc' ? ('desc' as const) : ('asc' as const),
  } satisfies StructureListQuery;
}

export type StructureQuery = ReturnType<typeof structureQueryFrom>;

export const isFiltered = (q: StructureQuery) =>
  q.search !== '' || q.statuses.length > 0 || q.types.length > 0 || q.territory !== null;
