/**
 * The status intervals kept by triggers (migration 011) against a real encrypted vault: after
 * every kind of write to the status history (entry, correction of its day or status, an entry
 * moved to another record, removal) and to the records (created without history, status or
 * creation changed, deleted, erased), the kept intervals equal the history worked out afresh.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/main/demo/seed';
import { erasePerson } from '../../src/main/services/rights/erase';
import { createTestVault, type TestVault } from '../support/vault';

const TODAY = '2026-11-22';
let vault: TestVault;

beforeAll(async () => {
  vault = await createTestVault();
  await seedDemo(vault.session.db, { seed: 1, today: TODAY });
});
afterAll(() => vault.cleanup());

const conn = () => vault.session.vault.connection;
const run = (query: string, ...params: unknown[]) =>
  conn()
    .prepare(query)
    .run(...params);
const rows = (query: string, ...params: unknown[]) =>
  conn()
    .prepare(query)
    .all(...params);

/**
 * Every record's intervals worked out from scratch: each entry lasts until the next one of its
 * record (by day, then as recorded), entries lasting no time left out; a record without any
 * history has its current status from its creation.
 */
function recomputed() {
  const of = (entity: string, table: string, status: string) => `
    select '${entity}' as entity, entity_id, status, opens, closes from (
      select h.entity_id, h.status, h.since as opens,
        lead(h.since) over (partition by h.entity_id order by h.since, h.id) as closes
      from status_history h where h.entity = '${entity}'
    ) where closes is null or closes > opens
    union all
    select '${entity}', r.id, r.${status}, substr(r.created_at, 1, 10), null from ${table} r
    where r.id not in (select entity_id from status_history where entity = '${entity}')`;
  return rows(`select * from (${of('structure', 'structures', 'network_status')}
    union all ${of('promeneur', 'promeneurs', 'status')}) order by 1, 2, 4`);
}

function expectKeptExact() {
  const kept = rows(
    `select entity, entity_id, status, opens, closes from status_intervals order by 1, 2, 4`,
  );
  expect(kept.length).toBeGreaterThan(0);
  expect(kept).toEqual(recomputed());
}

const firstId = (table: string) =>
  (rows(`select id from ${table} order by id limit 1`)[0] as { id: number }).id;

function addEntry(entity: string, id: number, status: string, since: string): number {
  return Number(
    run(
      `insert into status_history (entity, entity_id, status, since, recorded_at)
       values (?, ?, ?, ?, '2026-11-22T09:00:00.000Z')`,
      entity,
      id,
      status,
      since,
    ).lastInsertRowid,
  );
}

function addPromeneur(structureId: number, status: string): number {
  return Number(
    run(
      `insert into promeneurs (structure_id, first_name, last_name, job, status, created_at, updated_at)
       values (?, 'Zoé', 'Sans-Histoire', 'animatrice', ?, '2024-02-03T10:00:00.000Z', '2024-02-03T10:00:00.000Z')`,
      structureId,
      status,
    ).lastInsertRowid,
  );
}

describe('status intervals kept by triggers', () => {
  it('hold the seeded history', () => {
    expectKeptExact();
  });

  it('stay exact as history entries are added, corrected, moved and removed', () => {
    const structure = firstId('structures');
    const promeneur = firstId('promeneurs');
    const later = addEntry('promeneur', promeneur, 'suspendu', '2025-06-01');
    expectKeptExact();
    // Two entries on one day: the last recorded wins, the other lasts no time.
    addEntry('promeneur', promeneur, 'sorti', '2025-06-01');
    addEntry('structure', structure, 'sortie', '2025-09-01');
    expectKeptExact();
    run(`update status_history set since = '2025-07-14' where id = ?`, later);
    expectKeptExact();
    run(`update status_history set status = 'exclu' where id = ?`, later);
    expectKeptExact();
    const other = (
      rows(`select id from promeneurs where id <> ? order by id limit 1`, promeneur)[0] as {
        id: number;
      }
    ).id;
    run(`update status_history set entity_id = ? where id = ?`, other, later);
    expectKeptExact();
    run(`delete from status_history where id = ?`, later);
    expectKeptExact();
    // A Promeneur's whole history gone: their current status from their creation.
    run(`delete from status_history where entity = 'promeneur' and entity_id = ?`, promeneur);
    expectKeptExact();
    // The conventions' history has no intervals.
    addEntry('convention', firstId('conventions'), 'en_cours', '2025-01-01');
    expectKeptExact();
  });

  it('stay exact as records without history are created, changed and deleted', () => {
    const structure = firstId('structures');
    const id = addPromeneur(structure, 'en_preparation');
    expectKeptExact();
    run(`update promeneurs set status = 'actif' where id = ?`, id);
    expectKeptExact();
    run(`update promeneurs set created_at = '2023-05-06T08:00:00.000Z' where id = ?`, id);
    expectKeptExact();
    // Its first history entry replaces the status from its creation.
    addEntry('promeneur', id, 'actif', '2024-03-01');
    expectKeptExact();
    run(`delete from status_history where entity = 'promeneur' and entity_id = ?`, id);
    run(`delete from promeneurs where id = ?`, id);
    expectKeptExact();
    run(`update structures set network_status = 'retenue' where id = ?`, structure);
    expectKeptExact();
  });

  it('stay exact when a Promeneur is erased', async () => {
    const promeneur = rows(
      `select p.id, p.first_name || ' ' || p.last_name as name from promeneurs p
       where exists (select 1 from status_history h where h.entity = 'promeneur' and h.entity_id = p.id)
       order by p.id desc limit 1`,
    )[0] as { id: number; name: string };
    await erasePerson(vault.session.db, { kind: 'promeneur', id: promeneur.id }, promeneur.name);
    expect(
      rows(
        `select 1 from status_intervals where entity = 'promeneur' and entity_id = ?`,
        promeneur.id,
      ),
    ).toEqual([]);
    expectKeptExact();
  });
});
