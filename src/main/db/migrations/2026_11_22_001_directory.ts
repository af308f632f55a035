/** The directory: host structures, Promeneurs, their profiles and duty slots, status history, audit log, settings. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('structures')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('legal_form', 'text', (c) => c.notNull())
    .addColumn('siret', 'text')
    .addColumn('address', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('commune', 'text')
    .addColumn('territory', 'text')
    .addColumn('qpv', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('representative_name', 'text')
    .addColumn('representative_title', 'text')
    .addColumn('network_status', 'text', (c) => c.notNull())
    .addColumn('selection_year', 'integer')
    .addColumn('charter_signed_on', 'text')
    .addColumn('charter_signatory', 'text')
    .addColumn('notes', 'text')
    .addColumn('search_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('structures_status')
    .on('structures')
    .columns(['archived_at', 'network_status'])
    .execute();

  await db.schema
    .createTable('promeneurs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('structure_id', 'integer', (c) =>
      c.notNull().references('structures.id').onDelete('restrict'),
    )
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('start_date', 'text')
    .addColumn('charter_signed_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('compliance', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('compliance_checked_on', 'text')
    .addColumn('publication', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('notes', 'text')
    .addColumn('search_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('promeneurs_structure')
    .on('promeneurs')
    .column('structure_id')
    .execute();
  await db.schema
    .createIndex('promeneurs_status')
    .on('promeneurs')
    .columns(['archived_at', 'status'])
    .execute();

  await db.schema
    .createTable('promeneur_profiles')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('promeneur_id', 'integer', (c) =>
      c.notNull().references('promeneurs.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .execute();
  await db.schema
    .createIndex('profiles_promeneur')
    .on('promeneur_profiles')
    .column('promeneur_id')
    .execute();

  await db.schema
    .createTable('duty_slots')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('promeneur_id', 'integer', (c) =>
      c.notNull().references('promeneurs.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('start', 'text', (c) => c.notNull())
    .addColumn('end', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('slots_promeneur').on('duty_slots').column('promeneur_id').execute();

  await db.schema
    .createTable('status_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('status_history_record')
    .on('status_history')
    .columns(['entity', 'entity_id'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_record')
    .on('audit_log')
    .columns(['entity', 'entity_id', 'at'])
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}
