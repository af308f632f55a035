/**
 * One sheet as CSV for a spreadsheet or a website in French: UTF-8 with a byte-order mark
 * (so Excel reads the accents), semicolons, CRLF line ends, fields quoted when needed, dates
 * as dd/mm/yyyy, decimals with a comma, text neutralised as in the workbooks.
 */
import { neutralise } from './cells';
import { isFormula, valueOf, type Sheet, type Value } from './model';

const pad = (n: number) => String(n).padStart(2, '0');

function field(value: Value): string {
  if (value === null) return '';
  if (value instanceof Date)
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (isFormula(value)) return field(value.result);
  const text = neutralise(value);
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function writeCsv(sheet: Sheet): Uint8Array {
  const lines = [
    sheet.columns.map((c) => field(c.header)),
    ...sheet.rows.map((row) => sheet.columns.map((_, i) => field(valueOf(row[i] ?? null)))),
  ].map((cells) => cells.join(';'));
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}
