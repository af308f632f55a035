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
