/**
 * What every export does to its cells, whether .xlsx or .csv: text that a spreadsheet could
 * run as a formula is neutralised, numbers get their French formats, columns a fitting width.
 */
import type { ColumnFormat } from './model';

/**
 * A text cell a spreadsheet could take for a formula (`=`, `+`, `-`, `@`, tab, carriage
 * return first) is prefixed with an apostrophe; a phone number in international form
 * (+33612345678) is left as it is, readable.
 */
export function neutralise(text: string): string {
  if (/^\+\d{8,15}$/.test(text)) return text;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The number formats, as written in the file (the spreadsheet shows them in its own locale:
 * in French, 1 234,50 € and 31/12/2026).
 */
export const NUMBER_FORMATS: Record<ColumnFormat, string | undefined> = {
  text: undefined,
  date: 'dd/mm/yyyy',
  year: '0',
  integer: '#,##0',
  decimal: '#,##0.00',
  euros: '#,##0.00 "€"',
  percent: '0.0%',
};

export const MIN_WIDTH = 8;
export const MAX_WIDTH = 60;

/** How many characters a value takes once shown, for the column's width. */
export function shownLength(value: unknown, format: ColumnFormat): number {
  if (value === null || value === undefined) return 0;
  if (value instanceof Date) return 10;
  if (typeof value === 'number') {
    if (format === 'percent') return 6;
    if (format === 'year') return 4;
    const digits = Math.trunc(Math.abs(value)).toString().length;
    const grouped = digits + Math.floor((digits - 1) / 3) + (value < 0 ? 1 : 0);
    if (format === 'euros') return grouped + 5;
    if (format === 'decimal') return grouped + 3;
    return grouped;
  }
  const text = String(value);
  return Math.max(...text.split('\n').map((line) => line.length));
}

/** A width that fits the header (with its filter button) and the longest value, within bounds. */
export function fittedWidth(header: string, longest: number): number {
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, header.length + 4, longest + 2));
}
