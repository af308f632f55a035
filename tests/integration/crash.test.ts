/**
 * Crash safety: a child process writes to a real encrypted vault, acknowledging each row only
 * after its commit, and is killed with SIGKILL at random moments. After every kill the vault
 * opens, SQLite's integrity check passes and every acknowledged row is there. The same while
 * the passphrase is being changed: the vault opens afterwards with the old or the new one;
 * and while backups are being made: every backup listed afterwards passes verification.
 *
 * The child (tests/support/crashWriter.ts, the app's own Vault code) is bundled once with
 * esbuild into a plain .mjs so each round starts in plain Node without a TypeScript loader
 * (round trips of ~0.1 s instead of ~0.5 s). It writes into a `crash_probe` table created
 * here: the durability under test is the connection's (SQLCipher, WAL, synchronous=FULL).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupFiles, listBackups, verifyBackup } from '../../src/main/backups/backups';
import { integrityProblems } from '../../src/main/db/connection';
import { Vault } from '../../src/main/vault/vault';
import { TEST_KDF } from '../support/constants';

const A = 'phrase de passe numéro un, assez longue';
const B = 'deuxième phrase de passe, tout aussi longue';
const ROW_ROUNDS = 200;
const PASSPHRASE_ROUNDS = 60;
const BACKUP_ROUNDS = 40;

let work: string;
let bundle: string;
let dir: string;
const acknowledged = new Set<number>();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'balise-crash-'));
  // Beside node_modules so the native driver resolves from the bundle.
  const cache = resolve('node_modules/.cache/balise-tests');
  mkdirSync(cache, { recursive: true });
  bundle = join(cache, 'crashWriter.mjs');
  await build({
    entryPoints: [resolve('tests/support/crashWriter.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile: bundle,
    // Native modules stay outside the bundle, as in the app's build.
    external: ['better-sqlite3-multiple-ciphers', '@node-rs/argon2'],
    logLevel: 'error',
  });
  dir = join(work, 'vault');
  const vault = new Vault(dir, { kdf: TEST_KDF });
  const { recoveryKey } = await vault.create(A);
  await vault.confirmCreate(recoveryKey);
  vault.connection.exec(
    `create table crash_probe (id integer primary key, payload text not null, written_at text not null);
     create table crash_probe_meta (one integer primary key, last_id integer not null);
     insert into crash_probe_meta values (1, 0);`,
  );
  await vault.lock();
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** Runs the child, kills it with SIGKILL after a random delay once it is writing. */
type Mode = 'rows' | 'passphrase' | 'backup';

function round(mode: Mode): Promise<{ rows: number[]; passes: string[]; backups: string[] }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bundle, dir, mode], {
      env: { PATH: process.env.PATH ?? '', BALISE_CRASH_A: A, BALISE_CRASH_B: B },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const rows: number[] = [];
    const passes: string[] = [];
    const backups: string[] = [];
    let pending = '';
    let errors = '';
    child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!; // a line cut by the kill is no acknowledgement
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), Math.random() * 40);
        else if (line.startsWith('row ')) rows.push(Number(line.slice(4)));
        else if (line.startsWith('pass ')) passes.push(line.slice(5));
        else if (line.startsWith('backup ')) backups.push(line.slice(7));
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') done({ rows, passes, backups });
      else fail(new Error(`writer ended by itself (${code}): ${errors}`));
    });
  });
}

/** Opens the vault with either passphrase; checks integrity and every acknowledged row. */
async function verify(): Promise<{ opensWith: 'A' | 'B'; lost: number; problems: string[] }> {
  const vault = new Vault(dir, { kdf: TEST_KDF });
  let opensWith: 'A' | 'B' = 'A';
  try {
    await vault.unlock(A);
  } catch {
    await vault.unlock(B); // throws WRONG_PASSPHRASE (failing the test) if neither opens it
    opensWith = 'B';
  }
  const conn = vault.connection;
  const problems = integrityProblems(conn);
  const present = new Set(
    (conn.prepare('select id from crash_probe').all() as { id: number }[]).map((r) => r.id),
  );
  let lost = 0;
  for (const id of acknowledged) if (!present.has(id)) lost++;
  await vault.lock();
  return { opensWith, lost, problems };
}

describe('crash safety', () => {
  it(
    `loses no acknowledged row over ${ROW_ROUNDS} SIGKILLs, nor during passphrase changes and backups`,
    { timeout: 180_000 },
    async () => {
      const started = performance.now();
      let lost = 0;
      let integrityFailures = 0;
      let passAcks = 0;
      const opened = { A: 0, B: 0 };
      const backupsAcknowledged: string[] = [];
      for (let i = 0; i < ROW_ROUNDS + PASSPHRASE_ROUNDS + BACKUP_ROUNDS; i++) {
        const mode: Mode =
          i < ROW_ROUNDS ? 'rows' : i < ROW_ROUNDS + PASSPHRASE_ROUNDS ? 'passphrase' : 'backup';
        const { rows, passes, backups } = await round(mode);
        backupsAcknowledged.push(...backups);
        for (const id of rows) acknowledged.add(id);
        passAcks += passes.length;
        const check = await verify();
        lost += check.lost;
        if (check.problems.length > 0) integrityFailures++;
        opened[check.opensWith]++;
        expect(check.lost, `round ${i}`).toBe(0);
        expect(check.problems, `round ${i}`).toEqual([]);
      }
      // Every backup that looks complete opens and passes verification, half-written ones
      // are never listed, and none acknowledged is missing.
      const folder = join(work, 'backups');
      const listed = listBackups(folder);
      for (const backup of listed) {
        const secret = [A, B];
        let verified = false;
        for (const passphrase of secret)
          verified ||= await verifyBackup(backupFiles(folder, backup.name), { passphrase }).then(
            () => true,
            () => false,
          );
        expect(verified, backup.name).toBe(true);
      }
      const names = new Set(listed.map((b) => b.name));
      for (const name of backupsAcknowledged) expect(names.has(name), name).toBe(true);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `crash: ${ROW_ROUNDS} + ${PASSPHRASE_ROUNDS} + ${BACKUP_ROUNDS} SIGKILL rounds (rows, passphrase change, backup), ${acknowledged.size} rows acknowledged, lost ${lost}, integrity failures ${integrityFailures}, ${passAcks} passphrase changes acknowledged, opened with old/new ${opened.A}/${opened.B}, ${backupsAcknowledged.length} backups acknowledged, ${listed.length} listed and all verified, ${seconds} s`,
      );
      expect(acknowledged.size).toBeGreaterThan(ROW_ROUNDS);
      expect(passAcks).toBeGreaterThan(0);
      expect(lost).toBe(0);
    },
  );
});
