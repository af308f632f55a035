/** Euros as people type them, cents as the API stores them. */

/** 1234.5 (euros, as a number input gives it) → 123450 cents; null for an empty field. */
export function eurosToCents(euros: number | string | null | undefined): number | null {
  if (euros === null || euros === undefined || euros === '') return null;
  const value = typeof euros === 'number' ? euros : Number(euros);
  return Number.isFinite(value) ? Math.round(value * 100) : null;
}

/** 123450 cents → 1234.5 euros, for a number input; '' when there is no amount. */
export function centsToEuros(cents: number | null | undefined): number | '' {
  return cents === null || cents === undefined ? '' : cents / 100;
}

/** The sum of amounts, ignoring the empty ones. */
export const sumCents = (amounts: { amountCents: number | null }[]) =>
  amounts.reduce((total, a) => total + (a.amountCents ?? 0), 0);
