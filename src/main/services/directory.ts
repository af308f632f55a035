/**
 * What the directory services (structures and Promeneurs) share: the network-status history, word search over search keys, and French sorting.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { todayInParis } from '../../shared/rules/dates';
import { searchKey } from '../../shared/rules/text';
import type { Db } from '../db/connection';

export type StatusEntity = 'structure' | 'promeneur' | 'convention';

export interface StatusEntry {
  entity: StatusEntity;
  entityId: number;
  status: string;
  /** The day the status was taken; today in Paris when not given. */
  since: string | null;
}

/** Rows written per statement when several are written together (well under SQLite's limit). */
const ROWS_PER_INSERT = 500;

/** Notes that records took their statuses (several at once: an import's new records). */
export async function recordStatuses(db: Db, entries: readonly StatusEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const today = todayInParis();
  const recordedAt = new Date().toISOString();
  for (let i = 0; i < entries.length; i += ROWS_PER_INSERT)
    await db
      .insertInto('statusHistory')
      .values(
        entries.slice(i, i + ROWS_PER_INSERT).map((e) => ({
          entity: e.entity,
          entityId: e.entityId,
          status: e.status,
          since: e.since ?? today,
          recordedAt,
        })),
      )
      .execute();
}

/** Notes that a record took a status on `since` (today in Paris when not given). */
export function recordStatus(
  db: Db,
  entity: StatusEntity,
  entityId: number,
  status: string,
  since: string | null,
): Promise<void> {
  return recordStatuses(db, [{ entity, entityId, status, since }]);
}

/**
 * How a service creating several records runs each one's own checks and writes: the directory
 * import wraps them to name the row that failed; by default they just run.
 */
export type EachRecord = <T>(index: number, write: () => Promise<T>) => Promise<T>;
export const eachInTurn: EachRecord = (_index, write) => write();

/** A record's statuses, newest first. */
export async function statusHistoryOf(
  db: Db,
  entity: StatusEntity,
  entityId: number,
): Promise<{ status: string; since: string }[]> {
  return db
    .selectFrom('statusHistory')
    .select(['status', 'since'])
    .where('entity', '=', entity)
    .where('entityId', '=', entityId)
    .orderBy('since', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function forgetStatusHistory(
  db: Db,
  entity: StatusEntity,
  entityId: number,
): Promise<void> {
  await db
    .deleteFrom('statusHistory')
    .where('entity', '=', entity)
    .where('entityId', '=', entityId)
    .execute();
}

/** The words of a search, accents and case folded: each must appear in a record's search key. */
export function searchWords(query: string): string[] {
  return searchKey(query).split(' ').filter(Boolean);
}

/** True when a search-key column (e.g. 'structures.searchKey') contains a search word. */
export function containsWord(column: string, word: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`instr(${sql.ref(column)}, ${word}) > 0`;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** French dictionary order ("Élodie" next to "Eloïse"); missing values after the others. */
export function compareText(a: string | null, b: string | null): number {
  if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1);
  return collator.compare(a, b);
}

/** Orders values by their position in a vocabulary (a status list follows its workflow). */
export function compareByRank(
  vocabulary: Record<string, string>,
): (a: string, b: string) => number {
  const keys = Object.keys(vocabulary);
  return (a, b) => keys.indexOf(a) - keys.indexOf(b);
}

/** The same order in SQL: a column's value as its position in the vocabulary (unknown last). */
export function rankOf(column: string, vocabulary: Record<string, string>): RawBuilder<number> {
  const keys = Object.keys(vocabulary);
  const whens = keys.map((key, rank) => sql`when ${key} then ${rank}`);
  return sql<number>`case ${sql.ref(column)} ${sql.join(whens, sql` `)} else ${keys.length} end`;
}

/** Sorts rows by a comparison, ties by id, the whole order reversed for 'desc'. */
export function sortRows<T extends { id: number }>(
  rows: T[],
  compare: (a: T, b: T) => number,
  direction: 'asc' | 'desc',
): T[] {
  const sign = direction === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => sign * (compare(a, b) || a.id - b.id));
}
