import type { Convention } from '../../shared/api/conventions';
import { MAX_CONVENTION_YEARS } from '../../shared/api/conventions';
import type { ConventionKind } from '../../shared/domain/conventions';
import { coveredYears, renewalTerms } from '../../shared/rules/conventions';

export type YearAmountRow = { year: number; amountCents: number | null };

/** What the convention form holds while a person types (amounts in cents, null when empty). */
export type ConventionFormValues = {
  structureId: number | null;
  reference: string;
  withMsa: boolean;
  kind: ConventionKind | null;
  previousId: number | null;
  startDate: string | null;
  endDate: string | null;
  fundedPromeneurs: number | null;
  subsidies: YearAmountRow[];
  notes: string;
};

export const emptyConvention = (structureId: number | null): ConventionFormValues => ({
  structureId,
  reference: '',
  withMsa: false,
  kind: 'premiere',
  previousId: null,
  startDate: null,
  endDate: null,
  fundedPromeneurs: null,
  subsidies: [],
  notes: '',
});

/** The form of an existing convention: its terms as signed (amendments apply over them). */
export const conventionToForm = (c: Convention): ConventionFormValues => ({
  structureId: c.structure.id,
  reference: c.reference,
  withMsa: c.withMsa,
  kind: c.kind,
  previousId: c.previous?.id ?? null,
  startDate: c.signed.startDate,
  endDate: c.signed.endDate,
  fundedPromeneurs: c.signed.fundedPromeneurs,
  subsidies: yearsOf(c.signed.startDate, c.signed.endDate, c.signed.subsidies),
  notes: c.notes ?? '',
});

/** A renewal started from an expiring convention: same structure and parties, the next period. */
export function renewalForm(previous: Convention): ConventionFormValues {
  const terms = renewalTerms(previous.terms);
  return {
    structureId: previous.structure.id,
    reference: '',
    withMsa: previous.withMsa,
    kind: 'renouvellement',
    previousId: previous.id,
    startDate: terms.startDate,
    endDate: terms.endDate,
    fundedPromeneurs: terms.fundedPromeneurs,
    subsidies: terms.subsidies,
    notes: '',
  };
}

/**
 * One row per year the period covers, keeping the amounts already typed for years still
 * covered (new years start empty). An unfinished or impossible period keeps the rows as
 * they are, so nothing typed is lost while a date is being corrected.
 */
export function yearsOf(
  startDate: string | null,
  endDate: string | null,
  current: { year: number; amountCents: number | null }[],
): YearAmountRow[] {
  if (!startDate || !endDate || endDate <= startDate) return current;
  const years = coveredYears(startDate, endDate);
  if (years.length > MAX_CONVENTION_YEARS + 1) return current;
  const amounts = new Map(current.map((s) => [s.year, s.amountCents]));
  return years.map((year) => ({ year, amountCents: amounts.get(year) ?? null }));
}
