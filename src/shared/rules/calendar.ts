/**
 * The calendar's rules as pure functions: French public holidays, local (Europe/Paris)
 * date-times, and the yearly cadence goals (departmental meetings, COPIL, COTECH).
 *
 * An event's start and end are wall-clock times in Paris, as `YYYY-MM-DDTHH:mm`.
 */
import { CADENCE_GOALS, EVENT_TYPES, type CadenceType, type EventStatus } from '../domain/calendar';
import { addDays } from './conventions';

export interface Holiday {
  date: string;
  name: string;
}

/** Easter Sunday of a Gregorian year (Meeus/Jones/Butcher algorithm), as YYYY-MM-DD. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The eleven public holidays of metropolitan France in a year, in date order. */
export function frenchHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const fixed = (md: string, name: string) => ({ date: `${year}-${md}`, name });
  return [
    fixed('01-01', 'Jour de l’an'),
    { date: addDays(easter, 1), name: 'Lundi de Pâques' },
    fixed('05-01', 'Fête du Travail'),
    fixed('05-08', 'Victoire 1945'),
    { date: addDays(easter, 39), name: 'Ascension' },
    { date: addDays(easter, 50), name: 'Lundi de Pentecôte' },
    fixed('07-14', 'Fête nationale'),
    fixed('08-15', 'Assomption'),
    fixed('11-01', 'Toussaint'),
    fixed('11-11', 'Armistice 1918'),
    fixed('12-25', 'Noël'),
  ].sort((x, y) => x.date.localeCompare(y.date));
}

/** The holidays between two dates (YYYY-MM-DD, both included). */
export function holidaysBetween(from: string, to: string): Holiday[] {
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(y);
  return years.flatMap(frenchHolidays).filter((h) => h.date >= from && h.date <= to);
}

/** `YYYY-MM-DDTHH:mm` → `dd/mm/yyyy à HHhmm`. */
export function formatLocalDateTime(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  return m ? `${m[3]}/${m[2]}/${m[1]} à ${m[4]}h${m[5]}` : local;
}

/** An event's time span in words: « 12/03/2027, 14h00 – 17h00 » or over several days. */
export function formatSpan(start: string, end: string): string {
  const [d1, t1] = [start.slice(0, 10), start.slice(11, 16).replace(':', 'h')];
  const [d2, t2] = [end.slice(0, 10), end.slice(11, 16).replace(':', 'h')];
  const fr = (iso: string) => iso.split('-').reverse().join('/');
  return d1 === d2 ? `${fr(d1)}, ${t1} – ${t2}` : `du ${fr(d1)} ${t1} au ${fr(d2)} ${t2}`;
}

export type CadenceTargets = Record<CadenceType, number>;

export interface CadenceEvent {
  type: string;
  /** Local start, `YYYY-MM-DDTHH:mm`. */
  start: string;
  status: EventStatus;
}

export interface CadenceGoal {
  type: CadenceType;
  label: string;
  year: number;
  target: number;
  /** Held (status « tenu »), or past and not cancelled. */
  held: number;
  /** Planned from now on and not cancelled. */
  planned: number;
  /** How many more must be planned to meet the target (0 when met). */
  missing: number;
}

/**
 * Where each yearly goal stands on `today` (YYYY-MM-DD): events of the year that were held
 * or are still planned count; cancelled ones do not. `missing` > 0 means the target can no
 * longer be met by what is planned.
 */
export function cadenceGoals(
  events: CadenceEvent[],
  targets: CadenceTargets,
  year: number,
  today: string,
): CadenceGoal[] {
  return (Object.keys(CADENCE_GOALS) as CadenceType[]).map((type) => {
    const ofYear = events.filter(
      (e) => e.type === type && e.status !== 'annule' && e.start.startsWith(`${year}-`),
    );
    const held = ofYear.filter((e) => e.status === 'tenu' || e.start.slice(0, 10) < today).length;
    const planned = ofYear.length - held;
    const target = targets[type];
    return {
      type,
      label: EVENT_TYPES[type],
      year,
      target,
      held,
      planned,
      missing: Math.max(0, target - held - planned),
    };
  });
}
