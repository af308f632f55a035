/**
 * The network calendar: events with their invitees and attendance; the coordinator's log
 * (journal d'activité) with the Promeneurs and structures each entry concerns.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    /** Wall-clock times in Paris, YYYY-MM-DDTHH:mm. */
    .addColumn('start', 'text', (c) => c.notNull())
    .addColumn('end', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('video_url', 'text')
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('series_id', 'text')
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('imported', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('search_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_start').on('events').column('start').execute();
  await db.schema.createIndex('events_type').on('events').columns(['type', 'start']).execute();

  await db.schema
    .createTable('event_invitees')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('event_id', 'integer', (c) =>
      c.notNull().references('events.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('promeneur_id', 'integer', (c) => c.references('promeneurs.id').onDelete('cascade'))
    .addColumn('structure_id', 'integer', (c) => c.references('structures.id').onDelete('set null'))
    .addColumn('name', 'text')
    .addColumn('organisation', 'text')
    .addColumn('email', 'text')
    .addColumn('attendance', 'text')
    .execute();
  await db.schema.createIndex('invitees_event').on('event_invitees').column('event_id').execute();
  await db.schema
    .createIndex('invitees_promeneur')
    .on('event_invitees')
    .column('promeneur_id')
    .execute();
  // A Promeneur is invited to an event once.
  await db.schema
    .createIndex('invitees_event_promeneur')
    .on('event_invitees')
    .columns(['event_id', 'promeneur_id'])
    .unique()
    .where('promeneur_id', 'is not', null)
    .execute();

  await db.schema
    .createTable('journal_entries')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('partners', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('journal_date').on('journal_entries').column('date').execute();

  await db.schema
    .createTable('journal_links')
    .addColumn('entry_id', 'integer', (c) =>
      c.notNull().references('journal_entries.id').onDelete('cascade'),
    )
    .addColumn('promeneur_id', 'integer', (c) => c.references('promeneurs.id').onDelete('cascade'))
    .addColumn('structure_id', 'integer', (c) => c.references('structures.id').onDelete('cascade'))
    .execute();
  await db.schema
    .createIndex('journal_links_entry')
    .on('journal_links')
    .column('entry_id')
    .execute();
}
