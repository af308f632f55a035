/**
 * The date and money rules of a funding agreement, as pure functions: from a convention
 * and its amendments to its terms as amended, its covered years, anniversaries, notice
 * deadlines, yearly obligations, and the totals committed versus paid.
 *
 * Dates are calendar dates as YYYY-MM-DD; amounts are whole cents.
 */
import { NOTICE_MONTHS, OBLIGATION_KINDS, type ObligationKind } from '../domain/conventions';
import { addMonths, formatDate } from './dates';

export interface YearAmount {
  year: number;
  amountCents: number;
}

/** What an agreement commits to: its period, its funded Promeneurs, its subsidy per year. */
export interface ConventionTerms {
  startDate: string;
  endDate: string;
  fundedPromeneurs: number;
  subsidies: YearAmount[];
}

/** What an amendment changes; null (or no entry) leaves a term as it was. */
export interface AmendmentChanges {
  signedOn: string;
  endDate: string | null;
  fundedPromeneurs: number | null;
  /** New amounts for the years listed (a year not covered before is added). */
  subsidies: YearAmount[];
}

/** The J/M date of year N+1 by which the documents of year N are due (a setting). */
export interface ObligationDeadline {
  day: number;
  month: number;
}

export const DEFAULT_OBLIGATION_DEADLINE: ObligationDeadline = { day: 30, month: 6 };

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** The number of days of a month (1–12) in a year. */
const daysIn = (year: number, month: number) =>
  month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => (n < 10 ? `0${n}` : String(n)));
const pad2 = (n: number) => TWO_DIGITS[n] ?? String(n);

/**
 * A YYYY-MM-DD date as the number YYYYMMDD when it is a real date of years 1000–9999, else
 * 0; read digit by digit, without making a string or an array (the to-do list reads tens of
 * thousands of dates).
 */
