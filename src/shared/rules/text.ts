/** Lower-case, strip accents and fold spaces: the key used by every search. */
export function searchKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[’'`-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Joins the searchable parts of a record into its search key. */
export function searchKeyOf(parts: ReadonlyArray<string | null | undefined>): string {
  return searchKey(parts.filter((p): p is string => !!p).join(' '));
}
