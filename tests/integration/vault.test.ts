import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../src/shared/result';
import { migrations } from '../../src/main/db/migrations';
import {
  derivePassphraseKey,
  unwrapWithPassphrase,
  wrap,
  type KeyFile,
} from '../../src/main/vault/keys';
import { Vault } from '../../src/main/vault/vault';
import { garblePages, pagesOf } from '../support/damage';
import { folderFingerprint } from '../support/files';
import { TEST_PASSPHRASE, TEST_KDF } from '../support/constants';

let root: string;
let dir: string;
let vault: Vault;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'balise-vault-'));
  dir = join(root, 'vault');
  vault = new Vault(dir, { kdf: TEST_KDF });
});
afterEach(async () => {
  await vault.lock();
  rmSync(root, { recursive: true, force: true });
});

async function created(): Promise<string> {
  const { recoveryKey } = await vault.create(TEST_PASSPHRASE);
  await vault.confirmCreate(recoveryKey);
  return recoveryKey;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'OK';
}

describe('creating a vault', () => {
  it('writes nothing until the recovery key is typed back correctly', async () => {
    const { recoveryKey } = await vault.create(TEST_PASSPHRASE);
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(vault.state()).toBe('pending');
    expect(existsSync(dir)).toBe(false);
    expect(await codeOf(vault.confirmCreate('AAAA-BBBB'))).toBe('WRONG_RECOVERY_KEY');
    expect(existsSync(dir)).toBe(false);
    await vault.confirmCreate(recoveryKey.toLowerCase().replace(/-/g, ' '));
    expect(vault.state()).toBe('unlocked');
    expect(existsSync(vault.dbFile)).toBe(true);
    expect(existsSync(vault.keyFile)).toBe(true);
  });

  it('restricts the files to their owner', async () => {
    await created();
    if (process.platform === 'win32') return;
    expect(statSync(vault.dbFile).mode & 0o777).toBe(0o600);
    expect(statSync(vault.keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('refuses to create a second vault in the same place', async () => {
    await created();
    await vault.lock();
    expect(await codeOf(vault.create(TEST_PASSPHRASE))).toBe('VAULT_EXISTS');
  });

  it('stores the database key only wrapped', async () => {
    await created();
    const keyFile = JSON.parse(readFileSync(vault.keyFile, 'utf8'));
    expect(keyFile.format).toBe('balise-keys');
    expect(keyFile.passphrase.kdf).toBe('argon2id');
    expect(JSON.stringify(keyFile)).not.toContain(TEST_PASSPHRASE);
  });
});

describe('unlocking and locking', () => {
  it('locks: the database is closed and unreachable', async () => {
    await created();
    await vault.lock();
    expect(vault.state()).toBe('locked');
    expect(() => vault.db).toThrowError(/verrouillé/);
  });

  it('refuses a wrong passphrase with a French message and changes nothing on disk', async () => {
    await created();
    await vault.lock();
    const before = folderFingerprint(dir);
    await expect(vault.unlock('not the right passphrase')).rejects.toThrowError(
      /Phrase de passe incorrecte/,
    );
    expect(vault.state()).toBe('locked');
    expect(folderFingerprint(dir)).toEqual(before);
    await vault.unlock(TEST_PASSPHRASE);
    expect(vault.state()).toBe('unlocked');
  });

  it('opens with the recovery key and forces a new passphrase', async () => {
    const recoveryKey = await created();
    await vault.lock();
    expect(
      await codeOf(
        vault.unlockWithRecoveryKey(
          '0000-0000-0000-0000-0000-0000-0000-0000',
          'une nouvelle phrase longue',
        ),
      ),
    ).toBe('WRONG_RECOVERY_KEY');
    await vault.unlockWithRecoveryKey(recoveryKey, 'une nouvelle phrase longue');
    expect(vault.state()).toBe('unlocked');
    await vault.lock();
    expect(await codeOf(vault.unlock(TEST_PASSPHRASE))).toBe('WRONG_PASSPHRASE');
    await vault.unlock('une nouvelle phrase longue');
    expect(vault.state()).toBe('unlocked');
  });

  it('wraps a key file from before Argon2id again at the first unlock, and only then', async () => {
    await created();
    await vault.lock();
    // The key file as Balise wrote it with scrypt, the database untouched.
    const current = vault.readKeyFile();
    const dbKey = (await unwrapWithPassphrase(current, TEST_PASSPHRASE))!;
    const salt = Buffer.alloc(16, 7);
    const params = { N: 1024, r: 8, p: 1 };
    const legacy: KeyFile = {
      ...current,
      passphrase: {
        kdf: 'scrypt',
        salt: salt.toString('base64'),
        params,
        wrapped: wrap(
          dbKey,
          await derivePassphraseKey(TEST_PASSPHRASE, salt, { kdf: 'scrypt', params }),
        ),
      },
    };
    writeFileSync(vault.keyFile, JSON.stringify(legacy));
    const before = folderFingerprint(dir);

    expect(await codeOf(vault.unlock('not the right passphrase'))).toBe('WRONG_PASSPHRASE');
    expect(folderFingerprint(dir)).toEqual(before);

    await vault.unlock(TEST_PASSPHRASE);
    const upgraded = vault.readKeyFile();
    expect(upgraded.passphrase).toMatchObject({ kdf: 'argon2id', params: TEST_KDF });
    expect(upgraded.recovery).toEqual(legacy.recovery);
    expect(folderFingerprint(dir)['balise.db']).toBe(before['balise.db']);
    expect(await unwrapWithPassphrase(upgraded, TEST_PASSPHRASE)).toEqual(dbKey);

    // Wrapped with the vault's costs now: the next unlock leaves it alone.
    await vault.lock();
    const rewrapped = folderFingerprint(dir)['balise.keys.json'];
    await vault.unlock(TEST_PASSPHRASE);
    expect(folderFingerprint(dir)['balise.keys.json']).toBe(rewrapped);

    // A vault given other costs wraps it again with those.
    await vault.lock();
    const costlier = new Vault(dir, { kdf: { ...TEST_KDF, passes: 2 } });
    await costlier.unlock(TEST_PASSPHRASE);
    expect(costlier.readKeyFile().passphrase.params).toEqual({ ...TEST_KDF, passes: 2 });
    await costlier.lock();
  });

  it('changes the passphrase by rewrapping the key, without rewriting the database', async () => {
    await created();
    await vault.db.insertInto('settings').values({ key: 'probe', value: '"x"' }).execute();
    await vault.lock();
    await vault.unlock(TEST_PASSPHRASE);
    const dbBefore = folderFingerprint(dir)['balise.db'];
    expect(
      await codeOf(vault.changePassphrase('wrong current passphrase', 'une autre phrase longue')),
    ).toBe('WRONG_PASSPHRASE');
    await vault.changePassphrase(TEST_PASSPHRASE, 'une autre phrase longue');
    expect(folderFingerprint(dir)['balise.db']).toBe(dbBefore);
    await vault.lock();
    expect(await codeOf(vault.unlock(TEST_PASSPHRASE))).toBe('WRONG_PASSPHRASE');
    await vault.unlock('une autre phrase longue');
    const row = await vault.db
      .selectFrom('settings')
      .selectAll()
      .where('key', '=', 'probe')
      .executeTakeFirst();
    expect(row?.value).toBe('"x"');
  });
});

describe('damaged vaults', () => {
  it('explains a garbled key file and leaves it alone', async () => {
    await created();
    await vault.lock();
    writeFileSync(vault.keyFile, '{"format":"balise-keys"');
    const before = folderFingerprint(dir);
    expect(await codeOf(vault.unlock(TEST_PASSPHRASE))).toBe('VAULT_DAMAGED');
    expect(folderFingerprint(dir)).toEqual(before);
  });

  it('explains a garbled database file and leaves it alone', async () => {
    await created();
    await vault.lock();
    const bytes = readFileSync(vault.dbFile);
    bytes.fill(0x41, 0, 4096);
    writeFileSync(vault.dbFile, bytes);
    const before = folderFingerprint(dir);
    expect(await codeOf(vault.unlock(TEST_PASSPHRASE))).toBe('VAULT_DAMAGED');
    expect(folderFingerprint(dir)).toEqual(before);
  });

  it('explains a missing database file instead of creating an empty one', async () => {
    await created();
    await vault.lock();
    rmSync(vault.dbFile);
    expect(await codeOf(vault.unlock(TEST_PASSPHRASE))).toBe('VAULT_DAMAGED');
    expect(existsSync(vault.dbFile)).toBe(false);
  });

  it('refuses a database written by a newer version of the app', async () => {
    await created();
    await vault.db
      .insertInto('migrations')
      .values({ name: '2099_01_01_001_future', appliedAt: new Date().toISOString() })
      .execute();
    await vault.lock();
    expect(await codeOf(vault.unlock(TEST_PASSPHRASE))).toBe('VAULT_TOO_NEW');
    expect(vault.state()).toBe('locked');
  });
});

describe('the integrity check', () => {
  /** A vault with a few hundred settings rows over many pages; returns the pages they use. */
  async function filled(): Promise<number[]> {
    await created();
    for (let i = 0; i < 300; i++)
      await vault.db
        .insertInto('settings')
        .values({ key: `probe-${i}`, value: JSON.stringify('x'.repeat(400)) })
        .execute();
    return pagesOf(vault.connection, 'settings');
  }

  /** The integrity check processes this test process has started and that still run (Linux). */
  function runningChecks(): number {
    let count = 0;
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid !== process.pid) continue;
        if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('integrityWorker')) count++;
      } catch {
        // The process ended while being read.
      }
    }
    return count;
  }

  it('opens at once, then checks every page in the background', async () => {
    await filled();
    await vault.lock();
    expect(vault.integrity).toBeNull();
    await vault.unlock(TEST_PASSPHRASE);
    expect(vault.integrity).toBe('en_cours');
    expect(await vault.integrityChecked()).toBe('ok');
    expect(vault.integrity).toBe('ok');
  });

  it('a new vault needs no check', async () => {
    await created();
    expect(vault.integrity).toBe('ok');
  });

  it('opens a vault with a damaged page, finds it damaged, then refuses every write', async () => {
    const pages = await filled();
    await vault.lock();
    garblePages(vault.dbFile, pages.slice(1, 2));
    const damaged = folderFingerprint(dir)['balise.db'];
    await vault.unlock(TEST_PASSPHRASE);
    expect(vault.integrity).toBe('en_cours');
    expect(await vault.integrityChecked()).toBe('abimee');
    expect(vault.integrity).toBe('abimee');
    await expect(
      vault.db.insertInto('settings').values({ key: 'after', value: '"y"' }).execute(),
    ).rejects.toMatchObject({ code: 'SQLITE_READONLY' });
    await vault.lock();
    expect(folderFingerprint(dir)['balise.db']).toBe(damaged);
  });

  it('waits for the check at unlock when asked to (the command line), and refuses the file', async () => {
    const pages = await filled();
    await vault.lock();
    garblePages(vault.dbFile, pages.slice(1, 2));
    const before = folderFingerprint(dir);
    const waiting = new Vault(dir, { kdf: TEST_KDF, integrityCheck: 'at-unlock' });
    await expect(waiting.unlock(TEST_PASSPHRASE)).rejects.toMatchObject({
      code: 'VAULT_DAMAGED',
      message: expect.stringMatching(/abîmé \(le contrôle d’intégrité échoue\)/),
    });
    expect(waiting.state()).toBe('locked');
    expect(folderFingerprint(dir)).toEqual(before);
  });

  it('checks before migrating, since migrating writes', async () => {
    const pages = await filled();
    const last = Object.keys(migrations).at(-1)!;
    await vault.db.deleteFrom('migrations').where('name', '=', last).execute();
    await vault.lock();
    garblePages(vault.dbFile, pages.slice(1, 2));
    const before = folderFingerprint(dir);
    expect(await codeOf(vault.unlock(TEST_PASSPHRASE))).toBe('VAULT_DAMAGED');
    expect(vault.state()).toBe('locked');
    expect(folderFingerprint(dir)).toEqual(before);
  });

  it('says when the check could not run, and the vault works on', async () => {
    if (process.platform === 'win32') return; // an open file cannot be renamed there
    await filled();
    await vault.lock();
    await vault.unlock(TEST_PASSPHRASE);
    // The file is moved away before the check's process opens it (it takes a moment to start).
    renameSync(vault.dbFile, `${vault.dbFile}.moved`);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await vault.integrityChecked()).toBe('inconnue');
      expect(error.mock.calls.flat().join(' ')).toMatch(/integrity check could not run/);
    } finally {
      renameSync(`${vault.dbFile}.moved`, vault.dbFile);
      error.mockRestore();
    }
    await vault.db.insertInto('settings').values({ key: 'after', value: '"y"' }).execute();
  });

  it('locking while the check runs kills it at once, and the next unlock checks again', async () => {
    await filled();
    await vault.lock();
    await vault.unlock(TEST_PASSPHRASE);
    expect(vault.integrity).toBe('en_cours');
    const linux = process.platform === 'linux';
    if (linux) expect(runningChecks()).toBe(1);
    const started = performance.now();
    await vault.lock();
    const elapsed = performance.now() - started;
    console.log(`locked during the integrity check in ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(2_000);
    if (linux) expect(runningChecks()).toBe(0);
    expect(await vault.integrityChecked()).toBeNull();
    // The database was checkpointed and closed as usual: nothing kept it open.
    expect(existsSync(`${vault.dbFile}-wal`)).toBe(false);
    await vault.unlock(TEST_PASSPHRASE);
    expect(await vault.integrityChecked()).toBe('ok');
    // Killed once it has answered: gone a moment after its verdict, not necessarily before.
    if (linux) await vi.waitFor(() => expect(runningChecks()).toBe(0), { timeout: 2_000 });
  });
});
