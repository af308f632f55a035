/**
 * The child process of tests/integration/crash.test.ts: opens a real encrypted vault with the
 * app's own code (Vault → SQLCipher, WAL, synchronous=FULL) and writes until it is killed.
 * Each line it prints is an acknowledgement given only after the commit returned:
 *   `row <id>`  a row committed in its own transaction (with a second statement in it);
 *   `pass <A|B>` the passphrase now wrapping the key (after writeFileAtomic returned);
 *   `backup <name>` a backup complete in <vault dir>/../backups (after writeBackup returned).
 * Usage: node crashWriter.mjs <vault dir> <rows|passphrase|backup>; passphrases in
 * BALISE_CRASH_A/B.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeBackup } from '../../src/main/backups/backups';
import { Vault } from '../../src/main/vault/vault';
import { TEST_KDF } from './constants';

const [dir, mode] = process.argv.slice(2) as [string, 'rows' | 'passphrase' | 'backup'];
const A = process.env.BALISE_CRASH_A!;
const B = process.env.BALISE_CRASH_B!;

const vault = new Vault(dir, { kdf: TEST_KDF });
let current: 'A' | 'B' = 'A';
try {
  await vault.unlock(A);
} catch {
  await vault.unlock(B);
  current = 'B';
}
const conn = vault.connection;
const insert = conn.prepare('insert into crash_probe (payload, written_at) values (?, ?)');
const touch = conn.prepare('update crash_probe_meta set last_id = ? where one = 1');
const write = conn.transaction((payload: string) => {
  const id = Number(insert.run(payload, new Date().toISOString()).lastInsertRowid);
  touch.run(id);
  return id;
});
const backups = join(dir, '..', 'backups');
if (mode === 'backup') mkdirSync(backups, { recursive: true });
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const id = write(`ligne ${i} ${'x'.repeat(i % 200)}`);
  process.stdout.write(`row ${id}\n`);
  if (mode === 'passphrase' && i % 3 === 0) {
    const next = current === 'A' ? 'B' : 'A';
    await vault.changePassphrase(current === 'A' ? A : B, next === 'A' ? A : B);
    current = next;
    process.stdout.write(`pass ${current}\n`);
  }
  if (mode === 'backup' && i % 3 === 0) {
    const backup = writeBackup(
      conn,
      vault.keyFile,
      join(dir, '..', 'backups'),
      'manual',
      new Date(),
    );
    process.stdout.write(`backup ${backup.name}\n`);
  }
}
