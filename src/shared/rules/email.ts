/** A practical e-mail check: one @, a dotted domain, no spaces. */
export function emailError(input: string): string | null {
  const v = input.trim();
  return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(v)
    ? null
    : 'Adresse e-mail invalide (exemple : prenom.nom@structure.fr).';
}
