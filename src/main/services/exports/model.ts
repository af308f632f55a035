/**
 * A workbook described as plain data: the exports build it in main from SQL, and ./writer
 * turns it into an .xlsx (or ./csv into a .csv) in the contained process, so that writing a
 * large workbook never holds up the app. No exceljs here, nothing that cannot cross a process
 * boundary (dates survive: the worker's messages use structured clone).
 *
 * Every sheet has one header row (row 1, frozen, with filters), then its rows; columns say
 * how their cells are formatted; a column marked `total` gets a formula in the totals row.
 */

export type ColumnFormat = 'text' | 'date' | 'year' | 'integer' | 'decimal' | 'euros' | 'percent';

export interface Column {
  header: string;
  format: ColumnFormat;
  /** The totals row sums this column with a formula (SUBTOTAL, so filters narrow it). */
  total?: boolean;
}

/**
 * A formula and its value (shown by viewers that do not recompute). `{r}` stands for the
 * cell's own row number: `E{r}-F{r}`.
 */
export interface Formula {
  formula: string;
  result: number | string | null;
}

export type Value = string | number | Date | Formula | null;

/**
 * A cell with more than its value: highlighted as overdue (a date passed with nothing
 * received or paid), or formatted unlike its column (the Synthèse's values).
 */
export interface Styled {
  value: Value;
  overdue?: true;
  format?: ColumnFormat;
}

export type Cell = Value | Styled;

export interface BarChart {
  title: string;
  /** One label per group of bars. */
  labels: string[];
  /** One or two series, one bar each per label. */
  series: { name: string; values: number[] }[];
  /** How values read on the axis: counts, or cents shown as euros. */
  unit: 'count' | 'cents';
}

export interface Sheet {
  /** French, 31 characters at most, none of : \ / ? * [ ]. */
  name: string;
  columns: Column[];
  rows: Cell[][];
  /** The first cell of the totals row (« Total »); no totals row when absent. */
  totalsLabel?: string;
  /** Said in the first row when there is no row at all. */
  emptyText: string;
  charts?: BarChart[];
}

export interface WorkbookSpec {
  /** The document's title (its properties), and the file's name without the date. */
  title: string;
  created: Date;
  sheets: Sheet[];
}

export const overdue = (value: Value): Styled => ({ value, overdue: true });
export const formatted = (value: Value, format: ColumnFormat): Styled => ({ value, format });
export const isFormula = (value: unknown): value is Formula =>
  value !== null && typeof value === 'object' && !(value instanceof Date) && 'formula' in value;
const isStyled = (cell: Cell): cell is Styled =>
  cell !== null && typeof cell === 'object' && !(cell instanceof Date) && !isFormula(cell);
export const isOverdue = (cell: Cell): boolean => isStyled(cell) && cell.overdue === true;
export const valueOf = (cell: Cell): Value => (isStyled(cell) ? cell.value : cell);
export const formatOf = (cell: Cell, column: Column): ColumnFormat =>
  (isStyled(cell) && cell.format) || column.format;

/** A day (YYYY-MM-DD) as a date cell: midnight UTC, which spreadsheets show as that day. */
export const day = (iso: string | null | undefined): Date | null =>
  iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null;

/** Cents as euros. */
export const euros = (cents: number | null | undefined): number | null =>
  cents === null || cents === undefined ? null : cents / 100;

/** « Oui » / « Non ». */
export const yesNo = (flag: boolean): string => (flag ? 'Oui' : 'Non');

/** The spreadsheet letter of a column (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
