/** How the dashboard writes numbers: French digits, euros from cents, percentages. */
import { formatEuros } from '../../shared/rules/conventions';

export const fr = (n: number) => n.toLocaleString('fr-FR');

export const euros = formatEuros;

/** Whole euros, without cents, for axes: « 12 000 € ». */
export const eurosShort = (cents: number) =>
  new Intl.NumberFormat('fr-FR', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(cents / 100);

/** A share (0 to 1) as « 72 % »; « — » when there is none. */
export const percent = (share: number | null, digits = 0) =>
  share === null
    ? '—'
    : new Intl.NumberFormat('fr-FR', {
        style: 'percent',
        maximumFractionDigits: digits,
      }).format(share);

/** The colours of the series (colour-blind safe), written as values so a saved PNG keeps them. */
export const COLOURS = {
  blue: '#1c6dd0',
  orange: '#d9480f',
  green: '#2b8a3e',
  grey: '#868e96',
  red: '#c92a2a',
} as const;

/**
 * The top of a count axis with four round, whole steps (380 → 400, 1 115 → 1 200, 22 → 24):
 * recharts would otherwise split the largest value itself into steps of 95.
 */
export function niceMax(max: number): number {
  if (max <= 4) return 4;
  const unit = 10 ** Math.floor(Math.log10(max / 4));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8, 10]
    .map((k) => k * unit)
    .find((s) => Number.isInteger(s) && s * 4 >= max)!;
  return step * 4;
}
