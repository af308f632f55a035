import { describe, expect, it } from 'vitest';
import type { Connection, Db } from '../../../src/main/db/connection';
import { migrate } from '../../../src/main/db/migrate';
import { columnNames, migrationsAround, useFreshDatabase } from '../../support/migrationDb';

let conn: Connection;
let db: Db;
useFreshDatabase((fresh) => ({ conn, db } = fresh));

const { before, all } = migrationsAround('2026_11_22_003_calendar');

const columns = (table: string) => columnNames(conn, table);

const rows = (sql: string) => conn.prepare(sql).all();
const now = new Date().toISOString();

/** Two structures, a Promeneur of each (ids 1, 2), and an event (id 1). */
function seed(): void {
  const structure = conn.prepare(
    `insert into structures (name, type, legal_form, network_status, created_at, updated_at) values (?, 'mjc', 'association', 'dans_le_reseau', ?, ?)`,
  );
  structure.run('S1', now, now);
  structure.run('S2', now, now);
  const promeneur = conn.prepare(
    `insert into promeneurs (structure_id, first_name, last_name, job, status, created_at, updated_at) values (?, 'A', 'B', 'animateur', 'actif', ?, ?)`,
  );
  promeneur.run(1, now, now);
  promeneur.run(2, now, now);
  conn
    .prepare(
      `insert into events (type, title, start, end, status, uid, created_at, updated_at) values ('formation', 'Formation', '2027-01-12T09:00', '2027-01-12T17:00', 'prevu', 'u1@balise', ?, ?)`,
    )
    .run(now, now);
}

const invitee = (kind: string, promeneurId: number | null, structureId: number | null) =>
  conn
    .prepare(
      `insert into event_invitees (event_id, kind, promeneur_id, structure_id, name) values (1, ?, ?, ?, ?)`,
    )
    .run(kind, promeneurId, structureId, promeneurId === null ? 'Nom' : null);

describe('migration 2026_11_22_003_calendar', () => {
  it('creates the events, invitees and log tables on a vault of the previous version', async () => {
    await migrate(db, { migrations: before });
    conn
      .prepare(
        `insert into structures (name, type, legal_form, network_status, created_at, updated_at) values ('S', 'mjc', 'association', 'dans_le_reseau', ?, ?)`,
      )
      .run(now, now);
    expect(await migrate(db, { migrations: all })).toEqual(['2026_11_22_003_calendar']);
    expect(rows('select name from structures')).toEqual([{ name: 'S' }]);
    expect(columns('events')).toEqual([
      'id',
      'type',
      'title',
      'start',
      'end',
      'place',
      'video_url',
      'description',
      'status',
      'series_id',
      'uid',
      'imported',
      'search_key',
      'created_at',
      'updated_at',
    ]);
    expect(columns('event_invitees')).toEqual([
      'id',
      'event_id',
      'kind',
      'promeneur_id',
      'structure_id',
      'name',
      'organisation',
      'email',
      'attendance',
    ]);
    expect(columns('journal_entries')).toEqual(
      expect.arrayContaining([
        'date',
        'kind',
        'channel',
        'duration_minutes',
        'summary',
        'partners',
      ]),
    );
    expect(columns('journal_links')).toEqual(['entry_id', 'promeneur_id', 'structure_id']);
    expect(await migrate(db, { migrations: all })).toEqual([]);
  });

  it('keeps UIDs unique and a Promeneur invited once per event', async () => {
    await migrate(db, { migrations: all });
    seed();
    expect(() =>
      conn
        .prepare(
          `insert into events (type, title, start, end, status, uid, created_at, updated_at) values ('autre', 'X', '2027-01-12T09:00', '2027-01-12T10:00', 'prevu', 'u1@balise', ?, ?)`,
        )
        .run(now, now),
    ).toThrowError(/UNIQUE/);
    invitee('promeneur', 1, null);
    expect(() => invitee('promeneur', 1, null)).toThrowError(/UNIQUE/);
    // Guests have no Promeneur: several of them are fine.
    invitee('invite', null, null);
    invitee('invite', null, null);
    expect(() => invitee('promeneur', 99, null)).toThrowError(/FOREIGN KEY/);
    expect(rows(`select imported, search_key from events`)).toEqual([
      { imported: 0, search_key: '' },
    ]);
  });

  it('follows the erasure of a Promeneur, a structure, an event, a log entry', async () => {
    await migrate(db, { migrations: all });
    seed();
    invitee('promeneur', 1, null);
    invitee('promeneur', 2, null);
    invitee('structure', null, 2);
    const entry = conn.prepare(
      `insert into journal_entries (date, kind, channel, duration_minutes, summary, created_at, updated_at) values ('2027-01-12', 'accompagnement_pdn', 'telephone', 30, 'Appel', ?, ?)`,
    );
    entry.run(now, now);
    entry.run(now, now);
    const link = conn.prepare(
      `insert into journal_links (entry_id, promeneur_id, structure_id) values (?, ?, ?)`,
    );
    link.run(1, 1, null);
    link.run(1, null, 2);
    link.run(2, 2, null);

    // A Promeneur erased leaves the event's list and the log's links.
    conn.prepare('delete from promeneurs where id = 1').run();
    expect(rows('select kind, promeneur_id, structure_id from event_invitees')).toEqual([
      { kind: 'promeneur', promeneur_id: 2, structure_id: null },
      { kind: 'structure', promeneur_id: null, structure_id: 2 },
    ]);
    expect(rows('select entry_id, promeneur_id, structure_id from journal_links')).toEqual([
      { entry_id: 1, promeneur_id: null, structure_id: 2 },
      { entry_id: 2, promeneur_id: 2, structure_id: null },
    ]);

    // A structure erased (once its Promeneurs are gone): its team stays invited, unlinked.
    conn.prepare('delete from promeneurs where id = 2').run();
    conn.prepare('delete from structures where id = 2').run();
    expect(rows('select kind, structure_id, name from event_invitees')).toEqual([
      { kind: 'structure', structure_id: null, name: 'Nom' },
    ]);
    expect(rows('select entry_id from journal_links')).toEqual([]);
    expect(rows('select id from journal_entries')).toEqual([{ id: 1 }, { id: 2 }]);

    // An event erased takes its invitees; a log entry its links.
    link.run(1, null, 1);
    conn.prepare('delete from journal_entries where id = 1').run();
    expect(rows('select entry_id from journal_links')).toEqual([]);
    conn.prepare('delete from events where id = 1').run();
    expect(rows('select id from event_invitees')).toEqual([]);
  });
});
