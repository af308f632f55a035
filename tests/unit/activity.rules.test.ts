import { describe, expect, it } from 'vitest';
import { activityFigures } from '../../src/shared/api/activity';
import {
  countError,
  figuresProblems,
  hoursError,
  hoursToHundredths,
  lastEndedPeriod,
  parsePeriod,
  periodContaining,
  periodLabel,
  recentPeriods,
  shiftPeriod,
} from '../../src/shared/rules/activity';

describe('period keys', () => {
  it('reads the three kinds, with their dates and French labels', () => {
    expect(parsePeriod('2026-03')).toEqual({
      kind: 'mensuelle',
      key: '2026-03',
      year: 2026,
      index: 3,
      start: '2026-03-01',
      end: '2026-03-31',
      label: 'mars 2026',
    });
    expect(parsePeriod('2026-T3')).toMatchObject({
      kind: 'trimestrielle',
      start: '2026-07-01',
      end: '2026-09-30',
      label: '3e trimestre 2026',
    });
    expect(parsePeriod('2026-T1')?.label).toBe('1er trimestre 2026');
    expect(parsePeriod('2026')).toMatchObject({
      kind: 'annuelle',
      start: '2026-01-01',
      end: '2026-12-31',
      label: '2026',
    });
    expect(parsePeriod('2028-02')?.end).toBe('2028-02-29');
    expect(parsePeriod('2027-02')?.end).toBe('2027-02-28');
  });

  it('refuses what is no period key', () => {
    for (const key of [
      '',
      '2026-13',
      '2026-00',
      '2026-T5',
      '2026-T0',
      '26-T1',
      '1999',
      '2101',
      '2026-3',
      'T3-2026',
      '2026-t3',
      ' 2026',
    ])
      expect(parsePeriod(key), key).toBeNull();
    expect(periodLabel('n’importe quoi')).toBe('n’importe quoi');
  });

  it('finds the period containing a day, and its neighbours across years', () => {
    expect(periodContaining('trimestrielle', '2026-11-22').key).toBe('2026-T4');
    expect(periodContaining('mensuelle', '2026-11-22').key).toBe('2026-11');
    expect(periodContaining('annuelle', '2026-11-22').key).toBe('2026');
    expect(shiftPeriod(parsePeriod('2026-T1')!, -1).key).toBe('2025-T4');
    expect(shiftPeriod(parsePeriod('2026-12')!, 1).key).toBe('2027-01');
    expect(shiftPeriod(parsePeriod('2026-01')!, -13).key).toBe('2024-12');
    expect(shiftPeriod(parsePeriod('2026')!, -2).key).toBe('2024');
    expect(lastEndedPeriod('trimestrielle', '2026-01-01').key).toBe('2025-T4');
    expect(lastEndedPeriod('trimestrielle', '2026-03-31').key).toBe('2025-T4');
    expect(lastEndedPeriod('mensuelle', '2026-03-01').key).toBe('2026-02');
    expect(lastEndedPeriod('annuelle', '2026-06-15').key).toBe('2025');
    expect(recentPeriods('trimestrielle', '2026-05-02', 5).map((p) => p.key)).toEqual([
      '2026-T2',
      '2026-T1',
      '2025-T4',
      '2025-T3',
      '2025-T2',
    ]);
  });

  it('goes back and forth without drift over years', () => {
    for (const key of ['2026-01', '2026-T2', '2026']) {
      const p = parsePeriod(key)!;
      expect(shiftPeriod(shiftPeriod(p, -37), 37)).toEqual(p);
    }
  });
});

describe('figure checks', () => {
  it('accepts whole counts from 0 to the bound', () => {
    expect(countError(0)).toBeNull();
    expect(countError(100_000)).toBeNull();
    expect(countError(-1)).toMatch(/négatif/);
    expect(countError(1.5)).toMatch(/entier/);
    expect(countError(100_001)).toMatch(/Au plus/);
    expect(countError('12')).toMatch(/nombre/);
    expect(countError(Number.NaN)).toMatch(/nombre/);
  });

  it('accepts hours with two decimals at most, stored in hundredths', () => {
    expect(hoursError(12.25)).toBeNull();
    expect(hoursError(0.1 + 0.2)).toBeNull(); // 0.30000000000000004 is 0,30
    expect(hoursError(12.255)).toMatch(/Deux décimales/);
    expect(hoursError(-0.5)).toMatch(/négatif/);
    expect(hoursError(5001)).toMatch(/Au plus/);
    expect(hoursToHundredths(12.25)).toBe(1225);
    expect(hoursToHundredths(0.1 + 0.2)).toBe(30);
  });

  it('keeps the totals together', () => {
    const base = { youngContacted: 10, youngMet: 4, ageBands: null, channels: [] };
    expect(figuresProblems(base)).toEqual([]);
    expect(figuresProblems({ ...base, youngMet: 11 })).toEqual([
      {
        path: 'youngMet',
        message:
          'Les jeunes rencontrés (11) ne peuvent pas dépasser les jeunes contactés en ligne (10).',
      },
    ]);
    expect(
      figuresProblems({ ...base, ageBands: { age12to14: 3, age15to17: 4, age18to25: 3 } }),
    ).toEqual([]);
    expect(
      figuresProblems({ ...base, ageBands: { age12to14: 3, age15to17: 4, age18to25: 4 } })[0]?.path,
    ).toBe('ageBands.age18to25');
    expect(
      figuresProblems({ ...base, channels: [{ count: 10 }, { count: 11 }] }).map((p) => p.path),
    ).toEqual(['channels.1.count']);
  });

  it('gives the form’s schema field-level French messages', () => {
    const figures = {
      youngContacted: 5,
      youngMet: 6,
      projectsStarted: 0,
      exchanges: 3,
      concernsReferred: -1,
      hoursOnline: 1.234,
      channels: [
        { id: 1, count: 2 },
        { id: 1, count: 3 },
      ],
    };
    const parsed = activityFigures.safeParse(figures);
    expect(parsed.success).toBe(false);
    const messages = Object.fromEntries(
      parsed.error!.issues.map((i) => [i.path.join('.'), i.message]),
    );
    expect(messages).toMatchObject({
      concernsReferred: 'Le nombre ne peut pas être négatif.',
      hoursOnline: 'Deux décimales au plus (par exemple 12,5 ou 12,25).',
    });
    // Cross-field checks run once every field is valid on its own.
    const fixed = activityFigures.safeParse({ ...figures, concernsReferred: 0, hoursOnline: 1.5 });
    expect(fixed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'youngMet',
        'Les jeunes rencontrés (6) ne peuvent pas dépasser les jeunes contactés en ligne (5).',
      ],
      ['channels.1.id', 'Valeur en double.'],
    ]);
  });
});
