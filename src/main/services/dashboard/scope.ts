/**
 * The dashboard's structure filter (territory, structure type, structure) as SQL conditions,
 * and a record's network status on a given day read from the status history.
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
 * Each record's statuses as intervals: (id, status, opens, closes), the record's status from
 * `opens` (included) to `closes` (excluded; null: still today). Every history entry runs from its
 * `since` to the next entry's, in the order the history is read (by `since`, then by id, so the
 * last entry of a day wins and the others of that day last no time); a record without any
 * history (imported before statuses were recorded) has its current status from its creation.
 * The intervals of a record never overlap: its status on a day is the one of the interval
 * holding that day, or none.
 *
 * Read in one pass over the history (a window over its (entity, entity_id) index), so that
 * the status of every record on many days costs one sort, not one lookup per record and day.
 */
export function statusIntervals(entity: 'structure' | 'promeneur'): RawBuilder<unknown> {
  const table = sql.raw(entity === 'structure' ? 'structures' : 'promeneurs');
  const current = sql.raw(entity === 'structure' ? 'network_status' : 'status');
  return sql`
    select h.entity_id as id, h.status as status, h.since as opens,
      lead(h.since) over (partition by h.entity_id order by h.since, h.id) as closes
    from status_history h where h.entity = ${entity}
    union all
    select r.id, r.${current}, substr(r.created_at, 1, 10), null from ${table} r
    where not exists (select 1 from status_history h where h.entity = ${entity} and h.entity_id = r.id)`;
}

/** Whether the interval `alias` (of `statusIntervals`) holds `day` (a SQL expression). */
export const holds = (alias: string, day: RawBuilder<unknown>): RawBuilder<SqlBool> =>
  sql<SqlBool>`(${sql.ref(`${alias}.opens`)} <= ${day} and (${sql.ref(`${alias}.closes`)} is null or ${sql.ref(`${alias}.closes`)} > ${day}))`;
