/** The to-do list's sinks (services/todo.ts): the list builds its items, the counts never do. */
import { describe, expect, it } from 'vitest';
import type { TodoItem } from '../../src/shared/api/todo';
import { TodoCounts, TodoList } from '../../src/main/services/todo';

const item = (key: string, date: string): TodoItem => ({
  key,
  kind: 'document_missing',
  date,
  overdue: false,
  label: key,
  context: '',
  structure: null,
  link: '/',
});

describe('TodoList', () => {
  const TODAY = '2026-12-03';

  it('keeps the items due on or before its last day only, counted in all and per period', () => {
    const list = new TodoList('2026-12-31', TODAY);
    for (const [key, date] of [
      ['a', '2027-01-01'],
      ['b', '2026-12-31'],
      ['c', '2020-01-01'],
      ['d', '2026-12-10'],
    ] as const)
      list.add('document_missing', date, null, () => item(key, date));
    expect(list.total).toBe(3);
    expect(list.periods).toEqual({ overdue: 1, week: 1, later: 1 });
    expect(list.first().map((i) => i.key)).toEqual(['c', 'd', 'b']);
  });

  it('sorts by date, then label in French order, then key', () => {
    const list = new TodoList('2026-12-31', TODAY);
    const add = (key: string, date: string, label: string) =>
      list.add('document_missing', date, null, () => ({ ...item(key, date), label }));
    add('k2', '2026-12-05', 'Écrire');
    add('k1', '2026-12-05', 'Écrire');
    add('k3', '2026-12-05', 'devis');
    add('k4', '2026-12-04', 'Zut');
    add('k5', '2026-12-05', 'Faire');
    expect(list.first().map((i) => i.key)).toEqual(['k4', 'k3', 'k1', 'k2', 'k5']);
  });

  it('gives its first items, building only those of the dates they reach', () => {
    const list = new TodoList('2026-12-31', TODAY);
    const built: string[] = [];
    // Ten dates of three items each: keys d<day>-<n>.
    for (let day = 19; day >= 10; day--)
      for (let n = 0; n < 3; n++) {
        const key = `d${day}-${n}`;
        const date = `2026-12-${day}`;
        list.add('payment_planned', date, 1, () => (built.push(key), item(key, date)));
      }
    const keys = (limit?: number) => list.first(limit).map((i) => i.key);
    expect(keys(2)).toEqual(['d10-0', 'd10-1']);
    expect(built).toEqual(['d10-0', 'd10-1', 'd10-2']);
    built.length = 0;
    expect(keys(4)).toEqual(['d10-0', 'd10-1', 'd10-2', 'd11-0']);
    expect(built).toHaveLength(6);
    // The first items are the start of the whole list.
    const whole = keys();
    expect(whole).toHaveLength(30);
    expect(keys(7)).toEqual(whole.slice(0, 7));
    expect(keys(30)).toEqual(whole);
    expect(keys(100)).toEqual(whole);
  });
});

describe('TodoCounts', () => {
  const never = (): TodoItem => {
    throw new Error('a count builds no item');
  };

  it('counts per kind, and as overdue what is due before today', () => {
    const counts = new TodoCounts('2027-03-31', '2026-12-03');
    counts.add('payment_planned', '2026-12-02', 1, never);
    counts.add('payment_planned', '2026-12-03', 1, never);
    counts.add('payment_planned', '2027-04-01', 1, never);
    counts.add('cadence_gap', '2026-12-03', null, never);
    counts.add('activity_missing', '2026-01-01', 2, never);
    expect(Object.fromEntries(counts.byKind)).toEqual({
      payment_planned: { count: 2, overdue: 1 },
      cadence_gap: { count: 1, overdue: 0 },
      activity_missing: { count: 1, overdue: 1 },
    });
  });

  it('keeps only the structures given: the items of none drop out', () => {
    const counts = new TodoCounts('2027-03-31', '2026-12-03', new Set([1]));
    counts.add('payment_planned', '2026-12-02', 1, never);
    counts.add('payment_planned', '2026-12-02', 2, never);
    counts.add('cadence_gap', '2026-12-03', null, never);
    expect(Object.fromEntries(counts.byKind)).toEqual({
      payment_planned: { count: 1, overdue: 1 },
    });
  });
});
