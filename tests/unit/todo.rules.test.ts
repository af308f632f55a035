/** The periods of « À faire »: the rule the list counts by, and the screen's grouping. */
import { describe, expect, it } from 'vitest';
import { periodOn } from '../../src/shared/rules/todo';
import { groupByPeriod } from '../../src/renderer/todo/periods';

describe('the periods of « À faire »', () => {
  const today = '2027-03-10';

  it('puts late items first, then the next 7 days, then later', () => {
    const periodOf = periodOn(today);
    expect(periodOf('2027-03-09')).toBe('overdue');
    expect(periodOf('2027-03-10')).toBe('week');
    expect(periodOf('2027-03-17')).toBe('week');
    expect(periodOf('2027-03-18')).toBe('later');
    // Across a month's and a year's end.
    expect(periodOn('2026-12-28')('2027-01-04')).toBe('week');
    expect(periodOn('2026-12-28')('2027-01-05')).toBe('later');
  });

  it('keeps the order within a period and leaves empty periods out', () => {
    const items = ['2027-01-01', '2027-03-01', '2027-04-01', '2027-05-01'].map((date) => ({
      date,
    }));
    expect(groupByPeriod(items, today)).toEqual([
      { period: 'overdue', items: [items[0], items[1]] },
      { period: 'later', items: [items[2], items[3]] },
    ]);
    expect(groupByPeriod([], today)).toEqual([]);
  });
});
