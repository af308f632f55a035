import { conventionSort, type ConventionListQuery } from '../../shared/api/conventions';
import { CONVENTION_STATUSES } from '../../shared/domain/conventions';
import { allowed } from '../components/useSearchState';

export type ConventionSort = NonNullable<ConventionListQuery['sort']>;

/** The conventions list's address: ?q=…&statut=…&structure=12&tri=…&ordre=desc (statut may repeat). */
export function conventionQueryFrom(params: URLSearchParams) {
  const sort = conventionSort.safeParse(params.get('tri'));
  const structureId = Number(params.get('structure'));
  return {
    search: params.get('q') ?? '',
    statuses: allowed(params.getAll('statut'), CONVENTION_STATUSES),
    structureId: Number.isInteger(structureId) && structureId > 0 ? structureId : null,
    sort: sort.success ? sort.data : ('endDate' as ConventionSort),
    direction: params.get('ordre') === 'desc' ? ('desc' as const) : ('asc' as const),
  } satisfies ConventionListQuery;
}

export type ConventionQuery = ReturnType<typeof conventionQueryFrom>;

export const isFiltered = (q: ConventionQuery) =>
  q.search !== '' || q.statuses.length > 0 || q.structureId !== null;
