/**
 * The network's activity figures pre-summed per period, kept exact by triggers on every write
 * to the reports and their per-channel and per-theme counts. The dashboard and the exports read
 * the network-wide sums of ten years from about 120 rows instead of half a million reports and
 * 2.7 million counts (`npm run bench`); a filter on structures still sums the reports.
 *
 * - activity_period_totals: one row per period key, the sums every grouping selects; `promeneurs`
 *   counts the reports with a Promeneur, which is the number of distinct Promeneurs of that
 *   period since a Promeneur has at most one report per period key.
 * - activity_period_theme_totals / activity_period_channel_totals: the counts per period and value.
 *
 * Rows are never deleted: a period whose reports are all gone keeps a row with `reports` = 0,
 * which readers skip.
 *
 * Deleting a report cascades to its counts after the report row is gone, so the report's
 * BEFORE DELETE trigger takes its counts off, and the counts' own AFTER DELETE trigger (which
 * finds the period through the report) only acts when a count is deleted on its own.
 */
import { sql, type Kysely } from 'kysely';

/** The summed columns: name in the totals table, and the report's value it adds. */
const SUMMED: readonly (readonly [string, (row: 'new' | 'old') => string])[] = [
  ['reports', () => '1'],
  ['promeneurs', (r) => `(${r}.promeneur_id is not null)`],
  ['young_contacted', (r) => `${r}.young_contacted`],
  ['young_met', (r) => `${r}.young_met`],
  ['projects_started', (r) => `${r}.projects_started`],
  ['exchanges', (r) => `${r}.exchanges`],
  ['concerns_referred', (r) => `${r}.concerns_referred`],
  ['hours_online_x100', (r) => `${r}.hours_online_x100`],
  ['age_reports', (r) => `(${r}.age12to14 is not null)`],
  ['age12to14', (r) => `coalesce(${r}.age12to14, 0)`],
  ['age15to17', (r) => `coalesce(${r}.age15to17, 0)`],
  ['age18to25', (r) => `coalesce(${r}.age18to25, 0)`],
];

const COLUMNS = SUMMED.map(([c]) => c).join(', ');

/** The report's columns the sums read (besides its period and Promeneur). */
const SUMMED_FROM = [
  'young_contacted',
  'young_met',
  'projects_started',
  'exchanges',
  'concerns_referred',
  'hours_online_x100',
  'age12to14',
  'age15to17',
  'age18to25',
];

/** Adds (sign 1) or takes off (sign -1) one report's figures. */
function addReport(row: 'new' | 'old', sign: 1 | -1): string {
  const values = SUMMED.map(([, v]) => `${sign} * ${v(row)}`).join(', ');
  const updates = SUMMED.map(([c]) => `${c} = ${c} + excluded.${c}`).join(', ');
  return `insert into activity_period_totals (period_key, period_start, period_end, ${COLUMNS})
    values (${row}.period_key, ${row}.period_start, ${row}.period_end, ${values})
    on conflict (period_key) do update set ${updates};`;
}

/** Adds or takes off the counts of one report (`id`) in `period`, for a per-value table. */
function addCountsOf(kind: 'theme' | 'channel', id: string, period: string, sign: 1 | -1): string {
  return `insert into activity_period_${kind}_totals (period_key, ${kind}_id, count)
    select ${period}, c.${kind}_id, ${sign} * c.count from activity_report_${kind}s c
    where c.report_id = ${id} and true
    on conflict (period_key, ${kind}_id) do update set count = count + excluded.count;`;
}

/** Adds or takes off one count row (`new` or `old`) in its report's period. */
function addCount(kind: 'theme' | 'channel', row: 'new' | 'old', sign: 1 | -1): string {
  return `insert into activity_period_${kind}_totals (period_key, ${kind}_id, count)
    select r.period_key, ${row}.${kind}_id, ${sign} * ${row}.count from activity_reports r
    where r.id = ${row}.report_id
    on conflict (period_key, ${kind}_id) do update set count = count + excluded.count;`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('activity_period_totals')
    .addColumn('period_key', 'text', (c) => c.primaryKey())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .$call((t) => SUMMED.reduce((b, [c]) => b.addColumn(c, 'integer', (col) => col.notNull()), t))
    .execute();
  for (const kind of ['theme', 'channel'] as const) {
    await db.schema
      .createTable(`activity_period_${kind}_totals`)
      .addColumn('period_key', 'text', (c) => c.notNull())
      .addColumn(`${kind}_id`, 'integer', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`activity_period_${kind}_totals_pk`, ['period_key', `${kind}_id`])
      .execute();
  }

  // What is already there, summed once.
  const sums = SUMMED.map(([c, v]) => `sum(${v('new')}) as ${c}`).join(', ');
  await sql
    .raw(
      `insert into activity_period_totals (period_key, period_start, period_end, ${COLUMNS})
      select new.period_key, min(new.period_start), max(new.period_end), ${sums}
      from activity_reports new group by new.period_key`,
    )
    .execute(db);
  for (const kind of ['theme', 'channel'] as const) {
    await sql
      .raw(
        `insert into activity_period_${kind}_totals (period_key, ${kind}_id, count)
        select r.period_key, c.${kind}_id, sum(c.count) from activity_report_${kind}s c
        join activity_reports r on r.id = c.report_id group by r.period_key, c.${kind}_id`,
      )
      .execute(db);
  }

  const triggers = [
    `create trigger activity_reports_totals_insert after insert on activity_reports begin
      ${addReport('new', 1)}
    end`,
    `create trigger activity_reports_totals_delete before delete on activity_reports begin
      ${addReport('old', -1)}
      ${addCountsOf('theme', 'old.id', 'old.period_key', -1)}
      ${addCountsOf('channel', 'old.id', 'old.period_key', -1)}
    end`,
    `create trigger activity_reports_totals_update after update of
      period_key, period_start, period_end, promeneur_id, ${SUMMED_FROM.join(', ')}
    on activity_reports begin
      ${addReport('old', -1)}
      ${addReport('new', 1)}
    end`,
    // A report moved to another period moves its counts with it.
    `create trigger activity_reports_totals_move after update of period_key on activity_reports
    when old.period_key is not new.period_key begin
      ${addCountsOf('theme', 'new.id', 'old.period_key', -1)}
      ${addCountsOf('channel', 'new.id', 'old.period_key', -1)}
      ${addCountsOf('theme', 'new.id', 'new.period_key', 1)}
      ${addCountsOf('channel', 'new.id', 'new.period_key', 1)}
    end`,
  ];
  for (const kind of ['theme', 'channel'] as const) {
    const table = `activity_report_${kind}s`;
    triggers.push(
      `create trigger ${table}_totals_insert after insert on ${table} begin
        ${addCount(kind, 'new', 1)}
      end`,
      `create trigger ${table}_totals_delete after delete on ${table} begin
        ${addCount(kind, 'old', -1)}
      end`,
      `create trigger ${table}_totals_update after update on ${table} begin
        ${addCount(kind, 'old', -1)}
        ${addCount(kind, 'new', 1)}
      end`,
    );
  }
  for (const trigger of triggers) await sql.raw(trigger).execute(db);
}
