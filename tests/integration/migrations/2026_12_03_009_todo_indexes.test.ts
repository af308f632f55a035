import { describe, expect, it } from 'vitest';
import type { Connection, Db } from '../../../src/main/db/connection';
import { migrate } from '../../../src/main/db/migrate';
import {
  insertStructure,
  insertConvention,
  migrationsAround,
  useFreshDatabase,
} from '../../support/migrationDb';

let conn: Connection;
let db: Db;
useFreshDatabase((fresh) => ({ conn, db } = fresh));

const { before, all } = migrationsAround('2026_12_03_009_todo_indexes');

const indexes = (table: string) =>
  (
    conn
      .prepare(
        `select name from sqlite_master where type = 'index' and tbl_name = ? and sql is not null order by name`,
      )
      .all(table) as { name: string }[]
  ).map((r) => r.name);

const sqlOf = (name: string) =>
  (conn.prepare(`select sql from sqlite_master where name = ?`).get(name) as { sql: string }).sql;

describe('migration 2026_12_03_009_todo_indexes', () => {
  it('adds the to-do list’s indexes to a vault of the previous version, keeping its records', async () => {
    await migrate(db, { migrations: before });
    const now = new Date().toISOString();
    insertStructure(conn);
    insertConvention(conn, '2026-01-01', '2026-12-31');
    conn
      .prepare(
        `insert into obligation_states (convention_id, key, kind, year, label, due_on, received_on) values (1, 'attestation_service_fait:2026', 'attestation_service_fait', 2026, 'Attestation de service fait 2026', '2026-12-31', '2026-12-01')`,
      )
      .run();
    conn
      .prepare(
        `insert into events (type, title, start, "end", status, uid, created_at, updated_at) values ('autre', 'Réunion', '2026-10-06T14:00', '2026-10-06T16:00', 'prevu', 'uid-1', ?, ?)`,
      )
      .run(now, now);
    conn
      .prepare(
        `insert into event_invitees (event_id, kind, name) values (1, 'invite', 'Agnès Hypothèse')`,
      )
      .run();
    expect(await migrate(db, { migrations: all })).toEqual(['2026_12_03_009_todo_indexes']);
    expect(conn.prepare('select count(*) as n from obligation_states').get()).toEqual({ n: 1 });
    expect(conn.prepare('select count(*) as n from event_invitees').get()).toEqual({ n: 1 });
    expect(indexes('event_invitees')).toContain('invitees_unmarked');
    expect(indexes('obligation_states')).toContain('obligations_received');
    expect(await migrate(db, { migrations: all })).toEqual([]);
  });

  it('makes both partial: the invitees without a mark, the obligations received', async () => {
    await migrate(db, { migrations: all });
    expect(sqlOf('invitees_unmarked')).toMatch(/\("event_id"\) where "attendance" is null/i);
    expect(sqlOf('obligations_received')).toMatch(
      /\("convention_id", "key", "received_on"\) where "received_on" is not null/i,
    );
  });
});
