/** Host structures against a real encrypted vault, through the real router. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStructure, updateStructure } from '../../src/main/services/structures';
import { structureFields, type StructureFieldsInput } from '../../src/shared/api/structures';
import { todayInParis } from '../../src/shared/rules/dates';
import { createTestVault, type TestVault } from '../support/vault';

let vault: TestVault;
beforeEach(async () => {
  vault = await createTestVault();
});
afterEach(() => vault.cleanup());

const base: StructureFieldsInput = {
  name: 'Centre social des Tilleuls',
  type: 'centre_social',
  legalForm: 'association',
  networkStatus: 'dans_le_reseau',
};

const create = async (fields: Partial<StructureFieldsInput> = {}) =>
  (await vault.value('structures.create', { fields: { ...base, ...fields } })).id;

/** Rows in every table: equal counts before and after mean nothing was written. */
function rowCounts(): Record<string, number> {
  const conn = vault.session.vault.connection;
  const tables = conn
    .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (conn.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n,
    ]),
  );
}

const names = (list: { name: string }[]) => list.map((s) => s.name);

describe('creating and reading a structure', () => {
  it('stores every field normalised and reads it back', async () => {
    const id = await create({
      name: '  MJC de Saint-Étienne  ',
      type: 'mjc',
      siret: '732 829 320 00074',
      address: '3 rue des Écoles',
      postalCode: '42000',
      commune: 'Saint-Étienne',
      territory: 'Saint-Étienne Métropole',
      qpv: true,
      phone: '04 77 12 34 56',
      email: 'Contact@MJC-SE.fr',
      website: 'www.mjc-se.fr',
      representativeName: 'Hélène Bernard',
      representativeTitle: 'Présidente',
      networkStatus: 'retenue',
      selectionYear: 2026,
      statusSince: '2026-03-12',
      charterSignedOn: '2026-04-01',
      charterSignatory: 'Hélène Bernard',
      notes: 'Premier contact au forum.',
    });
    const s = await vault.value('structures.get', { id });
    expect(s).toMatchObject({
      id,
      name: 'MJC de Saint-Étienne',
      type: 'mjc',
      legalForm: 'association',
      siret: '73282932000074',
      address: '3 rue des Écoles',
      postalCode: '42000',
      commune: 'Saint-Étienne',
      territory: 'Saint-Étienne Métropole',
      qpv: true,
      phone: '+33477123456',
      email: 'contact@mjc-se.fr',
      website: 'https://www.mjc-se.fr/',
      representativeName: 'Hélène Bernard',
      representativeTitle: 'Présidente',
      networkStatus: 'retenue',
      selectionYear: 2026,
      charterSignedOn: '2026-04-01',
      charterSignatory: 'Hélène Bernard',
      notes: 'Premier contact au forum.',
      archivedAt: null,
      statusHistory: [{ status: 'retenue', since: '2026-03-12' }],
      promeneurs: [],
    });
    expect(s).not.toHaveProperty('statusSince');
    expect(new Date(s.createdAt).toISOString()).toBe(s.createdAt);
    expect(s.updatedAt).toBe(s.createdAt);
  });

  it('applies the defaults and dates the first status today', async () => {
    const id = await create();
    const s = await vault.value('structures.get', { id });
    expect(s).toMatchObject({
      siret: null,
      commune: null,
      qpv: false,
      selectionYear: null,
      charterSignedOn: null,
    });
    expect(s.statusHistory).toEqual([{ status: 'dans_le_reseau', since: todayInParis() }]);
  });

  it('records the creation in the audit log with every filled-in field', async () => {
    const id = await create({ commune: 'Aurillac', siret: '73282932000074' });
    const [entry, ...rest] = await vault.value('history.forRecord', { entity: 'structure', id });
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ entity: 'structure', entityId: id, action: 'create' });
    expect(entry!.changes).toEqual([
      { field: 'name', before: null, after: 'Centre social des Tilleuls' },
      { field: 'type', before: null, after: 'centre_social' },
      { field: 'legalForm', before: null, after: 'association' },
      { field: 'siret', before: null, after: '73282932000074' },
      { field: 'commune', before: null, after: 'Aurillac' },
      { field: 'qpv', before: null, after: false },
      { field: 'networkStatus', before: null, after: 'dans_le_reseau' },
    ]);
  });

  it('answers NOT_FOUND with a French message for an unknown structure', async () => {
    for (const route of [
      'structures.get',
      'structures.archive',
      'structures.restore',
      'structures.remove',
    ] as const) {
      expect(await vault.call(route, { id: 999 })).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND', message: 'Cette structure n’existe pas ou a été supprimée.' },
      });
    }
    expect(await vault.call('structures.update', { id: 999, fields: base })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('validation', () => {
  it.each<[string, Partial<StructureFieldsInput>, string]>([
    ['a wrong SIRET', { siret: '732 829 320 00075' }, 'fields.siret'],
    ['a selected structure without its year', { networkStatus: 'retenue' }, 'fields.selectionYear'],
    [
      'a charter without its signatory',
      { charterSignedOn: '2026-01-10' },
      'fields.charterSignatory',
    ],
    ['a wrong postal code', { postalCode: '4200' }, 'fields.postalCode'],
    ['a foreign phone number', { phone: '+44 20 7946 0958' }, 'fields.phone'],
  ])('refuses %s and writes nothing', async (_label, fields, field) => {
    const id = await create();
    const before = rowCounts();
    const created = await vault.call('structures.create', { fields: { ...base, ...fields } });
    const updated = await vault.call('structures.update', { id, fields: { ...base, ...fields } });
    for (const result of [created, updated]) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(Object.keys(result.error.fields ?? {})).toContain(field);
      }
    }
    expect(rowCounts()).toEqual(before);
  });
});

