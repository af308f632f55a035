import { describe, expect, it } from 'vitest';
import type { Connection, Db } from '../../../src/main/db/connection';
import { migrate } from '../../../src/main/db/migrate';
import { migrationsAround, useFreshDatabase } from '../../support/migrationDb';

let conn: Connection;
let db: Db;
useFreshDatabase((fresh) => ({ conn, db } = fresh));

const { before, all } = migrationsAround('2026_12_03_011_dashboard');

const intervals = () =>
  conn
    .prepare(
      `select entity, entity_id, status, opens, closes from status_intervals order by 1, 2, 4`,
    )
    .all();

describe('migration 2026_12_03_011_dashboard', () => {
  it('works out the intervals of a vault of the previous version, then keeps them on writes', async () => {
    await migrate(db, { migrations: before });
    const at = '2024-01-10T09:00:00.000Z';
    conn
      .prepare(
        `insert into structures (name, type, legal_form, network_status, created_at, updated_at)
         values ('S1', 'mjc', 'association', 'dans_le_reseau', ?, ?)`,
      )
      .run(at, at);
    conn
      .prepare(
        `insert into promeneurs (structure_id, first_name, last_name, job, status, created_at, updated_at)
         values (1, 'Ana', 'Lune', 'animatrice', 'sorti', ?, ?), (1, 'Bo', 'Sel', 'animateur', 'actif', ?, ?)`,
      )
      .run(at, at, at, at);
    const entry = conn.prepare(
      `insert into status_history (entity, entity_id, status, since, recorded_at) values (?, ?, ?, ?, ?)`,
    );
    entry.run('structure', 1, 'dans_le_reseau', '2024-01-10', at);
    entry.run('promeneur', 1, 'actif', '2024-01-10', at);
    entry.run('promeneur', 1, 'suspendu', '2024-06-01', at);
    entry.run('promeneur', 1, 'sorti', '2024-06-01', at);
    entry.run('convention', 1, 'signee', '2024-02-01', at);
    // Promeneur 2 has no history: active since their creation.

    expect(await migrate(db, { migrations: all })).toEqual(['2026_12_03_011_dashboard']);
    expect(intervals()).toEqual([
      {
        entity: 'promeneur',
        entity_id: 1,
        status: 'actif',
        opens: '2024-01-10',
        closes: '2024-06-01',
      },
      { entity: 'promeneur', entity_id: 1, status: 'sorti', opens: '2024-06-01', closes: null },
      { entity: 'promeneur', entity_id: 2, status: 'actif', opens: '2024-01-10', closes: null },
      {
        entity: 'structure',
        entity_id: 1,
        status: 'dans_le_reseau',
        opens: '2024-01-10',
        closes: null,
      },
    ]);

    entry.run('promeneur', 2, 'sorti', '2025-03-01', at);
    expect(intervals().filter((i) => (i as { entity_id: number }).entity_id === 2)).toEqual([
      { entity: 'promeneur', entity_id: 2, status: 'sorti', opens: '2025-03-01', closes: null },
    ]);
  });
});
