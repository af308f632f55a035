/**
 * French phone numbers: stored as E.164 (+33612345678), shown as 06 12 34 56 78.
 * Overseas departments use their own country codes but the same 10-digit national form.
 */
const OVERSEAS: Record<string, string> = {
  '262': '0262|0263|0692|0693|0639', // La Réunion, Mayotte
  '590': '0590|0690|0691', // Guadeloupe
  '594': '0594|0694', // Guyane
  '596': '0596|0696|0697', // Martinique
};

/** Returns the stored form (+33…) or null when the input is not a French number. */
export function normalizePhone(input: string): string | null {
  const raw = input.replace(/[\s.\-()/]/g, '');
  if (raw === '') return null;
  let national: string;
  if (/^0\d{9}$/.test(raw)) national = raw;
  else if (/^(\+|00)33\d{9}$/.test(raw)) national = '0' + raw.replace(/^(\+|00)33/, '');
  else if (/^(\+|00)(262|590|594|596)\d{9}$/.test(raw)) {
    const digits = raw.replace(/^(\+|00)/, '');
    return '+' + digits;
  } else return null;
  if (!/^0[1-9]/.test(national)) return null;
  for (const [code, prefixes] of Object.entries(OVERSEAS)) {
    if (new RegExp(`^(${prefixes})`).test(national)) return `+${code}${national.slice(1)}`;
  }
  return '+33' + national.slice(1);
}

/** Returns a French message when the number is not a French phone number, or null. */
export function phoneError(input: string): string | null {
  return normalizePhone(input)
    ? null
    : 'Numéro de téléphone français attendu (10 chiffres, par exemple 06 12 34 56 78).';
}

/** Shows a stored number in the French way: 06 12 34 56 78. */
export function formatPhone(stored: string | null | undefined): string {
  if (!stored) return '';
  const m = /^\+(33|262|590|594|596)(\d{9})$/.exec(stored);
  if (!m) return stored;
  const national = '0' + m[2];
  return national.replace(/(\d{2})(?=\d)/g, '$1 ');
}
