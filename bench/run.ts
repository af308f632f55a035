/**
 * `npm run bench`: what encryption costs. (a) Unlocking: the passphrase's key derivation
 * (scrypt at the app's cost) and opening the database (open, migrate, first query),
 * measured apart and together. (b) The same workload on an encrypted database and on a
 * plain one (written in one connection, read back in a fresh one). Prints medians, p95 and the peak memory; everything happens in temporary
 * folders that are removed at the end. About 15 seconds on two cores.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { kyselyOf, openConnection, type Connection } from '../src/main/db/connection';
import { migrate } from '../src/main/db/migrate';
import { seedDemo } from '../src/main/demo/seed';
import { DEFAULT_SCRYPT, derivePassphraseKey, unwrapWithPassphrase } from '../src/main/vault/keys';
import { Vault } from '../src/main/vault/vault';

const UNLOCK_RUNS = 7;
const WORKLOAD_RUNS = 7;
const ROWS = 10_000;
const LOOKUPS = 1_000;
const PASSPHRASE = 'une phrase de passe de banc d’essai';

// ---- measuring ----------------------------------------------------------------------------

let peakRss = process.memoryUsage().rss;
const sampleMemory = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
// Samples between awaits (scrypt runs off the main thread, so this sees its memory).
const sampler = setInterval(sampleMemory, 5);
sampler.unref();

async function time(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  const elapsed = performance.now() - start;
  sampleMemory();
  return elapsed;
}

async function repeat(runs: number, work: () => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await time(work));
  return times;
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
function median(values: number[]): number {
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
/** Nearest-rank percentile: with 7 runs, p95 is the slowest. */
const percentile = (values: number[], p: number) =>
  sorted(values)[Math.ceil((p / 100) * values.length) - 1]!;

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---- (a) unlocking ------------------------------------------------------------------------

async function benchUnlock(root: string): Promise<string> {
  const vault = new Vault(join(root, 'vault'));
  const { recoveryKey } = await vault.create(PASSPHRASE);
  await vault.confirmCreate(recoveryKey);
  await seedDemo(vault.db);
  await vault.lock();

  const salt = randomBytes(16);
  const derivation = await repeat(UNLOCK_RUNS, () =>
    derivePassphraseKey(PASSPHRASE, salt, DEFAULT_SCRYPT),
  );

  const dbKey = (await unwrapWithPassphrase(vault.readKeyFile(), PASSPHRASE))!;
  const opening = await repeat(UNLOCK_RUNS, async () => {
    const conn = openConnection(vault.dbFile, dbKey);
    const db = kyselyOf(conn);
    await migrate(db, { file: vault.dbFile, conn });
    await db
      .selectFrom('promeneurs')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    await db.destroy();
  });

  const whole = await repeat(UNLOCK_RUNS, async () => {
    await vault.unlock(PASSPHRASE);
    await vault.lock();
  });

  const { N, r, p } = DEFAULT_SCRYPT;
  const row = (label: string, values: number[]) => [
    label,
    ms(median(values)),
    ms(percentile(values, 95)),
  ];
  return table(
    [`Unlock (${UNLOCK_RUNS} runs)`, 'median', 'p95'],
    [
      row(`key derivation (scrypt N=2^${Math.log2(N)}, r=${r}, p=${p})`, derivation),
      row('open + migrate + first query', opening),
      row('Vault.unlock + lock, end to end', whole),
    ],
  );
}

// ---- (b) the same workload, encrypted and plain ---------------------------------------------

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

/**
 * Inserts in one connection, then reads in a fresh one: its page cache is empty, so the
 * select really reads (and, encrypted, decrypts) every page, as after unlocking.
 */
function workload(open: () => Connection): WorkloadTimes {
  const codes = Array.from(
    { length: ROWS },
    (_, i) => `PDN-${String((i * 7919) % 100_000).padStart(5, '0')}`,
  );
  const times = { insert: 0, selectAll: 0, lookups: 0 };

  const writer = open();
  try {
    writer.exec(`create table items (
      id integer primary key,
      code text not null,
      label text not null,
      commune text,
      amount integer not null,
      created_at text not null
    )`);
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
    sampleMemory();

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

function benchWorkload(root: string): string {
  const runs: Record<'encrypted' | 'plain', WorkloadTimes[]> = { encrypted: [], plain: [] };
  // One round to warm up the JIT and the file system, not counted.
  for (const kind of ['encrypted', 'plain'] as const)
    workload(opener(kind, join(root, `warm-up-${kind}.db`)));
  for (let i = 0; i < WORKLOAD_RUNS; i++) {
    // Alternate which goes first, so neither always gets the warmer caches.
    const order =
      i % 2 === 0 ? (['encrypted', 'plain'] as const) : (['plain', 'encrypted'] as const);
    for (const kind of order)
      runs[kind].push(workload(opener(kind, join(root, `${kind}-${i}.db`))));
  }
  const operations: [keyof WorkloadTimes, string][] = [
    ['insert', `insert ${ROWS.toLocaleString('en')} rows (one transaction)`],
    ['selectAll', `select all ${ROWS.toLocaleString('en')} rows (fresh connection)`],
    ['lookups', `${LOOKUPS.toLocaleString('en')} indexed lookups`],
  ];
  return table(
    [`Workload (median of ${WORKLOAD_RUNS} runs)`, 'encrypted ms', 'plain ms', 'ratio'],
    operations.map(([key, label]) => {
      const encrypted = median(runs.encrypted.map((t) => t[key]));
      const plain = median(runs.plain.map((t) => t[key]));
      return [label, encrypted.toFixed(1), plain.toFixed(1), `${(encrypted / plain).toFixed(2)}×`];
    }),
  );
}

// ---- main ---------------------------------------------------------------------------------

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'balise-bench-'));
  const started = performance.now();
  try {
    console.log(
      `Balise benchmark: Node ${process.version}, ${process.platform} ${process.arch}, ${cpus().length} CPU(s) (${cpus()[0]?.model.trim() ?? 'unknown'})`,
    );
    console.log();
    console.log(await benchUnlock(join(root, 'unlock')));
    console.log();
    console.log(benchWorkload(root));
    console.log();
    sampleMemory();
    console.log(`Peak memory (RSS): ${(peakRss / 1024 / 1024).toFixed(0)} MiB`);
    console.log(`Total: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    clearInterval(sampler);
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
