/**
 * Indexes chosen from the queries that were slow on the synthetic nation (`npm run bench`),
 * each justified by an EXPLAIN QUERY PLAN assertion in tests/integration/queryPlans.test.ts:
 * - activity sums over a date range read the reports' period, structure and Promeneur from
 *   one covering index (no row fetched), replacing the narrower activity_reports_dates;
 * - the per-theme and per-channel sums read each report's counts from covering indexes;
 * - the to-do list reads only the unpaid payments and the missing documents (partial indexes).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('activity_reports_dates_scope')
    .on('activity_reports')
    .columns(['period_start', 'period_end', 'structure_id', 'promeneur_id'])
    .execute();
  // Its first two columns are the new index's: kept, it would only slow every write.
  await db.schema.dropIndex('activity_reports_dates').execute();
  await db.schema
    .createIndex('activity_report_themes_sums')
    .on('activity_report_themes')
    .columns(['report_id', 'theme_id', 'count'])
    .execute();
  await db.schema
    .createIndex('activity_report_channels_sums')
    .on('activity_report_channels')
    .columns(['report_id', 'channel_id', 'count'])
    .execute();
  await db.schema
    .createIndex('payments_unpaid')
    .on('convention_payments')
    .column('convention_id')
    .where(sql.ref('paid_on'), 'is', null)
    .execute();
  await db.schema
    .createIndex('documents_missing')
    .on('convention_documents')
    .columns(['convention_id', 'position'])
    .where(sql.ref('received_on'), 'is', null)
    .execute();
}
