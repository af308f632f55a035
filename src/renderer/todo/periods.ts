/** The to-do list's periods as the screen shows them: their headings, and the items in each. */
import type { TodoItem } from '../../shared/api/todo';
import { periodOn, TODO_PERIODS, type TodoPeriod } from '../../shared/rules/todo';

export type { TodoPeriod } from '../../shared/rules/todo';

export const PERIOD_LABELS: Record<TodoPeriod, string> = {
  overdue: 'En retard',
  week: 'Dans les 7 jours',
  later: 'Plus tard',
};

/** The items in their periods, each keeping the list's order (by date); empty periods left out. */
export function groupByPeriod<T extends Pick<TodoItem, 'date'>>(
  items: T[],
  today: string,
): { period: TodoPeriod; items: T[] }[] {
  const periodOf = periodOn(today);
  const groups: Record<TodoPeriod, T[]> = { overdue: [], week: [], later: [] };
  for (const item of items) groups[periodOf(item.date)].push(item);
  return TODO_PERIODS.filter((period) => groups[period].length > 0).map((period) => ({
    period,
    items: groups[period],
  }));
}
