/**
 * `demo --scale national`: fills an empty vault with a synthetic nation — 101 fictional
 * departments, their structures and Promeneurs, ten years of monthly activity figures,
 * events with attendance, conventions with documents, obligations and payments, committee
 * meetings with minutes — to measure the app at a scale far beyond one department. The same
 * seed, size and day always give the same rows (see `nationFingerprint`).
 */
import { createHash } from 'node:crypto';
import { todayInParis } from '../../../shared/rules/dates';
import { DomainError } from '../../../shared/result';
import type { Connection } from '../../db/connection';
import { createRandom } from '../random';
import { seedActivity } from './activity';
import { seedCalendar } from './calendar';
import { seedCommittees } from './committees';
import { addMonthsTo, type Gen } from './context';
import { seedConventions } from './conventions';
import { seedDirectory } from './directory';
import { DEFAULT_NATION_SEED, FULL_NATION, type NationSize } from './size';

export { DEFAULT_NATION_SEED, FULL_NATION, NATION_GENERATOR_VERSION, SMALL_NATION } from './size';
export type { NationSize } from './size';

export const NATION_NAME = 'Réseau national fictif (101 départements)';

export interface NationOptions {
  seed?: number;
  /** The day the nation is built for (YYYY-MM-DD); today in Paris by default. */
  today?: string;
  size?: NationSize;
}

/** The tables the generator fills, and the fingerprint reads. */
export const NATION_TABLES = [
  'structures',
  'promeneurs',
  'promeneur_profiles',
  'duty_slots',
  'status_history',
  'conventions',
  'convention_subsidies',
  'convention_documents',
  'obligation_states',
  'convention_payments',
  'events',
  'event_invitees',
  'committee_members',
  'meeting_agenda_items',
  'meeting_attendance',
  'meeting_minutes',
  'committee_decisions',
  'committee_actions',
  'activity_reports',
  'activity_report_channels',
  'activity_report_themes',
  'settings',
] as const;
export type NationCounts = Record<(typeof NATION_TABLES)[number], number>;

export function nationCounts(conn: Connection): NationCounts {
  return Object.fromEntries(
    NATION_TABLES.map((t) => [
      t,
      (conn.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n,
    ]),
  ) as NationCounts;
}

/**
 * Fills the vault's database; refuses one that already holds records. One transaction:
 * the nation is there entirely, or not at all.
 */
export function seedNation(conn: Connection, options: NationOptions = {}): NationCounts {
  const seed = options.seed ?? DEFAULT_NATION_SEED;
  const today = options.today ?? todayInParis();
  const size = options.size ?? FULL_NATION;
  const { n } = conn.prepare('select count(*) as n from structures').get() as { n: number };
  if (n > 0)
    throw new DomainError(
      'CONFLICT',
      'Ce coffre contient déjà des données : les données de démonstration ne s’ajoutent qu’à un coffre vide.',
    );
  const gen: Gen = {
    conn,
    random: createRandom(seed),
    today,
    size,
    historyStart: `${addMonthsTo(today, -12 * size.years).slice(0, 7)}-01`,
  };
  // A larger page cache while writing millions of index entries; back to the default after.
  const cacheSize = conn.pragma('cache_size', { simple: true }) as number;
  conn.pragma('cache_size = -262144');
  try {
    conn.transaction(() => {
      const directory = seedDirectory(gen);
      seedConventions(gen, directory);
      seedCalendar(gen, directory, seed);
      seedCommittees(gen, directory, seed);
      seedActivity(gen, directory);
      const setting = conn.prepare(
        'insert into settings (key, value) values (?, ?) on conflict (key) do update set value = excluded.value',
      );
      setting.run('departmentName', JSON.stringify(NATION_NAME));
      setting.run('activityPeriod', JSON.stringify('mensuelle'));
    })();
  } finally {
    conn.pragma(`cache_size = ${cacheSize}`);
  }
  conn.pragma('optimize');
  return nationCounts(conn);
}

/** A SHA-256 of every row the generator wrote, table by table in rowid order. */
export function nationFingerprint(conn: Connection): string {
  const hash = createHash('sha256');
  for (const table of NATION_TABLES) {
    hash.update(`\n${table}\n`);
    for (const row of conn.prepare(`select * from ${table} order by rowid`).raw().iterate())
      hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}
