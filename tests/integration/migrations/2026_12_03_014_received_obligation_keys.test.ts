import { describe, expect, it } from 'vitest';
import type { Connection, Db } from '../../../src/main/db/connection';
import { migrate } from '../../../src/main/db/migrate';
import {
  insertConvention,
  insertStructure,
  migrationsAround,
  sqlOf,
  useFreshDatabase,
} from '../../support/migrationDb';

let conn: Connection;
let db: Db;
useFreshDatabase((fresh) => ({ conn, db } = fresh));

const { before, all } = migrationsAround('2026_12_03_014_received_obligation_keys');

/** Each convention's received keys as kept, sorted (the kept order is none in particular). */
function kept(): Record<number, string[]> {
  const rows = conn
    .prepare('select convention_id as id, keys from received_obligation_keys')
    .all() as {
    id: number;
    keys: string;
  }[];
  return Object.fromEntries(rows.map((r) => [r.id, r.keys.split(' ').sort()]));
}

/** The same worked out from the states themselves. */
function fromStates(): Record<number, string[]> {
  const rows = conn
    .prepare(
      `select convention_id as id, key from obligation_states where received_on is not null order by key`,
    )
    .all() as { id: number; key: string }[];
  const out: Record<number, string[]> = {};
  for (const r of rows) (out[r.id] ??= []).push(r.key);
  return out;
}

function state(conventionId: number, key: string, receivedOn: string | null): void {
  conn
    .prepare(
      `insert into obligation_states (convention_id, key, kind, year, label, due_on, received_on)
       values (?, ?, 'bilan', 2026, 'Bilan', '2026-06-30', ?)`,
    )
    .run(conventionId, key, receivedOn);
}

describe('migration 2026_12_03_014_received_obligation_keys', () => {
  it('keeps the received keys of a vault of the previous version, then follows every write', async () => {
    await migrate(db, { migrations: before });
    insertStructure(conn);
    insertConvention(conn, '2025-01-01', '2027-12-31');
    insertConvention(conn, '2026-01-01', '2026-12-31');
    state(1, 'bilan_annuel:2025', '2026-03-01');
    state(1, 'bilan_annuel:2026', null);
    state(1, 'budget_previsionnel:2026', '2026-01-15');
    state(2, 'bilan_annuel:2026', null);
    expect(await migrate(db, { migrations: all })).toEqual([
      '2026_12_03_014_received_obligation_keys',
    ]);
    expect(sqlOf(conn, 'obligations_received')).toBeUndefined();
    expect(kept()).toEqual({ 1: ['bilan_annuel:2025', 'budget_previsionnel:2026'] });

    const steps: [string, () => void][] = [
      ['a state received', () => state(2, 'budget_previsionnel:2026', '2026-02-01')],
      ['a state not received', () => state(2, 'bilan_annuel:2027', null)],
      [
        'a state marked received',
        () =>
          conn
            .prepare(`update obligation_states set received_on = '2026-07-01' where key = ?`)
            .run('bilan_annuel:2026'),
      ],
      [
        'a receipt taken back',
        () =>
          conn
            .prepare(
              `update obligation_states set received_on = null where convention_id = 1 and key = ?`,
            )
            .run('bilan_annuel:2025'),
      ],
      [
        'a key renamed',
        () =>
          conn
            .prepare(
              `update obligation_states set key = 'bilan:2026' where convention_id = 2 and key = ?`,
            )
            .run('bilan_annuel:2026'),
      ],
      [
        'a state moved to another convention',
        () =>
          conn
            .prepare(
              `update obligation_states set convention_id = 2 where convention_id = 1 and key = ?`,
            )
            .run('bilan_annuel:2026'),
      ],
      [
        'a comment changed only',
        () => conn.prepare(`update obligation_states set comment = 'relancé'`).run(),
      ],
      [
        'a state removed',
        () =>
          conn
            .prepare(`delete from obligation_states where convention_id = 2 and key = ?`)
            .run('bilan:2026'),
      ],
      ['a convention removed', () => conn.prepare(`delete from conventions where id = 2`).run()],
    ];
    for (const [what, write] of steps) {
      write();
      expect(kept(), what).toEqual(fromStates());
    }
    expect(
      conn
        .prepare('select count(*) as n from received_obligation_keys where convention_id = 2')
        .get(),
    ).toEqual({ n: 0 });
    expect(await migrate(db, { migrations: all })).toEqual([]);
  });
});
