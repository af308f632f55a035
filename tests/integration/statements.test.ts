/**
 * The compiled statements a connection keeps (`kyselyOf`): a query run again reuses its
 * statement, a statement left halfway through a stream answers again, and a kept statement
 * still answers after the schema changed under it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kyselyOf, openConnection, type Connection, type Db } from '../../src/main/db/connection';

let dir: string;
let conn: Connection;
let db: Db;
let compiled: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'balise-statements-'));
  conn = openConnection(join(dir, 'test.db'), randomBytes(32));
  conn.exec('create table t (id integer primary key, v text)');
  conn.exec(`insert into t (v) values ('a'), ('b'), ('c')`);
  compiled = [];
  const prepare = conn.prepare.bind(conn);
  (conn as unknown as { prepare: (s: string) => unknown }).prepare = (s: string) => {
    compiled.push(s);
    return prepare(s);
  };
  db = kyselyOf(conn);
});
afterEach(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const values = () => sql<{ v: string }>`select v from t order by id`.execute(db);

describe('compiled statements kept by the connection', () => {
  it('compiles a query once however often it runs, with its own parameters each time', async () => {
    for (const id of [1, 2, 3, 1]) {
      const { rows } = await sql<{ v: string }>`select v from t where id = ${id}`.execute(db);
      expect(rows).toEqual([{ v: ['a', 'b', 'c'][id - 1] }]);
    }
    expect(compiled.filter((s) => s.startsWith('select v from t where id'))).toHaveLength(1);
  });

  it('runs a query again after its stream was left halfway', async () => {
    const query = () => db.selectFrom('t' as never).select('v' as never);
    for await (const row of query().stream()) {
      expect(row).toEqual({ v: 'a' });
      break;
    }
    expect(await query().execute()).toEqual([{ v: 'a' }, { v: 'b' }, { v: 'c' }]);
  });

  it('answers with the new schema after a column was added', async () => {
    await values();
    conn.exec(`alter table t add column w text default 'x'`);
    const { rows } = await sql`select * from t where id = ${1}`.execute(db);
    expect(rows).toEqual([{ id: 1, v: 'a', w: 'x' }]);
    expect((await values()).rows).toHaveLength(3);
  });
});