describe('updating a structure', () => {
  it('saves the changes and audits only the changed fields, old → new', async () => {
    const id = await create({ commune: 'Aurillac' });
    const created = await vault.value('structures.get', { id });
    await new Promise((r) => setTimeout(r, 5));
    await vault.value('structures.update', {
      id,
      fields: { ...base, commune: 'Mauriac', qpv: true, email: 'cs@tilleuls.fr' },
    });
    const s = await vault.value('structures.get', { id });
    expect(s).toMatchObject({ commune: 'Mauriac', qpv: true, email: 'cs@tilleuls.fr' });
    expect(s.createdAt).toBe(created.createdAt);
    expect(s.updatedAt > created.updatedAt).toBe(true);
    const [latest] = await vault.value('history.forRecord', { entity: 'structure', id });
    expect(latest).toMatchObject({ action: 'update' });
    expect(latest!.changes).toEqual([
      { field: 'commune', before: 'Aurillac', after: 'Mauriac' },
      { field: 'qpv', before: false, after: true },
      { field: 'email', before: null, after: 'cs@tilleuls.fr' },
    ]);
  });

  it('writes nothing when nothing changed', async () => {
    const id = await create({ phone: '04 71 00 00 00' });
    const before = await vault.value('structures.get', { id });
    const counts = rowCounts();
    // The same phone typed differently is the same number.
    await vault.value('structures.update', { id, fields: { ...base, phone: '+33 4 71 00 00 00' } });
    expect(rowCounts()).toEqual(counts);
    expect(await vault.value('structures.get', { id })).toEqual(before);
  });

  it('adds to the status history only when the status changes, newest first', async () => {
    const id = await create({ networkStatus: 'interessee', statusSince: '2025-11-03' });
    await vault.value('structures.update', {
      id,
      fields: { ...base, networkStatus: 'retenue', selectionYear: 2026, statusSince: '2026-02-15' },
    });
    await vault.value('structures.update', {
      id,
      fields: { ...base, networkStatus: 'retenue', selectionYear: 2026, commune: 'Riom' },
    });
    await vault.value('structures.update', {
      id,
      fields: { ...base, networkStatus: 'dans_le_reseau', selectionYear: 2026, commune: 'Riom' },
    });
    const s = await vault.value('structures.get', { id });
    expect(s.statusHistory).toEqual([
      { status: 'dans_le_reseau', since: todayInParis() },
      { status: 'retenue', since: '2026-02-15' },
      { status: 'interessee', since: '2025-11-03' },
    ]);
    const history = await vault.value('history.forRecord', { entity: 'structure', id });
    expect(history.map((e) => e.action)).toEqual(['update', 'update', 'update', 'create']);
    expect(history[0]!.changes).toEqual([
      { field: 'networkStatus', before: 'retenue', after: 'dans_le_reseau' },
    ]);
  });
});

