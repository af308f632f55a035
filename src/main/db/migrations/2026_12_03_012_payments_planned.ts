/**
 * The to-do list reads the unpaid payments planned within its horizon from a partial index on
 * their planned date (a fifth of the nation's unpaid payments), instead of probing the unpaid
 * payments of every convention and then checking each one's date. Justified by an EXPLAIN
 * QUERY PLAN assertion in tests/integration/queryPlans.test.ts.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('payments_planned')
    .on('convention_payments')
    .column('planned_on')
    .where(sql.ref('paid_on'), 'is', null)
    .execute();
}
