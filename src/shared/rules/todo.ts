/**
 * How the to-do list (À faire) is read: what is late, what comes within a week, what comes
 * later. The list counts its items by period, and the screen groups them under these headings.
 */
import { addDays } from './conventions';

export type TodoPeriod = 'overdue' | 'week' | 'later';

export const TODO_PERIODS: readonly TodoPeriod[] = ['overdue', 'week', 'later'];

/**
 * The period of a date seen on `today` (YYYY-MM-DD): late when due before today, within the
 * week when due by today + 7 days, later otherwise. A function of the date, made once per day.
 */
export function periodOn(today: string): (date: string) => TodoPeriod {
  const weekEnd = addDays(today, 7);
  return (date) => (date < today ? 'overdue' : date <= weekEnd ? 'week' : 'later');
}
