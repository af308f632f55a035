import { describe, expect, it } from 'vitest';
import type { Connection, Db } from '../../../src/main/db/connection';
import { migrate } from '../../../src/main/db/migrate';
import { sortKey, sortKeyOf } from '../../../src/shared/rules/text';
import { columnNames, migrationsAround, useFreshDatabase } from '../../support/migrationDb';

let conn: Connection;
let db: Db;
useFreshDatabase((fresh) => ({ conn, db } = fresh));

const { before, all } = migrationsAround('2026_12_03_010_list_indexes');

describe('migration 2026_12_03_010_list_indexes', () => {
  it('gives the records already kept their sort keys, and the list its index', async () => {
    await migrate(db, { migrations: before });
    const now = new Date().toISOString();
    const structure = conn.prepare(
      `insert into structures (name, type, legal_form, network_status, created_at, updated_at) values (?, 'mjc', 'association', 'dans_le_reseau', ?, ?)`,
    );
    structure.run('Œuvre des Jeunes 12', now, now);
    structure.run('MJC Élan', now, now);
    const promeneur = conn.prepare(
      `insert into promeneurs (structure_id, first_name, last_name, job, status, created_at, updated_at) values (?, ?, ?, 'animateur', 'actif', ?, ?)`,
    );
    promeneur.run(1, 'Éloïse', 'Le Gall', now, now);
    promeneur.run(2, 'Hugo', 'Émery', now, now);

    expect(await migrate(db, { migrations: all })).toEqual(['2026_12_03_010_list_indexes']);
    expect(columnNames(conn, 'structures')).toContain('sort_key');
    expect(columnNames(conn, 'promeneurs')).toContain('sort_key');
    expect(conn.prepare('select name, sort_key as key from structures order by id').all()).toEqual([
      { name: 'Œuvre des Jeunes 12', key: sortKey('Œuvre des Jeunes 12') },
      { name: 'MJC Élan', key: 'mjc elan' },
    ]);
    expect(
      conn.prepare('select last_name as name, sort_key as key from promeneurs order by id').all(),
    ).toEqual([
      { name: 'Le Gall', key: sortKeyOf(['Le Gall', 'Éloïse']) },
      { name: 'Émery', key: sortKeyOf(['Émery', 'Hugo']) },
    ]);
    const index = conn
      .prepare(`select sql from sqlite_master where type = 'index' and name = ?`)
      .get('promeneurs_list_order') as { sql: string } | undefined;
    expect(index?.sql).toMatch(/on "promeneurs" \("archived_at", "sort_key"\)/i);
    expect(await migrate(db, { migrations: all })).toEqual([]);
  });
});
