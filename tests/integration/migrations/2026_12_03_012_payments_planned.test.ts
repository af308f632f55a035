import { describe, expect, it } from 'vitest';
import type { Connection, Db } from '../../../src/main/db/connection';
import { migrate } from '../../../src/main/db/migrate';
import {
  insertStructure,
  insertConvention,
  sqlOf,
  migrationsAround,
  useFreshDatabase,
} from '../../support/migrationDb';

let conn: Connection;
let db: Db;
useFreshDatabase((fresh) => ({ conn, db } = fresh));

const { before, all } = migrationsAround('2026_12_03_012_payments_planned');

describe('migration 2026_12_03_012_payments_planned', () => {
  it('adds the unpaid payments’ planned dates to a vault of the previous version, keeping its records', async () => {
    await migrate(db, { migrations: before });
    insertStructure(conn);
    insertConvention(conn, '2026-01-01', '2026-12-31');
    conn
      .prepare(
        `insert into convention_payments (convention_id, year, kind, amount_cents, planned_on, paid_on) values
         (1, 2026, 'avance', 100000, '2026-03-15', '2026-03-20'), (1, 2026, 'solde', 50000, '2027-03-15', null)`,
      )
      .run();
    expect(sqlOf(conn, 'payments_planned')).toBeUndefined();
    expect(await migrate(db, { migrations: all })).toEqual(['2026_12_03_012_payments_planned']);
    expect(conn.prepare('select count(*) as n from convention_payments').get()).toEqual({ n: 2 });
    // Partial: only the unpaid payments are indexed, by their planned date.
    expect(sqlOf(conn, 'payments_planned')).toMatch(/\("planned_on"\) where "paid_on" is null/i);
    expect(await migrate(db, { migrations: all })).toEqual([]);
  });
});
