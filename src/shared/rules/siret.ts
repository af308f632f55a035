/** Keeps digits only: people type SIRET numbers with spaces. */
export function normalizeSiret(input: string): string {
  return input.replace(/[\s.]/g, '');
}

/** Luhn checksum over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (d < 0 || d > 9) return false;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** La Poste's establishments share SIREN 356000000 and follow a sum-of-digits rule instead of Luhn. */
const LA_POSTE_SIREN = '356000000';

/** Returns a French message when the SIRET is wrong, or null when it is valid. */
export function siretError(input: string): string | null {
  const siret = normalizeSiret(input);
  if (!/^\d{14}$/.test(siret)) return 'Le SIRET doit compter exactement 14 chiffres.';
  if (siret.startsWith(LA_POSTE_SIREN)) {
    const sum = [...siret].reduce((s, c) => s + Number(c), 0);
    return sum % 5 === 0 ? null : 'Ce SIRET n’est pas valide (clé de contrôle incorrecte).';
  }
  return luhnValid(siret) ? null : 'Ce SIRET n’est pas valide (clé de contrôle incorrecte).';
}

/** Shows a SIRET as people read it: 123 456 789 00012. */
export function formatSiret(siret: string): string {
  const s = normalizeSiret(siret);
  return s.length === 14 ? `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6, 9)} ${s.slice(9)}` : s;
}
