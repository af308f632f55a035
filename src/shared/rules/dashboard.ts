/**
 * The dashboard's date rules, as pure functions: the period a filter stands for, the day the
 * figures of state are read, and the month ends the network's series is drawn on.
 */
import { formatDate } from './dates';

export interface PeriodChoice {
  year: number | null;
  from: string | null;
  to: string | null;
}

export interface ResolvedPeriod {
  from: string;
  to: string;
  label: string;
  asOf: string;
  years: number[];
}

const yearOf = (iso: string) => Number(iso.slice(0, 4));

/** The last day of the month of a YYYY-MM-DD date. */
export function monthEnd(iso: string): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * The period chosen: a whole year, the dates given, or the current year when neither.
 * Figures of state (active, in force) are read on its last day, or today if that is sooner
 * (and on its first day when it lies wholly in the future).
 */
export function resolvePeriod(choice: PeriodChoice, today: string): ResolvedPeriod {
  const whole = choice.from === null || choice.to === null;
  const year = choice.year ?? (whole ? yearOf(today) : null);
  const from = year !== null ? `${year}-01-01` : choice.from!;
  const to = year !== null ? `${year}-12-31` : choice.to!;
  const asOf = to < today ? to : from > today ? from : today;
  const years: number[] = [];
  for (let y = yearOf(from); y <= yearOf(to); y++) years.push(y);
  return {
    from,
    to,
    label: year !== null ? String(year) : `du ${formatDate(from)} au ${formatDate(to)}`,
    asOf,
    years,
  };
}

const MONTHS = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
];

/** « janv. 2026 » for any date of that month. */
export function monthLabel(iso: string): string {
  return `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** The most points the network's series draws: beyond, it steps by several months. */
export const MAX_NETWORK_POINTS = 36;

/**
 * The days the network's series is read on: each month's end from the period's start up to
 * `asOf` (the last point is `asOf` itself), stepping by several months when the period is
 * long, so that there are at most MAX_NETWORK_POINTS of them, the last always kept.
 */
export function seriesDates(from: string, asOf: string): string[] {
  if (asOf < from) return [];
  const ends: string[] = [];
  let cursor = monthEnd(from);
  while (cursor < asOf) {
    ends.push(cursor);
    const [y, m] = cursor.split('-').map(Number) as [number, number];
    cursor = monthEnd(new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10));
  }
  ends.push(asOf);
  const step = Math.ceil(ends.length / MAX_NETWORK_POINTS);
  if (step === 1) return ends;
  return ends.filter((_, i) => (ends.length - 1 - i) % step === 0);
}

/** A share between 0 and 1, or null when there is nothing to divide by. */
export const shareOf = (part: number, whole: number): number | null =>
  whole > 0 ? part / whole : null;
