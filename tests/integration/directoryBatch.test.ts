/**
 * Records created or updated together (createStructures, createPromeneurs, updatePromeneurs:
 * the directory import's path) against a real encrypted vault: the same rows, search keys,
 * status history and audit entries as the same records saved one by one; a failing record undoes the batch and is
 * named through `each`. Then the import's run, which writes through them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createPromeneur,
  createPromeneurs,
  updatePromeneurs,
} from '../../src/main/services/promeneurs';
import { createStructure, createStructures } from '../../src/main/services/structures';
import { promeneurFields, type PromeneurFieldsInput } from '../../src/shared/api/promeneurs';
import { structureFields, type StructureFieldsInput } from '../../src/shared/api/structures';
import type { ImportedTable } from '../../src/shared/api/directoryImport';
import { DomainError } from '../../src/shared/result';
import { createTestVault, type TestVault } from '../support/vault';

let vault: TestVault;
beforeEach(async () => {
  vault = await createTestVault();
});
afterEach(() => vault.cleanup());

const csv = (...lines: string[]) => ({
  fileName: 'annuaire.csv',
  contentBase64: Buffer.from(lines.join('\r\n')).toString('base64'),
});
const HEADINGS = 'Structure;Commune;EPCI;Prénom;Nom';
const chosen = (table: ImportedTable) =>
  table.sheets.map((s) => ({ sheet: s.name, role: s.role, columns: s.columns }));

const rows = (sql: string, ...params: unknown[]) =>
  vault.session.vault.connection.prepare(sql).all(...params) as Record<string, unknown>[];

function rowCounts(): Record<string, number> {
  const tables = rows(
    `select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`,
  ).map((t) => String(t.name));
  return Object.fromEntries(
    tables.map((t) => [t, Number(rows(`select count(*) as n from "${t}"`)[0]!.n)]),
  );
}

/** What is recorded of a record, without its id and timestamps: its row, history and audit. */
function recordedOf(entity: 'structure' | 'promeneur', id: number) {
  const table = entity === 'structure' ? 'structures' : 'promeneurs';
  const {
    id: _id,
    created_at: _c,
    updated_at: _u,
    ...row
  } = rows(`select * from ${table} where id = ?`, id)[0]!;
  return {
    row,
    profiles: rows(
      `select position, platform, name, url from promeneur_profiles where promeneur_id = ? order by position`,
      id,
    ),
    slots: rows(
      `select position, weekday, start, "end" from duty_slots where promeneur_id = ? order by position`,
      id,
    ),
    statuses: rows(
      `select status, since from status_history where entity = ? and entity_id = ? order by id`,
      entity,
      id,
    ),
    audit: rows(
      `select action, subject, changes from audit_log where entity = ? and entity_id = ? order by id`,
      entity,
      id,
    ),
  };
}

const structures: StructureFieldsInput[] = [
  {
    name: 'Centre social des Tilleuls',
    type: 'centre_social',
    legalForm: 'association',
    networkStatus: 'dans_le_reseau',
    territory: 'Loire Forez',
    commune: 'Montbrison',
    qpv: true,
  },
  {
    name: 'MJC des Granges',
    type: 'mjc',
    legalForm: 'association',
    networkStatus: 'interessee',
    statusSince: '2026-01-05',
    email: 'contact@mjc-granges.fr',
  },
];

describe('structures created together', () => {
  it('are recorded as the same structures created one by one', async () => {
    const fields = structures.map((s) => structureFields.parse(s));
    const oneByOne = [];
    for (const f of fields) oneByOne.push((await createStructure(vault.session.db, f)).id);
    const together = await createStructures(vault.session.db, fields);
    expect(together).toHaveLength(2);
    for (const [n, { id }] of together.entries()) {
      const recorded = recordedOf('structure', id);
      expect(recorded).toEqual(recordedOf('structure', oneByOne[n]!));
      expect(recorded.statuses).toHaveLength(1);
      expect(recorded.audit).toHaveLength(1);
    }
    expect(recordedOf('structure', together[1]!.id).statuses).toEqual([
      { status: 'interessee', since: '2026-01-05' },
    ]);
  });

  it('write nothing when one fails, and name it through `each`', async () => {
    vault.session.vault.connection.exec(
      `create trigger refuse_granges before insert on structures when new.name = 'MJC des Granges' begin select raise(abort, 'refused by test'); end`,
    );
    const before = rowCounts();
    await expect(
      createStructures(
        vault.session.db,
        structures.map((s) => structureFields.parse(s)),
        (index, write) =>
          write().catch(() => {
            throw new Error(`record ${index}`);
          }),
      ),
    ).rejects.toThrow('record 1');
    expect(rowCounts()).toEqual(before);
  });
});

