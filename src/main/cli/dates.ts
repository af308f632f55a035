/** Dates on the command line: dd/mm/yyyy (as the users write them) or yyyy-mm-dd. */
import { isoDate } from '../../shared/api/fields';
import { UsageError } from './io';

/**
 * The value of option `--<option>` as yyyy-mm-dd; `fallback` when the option is absent, or a
 * UsageError when it has none (the option is then required).
 */
export function parseDate(
  value: string | boolean | undefined,
  option: string,
  fallback?: string,
): string {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(
      `L’option --${option} DATE est obligatoire (jj/mm/aaaa ou aaaa-mm-jj, par exemple --${option} 31/03/2027).`,
    );
  }
  const text = typeof value === 'string' ? value.trim() : '';
  const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const iso = french ? `${french[3]}-${french[2]}-${french[1]}` : text;
  if (!isoDate.safeParse(iso).success)
    throw new UsageError(
      `--${option} attend une date au format jj/mm/aaaa ou aaaa-mm-jj (par exemple --${option} 31/03/2027).`,
    );
  return iso;
}
