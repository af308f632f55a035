import { describe, expect, it } from 'vitest';
import type { Connection, Db } from '../../../src/main/db/connection';
import { migrate } from '../../../src/main/db/migrate';
import { DEFAULT_CHANNELS, DEFAULT_THEMES } from '../../../src/shared/domain/activity';
import { columnNames, migrationsAround, useFreshDatabase } from '../../support/migrationDb';

let conn: Connection;
let db: Db;
useFreshDatabase((fresh) => ({ conn, db } = fresh));

const { before, all } = migrationsAround('2026_11_22_005_activity');

const columns = (table: string) => columnNames(conn, table);
const rows = (sql: string) => conn.prepare(sql).all();
const now = new Date().toISOString();

/** A structure and two Promeneurs (ids 1, 2). */
function seed(): void {
  conn
    .prepare(
      `insert into structures (name, type, legal_form, network_status, created_at, updated_at) values ('S1', 'mjc', 'association', 'dans_le_reseau', ?, ?)`,
    )
    .run(now, now);
  const promeneur = conn.prepare(
    `insert into promeneurs (structure_id, first_name, last_name, job, status, created_at, updated_at) values (1, 'A', 'B', 'animateur', 'actif', ?, ?)`,
  );
  promeneur.run(now, now);
  promeneur.run(now, now);
}

const report = (promeneurId: number | null, periodKey: string) =>
  conn
    .prepare(
      `insert into activity_reports (promeneur_id, structure_id, period_kind, period_key, period_start, period_end,
        young_contacted, young_met, projects_started, exchanges, concerns_referred, hours_online_x100,
        difficulties, source, created_at, updated_at)
       values (?, 1, 'trimestrielle', ?, '2026-07-01', '2026-09-30', 10, 2, 1, 30, 0, 1250, 'Texte', 'saisie', ?, ?)`,
    )
    .run(promeneurId, periodKey, now, now);

describe('migration 2026_11_22_005_activity', () => {
  it('creates the lists, seeded, and the report tables on a vault of the previous version', async () => {
    await migrate(db, { migrations: before });
    seed();
    expect(await migrate(db, { migrations: all })).toEqual(['2026_11_22_005_activity']);
    expect(rows('select count(*) as n from promeneurs')).toEqual([{ n: 2 }]);
    expect(rows('select label from activity_channels order by position')).toEqual(
      DEFAULT_CHANNELS.map((label) => ({ label })),
    );
    expect(rows('select label from activity_themes order by position')).toEqual(
      DEFAULT_THEMES.map((label) => ({ label })),
    );
    expect(columns('activity_reports')).toEqual([
      'id',
      'promeneur_id',
      'structure_id',
      'period_kind',
      'period_key',
      'period_start',
      'period_end',
      'young_contacted',
      'young_met',
      'projects_started',
      'exchanges',
      'concerns_referred',
      'hours_online_x100',
      'age12to14',
      'age15to17',
      'age18to25',
      'partners',
      'projects_text',
      'quality_notes',
      'difficulties',
      'training_wishes',
      'source',
      'file_name',
      'created_at',
      'updated_at',
    ]);
    expect(columns('activity_report_channels')).toEqual(['report_id', 'channel_id', 'count']);
    expect(columns('activity_report_themes')).toEqual(['report_id', 'theme_id', 'count']);
    const indexes = (
      rows(
        `select name from sqlite_master where type = 'index' and tbl_name like 'activity_%' and name not like 'sqlite_%'`,
      ) as { name: string }[]
    ).map((r) => r.name);
    expect(indexes).toEqual(
      expect.arrayContaining([
        'activity_reports_promeneur_period',
        'activity_reports_period',
        'activity_reports_dates',
        'activity_reports_structure',
        'activity_report_channels_value',
        'activity_report_themes_value',
      ]),
    );
    expect(await migrate(db, { migrations: all })).toEqual([]);
  });

  it('keeps one report per Promeneur and period, and a used value in its list', async () => {
    await migrate(db, { migrations: all });
    seed();
    report(1, '2026-T3');
    expect(() => report(1, '2026-T3')).toThrowError(/UNIQUE/);
    report(2, '2026-T3');
    report(1, '2026-T2');
    // Detached reports (their Promeneur erased) are free of the rule.
    report(null, '2026-T3');
    report(null, '2026-T3');
    expect(() => report(99, '2026-T1')).toThrowError(/FOREIGN KEY/);
    conn.prepare(`insert into activity_report_channels values (1, 3, 5)`).run();
    expect(() =>
      conn.prepare(`insert into activity_report_channels values (1, 3, 6)`).run(),
    ).toThrowError(/UNIQUE|PRIMARY/);
    expect(() => conn.prepare('delete from activity_channels where id = 3').run()).toThrowError(
      /FOREIGN KEY/,
    );
    expect(() =>
      conn.prepare(`insert into activity_report_themes values (1, 999, 1)`).run(),
    ).toThrowError(/FOREIGN KEY/);
  });

  it('detaches the reports of an erased Promeneur and deletes a report’s counts with it', async () => {
    await migrate(db, { migrations: all });
    seed();
    report(1, '2026-T3');
    report(2, '2026-T3');
    conn.prepare(`insert into activity_report_channels values (1, 1, 5), (2, 1, 4)`).run();
    conn.prepare(`insert into activity_report_themes values (1, 2, 3)`).run();
    conn.prepare('delete from promeneurs where id = 1').run();
    expect(
      rows('select id, promeneur_id, structure_id, young_contacted from activity_reports'),
    ).toEqual([
      { id: 1, promeneur_id: null, structure_id: 1, young_contacted: 10 },
      { id: 2, promeneur_id: 2, structure_id: 1, young_contacted: 10 },
    ]);
    conn.prepare('delete from activity_reports where id = 1').run();
    expect(rows('select report_id from activity_report_channels')).toEqual([{ report_id: 2 }]);
    expect(rows('select report_id from activity_report_themes')).toEqual([]);
  });
});
