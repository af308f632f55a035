import { describe, expect, it } from 'vitest';
import type { Connection, Db } from '../../../src/main/db/connection';
import { migrate } from '../../../src/main/db/migrate';
import { columnNames, migrationsAround, useFreshDatabase } from '../../support/migrationDb';

let conn: Connection;
let db: Db;
useFreshDatabase((fresh) => ({ conn, db } = fresh));

const { before, all } = migrationsAround('2026_11_22_004_committees');

const columns = (table: string) => columnNames(conn, table);
const rows = (sql: string) => conn.prepare(sql).all();
const run = (sql: string, ...args: unknown[]) => conn.prepare(sql).run(...args);
const now = new Date().toISOString();

/** A structure, a Promeneur, a COPIL (event 1), two members (1 titular, 2 its substitute). */
function seed(): void {
  run(
    `insert into structures (name, type, legal_form, network_status, created_at, updated_at) values ('S', 'mjc', 'association', 'interessee', ?, ?)`,
    now,
    now,
  );
  run(
    `insert into promeneurs (structure_id, first_name, last_name, job, status, created_at, updated_at) values (1, 'A', 'B', 'animateur', 'actif', ?, ?)`,
    now,
    now,
  );
  run(
    `insert into events (type, title, start, end, status, uid, created_at, updated_at) values ('copil', 'COPIL', '2027-06-15T10:00', '2027-06-15T12:00', 'tenu', 'c1@balise', ?, ?)`,
    now,
    now,
  );
  const member = `insert into committee_members (committee, name, organisation_kind, role, seat, substitute_of, created_at, updated_at) values ('copil', ?, 'caf', 'membre', ?, ?, ?, ?)`;
  run(member, 'Titulaire', 'titulaire', null, now, now);
  run(member, 'Suppléante', 'suppleant', 1, now, now);
}

describe('migration 2026_11_22_004_committees', () => {
  it('creates the committees’ tables on a vault of the previous version, with both committees', async () => {
    await migrate(db, { migrations: before });
    run(
      `insert into events (type, title, start, end, status, uid, created_at, updated_at) values ('copil', 'COPIL', '2027-06-15T10:00', '2027-06-15T12:00', 'prevu', 'c0@balise', ?, ?)`,
      now,
      now,
    );
    expect(await migrate(db, { migrations: all })).toEqual(['2026_11_22_004_committees']);
    expect(rows('select title from events')).toEqual([{ title: 'COPIL' }]);
    expect(rows('select committee, rules, quorum from committees order by committee')).toEqual([
      { committee: 'copil', rules: '', quorum: null },
      { committee: 'cotech', rules: '', quorum: null },
    ]);
    expect(columns('committee_members')).toEqual([
      'id',
      'committee',
      'name',
      'organisation_kind',
      'organisation',
      'role',
      'seat',
      'substitute_of',
      'email',
      'phone',
      'member_from',
      'member_until',
      'created_at',
      'updated_at',
    ]);
    expect(columns('meeting_attendance')).toEqual([
      'event_id',
      'member_id',
      'attendance',
      'represented_by_member_id',
    ]);
    expect(columns('committee_decisions')).toEqual(
      expect.arrayContaining(['event_id', 'committee', 'year', 'number', 'type', 'structure_id']),
    );
    expect(columns('meeting_minutes')).toEqual(
      expect.arrayContaining([
        'status',
        'approved_on',
        'approved_at_event_id',
        'follow_up_minutes',
      ]),
    );
    expect(await migrate(db, { migrations: all })).toEqual([]);
  });

  it('numbers decisions once per committee and year, and knows only two committees', async () => {
    await migrate(db, { migrations: all });
    seed();
    const decision = `insert into committee_decisions (event_id, committee, year, number, type, title, created_at, updated_at) values (1, ?, ?, ?, 'autre', 'D', ?, ?)`;
    run(decision, 'copil', 2027, 1, now, now);
    run(decision, 'copil', 2028, 1, now, now);
    run(decision, 'cotech', 2027, 1, now, now);
    expect(() => run(decision, 'copil', 2027, 1, now, now)).toThrowError(/UNIQUE/);
    expect(() => run(`insert into committees (committee) values ('cotil')`)).toThrowError(/CHECK/);
    expect(() =>
      run(
        `insert into meeting_attendance (event_id, member_id, attendance) values (1, 1, 'present'), (1, 1, 'excuse')`,
      ),
    ).toThrowError(/UNIQUE|PRIMARY/);
  });

  it('links an agenda item to exactly one record, and drops the link with the record', async () => {
    await migrate(db, { migrations: all });
    seed();
    run(
      `insert into meeting_agenda_items (event_id, position, title, created_at, updated_at) values (1, 1, 'Candidatures', ?, ?)`,
      now,
      now,
    );
    expect(rows('select minutes from meeting_agenda_items')).toEqual([
      { minutes: '{"type":"doc","content":[]}' },
    ]);
    expect(() => run(`insert into agenda_item_links (item_id) values (1)`)).toThrowError(/CHECK/);
    expect(() =>
      run(`insert into agenda_item_links (item_id, structure_id, promeneur_id) values (1, 1, 1)`),
    ).toThrowError(/CHECK/);
    run(`insert into agenda_item_links (item_id, structure_id) values (1, 1)`);
    run(`insert into agenda_item_links (item_id, promeneur_id) values (1, 1)`);
    run('delete from promeneurs where id = 1');
    expect(rows('select structure_id, promeneur_id from agenda_item_links')).toEqual([
      { structure_id: 1, promeneur_id: null },
    ]);
  });

  it('follows the removal of a member and of a meeting', async () => {
    await migrate(db, { migrations: all });
    seed();
    run(
      `insert into meeting_attendance (event_id, member_id, attendance, represented_by_member_id) values (1, 1, 'represente', 2), (1, 2, 'present', null)`,
    );
    run(
      `insert into committee_actions (event_id, who, what, status, created_at, updated_at) values (1, 'CAF', 'Envoyer', 'a_faire', ?, ?)`,
      now,
      now,
    );
    run(`insert into meeting_minutes (event_id, updated_at) values (1, ?)`, now);
    // The substitute leaves: the titular member stays, represented by no one.
    run('delete from committee_members where id = 2');
    expect(rows('select member_id, represented_by_member_id from meeting_attendance')).toEqual([
      { member_id: 1, represented_by_member_id: null },
    ]);
    // The meeting erased from the calendar takes everything recorded at it.
    run('delete from events where id = 1');
    for (const table of ['meeting_attendance', 'committee_actions', 'meeting_minutes'])
      expect(rows(`select * from ${table}`)).toEqual([]);
    expect(rows('select name from committee_members')).toEqual([{ name: 'Titulaire' }]);
  });
});
