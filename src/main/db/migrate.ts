/**
 * Brings a database up to this version of the app. Each migration runs in its own
 * transaction; the encrypted file is copied aside before the first one runs; a database
 * written by a newer version of the app is refused.
 */
import { copyFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { DomainError } from '../../shared/result';
import type { Connection, Db } from './connection';
import { migrations as allMigrations, type Migration } from './migrations';

export const SCHEMA_VERSION = Object.keys(allMigrations).length;

async function ensureTable(db: Db): Promise<void> {
  await db.schema
    .createTable('migrations')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
}

export async function appliedMigrations(db: Db): Promise<string[]> {
  await ensureTable(db);
  const rows = await db.selectFrom('migrations').select('name').orderBy('name').execute();
  return rows.map((r) => r.name);
}

export interface MigrateOptions {
  /** The database file, copied to `<file>.before-<migration>` before migrating. */
  file?: string;
  conn?: Connection;
  migrations?: Record<string, Migration>;
}

/** Returns the names of the migrations it applied. */
export async function migrate(db: Db, options: MigrateOptions = {}): Promise<string[]> {
  const migrations = options.migrations ?? allMigrations;
  const applied = await appliedMigrations(db);
  const known = new Set(Object.keys(migrations));
  const unknown = applied.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new DomainError(
      'VAULT_TOO_NEW',
      'Ce coffre a été créé par une version plus récente de Balise. Installez la dernière version de l’application pour l’ouvrir.',
    );
  }
  const pending = Object.keys(migrations).filter((name) => !applied.includes(name));
  if (pending.length === 0) return [];
  if (options.file && options.conn && applied.length > 0) {
    options.conn.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(options.file, `${options.file}.before-${pending[0]}`);
  }
  for (const name of pending) {
    await db.transaction().execute(async (trx) => {
      await migrations[name]!.up(trx as unknown as Kysely<unknown>);
      await trx
        .insertInto('migrations')
        .values({ name, appliedAt: new Date().toISOString() })
        .execute();
    });
  }
  await sql`pragma optimize`.execute(db);
  return pending;
}
