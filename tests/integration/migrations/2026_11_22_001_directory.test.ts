import { describe, expect, it } from 'vitest';
import type { Connection, Db } from '../../../src/main/db/connection';
import { migrate } from '../../../src/main/db/migrate';
import * as directory from '../../../src/main/db/migrations/2026_11_22_001_directory';
import { migrations } from '../../../src/main/db/migrations';
import { columnNames, useFreshDatabase } from '../../support/migrationDb';

let conn: Connection;
let db: Db;
useFreshDatabase((fresh) => ({ conn, db } = fresh));

const columns = (table: string) => columnNames(conn, table);

describe('migration 2026_11_22_001_directory', () => {
  it('creates the directory tables', async () => {
    await migrate(db, { migrations: { '2026_11_22_001_directory': directory } });
    expect(columns('structures')).toEqual(
      expect.arrayContaining(['name', 'siret', 'network_status', 'search_key', 'archived_at']),
    );
    expect(columns('promeneurs')).toEqual(
      expect.arrayContaining(['structure_id', 'compliance', 'publication', 'status']),
    );
    expect(columns('promeneur_profiles')).toEqual(
      expect.arrayContaining(['platform', 'name', 'url', 'position']),
    );
    expect(columns('duty_slots')).toEqual(expect.arrayContaining(['weekday', 'start', 'end']));
    expect(columns('status_history')).toEqual(
      expect.arrayContaining(['entity', 'entity_id', 'status', 'since']),
    );
    expect(columns('audit_log')).toEqual(
      expect.arrayContaining(['at', 'entity', 'entity_id', 'action', 'changes']),
    );
    expect(columns('settings')).toEqual(['key', 'value']);
  });

  it('keeps a structure that still employs Promeneurs (foreign keys on)', async () => {
    await migrate(db, { migrations: { '2026_11_22_001_directory': directory } });
    const now = new Date().toISOString();
    conn
      .prepare(
        `insert into structures (name, type, legal_form, network_status, created_at, updated_at) values ('S', 'mjc', 'association', 'interessee', ?, ?)`,
      )
      .run(now, now);
    conn
      .prepare(
        `insert into promeneurs (structure_id, first_name, last_name, job, status, created_at, updated_at) values (1, 'A', 'B', 'animateur', 'actif', ?, ?)`,
      )
      .run(now, now);
    expect(() => conn.prepare('delete from structures where id = 1').run()).toThrowError(
      /FOREIGN KEY/,
    );
    expect(() =>
      conn
        .prepare(
          `insert into promeneurs (structure_id, first_name, last_name, job, status, created_at, updated_at) values (99, 'A', 'B', 'animateur', 'actif', ?, ?)`,
        )
        .run(now, now),
    ).toThrowError(/FOREIGN KEY/);
  });
});

describe('the migration runner', () => {
  it('applies each migration once', async () => {
    expect(await migrate(db)).toEqual(Object.keys(migrations));
    expect(await migrate(db)).toEqual([]);
  });

  it('rolls a failing migration back entirely', async () => {
    await expect(
      migrate(db, {
        migrations: {
          '2026_11_22_001_directory': directory,
          '2026_12_01_001_broken': {
            async up(trx) {
              await trx.schema.createTable('half_done').addColumn('x', 'integer').execute();
              throw new Error('boom');
            },
          },
        },
      }),
    ).rejects.toThrowError('boom');
    const tables = (
      conn.prepare(`select name from sqlite_master where type = 'table'`).all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    expect(tables).toContain('structures');
    expect(tables).not.toContain('half_done');
    const applied = conn.prepare('select name from migrations').all();
    expect(applied).toEqual([{ name: '2026_11_22_001_directory' }]);
  });
});
