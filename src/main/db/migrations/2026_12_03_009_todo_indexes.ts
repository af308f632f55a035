/**
 * Indexes for the to-do list (À faire) at national scale, each justified by an EXPLAIN QUERY
 * PLAN assertion in tests/integration/queryPlans.test.ts:
 * - the past events whose attendance is still to record are found from the invitees without
 *   a mark (a partial index: the future events' invitees and the few forgotten, not the
 *   years of marked attendance), instead of probing the invitees of every past event;
 * - the received obligations' keys are read, by convention, from a covering partial index
 *   (no state row fetched).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('invitees_unmarked')
    .on('event_invitees')
    .column('event_id')
    .where(sql.ref('attendance'), 'is', null)
    .execute();
  await db.schema
    .createIndex('obligations_received')
    .on('obligation_states')
    .columns(['convention_id', 'key', 'received_on'])
    .where(sql.ref('received_on'), 'is not', null)
    .execute();
}