describe('Promeneurs created and updated together', () => {
  let tilleuls: number;
  let granges: number;
  beforeEach(async () => {
    [tilleuls, granges] = (
      await createStructures(
        vault.session.db,
        structures.map((s) => structureFields.parse(s)),
      )
    ).map((s) => s.id) as [number, number];
  });

  const people = (): PromeneurFieldsInput[] => [
    {
      firstName: 'Camille',
      lastName: 'Martin',
      job: 'animateur',
      structureId: tilleuls,
      status: 'actif',
      email: 'camille.martin@tilleuls.fr',
      profiles: [
        { platform: 'instagram', name: 'Camille Tilleuls' },
        { platform: 'discord', name: 'camille_pdn' },
      ],
      dutySlots: [{ weekday: 3, start: '14:00', end: '17:30' }],
      compliance: { photo: true },
      publication: { email: true },
    },
    {
      firstName: 'Éloïse',
      lastName: 'N’Diaye',
      job: 'educateur',
      structureId: granges,
      status: 'en_preparation',
      statusSince: '2026-02-01',
      notes: 'Arrivée en février.',
    },
    { firstName: 'Tom', lastName: 'Leroy', job: 'autre', structureId: tilleuls, status: 'actif' },
  ];

  it('are recorded as the same Promeneurs created one by one: search key, children, history, audit', async () => {
    const fields = people().map((p) => promeneurFields.parse(p));
    const oneByOne = [];
    for (const f of fields) oneByOne.push((await createPromeneur(vault.session.db, f)).id);
    const together = await createPromeneurs(vault.session.db, fields);
    expect(together).toHaveLength(3);
    for (const [n, { id }] of together.entries())
      expect(recordedOf('promeneur', id)).toEqual(recordedOf('promeneur', oneByOne[n]!));
    const camille = recordedOf('promeneur', together[0]!.id);
    // The search key holds the structure's name and the profiles' names, as the form's does.
    expect(camille.row.search_key).toBe(
      'camille martin camille.martin@tilleuls.fr centre social des tilleuls camille tilleuls camille_pdn',
    );
    expect(camille.profiles).toHaveLength(2);
    expect(camille.slots).toHaveLength(1);
    expect(recordedOf('promeneur', together[1]!.id).statuses).toEqual([
      { status: 'en_preparation', since: '2026-02-01' },
    ]);
    expect(JSON.parse(String(camille.audit[0]!.changes))).toContainEqual({
      field: 'firstName',
      before: null,
      after: 'Camille',
    });
    // Found by the directory's search like any other record.
    const found = await vault.value('promeneurs.list', { search: 'granges eloise' });
    expect(found.rows.map((r) => r.id)).toEqual([oneByOne[1], together[1]!.id]);
  });

  it('an update computes the search key from the saved record and its new structure', async () => {
    const [camille] = await createPromeneurs(vault.session.db, [
      promeneurFields.parse(people()[0]),
    ]);
    await vault.value('promeneurs.update', {
      id: camille!.id,
      fields: {
        ...people()[0]!,
        structureId: granges,
        profiles: [{ platform: 'tiktok', name: 'Cam du Forez' }],
      },
    });
    expect(recordedOf('promeneur', camille!.id).row.search_key).toBe(
      'camille martin camille.martin@tilleuls.fr mjc des granges cam du forez',
    );
  });

  it('refuse a structure that does not exist, writing nothing', async () => {
    const list = people().map((p) => promeneurFields.parse(p));
    list[1]!.structureId = 9999;
    const before = rowCounts();
    const failed = await createPromeneurs(vault.session.db, list).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(DomainError);
    expect(failed).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { 'fields.structureId': 'Cette structure n’existe pas ou a été supprimée.' },
    });
    expect(rowCounts()).toEqual(before);
  });

  it('write nothing when one fails, and name it through `each`', async () => {
    vault.session.vault.connection.exec(
      `create trigger refuse_leroy before insert on promeneurs when new.last_name = 'Leroy' begin select raise(abort, 'refused by test'); end`,
    );
    const before = rowCounts();
    await expect(
      createPromeneurs(
        vault.session.db,
        people().map((p) => promeneurFields.parse(p)),
        (index, write) =>
          write().catch(() => {
            throw new Error(`record ${index}`);
          }),
      ),
    ).rejects.toThrow('record 2');
    expect(rowCounts()).toEqual(before);
  });
  it('are updated together: only what changed is written, with its history and audit', async () => {
    const db = vault.session.db;
    const ids = (
      await createPromeneurs(
        db,
        people().map((p) => promeneurFields.parse(p)),
      )
    ).map((p) => p.id);
    const before = ids.map((id) => recordedOf('promeneur', id));
    const profileIds = () =>
      rows(`select id from promeneur_profiles where promeneur_id = ? order by position`, ids[0]);
    const camilleProfiles = profileIds();
    const [camille, eloise, tom] = people();
    await updatePromeneurs(db, [
      // A new e-mail; the profiles as they were.
      { id: ids[0]!, fields: promeneurFields.parse({ ...camille, email: 'cm@tilleuls.fr' }) },
      // A new status from a given day, and a new profile.
      {
        id: ids[1]!,
        fields: promeneurFields.parse({
          ...eloise,
          status: 'actif',
          statusSince: '2026-03-02',
          profiles: [{ platform: 'snapchat', name: 'eloise.granges' }],
        }),
      },
      // Nothing changed.
      { id: ids[2]!, fields: promeneurFields.parse(tom) },
    ]);
    const [c, e, t] = ids.map((id) => recordedOf('promeneur', id));
    expect(c!.row.search_key).toBe(
      'camille martin cm@tilleuls.fr centre social des tilleuls camille tilleuls camille_pdn',
    );
    expect(profileIds()).toEqual(camilleProfiles); // not rewritten
    expect(c!.statuses).toEqual(before[0]!.statuses);
    expect(c!.audit.map((a) => [a.action, JSON.parse(String(a.changes))])).toEqual([
      ['create', expect.any(Array)],
      [
        'update',
        [{ field: 'email', before: 'camille.martin@tilleuls.fr', after: 'cm@tilleuls.fr' }],
      ],
    ]);
    expect(e!.statuses).toEqual([
      { status: 'en_preparation', since: '2026-02-01' },
      { status: 'actif', since: '2026-03-02' },
    ]);
    expect(e!.profiles).toEqual([
      { position: 0, platform: 'snapchat', name: 'eloise.granges', url: null },
    ]);
    expect(e!.row.search_key).toBe('eloise n diaye mjc des granges eloise.granges');
    expect(e!.audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(t).toEqual(before[2]); // not written, not even in the audit log
  });

  it('are updated all or nothing, the failing one named through `each`', async () => {
    const db = vault.session.db;
    const ids = (
      await createPromeneurs(
        db,
        people().map((p) => promeneurFields.parse(p)),
      )
    ).map((p) => p.id);
    const before = rowCounts();
    const renamed = people().map((p, n) => ({
      id: ids[n]!,
      fields: promeneurFields.parse({ ...p, notes: 'Revu.' }),
    }));
    renamed[2]!.fields.structureId = 9999;
    await expect(
      updatePromeneurs(db, renamed, (index, write) =>
        write().catch((error: unknown) => {
          throw new Error(`record ${index}: ${(error as Error).message}`);
        }),
      ),
    ).rejects.toThrow('record 2: Saisie à corriger : la structure employeuse n’existe pas');
    expect(rowCounts()).toEqual(before);
    expect(rows(`select count(*) as n from promeneurs where notes = 'Revu.'`)).toEqual([{ n: 0 }]);
  });
});

