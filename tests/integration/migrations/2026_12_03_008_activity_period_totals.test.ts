import { describe, expect, it } from 'vitest';
import type { Connection, Db } from '../../../src/main/db/connection';
import { migrate } from '../../../src/main/db/migrate';
import { insertStructure, migrationsAround, useFreshDatabase } from '../../support/migrationDb';

let conn: Connection;
let db: Db;
useFreshDatabase((fresh) => ({ conn, db } = fresh));

const { before, all } = migrationsAround('2026_12_03_008_activity_period_totals');

function report(promeneur: number | null, key: string, contacted: number, ages: number | null) {
  const now = new Date().toISOString();
  const month = key.slice(5);
  return conn
    .prepare(
      `insert into activity_reports (promeneur_id, structure_id, period_kind, period_key, period_start,
         period_end, young_contacted, young_met, projects_started, exchanges, concerns_referred,
         hours_online_x100, age12to14, age15to17, age18to25, source, created_at, updated_at)
       values (?, 1, 'mensuelle', ?, ?, ?, ?, 1, 0, 10, 0, 250, ?, ?, ?, 'saisie', ?, ?)`,
    )
    .run(
      promeneur,
      key,
      `2026-${month}-01`,
      `2026-${month}-28`,
      contacted,
      ages,
      ages,
      ages,
      now,
      now,
    ).lastInsertRowid;
}

describe('migration 2026_12_03_008_activity_period_totals', () => {
  it('sums the reports of a vault of the previous version, then keeps the sums on writes', async () => {
    await migrate(db, { migrations: before });
    const now = new Date().toISOString();
    insertStructure(conn);
    conn
      .prepare(
        `insert into promeneurs (structure_id, first_name, last_name, job, status, created_at, updated_at) values (1, 'Ana', 'Lune', 'animatrice', 'actif', ?, ?), (1, 'Bo', 'Sel', 'animateur', 'actif', ?, ?)`,
      )
      .run(now, now, now, now);
    const first = report(1, '2026-01', 5, 2);
    report(2, '2026-01', 7, null);
    report(null, '2026-02', 3, null);
    conn
      .prepare(`insert into activity_report_themes values (?, 1, 4), (?, 2, 1)`)
      .run(first, first);

    expect(await migrate(db, { migrations: all })).toEqual([
      '2026_12_03_008_activity_period_totals',
    ]);
    const periods = () =>
      conn
        .prepare(
          `select period_key, reports, promeneurs, young_contacted, hours_online_x100, age_reports, age12to14
           from activity_period_totals order by period_key`,
        )
        .all();
    expect(periods()).toEqual([
      {
        period_key: '2026-01',
        reports: 2,
        promeneurs: 2,
        young_contacted: 12,
        hours_online_x100: 500,
        age_reports: 1,
        age12to14: 2,
      },
      {
        period_key: '2026-02',
        reports: 1,
        promeneurs: 0,
        young_contacted: 3,
        hours_online_x100: 250,
        age_reports: 0,
        age12to14: 0,
      },
    ]);
    expect(
      conn.prepare(`select * from activity_period_theme_totals order by theme_id`).all(),
    ).toEqual([
      { period_key: '2026-01', theme_id: 1, count: 4 },
      { period_key: '2026-01', theme_id: 2, count: 1 },
    ]);

    // From now on the triggers keep them: a removed report takes its figures and counts away.
    conn.prepare(`delete from activity_reports where id = ?`).run(first);
    expect((periods()[0] as { young_contacted: number }).young_contacted).toBe(7);
    expect(conn.prepare(`select sum(count) as n from activity_period_theme_totals`).get()).toEqual({
      n: 0,
    });
    expect(await migrate(db, { migrations: all })).toEqual([]);
  });
});