describe('listing structures', () => {
  beforeEach(async () => {
    await create({
      name: 'Zénith Jeunesse',
      type: 'accueil_jeunes',
      commune: 'Yssingeaux',
      territory: 'CC des Sucs',
      networkStatus: 'interessee',
    });
    await create({
      name: 'Élan Solidaire',
      type: 'centre_social',
      commune: 'Saint-Étienne',
      territory: 'Saint-Étienne Métropole',
      representativeName: 'Bérénice Faure',
    });
    await create({
      name: 'Eloïse et Compagnie',
      type: 'association_jep',
      commune: 'Firminy',
      territory: 'Saint-Étienne Métropole',
      siret: '73282932000074',
      networkStatus: 'sortie',
    });
    await create({
      name: 'abri des jeunes',
      type: 'mjc',
      commune: null,
      email: 'accueil@abri.fr',
      networkStatus: 'retenue',
      selectionYear: 2025,
    });
  });

  it('sorts names in French order, accents and case folded, both ways', async () => {
    const asc = await vault.value('structures.list', {});
    expect(names(asc)).toEqual([
      'abri des jeunes',
      'Élan Solidaire',
      'Eloïse et Compagnie',
      'Zénith Jeunesse',
    ]);
    const desc = await vault.value('structures.list', { direction: 'desc' });
    expect(names(desc)).toEqual([
      'Zénith Jeunesse',
      'Eloïse et Compagnie',
      'Élan Solidaire',
      'abri des jeunes',
    ]);
  });

  it('sorts by commune (missing last), by status in workflow order, by last update', async () => {
    expect(names(await vault.value('structures.list', { sort: 'commune' }))).toEqual([
      'Eloïse et Compagnie',
      'Élan Solidaire',
      'Zénith Jeunesse',
      'abri des jeunes',
    ]);
    expect(
      (await vault.value('structures.list', { sort: 'networkStatus' })).map((s) => s.networkStatus),
    ).toEqual(['interessee', 'retenue', 'dans_le_reseau', 'sortie']);
    const [first] = await vault.value('structures.list', { search: 'zenith' });
    await new Promise((r) => setTimeout(r, 5));
    await vault.value('structures.update', {
      id: first!.id,
      fields: { ...base, name: 'Zénith Jeunesse', commune: 'Retournac' },
    });
    expect(
      names(await vault.value('structures.list', { sort: 'updatedAt', direction: 'desc' }))[0],
    ).toBe('Zénith Jeunesse');
  });

  it('finds records without accents, case or hyphens, every word having to match', async () => {
    const search = async (text: string) =>
      names(await vault.value('structures.list', { search: text }));
    expect(await search('saint etienne')).toEqual(['Élan Solidaire', 'Eloïse et Compagnie']);
    expect(await search('SAINT-ÉTIENNE firminy')).toEqual(['Eloïse et Compagnie']);
    expect(await search('eloise')).toEqual(['Eloïse et Compagnie']);
    expect(await search('elan')).toEqual(['Élan Solidaire']);
    expect(await search('berenice')).toEqual(['Élan Solidaire']);
    expect(await search('73282932000074')).toEqual(['Eloïse et Compagnie']);
    expect(await search('accueil@abri')).toEqual(['abri des jeunes']);
    expect(await search('sucs')).toEqual(['Zénith Jeunesse']);
    expect(await search('saint yssingeaux')).toEqual([]);
    expect(await search('%')).toEqual([]);
    expect(await search('   ')).toHaveLength(4);
  });

  it('filters by status, type and territory; empty lists mean all', async () => {
    const list = async (query: Parameters<typeof vault.value<'structures.list'>>[1]) =>
      names(await vault.value('structures.list', query));
    expect(await list({ statuses: ['interessee', 'retenue'] })).toEqual([
      'abri des jeunes',
      'Zénith Jeunesse',
    ]);
    expect(await list({ types: ['centre_social'] })).toEqual(['Élan Solidaire']);
    expect(
      await list({ territory: 'Saint-Étienne Métropole', statuses: ['dans_le_reseau'] }),
    ).toEqual(['Élan Solidaire']);
    expect(await list({ statuses: [], types: [] })).toHaveLength(4);
  });

  it('gives each structure its summary with its count of current Promeneurs', async () => {
    const [elan] = await vault.value('structures.list', { search: 'elan' });
    const promeneur = {
      lastName: 'Roux',
      job: 'animateur' as const,
      structureId: elan!.id,
      status: 'actif' as const,
    };
    await vault.value('promeneurs.create', { fields: { ...promeneur, firstName: 'Inès' } });
    const { id } = await vault.value('promeneurs.create', {
      fields: { ...promeneur, firstName: 'Tom' },
    });
    await vault.value('promeneurs.archive', { id });
    const [summary] = await vault.value('structures.list', { search: 'elan' });
    expect(summary).toEqual({
      id: elan!.id,
      name: 'Élan Solidaire',
      type: 'centre_social',
      commune: 'Saint-Étienne',
      territory: 'Saint-Étienne Métropole',
      networkStatus: 'dans_le_reseau',
      promeneurCount: 1,
      charterSignedOn: null,
      archivedAt: null,
    });
  });

  it('lists the territories in use, once each, in French order', async () => {
    expect(await vault.value('structures.territories', {})).toEqual([
      'CC des Sucs',
      'Saint-Étienne Métropole',
    ]);
  });
});

