/**
 * The steering (COPIL) and technical (COTECH) committees: their written rules and quorum,
 * their members, and for each meeting (a calendar event of type copil or cotech) its agenda,
 * attendance, minutes, decisions and actions.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('committees')
    .addColumn('committee', 'text', (c) =>
      c.primaryKey().check(sql`committee in ('copil', 'cotech')`),
    )
    .addColumn('rules', 'text', (c) => c.notNull().defaultTo(''))
    /** How many voting seats must be held for the committee to decide; null when the rules set none. */
    .addColumn('quorum', 'integer')
    .addColumn('updated_at', 'text')
    .execute();
  // Both committees exist from the start: their rules are written later.
  await sql`insert into committees (committee) values ('copil'), ('cotech')`.execute(db);

  await db.schema
    .createTable('committee_members')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('committee', 'text', (c) => c.notNull().references('committees.committee'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organisation_kind', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('seat', 'text', (c) => c.notNull())
    /** For a substitute (suppléant·e): the titular member they stand in for. */
    .addColumn('substitute_of', 'integer', (c) =>
      c.references('committee_members.id').onDelete('set null'),
    )
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('member_from', 'text')
    .addColumn('member_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('committee_members_committee')
    .on('committee_members')
    .column('committee')
    .execute();

  await db.schema
    .createTable('meeting_agenda_items')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('event_id', 'integer', (c) =>
      c.notNull().references('events.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('presenter', 'text')
    .addColumn('duration_minutes', 'integer')
    /** The minutes of the item: rich-text JSON (see shared/domain/richText.ts), never HTML. */
    .addColumn('minutes', 'text', (c) => c.notNull().defaultTo('{"type":"doc","content":[]}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agenda_items_event')
    .on('meeting_agenda_items')
    .columns(['event_id', 'position'])
    .execute();

  // One record per row; the foreign keys drop a link when its record is deleted.
  await db.schema
    .createTable('agenda_item_links')
    .addColumn('item_id', 'integer', (c) =>
      c.notNull().references('meeting_agenda_items.id').onDelete('cascade'),
    )
    .addColumn('structure_id', 'integer', (c) => c.references('structures.id').onDelete('cascade'))
    .addColumn('promeneur_id', 'integer', (c) => c.references('promeneurs.id').onDelete('cascade'))
    .addColumn('convention_id', 'integer', (c) =>
      c.references('conventions.id').onDelete('cascade'),
    )
    .addColumn('document_id', 'integer', (c) =>
      c.references('convention_documents.id').onDelete('cascade'),
    )
    .addCheckConstraint(
      'agenda_item_links_one_record',
      sql`(structure_id is not null) + (promeneur_id is not null) + (convention_id is not null) + (document_id is not null) = 1`,
    )
    .execute();
  await db.schema
    .createIndex('agenda_item_links_item')
    .on('agenda_item_links')
    .column('item_id')
    .execute();

  await db.schema
    .createTable('meeting_attendance')
    .addColumn('event_id', 'integer', (c) =>
      c.notNull().references('events.id').onDelete('cascade'),
    )
    .addColumn('member_id', 'integer', (c) =>
      c.notNull().references('committee_members.id').onDelete('cascade'),
    )
    .addColumn('attendance', 'text', (c) => c.notNull())
    .addColumn('represented_by_member_id', 'integer', (c) =>
      c.references('committee_members.id').onDelete('set null'),
    )
    .addPrimaryKeyConstraint('meeting_attendance_pk', ['event_id', 'member_id'])
    .execute();
  await db.schema
    .createIndex('meeting_attendance_member')
    .on('meeting_attendance')
    .column('member_id')
    .execute();

  await db.schema
    .createTable('meeting_minutes')
    .addColumn('event_id', 'integer', (c) =>
      c.primaryKey().references('events.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('brouillon'))
    .addColumn('approved_on', 'text')
    /** The later meeting of the same committee that approved them. */
    .addColumn('approved_at_event_id', 'integer', (c) =>
      c.references('events.id').onDelete('set null'),
    )
    .addColumn('circulated_on', 'text')
    .addColumn('recipients', 'text')
    /** The minutes of the follow-up of earlier actions (the agenda's first item). */
    .addColumn('follow_up_minutes', 'text', (c) =>
      c.notNull().defaultTo('{"type":"doc","content":[]}'),
    )
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('committee_decisions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('event_id', 'integer', (c) =>
      c.notNull().references('events.id').onDelete('cascade'),
    )
    .addColumn('committee', 'text', (c) => c.notNull().references('committees.committee'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('structure_id', 'integer', (c) => c.references('structures.id').onDelete('set null'))
    .addColumn('promeneur_id', 'integer', (c) => c.references('promeneurs.id').onDelete('set null'))
    .addColumn('convention_id', 'integer', (c) =>
      c.references('conventions.id').onDelete('set null'),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('committee_decisions_number', ['committee', 'year', 'number'])
    .execute();
  await db.schema
    .createIndex('committee_decisions_event')
    .on('committee_decisions')
    .column('event_id')
    .execute();

  await db.schema
    .createTable('committee_actions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('event_id', 'integer', (c) =>
      c.notNull().references('events.id').onDelete('cascade'),
    )
    .addColumn('who', 'text', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('committee_actions_event')
    .on('committee_actions')
    .column('event_id')
    .execute();
  await db.schema
    .createIndex('committee_actions_status')
    .on('committee_actions')
    .columns(['status', 'due_on'])
    .execute();
}
