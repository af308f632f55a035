/**
 * The dashboard's structure filter (territory, structure type, structure) as SQL conditions,
 * and a record's network status on a given day read from the kept status intervals.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DashboardFilters } from '../../../shared/api/dashboard';

export type StructureScope = Pick<DashboardFilters, 'territory' | 'structureType' | 'structureId'>;

/** Whether any part of the structure filter is set. */
export const scoped = (f: StructureScope) =>
  f.territory !== null || f.structureType !== null || f.structureId !== null;

/** The filter as a condition on the structures table under `alias` (true when unset). */
export function structureIn(alias: string, f: StructureScope): RawBuilder<SqlBool> {
  const parts: RawBuilder<unknown>[] = [];
  if (f.structureId !== null) parts.push(sql`${sql.ref(`${alias}.id`)} = ${f.structureId}`);
  if (f.structureType !== null) parts.push(sql`${sql.ref(`${alias}.type`)} = ${f.structureType}`);
  if (f.territory !== null) parts.push(sql`${sql.ref(`${alias}.territory`)} = ${f.territory}`);
  return parts.length === 0 ? sql<SqlBool>`1 = 1` : sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/**
 * The structures in scope joined as `s` on `structureId` (a column), or nothing when the filter
 * is unset: every record's structure exists (a required foreign key), so the join would only
 * read each record's structure for nothing.
 */
export const joinScope = (structureId: string, f: StructureScope): RawBuilder<unknown> =>
  scoped(f)
    ? sql`join structures s on s.id = ${sql.ref(structureId)} and ${structureIn('s', f)}`
    : sql``;

/**
 * Each record's statuses as intervals: (id, status, opens, closes), the record's status from
 * `opens` (included) to `closes` (excluded; null: still today), as the triggers of migration 011
 * keep them from the status history. The intervals of a record never overlap: its status on a
 * day is the one of the interval holding that day, or none.
 */
export const statusIntervals = (entity: 'structure' | 'promeneur'): RawBuilder<unknown> => sql`
  select entity_id as id, status, opens, closes from status_intervals where entity = ${entity}`;

/** Whether the interval `alias` (of `statusIntervals`) holds `day` (a SQL expression). */
export const holds = (alias: string, day: RawBuilder<unknown>): RawBuilder<SqlBool> =>
  sql<SqlBool>`(${sql.ref(`${alias}.opens`)} <= ${day} and (${sql.ref(`${alias}.closes`)} is null or ${sql.ref(`${alias}.closes`)} > ${day}))`;
