/**
 * The Promeneurs' activity indicators: the two editable lists (channels, request themes),
 * seeded with the usual values; one report per Promeneur and period, with its counts and
 * free texts; its counts per channel and per theme. Young people are never rows: counts only.
 */
import type { Kysely } from 'kysely';

// Frozen here (a migration never changes): the lists a new vault starts with.
const DEFAULT_CHANNELS = [
  'E-mail',
  'Messenger',
  'Snapchat',
  'WhatsApp',
  'Instagram',
  'TikTok',
  'YouTube',
  'X',
  'Jeux en ligne',
  'Forums',
  'Discord',
  'Twitch',
];
const DEFAULT_THEMES = [
  'Psychosocial et mal-être',
  'Santé',
  'Logement',
  'Emploi et formation',
  'Scolarité',
  'Projets',
  'Loisirs',
  'Famille et parentalité',
  'Vie affective et sexuelle',
  'Addictions',
  '(Cyber)violences',
  'Pratiques numériques',
  'Accès aux droits et démarches',
  'Autre',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, defaults] of [
    ['activity_channels', DEFAULT_CHANNELS],
    ['activity_themes', DEFAULT_THEMES],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .execute();
    await (db as Kysely<Record<string, { label: string; position: number }>>)
      .insertInto(table)
      .values(defaults.map((label, position) => ({ label, position })))
      .execute();
  }

  await db.schema
    .createTable('activity_reports')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    // Null once the Promeneur is erased: the counts stay in the statistics, detached.
    .addColumn('promeneur_id', 'integer', (c) => c.references('promeneurs.id').onDelete('set null'))
    // The structure at the time of the period (a Promeneur may change structure later).
    .addColumn('structure_id', 'integer', (c) => c.references('structures.id').onDelete('set null'))
    .addColumn('period_kind', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('young_contacted', 'integer', (c) => c.notNull())
    .addColumn('young_met', 'integer', (c) => c.notNull())
    .addColumn('projects_started', 'integer', (c) => c.notNull())
    .addColumn('exchanges', 'integer', (c) => c.notNull())
    .addColumn('concerns_referred', 'integer', (c) => c.notNull())
    // Hundredths of an hour, so sums stay exact.
    .addColumn('hours_online_x100', 'integer', (c) => c.notNull())
    // The age breakdown, all three null when not known.
    .addColumn('age12to14', 'integer')
    .addColumn('age15to17', 'integer')
    .addColumn('age18to25', 'integer')
    .addColumn('partners', 'text')
    .addColumn('projects_text', 'text')
    .addColumn('quality_notes', 'text')
    .addColumn('difficulties', 'text')
    .addColumn('training_wishes', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One report per Promeneur and period (detached reports, promeneur_id null, are free).
  await db.schema
    .createIndex('activity_reports_promeneur_period')
    .on('activity_reports')
    .columns(['promeneur_id', 'period_key'])
    .unique()
    .execute();
  // Completeness reads a period; aggregates read a date range, by structure.
  await db.schema
    .createIndex('activity_reports_period')
    .on('activity_reports')
    .columns(['period_key'])
    .execute();
  await db.schema
    .createIndex('activity_reports_dates')
    .on('activity_reports')
    .columns(['period_start', 'period_end'])
    .execute();
  await db.schema
    .createIndex('activity_reports_structure')
    .on('activity_reports')
    .columns(['structure_id', 'period_start'])
    .execute();

  for (const [table, column, values] of [
    ['activity_report_channels', 'channel_id', 'activity_channels'],
    ['activity_report_themes', 'theme_id', 'activity_themes'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('report_id', 'integer', (c) =>
        c.notNull().references('activity_reports.id').onDelete('cascade'),
      )
      // A value in use cannot be removed (the service explains; the key refuses too).
      .addColumn(column, 'integer', (c) => c.notNull().references(`${values}.id`))
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['report_id', column])
      .execute();
    await db.schema.createIndex(`${table}_value`).on(table).column(column).execute();
  }
}
