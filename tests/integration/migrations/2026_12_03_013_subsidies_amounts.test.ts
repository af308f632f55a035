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

const { before, all } = migrationsAround('2026_12_03_013_subsidies_amounts');

describe('migration 2026_12_03_013_subsidies_amounts', () => {
  it('indexes the subsidies’ amounts in a vault of the previous version, keeping its records', async () => {
    await migrate(db, { migrations: before });
    insertStructure(conn);
    insertConvention(conn, '2026-01-01', '2027-12-31');
    conn
      .prepare(
        `insert into convention_subsidies (convention_id, year, amount_cents) values (1, 2026, 500000), (1, 2027, 520000)`,
      )
      .run();
    expect(sqlOf(conn, 'subsidies_amounts')).toBeUndefined();
    expect(await migrate(db, { migrations: all })).toEqual(['2026_12_03_013_subsidies_amounts']);
    expect(
      conn.prepare('select sum(amount_cents) as cents from convention_subsidies').get(),
    ).toEqual({ cents: 1020000 });
    expect(sqlOf(conn, 'subsidies_amounts')).toMatch(/\("convention_id", "year", "amount_cents"\)/);
    expect(await migrate(db, { migrations: all })).toEqual([]);
  });
});
