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

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** The number of days of a month (1–12) in a year. */
const daysIn = (year: number, month: number) =>
  month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(iso: string, days: number): string {
  // Plain arithmetic for a valid date of years 1000–9999 moved by up to a thousand days (the
  // to-do list computes thousands of these); Date, as before, for anything else.
  const m = ISO_DATE.exec(iso);
  if (m && Number.isInteger(days) && Math.abs(days) <= 1000) {
    let year = Number(m[1]);
    let month = Number(m[2]);
    let day = Number(m[3]);
    if (year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)) {
      day += days;
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
  }
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
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
  const limit = addDays(endDate, 1);
  for (let k = 1; ; k++) {
    const date = addMonths(startDate, 12 * k);
    if (date > limit || (until !== undefined && date > until)) return dates;
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

/** Visits one obligation; its label is built only when asked for. */
export type ObligationVisitor = (
  key: string,
  kind: ObligationKind,
  year: number,
  dueOn: string,
  label: () => string,
) => void;

const obligationLabel = (kind: ObligationKind, suffix: string) =>
  `${OBLIGATION_KINDS[kind]} ${suffix}`;

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
  for (const year of coveredYears(terms.startDate, end)) {
    // A year's obligations fall on its 31 December and then on the J/M date of the next
    // year, and each year's come after the previous year's.
    const certificateDue = `${year}-12-31`;
    if (until !== undefined && certificateDue > until) break;
    const next = dateInYear(year + 1, deadline.month, deadline.day);
    const previous = String(year - 1);
    visit(
      `attestation_service_fait:${year}`,
      'attestation_service_fait',
      year,
      certificateDue,
      () => obligationLabel('attestation_service_fait', String(year)),
    );
    if (until !== undefined && next > until) break;
    visit(`budget_previsionnel:${year}`, 'budget_previsionnel', year, next, () =>
      obligationLabel('budget_previsionnel', String(year)),
    );
    visit(`compte_resultat:${year}`, 'compte_resultat', year, next, () =>
      obligationLabel('compte_resultat', previous),
    );
    visit(`bilan_qualitatif:${year}`, 'bilan_qualitatif', year, next, () =>
      obligationLabel('bilan_qualitatif', previous),
    );
  }
  anniversaries(terms.startDate, end, until).forEach((anniversary, index) => {
    visit(
      `bilan_anniversaire:${index + 1}`,
      'bilan_anniversaire',
      yearOf(anniversary),
      anniversary,
      () =>
        `${OBLIGATION_KINDS.bilan_anniversaire} (${index === 0 ? '1re' : `${index + 1}e`} année, au ${formatDate(anniversary)})`,
    );
  });
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
  eachYearlyObligation(terms, deadline, endedOn, (key, kind, year, dueOn, label) =>
    items.push({ key, kind, year, dueOn, label: label() }),
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
  let k = Math.max(1, yearOf(window.after) - yearOf(terms.startDate));
  while (k > 1 && addMonths(terms.startDate, 12 * (k - 1)) > window.after) k--;
  while (addMonths(terms.startDate, 12 * k) <= window.after) k++;
  for (; ; k++) {
    const anniversary = addMonths(terms.startDate, 12 * k);
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
