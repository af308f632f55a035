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

/**
 * A text's place in French alphabetical order as a plain string, so that SQLite's binary order
 * on a stored key (and an index on it) gives the order of a French collator ignoring case and
 * accents: accents and case folded as in `searchKey`, ligatures spelled out (« Œ » as « oe »),
 * and numbers padded so that « 9 » comes before « 10 ». The stored keys (`sort_key` columns)
 * are written with it: a change here needs a migration that recomputes them.
 */
export function sortKey(value: string): string {
  return searchKey(value.replace(/\p{Cc}/gu, ''))
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/\d+/g, (digits) => digits.padStart(SORT_DIGITS, '0'));
}

const SORT_DIGITS = 10;
/** Below every character a key holds: « Le » then « Le Gall », whatever the next part. */
const SORT_PART_SEPARATOR = '\u0001';

/** The sort key of a record ordered by several texts in turn (last name, then first name). */
export function sortKeyOf(parts: ReadonlyArray<string>): string {
  return parts.map(sortKey).join(SORT_PART_SEPARATOR);
}
