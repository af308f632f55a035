import { promeneurSort, type PromeneurListQuery } from '../../shared/api/promeneurs';
import { JOBS, PROMENEUR_STATUSES } from '../../shared/domain/directory';
import { allowed } from '../components/useSearchState';

export type PromeneurSort = NonNullable<PromeneurListQuery['sort']>;

/**
 * The Promeneurs list's address:
 * ?q=…&statut=…&metier=…&structure=12&territoire=…&archives=1&tri=…&ordre=desc
 * (statut and metier may repeat).
 */
export function promeneurQueryFrom(params: URLSearchParams) {
  const sort = promeneurSort.safeParse(params.get('tri'));
  const structureId = Number(params.get('structure'));
  return {
    search: params.get('q') ?? '',
    statuses: allowed(params.getAll('statut'), PROMENEUR_STATUSES),
    jobs: allowed(params.getAll('metier'), JOBS),
    structureId: Number.isInteger(structureId) && structureId > 0 ? structureId : null,
    territory: params.get('territoire') || null,
    archived: params.get('archives') === '1',
    sort: sort.success ? sort.data : ('lastName' as PromeneurSort),
    direction: params.get('ordre') === 'desc' ? ('desc' as const) : ('asc' as const),
  } satisfies PromeneurListQuery;
}

export type PromeneurQuery = ReturnType<typeof promeneurQueryFrom>;

export const isFiltered = (q: PromeneurQuery) =>
  q.search !== '' ||
  q.statuses.length > 0 ||
  q.jobs.length > 0 ||
  q.structureId !== null ||
  q.territory !== null;
