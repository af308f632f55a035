import { describe, expect, it } from 'vitest';
import type { Connection, Db } from '../../../src/main/db/connection';
import { migrate } from '../../../src/main/db/migrate';
import { insertStructure, migrationsAround, useFreshDatabase } from '../../support/migrationDb';

let conn: Connection;
let db: Db;
useFreshDatabase((fresh) => ({ conn, db } = fresh));

const { before, all } = migrationsAround('2026_12_03_007_national_indexes');

const indexes = (table: string) =>
  (
    conn
      .prepare(
        `select name from sqlite_master where type = 'index' and tbl_name = ? and sql is not null order by name`,
      )
      .all(table) as { name: string }[]
  ).map((r) => r.name);

describe('migration 2026_12_03_007_national_indexes', () => {
  it('adds the indexes to a vault of the previous version, keeping its records', async () => {
    await migrate(db, { migrations: before });
    const now = new Date().toISOString();
    insertStructure(conn);
    conn
      .prepare(
        `insert into activity_reports (structure_id, period_kind, period_key, period_start, period_end, young_contacted, young_met, projects_started, exchanges, concerns_referred, hours_online_x100, source, created_at, updated_at)
         values (1, 'mensuelle', '2026-01', '2026-01-01', '2026-01-31', 5, 1, 0, 10, 0, 400, 'saisie', ?, ?)`,
      )
      .run(now, now);
    expect(await migrate(db, { migrations: all })).toEqual(['2026_12_03_007_national_indexes']);
    expect(conn.prepare('select count(*) as n from activity_reports').get()).toEqual({ n: 1 });
    expect(indexes('activity_reports')).toContain('activity_reports_dates_scope');
    expect(indexes('activity_reports')).not.toContain('activity_reports_dates');
    expect(indexes('activity_report_themes')).toContain('activity_report_themes_sums');
    expect(indexes('activity_report_channels')).toContain('activity_report_channels_sums');
    expect(indexes('convention_payments')).toContain('payments_unpaid');
    expect(indexes('convention_documents')).toContain('documents_missing');
    expect(await migrate(db, { migrations: all })).toEqual([]);
  });

  it('makes the partial indexes cover only the rows still due', async () => {
    await migrate(db, { migrations: all });
    const sql = (name: string) =>
      (conn.prepare(`select sql from sqlite_master where name = ?`).get(name) as { sql: string })
        .sql;
    expect(sql('payments_unpaid')).toMatch(/where "paid_on" is null/i);
    expect(sql('documents_missing')).toMatch(/where "received_on" is null/i);
  });
});
