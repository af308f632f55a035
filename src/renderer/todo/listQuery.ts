import type { TodoQuery } from '../../shared/api/todo';
import { TO_DO_KINDS } from '../../shared/domain/todo';
import { allowed } from '../components/useSearchState';

/** The horizons offered in the filter, in months (the setting's value is added when missing). */
export const HORIZONS = [1, 2, 4, 6, 12] as const;

/**
 * The to-do list's address: ?structure=12&nature=…&horizon=6 (nature may repeat; without
 * horizon, the setting's).
 */
export function todoQueryFrom(params: URLSearchParams) {
  const structureId = Number(params.get('structure'));
  const horizon = Number(params.get('horizon'));
  return {
    structureId: Number.isInteger(structureId) && structureId > 0 ? structureId : null,
    kinds: allowed(params.getAll('nature'), TO_DO_KINDS),
    horizonMonths: Number.isInteger(horizon) && horizon >= 1 && horizon <= 36 ? horizon : null,
  } satisfies TodoQuery;
}

export type TodoListQuery = ReturnType<typeof todoQueryFrom>;

export const isFiltered = (q: TodoListQuery) => q.structureId !== null || q.kinds.length > 0;

/**
 * The horizon options: the usual ones, the setting's (marked as such) and the one shown
 * (an address may carry another).
 */
export function horizonOptions(setting: number | null, current: number | null = null) {
  const extra = [setting, current].filter((m): m is number => m !== null);
  const months = [...new Set([...HORIZONS, ...extra])].sort((a, b) => a - b);
  return months.map((m) => ({
    value: String(m),
    label: `${m} mois${m === setting ? ' (réglage)' : ''}`,
  }));
}
