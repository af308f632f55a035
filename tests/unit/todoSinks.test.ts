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
  it('builds the items due on or before its last day only, in the order given', () => {
    const list = new TodoList('2026-12-31');
    let built = 0;
    for (const [key, date] of [
      ['a', '2027-01-01'],
      ['b', '2026-12-31'],
      ['c', '2020-01-01'],
    ] as const)
      list.add('document_missing', date, null, () => (built++, item(key, date)));
    expect(list.items.map((i) => i.key)).toEqual(['b', 'c']);
    expect(built).toBe(2);
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
