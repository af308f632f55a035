import { describe, expect, it } from 'vitest';
import type { Connection, Db } from '../../../src/main/db/connection';
import { migrate } from '../../../src/main/db/migrate';
import * as directory from '../../../src/main/db/migrations/2026_11_22_001_directory';
import * as conventions from '../../../src/main/db/migrations/2026_11_22_002_conventions';
import { columnNames, useFreshDatabase } from '../../support/migrationDb';

let conn: Connection;
let db: Db;
useFreshDatabase((fresh) => ({ conn, db } = fresh));

const both = {
  '2026_11_22_001_directory': directory,
  '2026_11_22_002_conventions': conventions,
};

const columns = (table: string) => columnNames(conn, table);

const count = (sql: string) => (conn.prepare(sql).get() as { n: number }).n;
const now = new Date().toISOString();

/** A structure (id 1) and a convention (id 1) with one of every part. */
function seed(): void {
  conn
    .prepare(
      `insert into structures (name, type, legal_form, network_status, created_at, updated_at) values ('S', 'mjc', 'association', 'dans_le_reseau', ?, ?)`,
    )
    .run(now, now);
  const convention = conn.prepare(
    `insert into conventions (structure_id, reference, kind, previous_id, start_date, end_date, funded_promeneurs, status, created_at, updated_at) values (1, ?, 'premiere', ?, '2026-01-01', '2027-12-31', 2, 'brouillon', ?, ?)`,
  );
  convention.run('CAF-1', null, now, now);
  conn.prepare(`insert into convention_subsidies values (1, 2026, 400000)`).run();
  conn
    .prepare(
      `insert into convention_documents (convention_id, position, key, category, label) values (1, 0, 'statuts', 'vocation', 'Statuts')`,
    )
    .run();
  conn
    .prepare(
      `insert into document_attachments (document_id, file_name, mime_type, size, content, added_at) values (1, 'a.pdf', 'application/pdf', 5, ?, ?)`,
    )
    .run(Buffer.from('%PDF-'), now);
  conn
    .prepare(
      `insert into obligation_states (convention_id, key, kind, year, label, due_on, received_on) values (1, 'attestation_service_fait:2026', 'attestation_service_fait', 2026, 'Attestation de service fait 2026', '2026-12-31', '2026-12-01')`,
    )
    .run();
  conn
    .prepare(
      `insert into convention_payments (convention_id, year, kind, amount_cents, planned_on) values (1, 2026, 'avance', 1000, '2026-03-01')`,
    )
    .run();
  conn
    .prepare(
      `insert into convention_amendments (convention_id, signed_on, object, created_at) values (1, '2026-06-01', 'Objet', ?)`,
    )
    .run(now);
  convention.run('CAF-2', 1, now, now);
}

describe('migration 2026_11_22_002_conventions', () => {
  it('creates the convention tables and gives audit entries a subject', async () => {
    await migrate(db, { migrations: { '2026_11_22_001_directory': directory } });
    conn
      .prepare(
        `insert into audit_log (at, entity, entity_id, action, changes) values (?, 'structure', 1, 'create', '[]')`,
      )
      .run(now);
    expect(await migrate(db, { migrations: both })).toEqual(['2026_11_22_002_conventions']);

    expect(columns('audit_log')).toContain('subject');
    expect(conn.prepare('select subject from audit_log').all()).toEqual([{ subject: null }]);
    expect(columns('conventions')).toEqual(
      expect.arrayContaining([
        'structure_id',
        'reference',
        'with_msa',
        'kind',
        'previous_id',
        'start_date',
        'end_date',
        'funded_promeneurs',
        'status',
        'ended_on',
        'end_reason',
        'search_key',
      ]),
    );
    expect(columns('convention_subsidies')).toEqual(['convention_id', 'year', 'amount_cents']);
    expect(columns('convention_documents')).toEqual(
      expect.arrayContaining([
        'key',
        'category',
        'label',
        'received_on',
        'validated_on',
        'comment',
      ]),
    );
    expect(columns('document_attachments')).toEqual(
      expect.arrayContaining(['document_id', 'file_name', 'mime_type', 'size', 'content']),
    );
    expect(columns('obligation_states')).toEqual(
      expect.arrayContaining(['convention_id', 'key', 'label', 'due_on', 'received_on', 'comment']),
    );
    expect(columns('convention_payments')).toEqual(
      expect.arrayContaining(['year', 'kind', 'amount_cents', 'planned_on', 'paid_on']),
    );
    expect(columns('convention_amendments')).toEqual(
      expect.arrayContaining(['signed_on', 'object', 'end_date', 'funded_promeneurs', 'subsidies']),
    );
    expect(columns('todo_done')).toEqual(['key', 'done_on']);
  });

  it('keeps a structure that has conventions, and erases a convention with its parts', async () => {
    await migrate(db, { migrations: both });
    seed();
    expect(() => conn.prepare('delete from structures where id = 1').run()).toThrowError(
      /FOREIGN KEY/,
    );
    expect(() =>
      conn.prepare(`insert into convention_subsidies values (1, 2026, 1)`).run(),
    ).toThrowError(/UNIQUE/);
    expect(() =>
      conn
        .prepare(
          `insert into obligation_states (convention_id, key, kind, year, label, due_on) values (1, 'attestation_service_fait:2026', 'attestation_service_fait', 2026, 'x', '2026-12-31')`,
        )
        .run(),
    ).toThrowError(/UNIQUE/);

    conn.prepare('delete from conventions where id = 1').run();
    for (const table of [
      'convention_subsidies',
      'convention_documents',
      'document_attachments',
      'obligation_states',
      'convention_payments',
      'convention_amendments',
    ])
      expect(count(`select count(*) as n from ${table}`), table).toBe(0);
    // The renewal stays, without its link.
    expect(conn.prepare('select id, previous_id from conventions').all()).toEqual([
      { id: 2, previous_id: null },
    ]);
  });
});
