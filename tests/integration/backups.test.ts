/**
 * Backups and restore against real encrypted vaults: round trips while writes go on, bad
 * backups refused with the live vault untouched, keys, retention, the automatic backup at
 * lock, and the damaged-vault path.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection, type Connection } from '../../src/main/db/connection';
import { handlers } from '../../src/main/ipc/handlers';
import { dispatch, type Context } from '../../src/main/ipc/router';
import { Session } from '../../src/main/session';
import { unwrapWithPassphrase } from '../../src/main/vault/keys';
import type { RouteInput, RouteName, RouteOutput } from '../../src/shared/api/contract';
import type { Result } from '../../src/shared/result';
import { folderFingerprint } from '../support/files';
import { TEST_PASSPHRASE, TEST_KDF } from '../support/vault';

let root: string;
let clock: Date;
let session: Session;
let ctx: Context;
let recoveryKey: string;

const call = <R extends RouteName>(route: R, input: RouteInput<R>) =>
  dispatch(handlers, ctx, route, input) as Promise<Result<RouteOutput<R>>>;
async function value<R extends RouteName>(route: R, input: RouteInput<R>) {
  const result = await call(route, input);
  if (!result.ok) throw new Error(`${route}: ${result.error.code} ${result.error.message}`);
  return result.value;
}
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
const HOUR = 60 * 60 * 1000;

const vaultDir = () => join(root, 'vault');
const backupDir = () => join(root, 'backups');

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'balise-backups-'));
  clock = new Date(2026, 10, 22, 9, 0, 0);
  session = new Session(
    { vault: join(root, 'vault'), demoVault: join(root, 'demo') },
    { kdf: TEST_KDF, now: () => clock },
  );
  ctx = { session };
  ({ recoveryKey } = await session.vault.create(TEST_PASSPHRASE));
  await session.vault.confirmCreate(recoveryKey);
});
afterEach(async () => {
  await session.close();
  rmSync(root, { recursive: true, force: true });
});

let counter = 0;
async function addStructure(): Promise<void> {
  counter += 1;
  await value('structures.create', {
    fields: {
      name: `Structure ${counter}`,
      type: 'mjc',
      legalForm: 'association',
      networkStatus: 'dans_le_reseau',
      notes: `Note ${counter} `.repeat(20),
    },
  });
}

/** A hash of every table's rows in a fixed order: equal hashes, equal content. */
function dumpHash(conn: Connection): { hash: string; rows: number } {
  const tables = (
    conn
      .prepare(
        `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`,
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
  const hash = createHash('sha256');
  let rows = 0;
  for (const table of tables) {
    const all = conn.prepare(`select * from "${table}" order by rowid`).all();
    rows += all.length;
    hash.update(`${table}\n${JSON.stringify(all)}\n`);
  }
  return { hash: hash.digest('hex'), rows };
}

const liveDump = () => dumpHash(session.vault.connection);

async function backupDump(name: string): Promise<{ hash: string; rows: number }> {
  const keyFile = JSON.parse(readFileSync(join(backupDir(), `${name}.keys.json`), 'utf8'));
  const key = (await unwrapWithPassphrase(keyFile, TEST_PASSPHRASE))!;
  const conn = openConnection(join(backupDir(), `${name}.db`), key, { readonly: true });
  try {
    return dumpHash(conn);
  } finally {
    conn.close();
  }
}

describe('backup and restore', () => {
  it('round-trips while writes go on: each backup holds the content at its time', async () => {
    const snapshots: { name: string; hash: string; rows: number }[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 40; i++) await addStructure();
      const before = liveDump();
      const started = performance.now();
      const made = await value('backups.create', {});
      const ms = performance.now() - started;
      snapshots.push({ name: made.name, ...before });
      console.log(
        `backup ${round + 1}: ${before.rows} rows, ${made.size} bytes, ${ms.toFixed(1)} ms`,
      );
      expect(made.kind).toBe('manual');
      advance(1000);
      for (let i = 0; i < 10; i++) await addStructure(); // writes after the backup
    }
    for (const snap of snapshots) expect(await backupDump(snap.name)).toEqual(snapshotOf(snap));
    const listed = await value('backups.list', {});
    expect(listed.folder).toBe(backupDir());
    expect(listed.backups.map((b) => b.name)).toEqual(snapshots.map((s) => s.name).reverse());

    // Restore the middle one while more writes happen.
    await addStructure();
    const current = liveDump();
    const started = performance.now();
    const restored = await value('backups.restore', {
      name: snapshots[1]!.name,
      passphrase: TEST_PASSPHRASE,
    });
    const ms = performance.now() - started;
    console.log(
      `restore: ${snapshots[1]!.rows} rows back (vault had ${current.rows}), ${ms.toFixed(1)} ms`,
    );
    expect(restored.status.state).toBe('unlocked');
    expect(liveDump()).toEqual(snapshotOf(snapshots[1]!));
    // The replaced vault is kept aside, and saved first as a backup.
    expect(restored.replacedFolder).toMatch(/remplace-2026-11-22-/);
    expect(readdirSync(restored.replacedFolder!)).toEqual(
      expect.arrayContaining(['balise.db', 'balise.keys.json']),
    );
    expect(restored.beforeRestore).toMatch(/-avant-restauration$/);
    expect(await backupDump(restored.beforeRestore!)).toEqual(current);
    await addStructure(); // the restored vault takes writes
    expect(liveDump().rows).toBeGreaterThan(snapshots[1]!.rows);
  });

  it('refuses truncated, garbled, mis-keyed, newer and missing backups, the live vault untouched', async () => {
    for (let i = 0; i < 30; i++) await addStructure();
    const good = await value('backups.create', {});
    const copy = (suffix: string) => {
      advance(1000);
      const name = good.name.replace('manuelle', `manuelle-${suffix}`);
      writeFileSync(
        join(backupDir(), `${name}.db`),
        readFileSync(join(backupDir(), `${good.name}.db`)),
      );
      writeFileSync(
        join(backupDir(), `${name}.keys.json`),
        readFileSync(join(backupDir(), `${good.name}.keys.json`)),
      );
      return name;
    };
    const truncated = copy('1');
    const dbOf = (name: string) => join(backupDir(), `${name}.db`);
    truncateSync(dbOf(truncated), Math.floor(statSync(dbOf(truncated)).size / 2));
    const garbled = copy('2');
    const bytes = readFileSync(dbOf(garbled));
    for (let i = 5000; i < bytes.length; i += 997) bytes[i] = bytes[i]! ^ 0xff;
    writeFileSync(dbOf(garbled), bytes);
    const wrongKeys = copy('3');
    // The key file of another vault: it unwraps with the same passphrase, but not this database's key.
    const other = new Session(
      { vault: join(root, 'other'), demoVault: join(root, 'other-demo') },
      { kdf: TEST_KDF },
    );
    const created = await other.vault.create(TEST_PASSPHRASE);
    await other.vault.confirmCreate(created.recoveryKey);
    await other.close();
    writeFileSync(
      join(backupDir(), `${wrongKeys}.keys.json`),
      readFileSync(join(root, 'other', 'balise.keys.json')),
    );
    const brokenKeys = copy('4');
    writeFileSync(join(backupDir(), `${brokenKeys}.keys.json`), '{"format":"balise-keys"');
    const newer = copy('5');
    {
      const keyFile = JSON.parse(readFileSync(join(backupDir(), `${newer}.keys.json`), 'utf8'));
      const key = (await unwrapWithPassphrase(keyFile, TEST_PASSPHRASE))!;
      const conn = openConnection(dbOf(newer), key);
      conn
        .prepare('insert into migrations (name, applied_at) values (?, ?)')
        .run('9999_from_the_future', new Date().toISOString());
      conn.pragma('journal_mode = DELETE');
      conn.close();
    }
    const missing = copy('6');
    unlinkSync(dbOf(missing));

    await session.lock();
    const fingerprint = folderFingerprint(vaultDir());
    const cases: [string, string, RegExp][] = [
      [truncated, 'VAULT_DAMAGED', /abîmé/],
      [garbled, 'VAULT_DAMAGED', /abîmé/],
      [wrongKeys, 'VAULT_DAMAGED', /ne correspond pas à ses clés/],
      [brokenKeys, 'VAULT_DAMAGED', /clés de cette sauvegarde est illisible/],
      [newer, 'VAULT_TOO_NEW', /version plus récente/],
      [missing, 'NOT_FOUND', /introuvable ou incomplète/],
      ['balise-2020-01-01-000000-manuelle', 'NOT_FOUND', /introuvable/],
    ];
    for (const [name, code, message] of cases) {
      for (const route of ['backups.verify', 'backups.restore'] as const) {
        const result = await call(route, { name, passphrase: TEST_PASSPHRASE });
        expect(result.ok, `${route} ${name}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code, `${route} ${name}`).toBe(code);
          expect(result.error.message).toMatch(message);
          expect(result.error.message).toMatch(/Rien n’a été modifié/);
        }
      }
      expect(folderFingerprint(vaultDir())).toEqual(fingerprint);
    }
    console.log(`bad backups refused: ${cases.length}, vault folder unchanged`);
    expect(session.vault.state()).toBe('locked');
    await session.vault.unlock(TEST_PASSPHRASE);
    expect(
      (await value('backups.verify', { name: good.name, passphrase: TEST_PASSPHRASE })).backup.name,
    ).toBe(good.name);
  });

  it('opens a backup only with the right passphrase or the recovery key', async () => {
    await addStructure();
    const made = await value('backups.create', {});
    const wrong = await call('backups.verify', {
      name: made.name,
      passphrase: 'not the passphrase',
    });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.code).toBe('WRONG_PASSPHRASE');
    const wrongKey = await call('backups.verify', {
      name: made.name,
      recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH',
    });
    expect(wrongKey.ok).toBe(false);
    if (!wrongKey.ok) expect(wrongKey.error.code).toBe('WRONG_RECOVERY_KEY');
    const viaRecovery = await value('backups.verify', { name: made.name, recoveryKey });
    expect(viaRecovery.migrations).toBe(viaRecovery.knownMigrations);
    // After a passphrase change, the backup still opens with the passphrase of its time.
    await value('vault.changePassphrase', {
      current: TEST_PASSPHRASE,
      next: 'une toute nouvelle phrase',
    });
    expect(
      (await value('backups.verify', { name: made.name, passphrase: TEST_PASSPHRASE })).backup.kind,
    ).toBe('manual');
    // Restoring with the recovery key sets a new passphrase.
    await session.lock();
    const restored = await value('backups.restore', {
      name: made.name,
      recoveryKey,
      newPassphrase: 'phrase choisie après restauration',
    });
    expect(restored.status.state).toBe('unlocked');
    await session.lock();
    await session.vault.unlock('phrase choisie après restauration');
  });

  it('makes an automatic backup at lock, at most daily, and keeps N automatic ones', async () => {
    await value('backups.settings.update', { keep: 3 });
    await addStructure();
    const manual = await value('backups.create', {});
    advance(25 * HOUR);
    await session.lock(); // first automatic backup: the manual one is over a day old
    let list = (await value('backups.list', {})).backups;
    expect(list.map((b) => b.kind)).toEqual(['automatic', 'manual']);
    for (let day = 0; day < 6; day++) {
      await session.vault.unlock(TEST_PASSPHRASE);
      await addStructure();
      advance(2 * HOUR);
      await session.lock(); // less than a day since the last: skipped
      await session.vault.unlock(TEST_PASSPHRASE);
      advance(23 * HOUR);
      await session.lock(); // 25 h: made
    }
    list = (await value('backups.list', {})).backups;
    const automatic = list.filter((b) => b.kind === 'automatic');
    console.log(
      `retention: ${list.length} backups listed (${automatic.length} automatic kept of 3, manual kept: ${list.some((b) => b.name === manual.name)})`,
    );
    expect(automatic).toHaveLength(3);
    expect(list.some((b) => b.name === manual.name)).toBe(true);
    // The newest automatic one holds the last structure.
    expect(new Date(automatic[0]!.date).getTime()).toBe(clock.getTime());
    // Switched off: no automatic backup.
    await session.vault.unlock(TEST_PASSPHRASE);
    await value('backups.settings.update', { automatic: false });
    advance(48 * HOUR);
    await session.lock();
    expect((await value('backups.list', {})).backups).toHaveLength(list.length);
  });

  it('never lets a failed automatic backup prevent locking', async () => {
    mkdirSync(join(root, 'usb'));
    await value('backups.settings.update', { folder: join(root, 'usb') });
    rmSync(join(root, 'usb'), { recursive: true }); // the drive is unplugged
    await session.lock();
    expect(session.vault.state()).toBe('locked');
  });

  it('checks the folder setting and lists while locked', async () => {
    for (const folder of [
      'relatif/dossier',
      join(root, 'absent'),
      join(root, 'vault', 'balise.db'),
    ]) {
      const result = await call('backups.settings.update', { folder });
      expect(result.ok, folder).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/dossier|chemin/i);
    }
    mkdirSync(join(root, 'usb'));
    const settings = await value('backups.settings.update', { folder: join(root, 'usb'), keep: 5 });
    expect(settings).toEqual({
      folder: join(root, 'usb'),
      defaultFolder: false,
      automatic: true,
      keep: 5,
    });
    expect(readFileSync(join(vaultDir(), 'balise.backups.json'), 'utf8')).not.toMatch(/Structure/);
    await addStructure();
    await value('backups.create', {});
    await session.lock();
    expect((await value('backups.list', {})).backups).toHaveLength(1); // the manual one is less than a day old: no automatic one
    const created = await call('backups.create', {});
    expect(created.ok).toBe(false);
    if (!created.ok) expect(created.error.code).toBe('VAULT_LOCKED');
    expect((await value('backups.settings.update', { useDefaultFolder: true })).folder).toBe(
      backupDir(),
    );
  });
});

describe('damaged vault', () => {
  const damages: [string, () => void][] = [
    ['truncated', () => truncateSync(join(vaultDir(), 'balise.db'), 3000)],
    [
      'garbled',
      () => {
        const file = join(vaultDir(), 'balise.db');
        const bytes = readFileSync(file);
        for (let i = 0; i < bytes.length; i += 101) bytes[i] = bytes[i]! ^ 0x5a;
        writeFileSync(file, bytes);
      },
    ],
    [
      'truncated at a page boundary',
      () => {
        const file = join(vaultDir(), 'balise.db');
        truncateSync(file, Math.floor(statSync(file).size / 2 / 4096) * 4096);
      },
    ],
    ['deleted', () => unlinkSync(join(vaultDir(), 'balise.db'))],
    ['without its key file', () => unlinkSync(join(vaultDir(), 'balise.keys.json'))],
  ];
  for (const [label, damage] of damages) {
    it(`restores the latest backup over a ${label} vault, keeping the damaged files aside`, async () => {
      for (let i = 0; i < 20; i++) await addStructure();
      await value('backups.create', {});
      const expected = liveDump();
      advance(HOUR);
      await session.lock();
      damage();
      const damagedFiles = folderFingerprint(vaultDir());
      const unlock = await call('vault.unlock', { passphrase: TEST_PASSPHRASE });
      expect(unlock.ok).toBe(false);
      if (!unlock.ok) {
        // A missing key file reads as "no vault" to the vault itself; the screen then offers backups too.
        expect(['VAULT_DAMAGED', 'VAULT_MISSING']).toContain(unlock.error.code);
        if (label !== 'without its key file') expect(unlock.error.code).toBe('VAULT_DAMAGED');
      }
      const { backups } = await value('backups.list', {});
      const restored = await value('backups.restore', {
        name: backups[0]!.name,
        passphrase: TEST_PASSPHRASE,
      });
      expect(restored.status.state).toBe('unlocked');
      expect(restored.beforeRestore).toBeNull();
      expect(liveDump()).toEqual(expected);
      // The damaged files are kept aside, byte for byte.
      const aside = folderFingerprint(restored.replacedFolder!);
      for (const [name, hash] of Object.entries(damagedFiles))
        if (name.startsWith('balise.db') || name === 'balise.keys.json')
          expect(aside[name]).toBe(hash);
      console.log(
        `damaged vault (${label}): restored ${expected.rows} rows, damaged files kept in ${restored.replacedFolder!.slice(root.length)}`,
      );
      expect(existsSync(join(vaultDir(), 'balise.db'))).toBe(true);
    });
  }

  it('opens a vault garbled in its middle pages only, finds it damaged, and restores from there', async () => {
    for (let i = 0; i < 20; i++) await addStructure();
    await value('backups.create', {});
    const expected = liveDump();
    advance(HOUR);
    await session.lock();
    const file = join(vaultDir(), 'balise.db');
    const bytes = readFileSync(file);
    const middle = Math.floor(bytes.length / 2 / 4096) * 4096;
    for (let i = middle + 100; i < middle + 200; i++) bytes[i] = bytes[i]! ^ 0x5a;
    writeFileSync(file, bytes);
    const damagedFiles = folderFingerprint(vaultDir());
    // The key and the schema are fine: the vault opens at once, and the check runs behind.
    const unlocked = await value('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect(unlocked).toMatchObject({ state: 'unlocked', integrity: 'en_cours' });
    expect(await session.vault.integrityChecked()).toBe('abimee');
    expect((await value('vault.status', {})).integrity).toBe('abimee');
    const write = await call('structures.create', {
      fields: {
        name: 'Après les dommages',
        type: 'mjc',
        legalForm: 'association',
        networkStatus: 'dans_le_reseau',
      },
    });
    expect(write.ok || write.error.code).toBe('VAULT_DAMAGED');
    if (!write.ok) expect(write.error.message).toMatch(/abîmé.*restaurez une sauvegarde/);
    const backup = await call('backups.create', {});
    expect(backup.ok || backup.error.code).toBe('VAULT_DAMAGED');
    const { backups } = await value('backups.list', {});
    expect(backups).toHaveLength(1);
    const restored = await value('backups.restore', {
      name: backups[0]!.name,
      passphrase: TEST_PASSPHRASE,
    });
    expect(restored.status).toMatchObject({ state: 'unlocked', integrity: 'en_cours' });
    expect(restored.beforeRestore).toBeNull(); // no copy of a vault known damaged
    expect(liveDump()).toEqual(expected);
    expect(await session.vault.integrityChecked()).toBe('ok');
    // The damaged files are kept aside, byte for byte: nothing was written to them.
    const aside = folderFingerprint(restored.replacedFolder!);
    for (const [name, hash] of Object.entries(damagedFiles))
      if (name.startsWith('balise.db') || name === 'balise.keys.json')
        expect(aside[name]).toBe(hash);
  });
});

function snapshotOf(s: { hash: string; rows: number }) {
  return { hash: s.hash, rows: s.rows };
}
