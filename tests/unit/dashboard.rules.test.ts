import { describe, expect, it } from 'vitest';
import {
  MAX_NETWORK_POINTS,
  monthEnd,
  monthLabel,
  resolvePeriod,
  seriesDates,
  shareOf,
} from '../../src/shared/rules/dashboard';

describe('resolvePeriod', () => {
  const today = '2026-05-10';
  it('takes the current year when nothing is chosen', () => {
    expect(resolvePeriod({ year: null, from: null, to: null }, today)).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
      label: '2026',
      asOf: today,
      years: [2026],
    });
  });
  it('reads a past year on its last day and a future one on its first', () => {
    expect(resolvePeriod({ year: 2024, from: null, to: null }, today).asOf).toBe('2024-12-31');
    expect(resolvePeriod({ year: 2027, from: null, to: null }, today).asOf).toBe('2027-01-01');
  });
  it('reads a period of dates, in French', () => {
    expect(resolvePeriod({ year: null, from: '2024-07-01', to: '2025-06-30' }, today)).toEqual({
      from: '2024-07-01',
      to: '2025-06-30',
      label: 'du 01/07/2024 au 30/06/2025',
      asOf: '2025-06-30',
      years: [2024, 2025],
    });
  });
});

describe('seriesDates', () => {
  it('gives each month’s end up to the day, the day last', () => {
    expect(seriesDates('2026-01-01', '2026-03-15')).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-15',
    ]);
    expect(seriesDates('2024-02-10', '2024-02-29')).toEqual(['2024-02-29']);
  });
  it('gives nothing before the period starts', () => {
    expect(seriesDates('2027-01-01', '2026-12-31')).toEqual([]);
  });
  it('steps by several months over a long period, keeping the last day', () => {
    const dates = seriesDates('2016-01-01', '2026-05-10');
    expect(dates.length).toBeLessThanOrEqual(MAX_NETWORK_POINTS);
    expect(dates.at(-1)).toBe('2026-05-10');
    expect(dates).toEqual([...dates].sort());
  });
});

describe('labels and shares', () => {
  it('writes months the French way', () => {
    expect(monthLabel('2026-02-28')).toBe('févr. 2026');
    expect(monthLabel('2026-08-01')).toBe('août 2026');
    expect(monthEnd('2028-02-03')).toBe('2028-02-29');
  });
  it('divides only by something', () => {
    expect(shareOf(1, 4)).toBe(0.25);
    expect(shareOf(0, 0)).toBeNull();
  });
});