function ymdOf(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return 0;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = iso.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return 0;
    n = n * 10 + digit;
  }
  const year = Math.floor(n / 10000);
  const month = Math.floor(n / 100) % 100;
  const day = n % 100;
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)
    ? n
    : 0;
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(iso: string, days: number): string {
  // Plain arithmetic for a real date of years 1000–9999 moved by up to a thousand days (the
  // to-do list computes thousands of these); Date, as before, for anything else.
  const ymd = ymdOf(iso);
  if (ymd !== 0 && Number.isInteger(days) && Math.abs(days) <= 1000) {
    let year = Math.floor(ymd / 10000);
    let month = Math.floor(ymd / 100) % 100;
    let day = (ymd % 100) + days;
    while (day > daysIn(year, month)) {
      day -= daysIn(year, month);
      month++;
      if (month > 12) {
        month = 1;
        year++;
      }
    }
    while (day < 1) {
      month--;
      if (month < 1) {
        month = 12;
        year--;
      }
      day += daysIn(year, month);
    }
    if (year >= 1000 && year <= 9999) return `${year}-${pad2(month)}-${pad2(day)}`;
  }
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The k-th anniversary of a start date, as addMonths(startDate, 12 * k) gives it: the same
 * month and day k years on, 29/02 becoming 28/02 in common years. `ymd` is ymdOf(startDate).
 */
function anniversaryOf(startDate: string, ymd: number, k: number): string {
  const year = Math.floor(ymd / 10000) + k;
  if (ymd === 0 || year > 9999) return addMonths(startDate, 12 * k);
  const month = Math.floor(ymd / 100) % 100;
  return `${year}-${pad2(month)}-${pad2(Math.min(ymd % 100, daysIn(year, month)))}`;
}

/** The YYYY-MM-DD date of day/month in a year, clamped to the month's last day (29/02 → 28/02). */
export function dateInYear(year: number, month: number, day: number): string {
  if (
    year >= 1000 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    Number.isInteger(day) &&
    day >= 1
  )
    return `${year}-${pad2(month)}-${pad2(Math.min(day, daysIn(year, month)))}`;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(Math.min(day, lastDay))}`;
}

/** Whether day/month exists in some year (29/02 does; 31/04 does not). */
export function isValidDayOfMonth(day: number, month: number): boolean {
  return (
    month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2024, month, 0)).getUTCDate()
  );
}

const yearOf = (iso: string) => Number(iso.slice(0, 4));

/** The calendar years an agreement covers, from its start to its end, both included. */
export function coveredYears(startDate: string, endDate: string): number[] {
  const years: number[] = [];
  for (let y = yearOf(startDate); y <= yearOf(endDate); y++) years.push(y);
  return years;
}

/**
 * The agreement's anniversaries: the start date plus one, two… years, as long as the year
 * that ends there began inside the period (so the last one may fall the day after the end);
 * with `until`, only those on or before it.
 */
export function anniversaries(startDate: string, endDate: string, until?: string): string[] {
  const dates: string[] = [];
  const ymd = ymdOf(startDate);
  let limit: string | null = null; // the day after the end, made only when needed
  for (let k = 1; ; k++) {
    const date = anniversaryOf(startDate, ymd, k);
    if (until !== undefined && date > until) return dates;
    if (date > endDate && date > (limit ??= addDays(endDate, 1))) return dates;
    dates.push(date);
  }
}

export interface NoticeDeadline {
  /** The anniversary at which a termination would take effect. */
  anniversary: string;
  /** The last day to send the registered letter: the anniversary minus three months. */
  noticeBy: string;
}

/**
 * The last day to give notice before each anniversary that falls inside the period
 * (an anniversary after the end date is the natural end: no notice is needed for it).
 */
export function noticeDeadlines(startDate: string, endDate: string): NoticeDeadline[] {
  return anniversaries(startDate, endDate)
    .filter((anniversary) => anniversary <= endDate)
    .map((anniversary) => ({ anniversary, noticeBy: addMonths(anniversary, -NOTICE_MONTHS) }));
}

/** Whole months from one date to another (the day of month counting as in addMonths). */
export function monthsBetween(from: string, to: string): number {
  let months = (yearOf(to) - yearOf(from)) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  if (addMonths(from, months) > to) months -= 1;
  return months;
}

/** The terms as amended: each amendment applies over the previous ones, by date of signature. */
export function amendedTerms(
  base: ConventionTerms,
  amendments: AmendmentChanges[],
): ConventionTerms {
  const ordered = [...amendments].sort((a, b) => a.signedOn.localeCompare(b.signedOn));
  let terms: ConventionTerms = { ...base, subsidies: [...base.subsidies] };
  for (const a of ordered) {
    const subsidies = new Map(terms.subsidies.map((s) => [s.year, s.amountCents]));
    for (const s of a.subsidies) subsidies.set(s.year, s.amountCents);
    terms = {
      startDate: terms.startDate,
      endDate: a.endDate ?? terms.endDate,
      fundedPromeneurs: a.fundedPromeneurs ?? terms.fundedPromeneurs,
      subsidies: [...subsidies].map(([year, amountCents]) => ({ year, amountCents })),
    };
  }
  const years = new Set(coveredYears(terms.startDate, terms.endDate));
  return {
    ...terms,
    subsidies: terms.subsidies.filter((s) => years.has(s.year)).sort((a, b) => a.year - b.year),
  };
}

/** The last day the agreement is in force: its end, or the day before it was terminated. */
export function lastDayInForce(endDate: string, endedOn: string | null): string {
  if (endedOn === null) return endDate;
  const lastDay = addDays(endedOn, -1);
  return lastDay < endDate ? lastDay : endDate;
}

export interface ObligationDue {
  /** Stable key: the same obligation keeps its state when the list is generated again. */
  key: string;
  kind: ObligationKind;
  /** The covered year it belongs to (for an anniversary report, the anniversary's year). */
  year: number;
  dueOn: string;
  label: string;
}

/**
 * Visits one obligation: its key, kind, year and due date, and for an anniversary report its
 * rank (1 for the first year; 0 for the others). Its label is built apart (obligationLabel),
 * only when needed.
 */
export type ObligationVisitor = (
  key: string,
  kind: ObligationKind,
  year: number,
  dueOn: string,
  rank: number,
) => void;

// Keys and labels of a year's obligations, made once per year and then shared: the to-do
// list looks up and shows tens of thousands of them, and a string already hashed is found
// at once.
const YEAR_KINDS = [
  'attestation_service_fait',
  'budget_previsionnel',
  'compte_resultat',
  'bilan_qualitatif',
] as const;
type OfYear = readonly [string, string, string, string];
interface YearObligations {
  keys: OfYear;
  labels: OfYear;
  certificateDue: string;
  /** The J/M date of the next year, by J/M setting (month * 100 + day). */
  next: Map<number, string>;
}
const ofYear = new Map<number, YearObligations>();
const named = (kind: ObligationKind, year: number) => `${OBLIGATION_KINDS[kind]} ${year}`;
const obligationsOfYear = (year: number) => {
  let made = ofYear.get(year);
  if (!made) {
    made = {
      keys: [
        `attestation_service_fait:${year}`,
        `budget_previsionnel:${year}`,
        `compte_resultat:${year}`,
        `bilan_qualitatif:${year}`,
      ],
      // Year N asks for the income statement and the report of year N-1.
      labels: [
        named('attestation_service_fait', year),
        named('budget_previsionnel', year),
        named('compte_resultat', year - 1),
        named('bilan_qualitatif', year - 1),
      ],
      certificateDue: `${year}-12-31`,
      next: new Map(),
    };
    ofYear.set(year, made);
  }
  return made;
};
const nextDue = (of: YearObligations, year: number, deadline: ObligationDeadline) => {
  const setting = deadline.month * 100 + deadline.day;
  let date = of.next.get(setting);
  if (date === undefined)
    of.next.set(setting, (date = dateInYear(year + 1, deadline.month, deadline.day)));
  return date;
};
const anniversaryKeys: string[] = [];
const anniversaryKey = (rank: number) => (anniversaryKeys[rank] ??= `bilan_anniversaire:${rank}`);

/** « Budget prévisionnel 2026 », « Compte de résultat 2025 » (for 2026), « Bilan d’activité… (1re année, au 01/01/2027) ». */
export function obligationLabel(
  kind: ObligationKind,
  year: number,
  dueOn: string,
  rank: number,
): string {
  if (kind === 'bilan_anniversaire')
    return `${OBLIGATION_KINDS.bilan_anniversaire} (${rank === 1 ? '1re' : `${rank}e`} année, au ${formatDate(dueOn)})`;
  return obligationsOfYear(year).labels[YEAR_KINDS.indexOf(kind)]!;
}

/**
 * Visits every obligation of the covered years, in no particular order (see
 * yearlyObligations): the to-do list walks them without building what it leaves out, and
 * with `until` only those due on or before it (the years after are not even looked at).
 */
export function eachYearlyObligation(
  terms: Pick<ConventionTerms, 'startDate' | 'endDate'>,
  deadline: ObligationDeadline,
  endedOn: string | null,
  visit: ObligationVisitor,
  until?: string,
): void {
  const end = lastDayInForce(terms.endDate, endedOn);
  if (end < terms.startDate) return;
  const firstYear = yearOf(terms.startDate);
  const lastYear = yearOf(end);
  for (let year = firstYear; year <= lastYear; year++) {
    // A year's obligations fall on its 31 December and then on the J/M date of the next
    // year, and each year's come after the previous year's.
    const of = obligationsOfYear(year);
    if (until !== undefined && of.certificateDue > until) break;
    visit(of.keys[0], 'attestation_service_fait', year, of.certificateDue, 0);
    const next = nextDue(of, year, deadline);
    if (until !== undefined && next > until) break;
    visit(of.keys[1], 'budget_previsionnel', year, next, 0);
    visit(of.keys[2], 'compte_resultat', year, next, 0);
    visit(of.keys[3], 'bilan_qualitatif', year, next, 0);
  }
  // The k-th anniversary falls k years after the start's year.
  const dates = anniversaries(terms.startDate, end, until);
  for (let k = 1; k <= dates.length; k++)
    visit(anniversaryKey(k), 'bilan_anniversaire', firstYear + k, dates[k - 1]!, k);
}

/**
 * Every obligation of the covered years, sorted by due date: for each year N, the
 * certificate of service done by 31 December of N, and the forecast budget N, the income
 * statement N-1 and the qualitative and quantitative report N-1 by the J/M date of N+1;
 * after each anniversary, the yearly activity report and income statement.
 * A termination (`endedOn`) drops what falls after it.
 */
export function yearlyObligations(
  terms: Pick<ConventionTerms, 'startDate' | 'endDate'>,
  deadline: ObligationDeadline,
  endedOn: string | null = null,
): ObligationDue[] {
  const items: ObligationDue[] = [];
  eachYearlyObligation(terms, deadline, endedOn, (key, kind, year, dueOn, rank) =>
    items.push({ key, kind, year, dueOn, label: obligationLabel(kind, year, dueOn, rank) }),
  );
  return items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.key.localeCompare(b.key));
}

export interface ConventionDeadline {
  /** Stable key within the convention: `end` or `notice:<anniversary>`. */
  key: string;
  kind: 'end' | 'notice';
  date: string;
  /** For a notice deadline, the anniversary it comes before. */
  anniversary: string | null;
}

/** The window of the to-do list: after one day (today), up to another (its horizon). */
export interface DeadlineWindow {
  /** Notice deadlines whose anniversary is on or before this day are left out. */
  after: string;
  /** Deadlines after this day are left out. */
  until: string;
}

const noticeDeadline = (n: NoticeDeadline): ConventionDeadline => ({
  key: `notice:${n.anniversary}`,
  kind: 'notice',
  date: n.noticeBy,
  anniversary: n.anniversary,
});

/**
 * The dates to watch at the end of an agreement in force: each notice deadline, and its
 * end. Within a window, only what it shows: the notice deadlines whose anniversary is still
 * to come and whose date is within it, and the end if within it. The anniversaries already
 * passed are skipped, not computed.
 */
export function conventionDeadlines(
  terms: Pick<ConventionTerms, 'startDate' | 'endDate'>,
  window?: DeadlineWindow,
): ConventionDeadline[] {
  const end: ConventionDeadline = {
    key: 'end',
    kind: 'end',
    date: terms.endDate,
    anniversary: null,
  };
  if (window === undefined)
    return [...noticeDeadlines(terms.startDate, terms.endDate).map(noticeDeadline), end];
  const deadlines: ConventionDeadline[] = [];
  // Anniversaries, like their notice dates, come in order: start at the first one after
  // `after`, stop at the end or once the notice date is beyond `until`.
  const start = terms.startDate;
  const ymd = ymdOf(start);
  let k = Math.max(1, yearOf(window.after) - yearOf(start));
  while (k > 1 && anniversaryOf(start, ymd, k - 1) > window.after) k--;
  while (anniversaryOf(start, ymd, k) <= window.after) k++;
  for (; ; k++) {
    const anniversary = anniversaryOf(start, ymd, k);
    if (anniversary > terms.endDate) break;
    const noticeBy = addMonths(anniversary, -NOTICE_MONTHS);
    if (noticeBy > window.until) break;
    deadlines.push(noticeDeadline({ anniversary, noticeBy }));
  }
  if (terms.endDate <= window.until) deadlines.push(end);
  return deadlines;
}

export interface PaymentLine {
  year: number;
  amountCents: number;
  /** Null while the payment is only planned. */
  paidOn: string | null;
}

export interface YearTotals {
  year: number;
  committedCents: number;
  paidCents: number;
  plannedCents: number;
  /** Committed minus paid: what is still to pay for that year. */
  remainingCents: number;
}

/** Per year: the subsidy committed, what was paid, what is planned, and what remains. */
export function yearTotals(subsidies: YearAmount[], payments: PaymentLine[]): YearTotals[] {
  const years = new Set([...subsidies.map((s) => s.year), ...payments.map((p) => p.year)]);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const committedCents = subsidies
        .filter((s) => s.year === year)
        .reduce((t, s) => t + s.amountCents, 0);
      const ofYear = payments.filter((p) => p.year === year);
      const paidCents = ofYear
        .filter((p) => p.paidOn !== null)
        .reduce((t, p) => t + p.amountCents, 0);
      const plannedCents = ofYear
        .filter((p) => p.paidOn === null)
        .reduce((t, p) => t + p.amountCents, 0);
      return {
        year,
        committedCents,
        paidCents,
        plannedCents,
        remainingCents: committedCents - paidCents,
      };
    });
}

/**
 * The terms of a renewal started from an expiring agreement: it starts the day after the
 * end, lasts as long, funds as many Promeneurs, and each new year gets the last year's
 * amount (the guide recommends a flat rate per Promeneur and per year).
 */
export function renewalTerms(previous: ConventionTerms): ConventionTerms {
  const startDate = addDays(previous.endDate, 1);
  const months = Math.max(1, monthsBetween(previous.startDate, addDays(previous.endDate, 1)));
  const endDate = addDays(addMonths(startDate, months), -1);
  const last = previous.subsidies.at(-1)?.amountCents ?? 0;
  return {
    startDate,
    endDate,
    fundedPromeneurs: previous.fundedPromeneurs,
    subsidies: coveredYears(startDate, endDate).map((year) => ({ year, amountCents: last })),
  };
}

// One formatter for every call: building one costs far more than formatting with it.
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** Euros from cents, French style: 12 345,60 €. */
export function formatEuros(cents: number): string {
  return euros.format(cents / 100);
}
