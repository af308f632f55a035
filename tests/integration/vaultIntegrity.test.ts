/**
 * The vault's integrity through the routes, as the renderer sees it: `vault.status` tells
 * whether the background check runs, passed or found the file damaged; once damaged, every
 * write is refused with the French « coffre abîmé » message and nothing is written, while what
 * is readable stays readable; a damaged page met by any route counts at once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAMAGED_VAULT_MESSAGE } from '../../src/main/vault/integrity';
import { garblePages, pagesOf } from '../support/damage';
import { folderFingerprint } from '../support/files';
import { createTestVault, TEST_PASSPHRASE, type TestVault } from '../support/vault';

let t: TestVault;

beforeEach(async () => {
  t = await createTestVault();
});
afterEach(() => t.cleanup());

const refusal = { ok: false, error: { code: 'VAULT_DAMAGED', message: DAMAGED_VAULT_MESSAGE } };

let counter = 0;
const structure = () => ({
  fields: {
    name: `Structure ${++counter}`,
    type: 'mjc' as const,
    legalForm: 'association' as const,
    networkStatus: 'dans_le_reseau' as const,
    notes: `Note ${counter} `.repeat(40),
  },
});

/** Rows per table: equal before and after means nothing was written. */
function rowCounts(): Record<string, number> {
  const conn = t.session.vault.connection;
  const tables = conn
    .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((name) => [
      name,
      conn.prepare(`select count(*) from "${name}"`).pluck().get() as number,
    ]),
  );
}

describe('vault.status and the integrity check', () => {
  it('says the check runs after unlocking, then that it passed; nothing while locked', async () => {
    await t.value('structures.create', structure());
    expect(await t.value('vault.status', {})).toMatchObject({ integrity: 'ok' }); // a new vault
    const locked = await t.value('vault.lock', {});
    expect(locked.state).toBe('locked');
    expect(locked).not.toHaveProperty('integrity');
    const unlocked = await t.value('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect(unlocked).toMatchObject({ state: 'unlocked', integrity: 'en_cours' });
    await t.session.vault.integrityChecked();
    expect(await t.value('vault.status', {})).toMatchObject({ integrity: 'ok' });
  });
});

describe('a vault known damaged', () => {
  it('refuses every write with the French message, writes nothing, and still reads', async () => {
    await t.value('structures.create', structure());
    t.session.vault.markDamaged(); // what the background check does when it fails
    expect(await t.value('vault.status', {})).toMatchObject({
      state: 'unlocked',
      integrity: 'abimee',
    });
    const before = rowCounts();
    expect(await t.call('structures.create', structure())).toEqual(refusal);
    expect(await t.call('structures.update', { id: 1, ...structure() })).toEqual(refusal);
    expect(await t.call('settings.update', { departmentName: 'Val-de-Balise' })).toEqual(refusal);
    expect(
      await t.call('journal.create', {
        fields: {
          date: '2027-03-12',
          kind: 'accompagnement_pdn',
          channel: 'telephone',
          durationMinutes: 45,
          summary: 'Point',
          structureIds: [1],
        },
      }),
    ).toEqual(refusal);
    expect(rowCounts()).toEqual(before);
    expect((await t.value('structures.list', {})).map((s) => s.name)).toHaveLength(1);
    expect(await t.value('structures.get', { id: 1 })).toMatchObject({ id: 1 });
  });

  it('refuses a backup of itself, and makes no automatic backup when locking', async () => {
    await t.value('structures.create', structure());
    t.session.vault.markDamaged();
    const backup = await t.call('backups.create', {});
    expect(backup.ok || backup.error.code).toBe('VAULT_DAMAGED');
    if (!backup.ok) expect(backup.error.message).toMatch(/en copierait les dommages/);
    expect((await t.value('backups.settings.get', {})).automatic).toBe(true);
    await t.value('vault.lock', {});
    expect((await t.value('backups.list', {})).backups).toEqual([]);
    // The same vault, sound, gets its automatic backup at lock.
    await t.value('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect(await t.session.vault.integrityChecked()).toBe('ok');
    await t.value('vault.lock', {});
    expect((await t.value('backups.list', {})).backups.map((b) => b.kind)).toEqual(['automatic']);
  });

  it('counts a damaged page met by any route at once, before the check answers', async () => {
    for (let i = 0; i < 30; i++) await t.value('structures.create', structure());
    const pages = pagesOf(t.session.vault.connection, 'structures');
    t.session.backups.settings.update({ automatic: false });
    await t.value('vault.lock', {});
    garblePages(t.session.vault.dbFile, pages.slice(1));
    const damaged = folderFingerprint(t.session.vault.dir)['balise.db'];
    const unlocked = await t.value('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect(unlocked.integrity).toBe('en_cours');
    expect(await t.call('structures.list', {})).toEqual(refusal);
    expect(t.session.vault.integrity).toBe('abimee');
    expect(await t.value('vault.status', {})).toMatchObject({ integrity: 'abimee' });
    expect(await t.call('structures.create', structure())).toEqual(refusal);
    // The check, stopped, changes nothing; locking leaves the damaged file as it was.
    expect(await t.session.vault.integrityChecked()).toBe('abimee');
    await t.value('vault.lock', {});
    expect(folderFingerprint(t.session.vault.dir)['balise.db']).toBe(damaged);
  });
});
