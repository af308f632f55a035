/**
 * What encryption costs. (a) Unlocking a vault: the passphrase's key derivation (Argon2id
 * at the app's cost), opening the database (open, migrate, start the integrity check in the
 * background, first query), the whole Vault.unlock (which does not wait for that check), and
 * the check, from unlock to its verdict. (b) The same workload on an encrypted database and on
 * a plain one (written in one connection, read back in a fresh one, whose page cache is empty).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { kyselyOf, openConnection, type Connection } from '../src/main/db/connection';
import { appliedMigrations, migrate } from '../src/main/db/migrate';
import { checkInBackground } from '../src/main/vault/integrity';
import { DEFAULT_ARGON2, derivePassphraseKey, unwrapWithPassphrase } from '../src/main/vault/keys';
import { Vault } from '../src/main/vault/vault';
import { measure, median, repeat, sampleMemory, type Measure } from './measure';
import { BENCH_PASSPHRASE, type BenchVault } from './vaults';

const UNLOCK_RUNS = 7;
/** The background check reads every page (seconds on the national vault): fewer runs. */
const CHECK_RUNS = 3;
const WORKLOAD_RUNS = 7;
const ROWS = 10_000;
const LOOKUPS = 1_000;

export async function benchUnlock(target: BenchVault): Promise<Measure[]> {
  const vault = new Vault(target.dir);
  const derivation = await repeat(UNLOCK_RUNS, () =>
    derivePassphraseKey(BENCH_PASSPHRASE, randomBytes(16), {
      kdf: 'argon2id',
      params: DEFAULT_ARGON2,
    }),
  );
  const dbKey = (await unwrapWithPassphrase(vault.readKeyFile(), BENCH_PASSPHRASE))!;
  // What Vault.unlock does beyond the key derivation: open, read the applied migrations, migrate,
  // start the background integrity check (a process to spawn); then a first query. Stopping the
  // check and closing are not timed.
  const opening: number[] = [];
  for (let i = 0; i <= UNLOCK_RUNS; i++) {
    const started = performance.now();
    const conn = openConnection(vault.dbFile, dbKey);
    const db = kyselyOf(conn);
    await appliedMigrations(db);
    await migrate(db, { file: vault.dbFile, conn });
    const check = checkInBackground(vault.dbFile, dbKey);
    await db
      .selectFrom('promeneurs')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const elapsed = performance.now() - started;
    if (i > 0) opening.push(elapsed); // the first run warms up
    await check.stop();
    await db.destroy();
  }
  // One unlock first, not timed: a vault whose key file predates Argon2id (a cached national
  // vault) is wrapped again at its first unlock.
  const whole = await repeat(
    UNLOCK_RUNS,
    async () => {
      await vault.unlock(BENCH_PASSPHRASE);
      await vault.lock();
    },
    1,
  );
  const check = await repeat(CHECK_RUNS, async () => {
    await vault.unlock(BENCH_PASSPHRASE);
    const verdict = await vault.integrityChecked();
    await vault.lock();
    if (verdict !== 'ok')
      throw new Error(`integrity check of the ${target.kind} vault: ${verdict}`);
  });
  const { memoryKiB, passes, lanes } = DEFAULT_ARGON2;
  const v = target.kind;
  return [
    measure(
      `${v}.unlock.derivation`,
      `unlock: key derivation (Argon2id, ${memoryKiB / 1024} MiB, ${passes} passes, ${lanes} lanes)`,
      v,
      derivation,
    ),
    measure(
      `${v}.unlock.open`,
      'unlock: open + migrate + start the check + first query',
      v,
      opening,
    ),
    measure(`${v}.unlock.total`, 'unlock: Vault.unlock + lock, end to end', v, whole),
    measure(
      `${v}.unlock.check`,
      'unlock: Vault.unlock to its background integrity check’s verdict',
      v,
      check,
    ),
  ];
}

