/** Names of the files the calendar produces (.ics, attendance sheets): ASCII, dashes, dated. */

/** « Rencontre départementale : bilan ! » → `rencontre-departementale-bilan` (at most 60 chars). */
export function slugOf(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'evenement';
}
