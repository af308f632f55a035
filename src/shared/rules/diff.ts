/** The fields that differ between two versions of a record, as the audit log keeps them. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Compares the given fields of two records; `before` is null for a creation. */
export function diffRecords<T extends Record<string, unknown>>(
  before: T | null,
  after: T | null,
  fields: ReadonlyArray<keyof T & string>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const b = before ? (before[field] ?? null) : null;
    const a = after ? (after[field] ?? null) : null;
    if (!same(b, a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}
