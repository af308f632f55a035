/**
 * The dates of a repeated event, computed with ical.js's recurrence iterator (RFC 5545
 * rules), on Paris wall-clock times: each occurrence keeps the first one's time and length.
 */
import ICAL from 'ical.js';
import { MAX_OCCURRENCES, type Repeat } from '../../../shared/domain/calendar';
import { formatDate } from '../../../shared/rules/dates';
import { DomainError } from '../../../shared/result';

export interface Span {
  /** `YYYY-MM-DDTHH:mm`, wall-clock in Paris. */
  start: string;
  end: string;
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** Wall-clock minutes since the epoch, as if the time were UTC (no daylight saving jump). */
const minutesOf = (local: string) => Date.parse(`${local}:00Z`) / 60_000;
const localOf = (minutes: number) => new Date(minutes * 60_000).toISOString().slice(0, 16);

/** Shifts a span to a new start, keeping its wall-clock length. */
export function moveSpan(span: Span, start: string): Span {
  return { start, end: localOf(minutesOf(start) + minutesOf(span.end) - minutesOf(span.start)) };
}

/** The RFC 5545 rule of a repetition, from the first occurrence's date (YYYY-MM-DD). */
export function ruleOf(repeat: Exclude<Repeat, 'none'>, firstDay: string, until: string): string {
  const day = Number(firstDay.slice(8, 10));
  const weekday = WEEKDAYS[new Date(`${firstDay}T00:00:00Z`).getUTCDay()]!;
  const last = `UNTIL=${until.replaceAll('-', '')}T235959`;
  switch (repeat) {
    case 'weekly':
      return `FREQ=WEEKLY;${last}`;
    case 'biweekly':
      return `FREQ=WEEKLY;INTERVAL=2;${last}`;
    case 'monthly_weekday': {
      // The 2nd Tuesday stays the 2nd Tuesday; a 5th one becomes the month's last.
      const nth = Math.ceil(day / 7);
      return `FREQ=MONTHLY;BYDAY=${nth === 5 ? -1 : nth}${weekday};${last}`;
    }
    case 'monthly_date':
      // Months without that date (the 31st in April) are skipped, as RFC 5545 says.
      return `FREQ=MONTHLY;BYMONTHDAY=${day};${last}`;
  }
}

const refuse = (message: string) =>
  new DomainError('INVALID_INPUT', `Saisie à corriger : ${message}`, {
    'repetition.until': message,
  });

/**
 * Every occurrence of an event repeated until a day (both included), the first one being
 * the event itself. Refuses an end before the start, or more than MAX_OCCURRENCES dates.
 */
export function occurrences(first: Span, repeat: Repeat, until: string | null): Span[] {
  if (repeat === 'none' || until === null) return [first];
  const firstDay = first.start.slice(0, 10);
  if (until < firstDay)
    throw refuse('La répétition doit se terminer après la première date de l’évènement.');
  const recur = ICAL.Recur.fromString(ruleOf(repeat, firstDay, until));
  const iterator = recur.iterator(ICAL.Time.fromDateTimeString(`${first.start}:00`));
  const starts: string[] = [];
  for (let next = iterator.next(); next; next = iterator.next()) {
    starts.push(next.toString().slice(0, 16));
    if (starts.length > MAX_OCCURRENCES) {
      const lastAllowed = starts[MAX_OCCURRENCES - 1]!.slice(0, 10);
      throw refuse(
        `Au plus ${MAX_OCCURRENCES} dates par répétition : choisissez une fin au ${formatDate(lastAllowed)} au plus tard.`,
      );
    }
  }
  return starts.map((start) => moveSpan(first, start));
}
