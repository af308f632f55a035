/** What every migration test needs: a fresh encrypted database per test, and the migrations up to one. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { kyselyOf, openConnection, type Connection, type Db } from '../../src/main/db/connection';
import { migrations, type Migration } from '../../src/main/db/migrations';

/** Opens a fresh encrypted database before each test (handed to `set`) and removes it after. */
export function useFreshDatabase(set: (fresh: { conn: Connection; db: Db }) => void): void {
  let dir = '';
  let db: Db | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'balise-migration-'));
    const conn = openConnection(join(dir, 'test.db'), randomBytes(32));
    db = kyselyOf(conn);
    set({ conn, db });
  });
  afterEach(async () => {
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
}

/**
 * The migrations that come before `name` (a vault of the previous version) and those up to it
 * included, in their order.
 */
export function migrationsAround(name: string): {
  before: Record<string, Migration>;
  all: Record<string, Migration>;
} {
  const names = Object.keys(migrations);
  const at = names.indexOf(name);
  if (at < 0) throw new Error(`unknown migration ${name}`);
  const pick = (list: string[]) => Object.fromEntries(list.map((n) => [n, migrations[n]!]));
  return { before: pick(names.slice(0, at)), all: pick(names.slice(0, at + 1)) };
}

/** A table's column names, in order. */
export const columnNames = (conn: Connection, table: string): string[] =>
  (conn.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[]).map(
    (c) => c.name,
  );

/** The SQL that created a schema object (an index, a table), or undefined when there is none. */
export const sqlOf = (conn: Connection, name: string): string | undefined =>
  (
    conn.prepare(`select sql from sqlite_master where name = ?`).get(name) as
      { sql: string } | undefined
  )?.sql;

/** One structure, « S1 » (the first: id 1), as every schema since the first can hold it. */
export function insertStructure(conn: Connection): void {
  const now = new Date().toISOString();
  conn
    .prepare(
      `insert into structures (name, type, legal_form, network_status, created_at, updated_at) values ('S1', 'mjc', 'association', 'dans_le_reseau', ?, ?)`,
    )
    .run(now, now);
}

/** One running convention of structure 1, « C-1 » (the first: id 1), with its search key. */
export function insertConvention(conn: Connection, startDate: string, endDate: string): void {
  const now = new Date().toISOString();
  conn
    .prepare(
      `insert into conventions (structure_id, reference, with_msa, kind, start_date, end_date, funded_promeneurs, status, search_key, created_at, updated_at)
       values (1, 'C-1', 0, 'premiere', ?, ?, 1, 'en_cours', 'c-1', ?, ?)`,
    )
    .run(startDate, endDate, now, now);
}
