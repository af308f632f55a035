/** Promeneurs du Net against a real encrypted vault, through the real router. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPromeneur, hoursPerWeek } from '../../src/main/services/promeneurs';
import { promeneurFields, type PromeneurFieldsInput } from '../../src/shared/api/promeneurs';
import { todayInParis } from '../../src/shared/rules/dates';
import { createTestVault, type TestVault } from '../support/vault';

let vault: TestVault;
let tilleuls: number;
let granges: number;

beforeEach(async () => {
  vault = await createTestVault();
  tilleuls = (
    await vault.value('structures.create', {
      fields: {
        name: 'Centre social des Tilleuls',
        type: 'centre_social',
        legalForm: 'association',
        networkStatus: 'dans_le_reseau',
        territory: 'Loire Forez',
      },
    })
  ).id;
  granges = (
    await vault.value('structures.create', {
      fields: {
        name: 'MJC des Granges',
        type: 'mjc',
        legalForm: 'association',
        networkStatus: 'dans_le_reseau',
        territory: 'Saint-Étienne Métropole',
      },
    })
  ).id;
});
afterEach(() => vault.cleanup());

const base = (): PromeneurFieldsInput => ({
  firstName: 'Camille',
  lastName: 'Martin',
  job: 'animateur',
  structureId: tilleuls,
  status: 'actif',
});

const create = async (fields: Partial<PromeneurFieldsInput> = {}) =>
  (await vault.value('promeneurs.create', { fields: { ...base(), ...fields } })).id;

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

const lastNames = (page: { rows: { lastName: string }[] }) => page.rows.map((p) => p.lastName);

const full: Partial<PromeneurFieldsInput> = {
  firstName: 'Éloïse',
  lastName: 'Durand',
  job: 'educateur',
  email: 'E.Durand@Tilleuls.fr',
  phone: '06 12 34 56 78',
  startDate: '2025-09-01',
  charterSignedOn: '2025-09-15',
  statusSince: '2025-10-01',
  profiles: [
    {
      platform: 'instagram',
      name: 'eloise_pdn_tilleuls',
      url: 'instagram.com/eloise_pdn_tilleuls',
    },
    { platform: 'discord', name: 'Eloïse PdN' },
  ],
  dutySlots: [
    { weekday: 3, start: '14:30', end: '15:45' },
    { weekday: 1, start: '18:00', end: '20:00' },
  ],
  compliance: { firstNameAndStructure: true, photo: true },
  complianceCheckedOn: '2026-01-20',
  publication: { email: true },
  notes: 'Référente TikTok du réseau.',
};

describe('creating and reading a Promeneur', () => {
  it('stores every field, profiles and slots in order, and reads them back', async () => {
    const id = await create(full);
    const p = await vault.value('promeneurs.get', { id });
    expect(p).toEqual({
      id,
      firstName: 'Éloïse',
      lastName: 'Durand',
      job: 'educateur',
      structureId: tilleuls,
      structureName: 'Centre social des Tilleuls',
      email: 'e.durand@tilleuls.fr',
      phone: '+33612345678',
      startDate: '2025-09-01',
      charterSignedOn: '2025-09-15',
      status: 'actif',
      profiles: [
        {
          platform: 'instagram',
          name: 'eloise_pdn_tilleuls',
          url: 'https://instagram.com/eloise_pdn_tilleuls',
        },
        { platform: 'discord', name: 'Eloïse PdN', url: null },
      ],
      dutySlots: [
        { weekday: 3, start: '14:30', end: '15:45' },
        { weekday: 1, start: '18:00', end: '20:00' },
      ],
      hoursPerWeek: 3.25,
      compliance: {
        firstNameAndStructure: true,
        photo: true,
        logo: false,
        essentials: false,
        contact: false,
        directoryLink: false,
      },
      complianceCheckedOn: '2026-01-20',
      publication: {
        lastName: false,
        email: true,
        phone: false,
        profiles: false,
        dutySlots: false,
      },
      notes: 'Référente TikTok du réseau.',
      archivedAt: null,
      createdAt: p.createdAt,
      updatedAt: p.createdAt,
      statusHistory: [{ status: 'actif', since: '2025-10-01' }],
    });
    expect(new Date(p.createdAt).toISOString()).toBe(p.createdAt);
  });

  it('dates the first status today when no date is given', async () => {
    const id = await create({ status: 'en_preparation' });
    expect((await vault.value('promeneurs.get', { id })).statusHistory).toEqual([
      { status: 'en_preparation', since: todayInParis() },
    ]);
  });

  it('counts the hours online from the duty slots, to two decimals', () => {
    expect(hoursPerWeek([])).toBe(0);
    expect(hoursPerWeek([{ weekday: 1, start: '10:00', end: '10:20' }])).toBe(0.33);
    expect(
      hoursPerWeek([
        { weekday: 2, start: '09:10', end: '10:00' },
        { weekday: 5, start: '17:00', end: '19:30' },
      ]),
    ).toBe(3.33);
  });

  it('records the creation in the audit log, lists and flags as whole fields', async () => {
    const id = await create({
      profiles: [{ platform: 'twitch', name: 'cam_live' }],
      compliance: { logo: true },
    });
    const [entry] = await vault.value('history.forRecord', { entity: 'promeneur', id });
    expect(entry).toMatchObject({ action: 'create', entity: 'promeneur', entityId: id });
    const fields = entry!.changes.map((c) => c.field);
    expect(fields).toEqual([
      'firstName',
      'lastName',
      'job',
      'structureId',
      'status',
      'profiles',
      'dutySlots',
      'compliance',
      'publication',
    ]);
    expect(entry!.changes.find((c) => c.field === 'profiles')).toEqual({
      field: 'profiles',
      before: null,
      after: [{ platform: 'twitch', name: 'cam_live', url: null }],
    });
    expect(entry!.changes.find((c) => c.field === 'compliance')!.after).toMatchObject({
      logo: true,
      photo: false,
    });
  });

  it('refuses an employing structure that does not exist, on its field, and writes nothing', async () => {
    const counts = rowCounts();
    const result = await vault.call('promeneurs.create', {
      fields: { ...base(), structureId: 999, profiles: [{ platform: 'x', name: 'cm' }] },
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Saisie à corriger : la structure employeuse n’existe pas ou a été supprimée.',
        fields: { 'fields.structureId': 'Cette structure n’existe pas ou a été supprimée.' },
      },
    });
    const id = await create();
    const afterCreate = rowCounts();
    expect(
      (await vault.call('promeneurs.update', { id, fields: { ...base(), structureId: 999 } })).ok,
    ).toBe(false);
    expect(rowCounts()).toEqual(afterCreate);
    expect(afterCreate.promeneurs).toBe(counts.promeneurs! + 1);
  });

  it.each<[string, Partial<PromeneurFieldsInput>, string]>([
    [
      'a duty slot ending before it starts',
      { dutySlots: [{ weekday: 2, start: '18:00', end: '17:00' }] },
      'fields.dutySlots.0.end',
    ],
    [
      'an unknown platform',
      { profiles: [{ platform: 'myspace' as 'x', name: 'x' }] },
      'fields.profiles.0.platform',
    ],
    [
      'a profile without a name',
      { profiles: [{ platform: 'x', name: ' ' }] },
      'fields.profiles.0.name',
    ],
    ['a wrong e-mail', { email: 'camille@' }, 'fields.email'],
    ['a missing first name', { firstName: '' }, 'fields.firstName'],
  ])('refuses %s and writes nothing', async (_label, fields, field) => {
    const id = await create();
    const counts = rowCounts();
    for (const result of [
      await vault.call('promeneurs.create', { fields: { ...base(), ...fields } }),
      await vault.call('promeneurs.update', { id, fields: { ...base(), ...fields } }),
    ]) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(Object.keys(result.error.fields ?? {})).toContain(field);
    }
    expect(rowCounts()).toEqual(counts);
  });

  it('answers NOT_FOUND with a French message for an unknown Promeneur', async () => {
    for (const route of [
      'promeneurs.get',
      'promeneurs.archive',
      'promeneurs.restore',
      'promeneurs.remove',
    ] as const)
      expect(await vault.call(route, { id: 404 })).toEqual({
        ok: false,
        error: {
          code: 'NOT_FOUND',
          message: 'Ce Promeneur du Net n’existe pas ou a été supprimé.',
        },
      });
    expect(await vault.call('promeneurs.update', { id: 404, fields: base() })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('updating a Promeneur', () => {
  it('replaces profiles and slots as a whole and audits them old → new', async () => {
    const id = await create(full);
    const newProfiles = [{ platform: 'tiktok' as const, name: 'eloise.pdn' }];
    await vault.value('promeneurs.update', {
      id,
      fields: {
        ...base(),
        ...full,
        profiles: newProfiles,
        dutySlots: [],
        compliance: { ...full.compliance, logo: true },
      },
    });
    const p = await vault.value('promeneurs.get', { id });
    expect(p.profiles).toEqual([{ platform: 'tiktok', name: 'eloise.pdn', url: null }]);
    expect(p.dutySlots).toEqual([]);
    expect(p.hoursPerWeek).toBe(0);
    const conn = vault.session.vault.connection;
    expect(
      conn.prepare('select count(*) as n from promeneur_profiles where promeneur_id = ?').get(id),
    ).toEqual({ n: 1 });
    expect(
      conn.prepare('select count(*) as n from duty_slots where promeneur_id = ?').get(id),
    ).toEqual({ n: 0 });

    const [latest] = await vault.value('history.forRecord', { entity: 'promeneur', id });
    expect(latest!.action).toBe('update');
    expect(latest!.changes.map((c) => c.field)).toEqual(['profiles', 'dutySlots', 'compliance']);
    expect(latest!.changes[0]).toEqual({
      field: 'profiles',
      before: [
        {
          platform: 'instagram',
          name: 'eloise_pdn_tilleuls',
          url: 'https://instagram.com/eloise_pdn_tilleuls',
        },
        { platform: 'discord', name: 'Eloïse PdN', url: null },
      ],
      after: [{ platform: 'tiktok', name: 'eloise.pdn', url: null }],
    });
    expect(latest!.changes[2]).toMatchObject({ before: { logo: false }, after: { logo: true } });
  });

  it('writes nothing when nothing changed, whatever the order of the keys sent', async () => {
    const id = await create(full);
    const before = await vault.value('promeneurs.get', { id });
    const counts = rowCounts();
    await vault.value('promeneurs.update', {
      id,
      fields: {
        ...base(),
        ...full,
        profiles: full
          .profiles!.map((p) => ({ url: null, ...p }))
          .map(({ name, platform, url }) => ({ url, name, platform })),
        compliance: { photo: true, firstNameAndStructure: true },
        phone: '+33 6 12 34 56 78',
        statusSince: '2026-05-05',
      },
    });
    expect(rowCounts()).toEqual(counts);
    expect(await vault.value('promeneurs.get', { id })).toEqual(before);
  });

  it('moves a Promeneur to another structure and notes status changes, newest first', async () => {
    const id = await create({ status: 'en_preparation', statusSince: '2025-06-01' });
    await vault.value('promeneurs.update', {
      id,
      fields: { ...base(), status: 'actif', statusSince: '2025-09-01' },
    });
    await vault.value('promeneurs.update', {
      id,
      fields: { ...base(), status: 'actif', structureId: granges },
    });
    await vault.value('promeneurs.update', {
      id,
      fields: { ...base(), status: 'suspendu', structureId: granges },
    });
    const p = await vault.value('promeneurs.get', { id });
    expect(p).toMatchObject({
      structureId: granges,
      structureName: 'MJC des Granges',
      status: 'suspendu',
    });
    expect(p.statusHistory).toEqual([
      { status: 'suspendu', since: todayInParis() },
      { status: 'actif', since: '2025-09-01' },
      { status: 'en_preparation', since: '2025-06-01' },
    ]);
    const history = await vault.value('history.forRecord', { entity: 'promeneur', id });
    expect(history[1]!.changes).toEqual([
      { field: 'structureId', before: tilleuls, after: granges },
    ]);
  });
});

describe('listing Promeneurs', () => {
  beforeEach(async () => {
    await create({
      firstName: 'Éloïse',
      lastName: 'Émery',
      job: 'educateur',
      email: 'eloise@tilleuls.fr',
      profiles: [{ platform: 'snapchat', name: 'Lolo-PdN' }],
    });
    await create({
      firstName: 'Hugo',
      lastName: 'zola',
      job: 'animateur',
      structureId: granges,
      status: 'en_preparation',
    });
    await create({
      firstName: 'Anaïs',
      lastName: 'Eloy',
      job: 'infirmier',
      structureId: granges,
      status: 'suspendu',
    });
    await create({ firstName: 'Bruno', lastName: 'Abadie', job: 'animateur', status: 'sorti' });
  });

  it('sorts by name in French order, both ways', async () => {
    expect(lastNames(await vault.value('promeneurs.list', {}))).toEqual([
      'Abadie',
      'Eloy',
      'Émery',
      'zola',
    ]);
    expect(lastNames(await vault.value('promeneurs.list', { direction: 'desc' }))).toEqual([
      'zola',
      'Émery',
      'Eloy',
      'Abadie',
    ]);
  });

  it('sorts by structure then name, and by status in workflow order', async () => {
    expect(lastNames(await vault.value('promeneurs.list', { sort: 'structureName' }))).toEqual([
      'Abadie',
      'Émery',
      'Eloy',
      'zola',
    ]);
    expect(
      (await vault.value('promeneurs.list', { sort: 'status' })).rows.map((p) => p.status),
    ).toEqual(['en_preparation', 'actif', 'suspendu', 'sorti']);
  });

  it('finds Promeneurs without accents or case, by name, e-mail, structure or profile', async () => {
    const search = async (text: string) =>
      lastNames(await vault.value('promeneurs.list', { search: text }));
    expect(await search('eloise')).toEqual(['Émery']);
    expect(await search('ELOÏSE emery')).toEqual(['Émery']);
    expect(await search('lolo pdn')).toEqual(['Émery']);
    expect(await search('granges')).toEqual(['Eloy', 'zola']);
    expect(await search('anais granges')).toEqual(['Eloy']);
    expect(await search('tilleuls.fr')).toEqual(['Émery']);
    expect(await search('anais tilleuls')).toEqual([]);
  });

  it('filters by status, job, structure and territory; archived ones apart', async () => {
    const list = async (query: Parameters<typeof vault.value<'promeneurs.list'>>[1]) =>
      lastNames(await vault.value('promeneurs.list', query));
    expect(await list({ statuses: ['actif', 'suspendu'] })).toEqual(['Eloy', 'Émery']);
    expect(await list({ jobs: ['animateur'] })).toEqual(['Abadie', 'zola']);
    expect(await list({ structureId: granges })).toEqual(['Eloy', 'zola']);
    expect(await list({ territory: 'Loire Forez', jobs: ['animateur'] })).toEqual(['Abadie']);
    expect(await list({ statuses: [], jobs: [] })).toHaveLength(4);

    const [abadie] = (await vault.value('promeneurs.list', { search: 'abadie' })).rows;
    await vault.value('promeneurs.archive', { id: abadie!.id });
    expect(await list({})).toEqual(['Eloy', 'Émery', 'zola']);
    expect(await list({ archived: true })).toEqual(['Abadie']);
    await vault.value('promeneurs.restore', { id: abadie!.id });
    expect(await list({ archived: true })).toEqual([]);
    expect(await list({})).toHaveLength(4);
  });

  it('reads the list a page at a time, in the same order, with how many match in all', async () => {
    for (const query of [
      {},
      { direction: 'desc' as const },
      { sort: 'structureName' as const },
      { sort: 'status' as const, direction: 'desc' as const },
      { sort: 'updatedAt' as const },
    ]) {
      const whole = await vault.value('promeneurs.list', query);
      expect(whole.total).toBe(4);
      const pages = [];
      for (const offset of [0, 2, 4])
        pages.push(await vault.value('promeneurs.list', { ...query, offset, limit: 2 }));
      expect(pages.map((p) => p.total)).toEqual([4, 4, 4]);
      expect(pages.map((p) => p.rows.length)).toEqual([2, 2, 0]);
      expect(pages.flatMap((p) => p.rows)).toEqual(whole.rows);
      const last = await vault.value('promeneurs.list', { ...query, offset: 3, limit: 2 });
      expect(last).toEqual({ total: 4, rows: whole.rows.slice(3) });
    }
    const filtered = await vault.value('promeneurs.list', {
      territory: 'Saint-Étienne Métropole',
      limit: 1,
    });
    expect(filtered.total).toBe(2);
    expect(lastNames(filtered)).toEqual(['Eloy']);
  });

  it('pages through namesakes by id, never showing one twice', async () => {
    for (let i = 0; i < 5; i++) await create({ firstName: 'Camille', lastName: 'Martin' });
    const seen: number[] = [];
    for (let offset = 0; offset < 9; offset += 2)
      seen.push(
        ...(
          await vault.value('promeneurs.list', { search: 'camille martin', offset, limit: 2 })
        ).rows.map((p) => p.id),
      );
    expect(seen).toHaveLength(5);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a negative start', { offset: -1 }, 'offset', 'Le début de la page ne peut pas être négatif.'],
    ['an empty page', { limit: 0 }, 'limit', 'Une page compte au moins 1 Promeneur.'],
    ['a page too long', { limit: 501 }, 'limit', 'Une page compte au plus 500 Promeneurs.'],
    [
      'a fractional size',
      { limit: 2.5 },
      'limit',
      'La taille de la page doit être un nombre entier.',
    ],
  ])('refuses %s with a French message', async (_label, paging, field, message) => {
    const result = await vault.call('promeneurs.list', paging);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `Saisie à corriger : ${message}`,
        fields: { [field]: message },
      },
    });
  });

  it('gives each Promeneur a summary with their structure and territory', async () => {
    const [eloy] = (await vault.value('promeneurs.list', { search: 'eloy' })).rows;
    expect(eloy).toEqual({
      id: eloy!.id,
      firstName: 'Anaïs',
      lastName: 'Eloy',
      job: 'infirmier',
      status: 'suspendu',
      structureId: granges,
      structureName: 'MJC des Granges',
      territory: 'Saint-Étienne Métropole',
      email: null,
      phone: null,
      complianceCheckedOn: null,
      archivedAt: null,
    });
  });
});

describe('archiving and removing a Promeneur', () => {
  it('audits archive and restore, once each even when repeated', async () => {
    const id = await create();
    await vault.value('promeneurs.archive', { id });
    await vault.value('promeneurs.archive', { id });
    expect((await vault.value('promeneurs.get', { id })).archivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await vault.value('promeneurs.restore', { id });
    await vault.value('promeneurs.restore', { id });
    expect((await vault.value('promeneurs.get', { id })).archivedAt).toBeNull();
    const history = await vault.value('history.forRecord', { entity: 'promeneur', id });
    expect(history.map((e) => e.action)).toEqual(['restore', 'archive', 'create']);
  });

  it('erases a Promeneur with their profiles, slots and status history, keeping only the fact', async () => {
    const id = await create(full);
    const other = await create({ firstName: 'Paul', profiles: [{ platform: 'x', name: 'paul' }] });
    await vault.value('promeneurs.update', { id, fields: { ...base(), ...full, status: 'sorti' } });
    expect(await vault.value('promeneurs.remove', { id })).toEqual({ id });

    expect(await vault.call('promeneurs.get', { id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const conn = vault.session.vault.connection;
    const count = (sql: string, ...args: unknown[]) =>
      (conn.prepare(sql).get(...args) as { n: number }).n;
    expect(count('select count(*) as n from promeneur_profiles where promeneur_id = ?', id)).toBe(
      0,
    );
    expect(count('select count(*) as n from duty_slots where promeneur_id = ?', id)).toBe(0);
    expect(
      count(
        `select count(*) as n from status_history where entity = 'promeneur' and entity_id = ?`,
        id,
      ),
    ).toBe(0);
    expect(
      count('select count(*) as n from promeneur_profiles where promeneur_id = ?', other),
    ).toBe(1);
    const [erasure] = await vault.value('history.forRecord', { entity: 'promeneur', id });
    expect(erasure).toMatchObject({ action: 'delete', changes: [] });
    // The structure can now be removed once its last Promeneur is gone too.
    await vault.value('promeneurs.remove', { id: other });
    expect(await vault.value('structures.remove', { id: tilleuls })).toEqual({ id: tilleuls });
  });
});

describe('the service functions', () => {
  it('can be called directly with parsed fields, inside a caller’s transaction', async () => {
    const db = vault.session.db;
    const { id } = await db
      .transaction()
      .execute((trx) =>
        createPromeneur(trx, promeneurFields.parse({ ...base(), lastName: 'Direct' })),
      );
    expect((await vault.value('promeneurs.get', { id })).lastName).toBe('Direct');
  });
});
