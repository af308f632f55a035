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
 * The status a record (`alias`, a structures or promeneurs row) had on `day` (a SQL
 * expression): the latest history entry on or before that day. A record without any
 * history (imported before statuses were recorded) has its current status from its creation.
 */
export function statusOn(
  entity: 'structure' | 'promeneur',
  alias: string,
  day: RawBuilder<unknown>,
  currentColumn: 'status' | 'network_status',
): RawBuilder<string | null> {
  const id = sql.ref(`${alias}.id`);
  return sql<string | null>`coalesce(
    (select h.status from status_history h
      where h.entity = ${entity} and h.entity_id = ${id} and h.since <= ${day}
      order by h.since desc, h.id desc limit 1),
    case when not exists (select 1 from status_history h
        where h.entity = ${entity} and h.entity_id = ${id})
      and substr(${sql.ref(`${alias}.created_at`)}, 1, 10) <= ${day}
      then ${sql.raw(`${alias}.${currentColumn}`)} end)`;
}