describe('archiving, restoring, removing', () => {
  it('hides an archived structure from the list, shows it among the archived, and restores it', async () => {
    const id = await create({ name: 'MJC des Granges' });
    await create({ name: 'Centre social Lumière' });
    await vault.value('structures.archive', { id });
    expect(names(await vault.value('structures.list', {}))).toEqual(['Centre social Lumière']);
    const archived = await vault.value('structures.list', { archived: true });
    expect(names(archived)).toEqual(['MJC des Granges']);
    expect(archived[0]!.archivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    await vault.value('structures.archive', { id }); // twice: nothing more happens
    await vault.value('structures.restore', { id });
    expect(names(await vault.value('structures.list', {}))).toEqual([
      'Centre social Lumière',
      'MJC des Granges',
    ]);
    expect(await vault.value('structures.list', { archived: true })).toEqual([]);

    const history = await vault.value('history.forRecord', { entity: 'structure', id });
    expect(history.map((e) => e.action)).toEqual(['restore', 'archive', 'create']);
    expect(history[1]!.changes).toEqual([
      { field: 'archivedAt', before: null, after: archived[0]!.archivedAt },
    ]);
    expect(history[0]!.changes).toEqual([
      { field: 'archivedAt', before: archived[0]!.archivedAt, after: null },
    ]);
  });

  it('refuses to remove a structure that still employs Promeneurs, archived ones included', async () => {
    const id = await create();
    const { id: promeneurId } = await vault.value('promeneurs.create', {
      fields: {
        firstName: 'Lina',
        lastName: 'Perrin',
        job: 'educateur',
        structureId: id,
        status: 'actif',
      },
    });
    await vault.value('promeneurs.archive', { id: promeneurId });
    const counts = rowCounts();
    const result = await vault.call('structures.remove', { id });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message:
          'Cette structure emploie encore un Promeneur du Net (archivé ou non). Rattachez-le à une autre structure ou supprimez-le d’abord.',
      },
    });
    expect(rowCounts()).toEqual(counts);
  });

  it('erases a structure for good, keeps a trace of the erasure but not of its values', async () => {
    const id = await create({ commune: 'Aurillac', networkStatus: 'interessee' });
    await vault.value('structures.update', { id, fields: { ...base, commune: 'Aurillac' } });
    const other = await create({ name: 'Autre structure' });
    expect(await vault.value('structures.remove', { id })).toEqual({ id });

    expect(await vault.call('structures.get', { id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const conn = vault.session.vault.connection;
    expect(
      conn
        .prepare(
          `select count(*) as n from status_history where entity = 'structure' and entity_id = ?`,
        )
        .get(id),
    ).toEqual({ n: 0 });
    expect(
      conn
        .prepare(
          `select count(*) as n from status_history where entity = 'structure' and entity_id = ?`,
        )
        .get(other),
    ).toEqual({ n: 1 });
    const [erasure] = await vault.value('history.forRecord', { entity: 'structure', id });
    expect(erasure).toMatchObject({ action: 'delete', changes: [] });
    expect(names(await vault.value('structures.list', {}))).toEqual(['Autre structure']);
  });
});

describe('renaming a structure', () => {
  it('lets its Promeneurs be found under the new name only', async () => {
    const id = await create({ name: 'Maison des Ados' });
    await vault.value('promeneurs.create', {
      fields: {
        firstName: 'Noé',
        lastName: 'Garnier',
        job: 'psychologue',
        structureId: id,
        status: 'actif',
      },
    });
    await vault.value('structures.update', {
      id,
      fields: { ...base, name: 'Maison de l’Adolescence' },
    });
    const found = async (search: string) =>
      (await vault.value('promeneurs.list', { search })).rows.map((p) => p.lastName);
    expect(await found('adolescence')).toEqual(['Garnier']);
    expect(await found('ados')).toEqual([]);
  });
});

describe('the service functions', () => {
  it('join the caller’s transaction, so a failure later in it leaves nothing behind', async () => {
    const db = vault.session.db;
    const counts = rowCounts();
    await expect(
      db.transaction().execute(async (trx) => {
        const { id } = await createStructure(trx, structureFields.parse(base));
        await updateStructure(trx, id, structureFields.parse({ ...base, commune: 'Murat' }));
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect(rowCounts()).toEqual(counts);
  });
});
