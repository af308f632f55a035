/** The calendar's rules: French public holidays, wall-clock formatting, yearly cadence goals. */
import { describe, expect, it } from 'vitest';
import {
  cadenceGoals,
  easterSunday,
  formatLocalDateTime,
  formatSpan,
  frenchHolidays,
  holidaysBetween,
  type CadenceEvent,
} from '../../src/shared/rules/calendar';

describe('French public holidays', () => {
  it('finds Easter Sunday, early and late', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2035)).toBe('2035-03-25');
  });

  it('lists the eleven holidays of 2027, movable ones included, in date order', () => {
    expect(frenchHolidays(2027)).toEqual([
      { date: '2027-01-01', name: 'Jour de l’an' },
      { date: '2027-03-29', name: 'Lundi de Pâques' },
      { date: '2027-05-01', name: 'Fête du Travail' },
      { date: '2027-05-06', name: 'Ascension' },
      { date: '2027-05-08', name: 'Victoire 1945' },
      { date: '2027-05-17', name: 'Lundi de Pentecôte' },
      { date: '2027-07-14', name: 'Fête nationale' },
      { date: '2027-08-15', name: 'Assomption' },
      { date: '2027-11-01', name: 'Toussaint' },
      { date: '2027-11-11', name: 'Armistice 1918' },
      { date: '2027-12-25', name: 'Noël' },
    ]);
  });

  it('keeps Ascension on a Thursday and the Pentecost and Easter holidays on Mondays', () => {
    for (let year = 2020; year <= 2040; year++) {
      const byName = Object.fromEntries(frenchHolidays(year).map((h) => [h.name, h.date]));
      const weekday = (iso: string) => new Date(`${iso}T12:00:00Z`).getUTCDay();
      expect(weekday(byName['Ascension']!)).toBe(4);
      expect(weekday(byName['Lundi de Pentecôte']!)).toBe(1);
      expect(weekday(byName['Lundi de Pâques']!)).toBe(1);
    }
  });

  it('gives the holidays of a period across a new year', () => {
    expect(holidaysBetween('2026-12-20', '2027-01-10').map((h) => h.date)).toEqual([
      '2026-12-25',
      '2027-01-01',
    ]);
    expect(holidaysBetween('2027-06-01', '2027-06-30')).toEqual([]);
  });
});

describe('wall-clock times', () => {
  it('writes a date and time the French way', () => {
    expect(formatLocalDateTime('2027-03-12T14:05')).toBe('12/03/2027 à 14h05');
  });

  it('writes a span on one day or over several', () => {
    expect(formatSpan('2027-03-12T14:00', '2027-03-12T17:30')).toBe('12/03/2027, 14h00 – 17h30');
    expect(formatSpan('2027-03-12T09:00', '2027-03-13T16:00')).toBe(
      'du 12/03/2027 09h00 au 13/03/2027 16h00',
    );
  });
});

describe('cadence goals', () => {
  const targets = { rencontre_departementale: 2, copil: 2, cotech: 4 };
  const event = (type: string, start: string, status: CadenceEvent['status'] = 'prevu') => ({
    type,
    start,
    status,
  });
  const goal = (goals: ReturnType<typeof cadenceGoals>, type: string) =>
    goals.find((g) => g.type === type)!;

  it('counts held and planned events of the year, and what is missing', () => {
    const goals = cadenceGoals(
      [
        event('rencontre_departementale', '2027-03-12T14:00', 'tenu'),
        event('rencontre_departementale', '2027-10-08T14:00'),
        event('copil', '2027-02-01T10:00', 'tenu'),
        event('cotech', '2027-01-15T10:00', 'tenu'),
        event('cotech', '2027-09-15T10:00'),
      ],
      targets,
      2027,
      '2027-06-01',
    );
    expect(goal(goals, 'rencontre_departementale')).toMatchObject({
      label: 'Rencontre départementale',
      target: 2,
      held: 1,
      planned: 1,
      missing: 0,
    });
    expect(goal(goals, 'copil')).toMatchObject({ held: 1, planned: 0, missing: 1 });
    expect(goal(goals, 'cotech')).toMatchObject({ held: 1, planned: 1, missing: 2 });
  });

  it('ignores cancelled events, other years and other types', () => {
    const goals = cadenceGoals(
      [
        event('copil', '2027-05-01T10:00', 'annule'),
        event('copil', '2026-05-01T10:00', 'tenu'),
        event('formation', '2027-05-01T10:00'),
      ],
      targets,
      2027,
      '2027-01-10',
    );
    expect(goal(goals, 'copil')).toMatchObject({ held: 0, planned: 0, missing: 2 });
  });

  it('counts a past event not marked held as held (it took place), and a future one as planned', () => {
    const goals = cadenceGoals(
      [event('copil', '2027-02-01T10:00'), event('copil', '2027-11-01T10:00')],
      targets,
      2027,
      '2027-06-01',
    );
    expect(goal(goals, 'copil')).toMatchObject({ held: 1, planned: 1, missing: 0 });
  });

  it('follows the settings, a target of zero never missing', () => {
    const goals = cadenceGoals([], { ...targets, cotech: 0 }, 2027, '2027-01-01');
    expect(goal(goals, 'cotech').missing).toBe(0);
    expect(goal(goals, 'rencontre_departementale').missing).toBe(2);
  });
});
