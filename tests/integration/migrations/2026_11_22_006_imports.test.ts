import { describe, expect, it } from 'vitest';
import type { Connection, Db } from '../../../src/main/db/connection';
import { migrate } from '../../../src/main/db/migrate';
import { migrationsAround, useFreshDatabase } from '../../support/migrationDb';

let conn: Connection;
let db: Db;
useFreshDatabase((fresh) => ({ conn, db } = fresh));

const { before, all } = migrationsAround('2026_11_22_006_imports');

const now = new Date().toISOString();
const remember = (signature: string, mapping: string) =>
  conn
    .prepare('insert into import_mappings (signature, mapping, used_at) values (?, ?, ?)')
    .run(signature, mapping, now);

describe('migration 2026_11_22_006_imports', () => {
  it('adds the remembered mappings to a vault of the previous version, keeping its records', async () => {
    await migrate(db, { migrations: before });
    conn
      .prepare(
        `insert into structures (name, type, legal_form, network_status, created_at, updated_at) values ('S1', 'mjc', 'association', 'dans_le_reseau', ?, ?)`,
      )
      .run(now, now);
    expect(await migrate(db, { migrations: all })).toEqual(['2026_11_22_006_imports']);
    expect(conn.prepare('select count(*) as n from structures').get()).toEqual({ n: 1 });
    expect(
      (
        conn.prepare('select name from pragma_table_info(?)').all('import_mappings') as {
          name: string;
        }[]
      ).map((c) => c.name),
    ).toEqual(['signature', 'mapping', 'used_at']);
    expect(await migrate(db, { migrations: all })).toEqual([]);
  });

  it('keeps one mapping per layout of headings, and requires the mapping', async () => {
    await migrate(db, { migrations: all });
    remember('commune|nom', '{"role":"structures"}');
    expect(() => remember('commune|nom', '{"role":"promeneurs"}')).toThrowError(/UNIQUE|PRIMARY/);
    expect(() =>
      conn
        .prepare('insert into import_mappings (signature, mapping, used_at) values (?, null, ?)')
        .run('nom|prenom', now),
    ).toThrowError(/NOT NULL/);
  });
});
