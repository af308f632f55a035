/** Damaging a vault's file on disk the way a failing disk does: a few bytes garbled in chosen pages. */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import type { Connection } from '../../src/main/db/connection';

const PAGE_SIZE = 4096;

/**
 * The pages (numbered from 1) holding a table's rows, read through SQLite's dbstat on an open
 * connection, after a checkpoint so that they are in the database file itself.
 */
export function pagesOf(conn: Connection, table: string): number[] {
  conn.pragma('wal_checkpoint(TRUNCATE)');
  const rows = conn.prepare('select pageno from dbstat where name = ?').all(table) as {
    pageno: number;
  }[];
  if (rows.length === 0) throw new Error(`no page for table ${table}`);
  return rows.map((r) => r.pageno);
}

/** Flips 100 bytes inside each page: the page no longer decrypts (its HMAC fails). */
export function garblePages(file: string, pages: number[]): void {
  const fd = openSync(file, 'r+');
  try {
    for (const page of pages) {
      const at = (page - 1) * PAGE_SIZE + 100;
      const bytes = Buffer.alloc(100);
      readSync(fd, bytes, 0, bytes.length, at);
      for (let i = 0; i < bytes.length; i++) bytes[i] = bytes[i]! ^ 0x5a;
      writeSync(fd, bytes, 0, bytes.length, at);
    }
  } finally {
    closeSync(fd);
  }
}