describe('the directory import’s run', () => {
  it('links a Promeneur to a structure created after an update of another', async () => {
    // The plan's structure ops: the recorded structure's update first, then the new one.
    await vault.value('structures.create', {
      fields: {
        name: 'Maison des jeunes',
        commune: 'Évreux',
        type: 'autre',
        legalForm: 'association',
        networkStatus: 'dans_le_reseau',
      },
    });
    const file = csv(
      HEADINGS,
      'Maison des jeunes;Évreux;Évreux Portes de Normandie;Inès;Garnier',
      'Accueil jeunes;Louviers;Agglo Seine-Eure;Karim;Benali',
    );
    const table = await vault.value('directoryImport.read', file);
    const summary = await vault.value('directoryImport.run', { ...file, sheets: chosen(table) });
    expect(summary).toMatchObject({
      structures: { create: 1, update: 1 },
      promeneurs: { create: 2 },
    });
    expect(
      rows(
        `select p.last_name, s.name, s.territory from promeneurs p join structures s on s.id = p.structure_id order by p.id`,
      ),
    ).toEqual([
      { last_name: 'Garnier', name: 'Maison des jeunes', territory: 'Évreux Portes de Normandie' },
      { last_name: 'Benali', name: 'Accueil jeunes', territory: 'Agglo Seine-Eure' },
    ]);
  });

  it('undoes everything when a write common to several rows fails, and says so', async () => {
    vault.session.vault.connection.exec(
      `create trigger refuse_audit before insert on audit_log when new.entity = 'promeneur' begin select raise(abort, 'refused by test'); end`,
    );
    const file = csv(HEADINGS, 'MJC du Vexin;Gisors;Vexin;Léa;Martin', 'MJC;Gisors;;Tom;Leroy');
    const table = await vault.value('directoryImport.read', file);
    const before = rowCounts();
    const result = await vault.call('directoryImport.run', { ...file, sheets: chosen(table) });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'L’import s’est arrêté sur une erreur inattendue. Rien n’a été importé.',
      },
    });
    expect(rowCounts()).toEqual(before);
  });
});
