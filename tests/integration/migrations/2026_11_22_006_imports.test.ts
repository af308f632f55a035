import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  kyselyOf,
  openConnection,
  type Connection,
  type Db,
} from '../../../src/main/db/connection';
import { migrate } from '../../../src/main/db/migrate';
import * as directory from '../../../src/main/db/migrations/2026_11_22_001_directory';
import * as conventions from '../../../src/main/db/migrations/2026_11_22_002_conventions';
import * as calendar from '../../../src/main/db/migrations/2026_11_22_003_calendar';
import * as committees from '../../../src/main/db/migrations/2026_11_22_004_committees';
import * as activity from '../../../src/main/db/migrations/2026_11_22_005_activity';
import * as imports from '../../../src/main/db/migrations/2026_11_22_006_imports';

let dir: string;
let conn: Connection;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'balise-migration-'));
  conn = openConnection(join(dir, 'test.db'), randomBytes(32));
  db = kyselyOf(conn);
});
afterEach(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const before = {
  '2026_11_22_001_directory': directory,
  '2026_11_22_002_conventions': conventions,
  '2026_11_22_003_calendar': calendar,
  '2026_11_22_004_committees': committees,
  '2026_11_22_005_activity': activity,
};
const all = { ...before, '2026_11_22_006_imports': imports };

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
