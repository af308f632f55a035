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

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The YYYY-MM-DD date of day/month in a year, clamped to the month's last day (29/02 → 28/02). */
export function dateInYear(year: number, month: number, day: number): string {
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
 * that ends there began inside the period (so the last one may fall the day after the end).
 */
export function anniversaries(startDate: string, endDate: string): string[] {
  const dates: string[] = [];
  const limit = addDays(endDate, 1);
  for (let k = 1; ; k++) {
    const date = addMonths(startDate, 12 * k);
    if (date > limit) return dates;
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
 * yearlyObligations): the to-do list walks them without building what it leaves out.
 */
export function eachYearlyObligation(
  terms: Pick<ConventionTerms, 'startDate' | 'endDate'>,
  deadline: ObligationDeadline,
  endedOn: string | null,
  visit: ObligationVisitor,
): void {
  const end = lastDayInForce(terms.endDate, endedOn);
  if (end < terms.startDate) return;
  for (const year of coveredYears(terms.startDate, end)) {
    const next = dateInYear(year + 1, deadline.month, deadline.day);
    const previous = String(year - 1);
    visit(
      `attestation_service_fait:${year}`,
      'attestation_service_fait',
      year,
      `${year}-12-31`,
      () => obligationLabel('attestation_service_fait', String(year)),
    );
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
  anniversaries(terms.startDate, end).forEach((anniversary, index) => {
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

/** The dates to watch at the end of an agreement in force: its end, and each notice deadline. */
export function conventionDeadlines(
  terms: Pick<ConventionTerms, 'startDate' | 'endDate'>,
): ConventionDeadline[] {
  return [
    ...noticeDeadlines(terms.startDate, terms.endDate).map((n) => ({
      key: `notice:${n.anniversary}`,
      kind: 'notice' as const,
      date: n.noticeBy,
      anniversary: n.anniversary,
    })),
    { key: 'end', kind: 'end' as const, date: terms.endDate, anniversary: null },
  ];
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
