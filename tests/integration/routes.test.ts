/**
 * Every route of the contract, called through the real router with malformed input:
 * each is rejected with a clear French error, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeNames, type RouteName } from '../../src/shared/api/contract';
import { dispatch } from '../../src/main/ipc/router';
import { handlers } from '../../src/main/ipc/handlers';
import { folderFingerprint } from '../support/files';
import { createTestVault, type TestVault } from '../support/vault';

let vault: TestVault;

/** Counts rows in every table: equal counts before and after mean nothing was written. */
function rowCounts(): Record<string, number> {
  const conn = vault.session.vault.connection;
  const tables = (
    conn
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
      .all() as { name: string }[]
  ).map((t) => t.name);
  return Object.fromEntries(
    tables.map((t) => [
      t,
      (conn.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n,
    ]),
  );
}

beforeAll(async () => {
  vault = await createTestVault();
  // Something to damage if a route let bad input through.
  await vault.value('structures.create', {
    fields: {
      name: 'Centre social des Tilleuls',
      type: 'centre_social',
      legalForm: 'association',
      networkStatus: 'dans_le_reseau',
    },
  });
});
afterAll(() => vault.cleanup());

const malformed: unknown[] = ['texte', 42, true, [1, 2]];

/** Inputs that are objects of the right kind but wrong in a field, per route where it applies. */
const wrongFields: Partial<Record<RouteName, unknown[]>> = {
  'vault.status': [{ unexpected: true }],
  'vault.lock': [{ unexpected: true }],
  'vault.create': [{ passphrase: 'court' }, {}],
  'vault.unlock': [{ passphrase: '' }],
  'vault.unlockWithRecoveryKey': [
    { recoveryKey: '', newPassphrase: 'une phrase assez longue' },
    { recoveryKey: 'ABCD', newPassphrase: 'court' },
  ],
  'vault.changePassphrase': [{ current: 'correct horse battery staple', next: 'court' }],
  'vault.confirmCreate': [{ recoveryKey: '' }],
  'settings.update': [
    { autoLockMinutes: 0 },
    { autoLockMinutes: 100000 },
    { autoLockMinutes: 'quinze' },
  ],
  'structures.list': [{ statuses: ['inconnu'] }, { sort: 'password' }],
  'structures.get': [{ id: -1 }, { id: 1.5 }],
  'structures.create': [
    { fields: { name: '', type: 'mjc', legalForm: 'association', networkStatus: 'interessee' } },
    {
      fields: {
        name: 'X',
        type: 'mjc',
        legalForm: 'association',
        networkStatus: 'interessee',
        siret: '12345678901234',
      },
    },
    {
      fields: {
        name: 'X',
        type: 'mjc',
        legalForm: 'association',
        networkStatus: 'interessee',
        phone: '12',
      },
    },
    {
      fields: {
        name: 'X',
        type: 'mjc',
        legalForm: 'association',
        networkStatus: 'interessee',
        email: 'pas-un-email',
      },
    },
    {
      fields: { name: 'X', type: 'banque', legalForm: 'association', networkStatus: 'interessee' },
    },
  ],
  'structures.update': [
    { id: 1, fields: { name: 'Y', type: 'mjc', legalForm: 'sarl', networkStatus: 'interessee' } },
  ],
  'promeneurs.create': [
    {
      fields: {
        firstName: 'A',
        lastName: 'B',
        job: 'animateur',
        structureId: 1,
        status: 'actif',
        dutySlots: [{ weekday: 1, start: '18:00', end: '17:00' }],
      },
    },
    {
      fields: {
        firstName: 'A',
        lastName: 'B',
        job: 'animateur',
        structureId: 1,
        status: 'actif',
        profiles: [{ platform: 'myspace', name: 'x' }],
      },
    },
    {
      fields: {
        firstName: 'A',
        lastName: 'B',
        job: 'animateur',
        structureId: 'un',
        status: 'actif',
      },
    },
  ],
  'history.forRecord': [{ entity: 'password', id: 1 }],
};

describe('every route rejects malformed input and writes nothing', () => {
  it.each(routeNames)('%s', async (route) => {
    const rowsBefore = rowCounts();
    const filesBefore = folderFingerprint(vault.session.vault.dir);
    for (const input of [...malformed, ...(wrongFields[route] ?? [])]) {
      const result = await dispatch(handlers, vault.ctx, route, input);
      expect(result.ok, `${route} accepted ${JSON.stringify(input)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.message).toMatch(/[a-zàâçéèêëîïôûù]/i);
        expect(result.error.message).not.toMatch(/Expected|Invalid input|received/);
      }
    }
    expect(rowCounts()).toEqual(rowsBefore);
    expect(folderFingerprint(vault.session.vault.dir)['balise.keys.json']).toBe(
      filesBefore['balise.keys.json'],
    );
    expect(vault.session.vault.state()).toBe('unlocked');
  });

  it('rejects an unknown route', async () => {
    const result = await dispatch(handlers, vault.ctx, 'fs.readFile', { path: '/etc/passwd' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Action inconnue.' },
    });
  });

  it('gives field-level messages for forms', async () => {
    const result = await vault.call('structures.create', {
      fields: {
        name: '',
        type: 'mjc',
        legalForm: 'association',
        networkStatus: 'interessee',
        siret: '123',
      },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.fields?.['fields.name']).toBe('Nom : champ obligatoire.');
      expect(result.error.fields?.['fields.siret']).toBe(
        'Le SIRET doit compter exactement 14 chiffres.',
      );
    }
  });
});

describe('a locked vault answers every data route with VAULT_LOCKED', () => {
  it('refuses reads and writes while locked', async () => {
    const locked = await createTestVault();
    await locked.session.lock();
    const list = await locked.call('structures.list', {});
    expect(list.ok).toBe(false);
    if (!list.ok) expect(list.error.code).toBe('VAULT_LOCKED');
    const create = await locked.call('structures.create', {
      fields: { name: 'X', type: 'mjc', legalForm: 'association', networkStatus: 'interessee' },
    });
    expect(create.ok).toBe(false);
    await locked.cleanup();
  });
});
