/**
 * What the dashboard reads at national scale (`npm run bench`):
 * - each structure's and Promeneur's statuses as intervals, kept exact by triggers on every write
 *   to the status history and to the records. The network series and the training coverage
 *   read who was « actif » or « dans le réseau » on a day from these few thousand rows instead
 *   of windowing the whole history on every call;
 * - `payments_paid`, the paid amounts by year (a partial index): the network's paid subsidies per
 *   year are summed from it alone, in its order, without reading the payments.
 *
 * status_intervals (entity, entity_id, status, opens, closes): the record's status from `opens`
 * (included) to `closes` (excluded; null: still today). Every history entry runs from its `since`
 * to the next entry's, in the order the history is read (by `since`, then by id, so the last
 * entry of a day wins); entries that last no time (others of the same day) are left out, so a
 * record's intervals never overlap. A record without any history
 * (imported before statuses were recorded) has its current status from its creation. History
 * entries stay intervals after their record is deleted, as the history itself stays.
 *
 * Each trigger works a record's intervals out again from its history and its row (a handful of
 * rows through the history's (entity, entity_id) index), so they are exact by construction.
 */
import { sql, type Kysely } from 'kysely';

interface Entity {
  entity: 'structure' | 'promeneur';
  table: string;
  status: string;
}

const ENTITIES: readonly Entity[] = [
  { entity: 'structure', table: 'structures', status: 'network_status' },
  { entity: 'promeneur', table: 'promeneurs', status: 'status' },
];

/** The intervals of every record of `e`, or of the one whose id is the SQL expression `id`. */
function intervals(e: Entity, id: string | null): string {
  const only = (column: string) => (id === null ? '' : `and ${column} = ${id}`);
  return `select '${e.entity}', entity_id, status, opens, closes from (
      select h.entity_id, h.status, h.since as opens,
        lead(h.since) over (partition by h.entity_id order by h.since, h.id) as closes
      from status_history h where h.entity = '${e.entity}' ${only('h.entity_id')}
    ) where closes is null or closes > opens
    union all
    select '${e.entity}', r.id, r.${e.status}, substr(r.created_at, 1, 10), null from ${e.table} r
    where not exists (
      select 1 from status_history h where h.entity = '${e.entity}' and h.entity_id = r.id
    ) ${only('r.id')}`;
}

/** Works the intervals of one record (`id`, a SQL expression) out again. */
function refresh(e: Entity, id: string): string {
  return `delete from status_intervals where entity = '${e.entity}' and entity_id = ${id};
    insert into status_intervals (entity, entity_id, status, opens, closes) ${intervals(e, id)};`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('status_intervals')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opens', 'text', (c) => c.notNull())
    .addColumn('closes', 'text')
    .execute();
  // Every column, by record: a trigger finds a record's intervals, and a count reads them,
  // from the index alone.
  await db.schema
    .createIndex('status_intervals_record')
    .on('status_intervals')
    .columns(['entity', 'entity_id', 'status', 'opens', 'closes'])
    .execute();

  const triggers: string[] = [];
  for (const e of ENTITIES) {
    // What is already there, worked out once.
    await sql
      .raw(
        `insert into status_intervals (entity, entity_id, status, opens, closes) ${intervals(e, null)}`,
      )
      .execute(db);
    const history = `status_history_${e.entity}_intervals`;
    const record = `${e.table}_status_intervals`;
    triggers.push(
      `create trigger ${history}_insert after insert on status_history
      when new.entity = '${e.entity}' begin
        ${refresh(e, 'new.entity_id')}
      end`,
      `create trigger ${history}_delete after delete on status_history
      when old.entity = '${e.entity}' begin
        ${refresh(e, 'old.entity_id')}
      end`,
      // Working out a record that was not concerned changes nothing, so both sides are redone.
      `create trigger ${history}_update after update on status_history
      when old.entity = '${e.entity}' or new.entity = '${e.entity}' begin
        ${refresh(e, 'old.entity_id')}
        ${refresh(e, 'new.entity_id')}
      end`,
      // The record's row matters only to a record without history (its status since creation).
      `create trigger ${record}_insert after insert on ${e.table} begin
        ${refresh(e, 'new.id')}
      end`,
      `create trigger ${record}_delete after delete on ${e.table} begin
        ${refresh(e, 'old.id')}
      end`,
      `create trigger ${record}_update after update of id, ${e.status}, created_at on ${e.table}
      begin
        ${refresh(e, 'old.id')}
        ${refresh(e, 'new.id')}
      end`,
    );
  }
  for (const trigger of triggers) await sql.raw(trigger).execute(db);

  await db.schema
    .createIndex('payments_paid')
    .on('convention_payments')
    .columns(['year', 'amount_cents'])
    .where(sql.ref('paid_on'), 'is not', null)
    .execute();
}
