/**
 * Opens the encrypted SQLite file: SQLCipher v4 scheme, a raw 256-bit key, WAL with
 * synchronous=FULL, temporary storage in memory, foreign keys on, files readable by the user
 * only.
 */
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { chmodSync, existsSync } from 'node:fs';
import { CamelCasePlugin, Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Database } from './schema';

export type Connection = Sqlite.Database;
export type Db = Kysely<Database>;

/** Thrown when the key does not open the file, or the file is not a database. */
export class UnreadableDatabaseError extends Error {
  constructor(
    readonly reason: 'not_a_database' | 'damaged',
    cause?: unknown,
  ) {
    super(`database unreadable: ${reason}`, { cause });
    this.name = 'UnreadableDatabaseError';
  }
}

/** Applies the cipher settings and the raw key to a fresh connection. */
export function keyConnection(conn: Connection, key: Buffer): void {
  if (key.length !== 32) throw new Error('database key must be 32 bytes');
  conn.pragma(`cipher='sqlcipher'`);
  conn.pragma('legacy=4');
  conn.pragma(`key="x'${key.toString('hex')}'"`);
}

/** Restricts the database and its side files to the user. */
export function restrictFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(f)) chmodSync(f, 0o600);
  }
}

/**
 * Opens (or creates) the encrypted database. `PRAGMA key` accepts any key: the first
 * read tells whether it is right, so this reads the schema before returning.
 */
export function openConnection(
  file: string,
  key: Buffer,
  options: { readonly?: boolean } = {},
): Connection {
  const conn = new Sqlite(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  try {
    keyConnection(conn, key);
    conn.prepare('select count(*) from sqlite_master').get();
  } catch (error) {
    conn.close();
    throw new UnreadableDatabaseError('not_a_database', error);
  }
  if (!options.readonly) {
    conn.pragma('journal_mode = WAL');
    conn.pragma('synchronous = FULL');
  }
  // SQLite3 Multiple Ciphers encrypts the database and its journals, not SQLite's temporary
  // files (large sorts, temporary indexes, VACUUM's copy): they are kept in memory instead.
  conn.pragma('temp_store = MEMORY');
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 5000');
  // 64 MiB of decrypted pages (SQLite's default is 2 MiB): on a national-sized vault the to-do
  // list's and the dashboard's queries otherwise evict each other's pages and decrypt them again
  // (to-do 0.30 → 0.17-0.23 s, dashboard year 1.7 → 1.1 s in an A/B run). A department's whole
  // file is smaller than that; the cache is freed when the vault locks.
  conn.pragma('cache_size = -65536');
  restrictFiles(file);
  return conn;
}

/** How many compiled statements a connection keeps: every query the app has, with room. */
const STATEMENTS_KEPT = 500;

/**
 * The connection as Kysely's dialect uses it, keeping each compiled statement by its SQL text
 * (the least recently used dropped beyond `STATEMENTS_KEPT`): Kysely prepares its query on every
 * call, and compiling cost a fifth of a 5,000-row directory import. A statement still being
 * iterated is never handed out twice; SQLite recompiles a kept statement itself after a schema
 * change.
 */
function keepingStatements(conn: Connection): SqliteDatabase {
  const kept = new Map<string, Sqlite.Statement>();
  return {
    close: () => conn.close(),
    prepare(sql: string) {
      const known = kept.get(sql);
      kept.delete(sql);
      const statement = known && !known.busy ? known : conn.prepare(sql);
      kept.set(sql, statement);
      if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
      return statement;
    },
  };
}

export function kyselyOf(conn: Connection): Db {
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: keepingStatements(conn) }),
    plugins: [new CamelCasePlugin()],
  });
}

/** Runs SQLite's own check of the whole file; returns the problems found (empty when healthy). */
export function integrityProblems(conn: Connection): string[] {
  const rows = conn.pragma('integrity_check') as { integrity_check: string }[];
  const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  return problems;
}

/** Runs `work` in a transaction, or inside the caller's one when `db` already is one. */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
