/** Select options from a value list of src/shared/domain/directory.ts, in its order. */
export function optionsOf<T extends Record<string, string>>(labels: T) {
  return Object.entries(labels).map(([value, label]) => ({
    value: value as keyof T & string,
    label,
  }));
}

/** The French label of a key, or the key itself when it is not (or no longer) in the list. */
export function labelOf(labels: Record<string, string>, key: string | null | undefined): string {
  if (key === null || key === undefined) return '';
  return labels[key] ?? key;
}