/** The app's settings on a plain file: WAL, synchronous=FULL, foreign keys. */
function openPlain(file: string): Connection {
  const conn = new Sqlite(file);
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = FULL');
  conn.pragma('foreign_keys = ON');
  conn.prepare('select count(*) from sqlite_master').get();
  return conn;
}

interface WorkloadTimes {
  insert: number;
  selectAll: number;
  lookups: number;
}

function workload(open: () => Connection): WorkloadTimes {
  const codes = Array.from(
    { length: ROWS },
    (_, i) => `PDN-${String((i * 7919) % 100_000).padStart(5, '0')}`,
  );
  const times = { insert: 0, selectAll: 0, lookups: 0 };
  const writer = open();
  try {
    writer.exec(`create table items (id integer primary key, code text not null, label text not null,
      commune text, amount integer not null, created_at text not null)`);
    writer.exec('create index items_code on items (code)');
    const insert = writer.prepare(
      'insert into items (code, label, commune, amount, created_at) values (?, ?, ?, ?, ?)',
    );
    const now = new Date().toISOString();
    const start = performance.now();
    writer.transaction(() => {
      for (let i = 0; i < ROWS; i++)
        insert.run(
          codes[i],
          `Promeneur fictif n° ${i}, animateur au centre social`,
          'Villefictive',
          i * 13,
          now,
        );
    })();
    times.insert = performance.now() - start;
    sampleMemory();
  } finally {
    writer.close();
  }
  const reader = open();
  try {
    let start = performance.now();
    const all = reader.prepare('select * from items').all();
    times.selectAll = performance.now() - start;
    if (all.length !== ROWS) throw new Error(`expected ${ROWS} rows, got ${all.length}`);
    const lookup = reader.prepare('select * from items where code = ?');
    start = performance.now();
    for (let i = 0; i < LOOKUPS; i++)
      if (!lookup.get(codes[(i * 37) % ROWS])) throw new Error('lookup missed');
    times.lookups = performance.now() - start;
    sampleMemory();
  } finally {
    reader.close();
  }
  return times;
}

function opener(kind: 'encrypted' | 'plain', file: string): () => Connection {
  const key = randomBytes(32);
  return kind === 'encrypted' ? () => openConnection(file, key) : () => openPlain(file);
}

/** Encrypted and plain, alternating which goes first; the ratio of the medians per operation and in total. */
export function benchWorkload(root: string): Measure[] {
  const runs: Record<'encrypted' | 'plain', WorkloadTimes[]> = { encrypted: [], plain: [] };
  for (const kind of ['encrypted', 'plain'] as const)
    workload(opener(kind, join(root, `warm-up-${kind}.db`)));
  for (let i = 0; i < WORKLOAD_RUNS; i++) {
    const order =
      i % 2 === 0 ? (['encrypted', 'plain'] as const) : (['plain', 'encrypted'] as const);
    for (const kind of order)
      runs[kind].push(workload(opener(kind, join(root, `${kind}-${i}.db`))));
  }
  const ops: [keyof WorkloadTimes | 'total', string][] = [
    ['insert', `insert ${ROWS.toLocaleString('en')} rows in one transaction`],
    ['selectAll', `select all ${ROWS.toLocaleString('en')} rows, fresh connection`],
    ['lookups', `${LOOKUPS.toLocaleString('en')} indexed lookups`],
    ['total', 'the three together'],
  ];
  const of = (t: WorkloadTimes, key: keyof WorkloadTimes | 'total') =>
    key === 'total' ? t.insert + t.selectAll + t.lookups : t[key];
  return ops.map(([key, label]) => {
    const encrypted = median(runs.encrypted.map((t) => of(t, key)));
    const plain = median(runs.plain.map((t) => of(t, key)));
    const ratio = encrypted / plain;
    return measure(`encryption.ratio.${key}`, `encrypted/plain: ${label}`, '-', [ratio], {
      runs: WORKLOAD_RUNS,
      unit: 'ratio',
      note: `${encrypted.toFixed(1)} ms vs ${plain.toFixed(1)} ms (medians)`,
    });
  });
}
