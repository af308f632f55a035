import { describe, expect, it } from 'vitest';
import type { Connection, Db } from '../../../src/main/db/connection';
import { migrate } from '../../../src/main/db/migrate';
import { migrationsAround, useFreshDatabase } from '../../support/migrationDb';

let conn: Connection;
let db: Db;
useFreshDatabase((fresh) => ({ conn, db } = fresh));

const { before, all } = migrationsAround('2026_12_03_013_subsidies_amounts');

const sqlOf = (name: string) =>
  (
    conn.prepare(`select sql from sqlite_master where name = ?`).get(name) as
      { sql: string } | undefined
  )?.sql;

describe('migration 2026_12_03_013_subsidies_amounts', () => {
  it('indexes the subsidies’ amounts in a vault of the previous version, keeping its records', async () => {
    await migrate(db, { migrations: before });
    const now = new Date().toISOString();
    conn
      .prepare(
        `insert into structures (name, type, legal_form, network_status, created_at, updated_at) values ('S1', 'mjc', 'association', 'dans_le_reseau', ?, ?)`,
      )
      .run(now, now);
    conn
      .prepare(
        `insert into conventions (structure_id, reference, with_msa, kind, start_date, end_date, funded_promeneurs, status, search_key, created_at, updated_at)
         values (1, 'C-1', 0, 'premiere', '2026-01-01', '2027-12-31', 1, 'en_cours', 'c-1', ?, ?)`,
      )
      .run(now, now);
    conn
      .prepare(
        `insert into convention_subsidies (convention_id, year, amount_cents) values (1, 2026, 500000), (1, 2027, 520000)`,
      )
      .run();
    expect(sqlOf('subsidies_amounts')).toBeUndefined();
    expect(await migrate(db, { migrations: all })).toEqual(['2026_12_03_013_subsidies_amounts']);
    expect(
      conn.prepare('select sum(amount_cents) as cents from convention_subsidies').get(),
    ).toEqual({ cents: 1020000 });
    expect(sqlOf('subsidies_amounts')).toMatch(/\("convention_id", "year", "amount_cents"\)/);
    expect(await migrate(db, { migrations: all })).toEqual([]);
  });
});
