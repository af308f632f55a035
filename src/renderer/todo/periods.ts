/** How the to-do list is read: what is late, what comes within a week, what comes later. */
import type { TodoItem } from '../../shared/api/todo';
import { addDays } from '../../shared/rules/conventions';

export type TodoPeriod = 'overdue' | 'week' | 'later';

export const PERIOD_LABELS: Record<TodoPeriod, string> = {
  overdue: 'En retard',
  week: 'Dans les 7 jours',
  later: 'Plus tard',
};

export function periodOf(item: Pick<TodoItem, 'date' | 'overdue'>, today: string): TodoPeriod {
  if (item.overdue) return 'overdue';
  return item.date <= addDays(today, 7) ? 'week' : 'later';
}

/** The items in their periods, each keeping the list's order (by date); empty periods left out. */
export function groupByPeriod<T extends Pick<TodoItem, 'date' | 'overdue'>>(
  items: T[],
  today: string,
): { period: TodoPeriod; items: T[] }[] {
  const groups: Record<TodoPeriod, T[]> = { overdue: [], week: [], later: [] };
  for (const item of items) groups[periodOf(item, today)].push(item);
  return (Object.keys(groups) as TodoPeriod[])
    .filter((period) => groups[period].length > 0)
    .map((period) => ({ period, items: groups[period] }));
}
