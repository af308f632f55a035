/**
 * Rules of the activity indicators: reporting periods (keys such as `2026-03`, `2026-T3`,
 * `2026`, their dates and French labels) and the checks of a report's figures, shared by the
 * form, the service and the reader of returned templates so that all three agree.
 */
import {
  AGE_BANDS,
  MAX_ACTIVITY_COUNT,
  MAX_HOURS_ONLINE,
  type ActivityPeriodKind,
  type AgeBand,
} from '../domain/activity';

export interface Period {
  kind: ActivityPeriodKind;
  key: string;
  year: number;
  /** Month (1–12), quarter (1–4), or 1 for a year. */
  index: number;
  /** First and last days, YYYY-MM-DD. */
  start: string;
  end: string;
  /** « mars 2026 », « 3e trimestre 2026 », « 2026 ». */
  label: string;
}

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const PER_YEAR: Record<ActivityPeriodKind, number> = {
  mensuelle: 12,
  trimestrielle: 4,
  annuelle: 1,
};

/** The period of a kind, year and index (index within the year, from 1). */
export function periodOf(kind: ActivityPeriodKind, year: number, index: number): Period {
  if (kind === 'mensuelle')
    return {
      kind,
      key: `${year}-${pad(index)}`,
      year,
      index,
      start: `${year}-${pad(index)}-01`,
      end: `${year}-${pad(index)}-${pad(lastDayOf(year, index))}`,
      label: `${MONTHS[index - 1]} ${year}`,
    };
  if (kind === 'trimestrielle') {
    const last = index * 3;
    return {
      kind,
      key: `${year}-T${index}`,
      year,
      index,
      start: `${year}-${pad(last - 2)}-01`,
      end: `${year}-${pad(last)}-${pad(lastDayOf(year, last))}`,
      label: `${index === 1 ? '1er' : `${index}e`} trimestre ${year}`,
    };
  }
  return {
    kind,
    key: String(year),
    year,
    index: 1,
    start: `${year}-01-01`,
    end: `${year}-12-31`,
    label: String(year),
  };
}

export const MIN_PERIOD_YEAR = 2000;
export const MAX_PERIOD_YEAR = 2100;

/** A period key read back (`2026-03`, `2026-T3`, `2026`); null when it is none. */
export function parsePeriod(key: string): Period | null {
  const m = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|T([1-4])))?$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) return null;
  if (m[2]) return periodOf('mensuelle', year, Number(m[2]));
  if (m[3]) return periodOf('trimestrielle', year, Number(m[3]));
  return periodOf('annuelle', year, 1);
}

/** The period of a kind containing a day (YYYY-MM-DD). */
export function periodContaining(kind: ActivityPeriodKind, day: string): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (kind === 'mensuelle') return periodOf(kind, year, month);
  if (kind === 'trimestrielle') return periodOf(kind, year, Math.ceil(month / 3));
  return periodOf(kind, year, 1);
}

/** The period `by` periods after (negative: before) a period. */
export function shiftPeriod(period: Period, by: number): Period {
  const perYear = PER_YEAR[period.kind];
  const position = period.year * perYear + (period.index - 1) + by;
  return periodOf(period.kind, Math.floor(position / perYear), (position % perYear) + 1);
}

/** The latest period that has ended by `today` (the one whose figures are now expected). */
export function lastEndedPeriod(kind: ActivityPeriodKind, today: string): Period {
  return shiftPeriod(periodContaining(kind, today), -1);
}

/** The current period and the `count - 1` before it, newest first. */
export function recentPeriods(kind: ActivityPeriodKind, today: string, count: number): Period[] {
  const current = periodContaining(kind, today);
  return Array.from({ length: count }, (_, i) => shiftPeriod(current, -i));
}

/** « 3e trimestre 2026 »; the key itself when it is not one. */
export function periodLabel(key: string): string {
  return parsePeriod(key)?.label ?? key;
}

/* ---- figures ---- */

const fr = (n: number) => n.toLocaleString('fr-FR');

/** Why a count is not acceptable (a whole number from 0 to the bound); null when it is. */
export function countError(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'Indiquez un nombre.';
  if (!Number.isInteger(value)) return 'Nombre entier attendu (pas de décimales).';
  if (value < 0) return 'Le nombre ne peut pas être négatif.';
  if (value > MAX_ACTIVITY_COUNT) return `Au plus ${fr(MAX_ACTIVITY_COUNT)}.`;
  return null;
}

/** Why a number of hours is not acceptable (0 to the bound, two decimals at most). */
export function hoursError(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'Indiquez un nombre d’heures.';
  if (value < 0) return 'Le nombre d’heures ne peut pas être négatif.';
  if (value > MAX_HOURS_ONLINE) return `Au plus ${fr(MAX_HOURS_ONLINE)} heures.`;
  if (Math.abs(value * 100 - Math.round(value * 100)) > 1e-6)
    return 'Deux décimales au plus (par exemple 12,5 ou 12,25).';
  return null;
}

/** Hours as stored: whole hundredths of an hour (12,25 h → 1225). */
export const hoursToHundredths = (hours: number) => Math.round(hours * 100);
export const hundredthsToHours = (hundredths: number) => hundredths / 100;

/** What the cross-field checks need of a report. */
export interface CheckedFigures {
  youngContacted: number;
  youngMet: number;
  ageBands: Record<AgeBand, number> | null;
  channels: { count: number }[];
}

export interface FigureProblem {
  /** The field's path in the report's figures (`youngMet`, `ageBands.age18to25`, `channels.2.count`). */
  path: string;
  message: string;
}

/**
 * The totals that do not hold together: met in person more than contacted, age bands
 * adding up to more than contacted, a channel reaching more young people than contacted in
 * all. (Themes count requests, several per young person: they have no such bound.)
 */
export function figuresProblems(f: CheckedFigures): FigureProblem[] {
  const problems: FigureProblem[] = [];
  const contacted = f.youngContacted;
  if (f.youngMet > contacted)
    problems.push({
      path: 'youngMet',
      message: `Les jeunes rencontrés (${fr(f.youngMet)}) ne peuvent pas dépasser les jeunes contactés en ligne (${fr(contacted)}).`,
    });
  if (f.ageBands) {
    const sum = (Object.keys(AGE_BANDS) as AgeBand[]).reduce((t, b) => t + f.ageBands![b], 0);
    if (sum > contacted)
      problems.push({
        path: 'ageBands.age18to25',
        message: `La répartition par âge (${fr(sum)} jeunes) dépasse le nombre de jeunes contactés en ligne (${fr(contacted)}).`,
      });
  }
  f.channels.forEach((c, i) => {
    if (c.count > contacted)
      problems.push({
        path: `channels.${i}.count`,
        message: `Les jeunes contactés par ce canal (${fr(c.count)}) ne peuvent pas dépasser les jeunes contactés en ligne (${fr(contacted)}).`,
      });
  });
  return problems;
}
