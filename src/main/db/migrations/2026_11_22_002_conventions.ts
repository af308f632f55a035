/**
 * Funding agreements: conventions with their subsidies per year, supporting documents and
 * their scans, the state of yearly obligations, payments, amendments; the to-do list's
 * dismissed items; and the part of a record an audit entry concerns.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('subject', 'text').execute();

  await db.schema
    .createTable('conventions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('structure_id', 'integer', (c) =>
      c.notNull().references('structures.id').onDelete('restrict'),
    )
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('with_msa', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('previous_id', 'integer', (c) => c.references('conventions.id').onDelete('set null'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('funded_promeneurs', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('notes', 'text')
    .addColumn('search_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('conventions_structure')
    .on('conventions')
    .column('structure_id')
    .execute();
  await db.schema.createIndex('conventions_status').on('conventions').column('status').execute();

  await db.schema
    .createTable('convention_subsidies')
    .addColumn('convention_id', 'integer', (c) =>
      c.notNull().references('conventions.id').onDelete('cascade'),
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('convention_subsidies_pk', ['convention_id', 'year'])
    .execute();

  await db.schema
    .createTable('convention_documents')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('convention_id', 'integer', (c) =>
      c.notNull().references('conventions.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('key', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text')
    .addColumn('validated_on', 'text')
    .addColumn('comment', 'text')
    .execute();
  await db.schema
    .createIndex('documents_convention')
    .on('convention_documents')
    .column('convention_id')
    .execute();

  await db.schema
    .createTable('document_attachments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('document_id', 'integer', (c) =>
      c.notNull().references('convention_documents.id').onDelete('cascade'),
    )
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', 'blob', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attachments_document')
    .on('document_attachments')
    .column('document_id')
    .execute();

  // Obligations are generated from the terms at each read; only their state is kept, by key.
  await db.schema
    .createTable('obligation_states')
    .addColumn('convention_id', 'integer', (c) =>
      c.notNull().references('conventions.id').onDelete('cascade'),
    )
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text')
    .addColumn('comment', 'text')
    .addPrimaryKeyConstraint('obligation_states_pk', ['convention_id', 'key'])
    .execute();

  await db.schema
    .createTable('convention_payments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('convention_id', 'integer', (c) =>
      c.notNull().references('conventions.id').onDelete('cascade'),
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('planned_on', 'text')
    .addColumn('paid_on', 'text')
    .addColumn('comment', 'text')
    .execute();
  await db.schema
    .createIndex('payments_convention')
    .on('convention_payments')
    .column('convention_id')
    .execute();

  await db.schema
    .createTable('convention_amendments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('convention_id', 'integer', (c) =>
      c.notNull().references('conventions.id').onDelete('cascade'),
    )
    .addColumn('signed_on', 'text', (c) => c.notNull())
    .addColumn('object', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('funded_promeneurs', 'integer')
    /** JSON array of { year, amountCents }. */
    .addColumn('subsidies', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('amendments_convention')
    .on('convention_amendments')
    .column('convention_id')
    .execute();

  await db.schema
    .createTable('todo_done')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('done_on', 'text', (c) => c.notNull())
    .execute();
}
