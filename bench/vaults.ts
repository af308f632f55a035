/**
 * The vaults the bench measures: the synthetic nation (generated once, then kept in a cache
 * folder keyed by seed and generator version, since it takes a minute or two to build) and
 * the department-sized demo (Val-de-Balise, built fresh in a temporary folder each run).
 * Both use the app's real key-derivation cost, so unlocking them measures the real thing.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_NATION_SEED,
  NATION_GENERATOR_VERSION,
  seedNation,
  type NationCounts,
} from '../src/main/demo/national';
import { seedDemo } from '../src/main/demo/seed';
import { todayInParis } from '../src/shared/rules/dates';
import { Vault } from '../src/main/vault/vault';

export const BENCH_PASSPHRASE = 'une phrase de passe de banc d’essai';

export const CACHE_DIR =
  process.env.BALISE_BENCH_CACHE ?? join(homedir(), '.cache', 'balise-bench');

export interface BenchVault {
  kind: 'national' | 'departement';
  /** The vault folder (balise.db and balise.keys.json inside). */
  dir: string;
  /** The day its data was built for. */
  today: string;
}

interface NationMeta {
  version: number;
  seed: number;
  today: string;
  counts: NationCounts;
  seconds: number;
}

/** The cached national vault, generated first when missing; logs what it does. */
export async function nationalVault(
  seed = DEFAULT_NATION_SEED,
  log: (line: string) => void = console.log,
): Promise<BenchVault & { meta: NationMeta }> {
  const home = join(CACHE_DIR, `national-v${NATION_GENERATOR_VERSION}-seed${seed}`);
  const metaFile = join(home, 'meta.json');
  if (existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as NationMeta;
    return { kind: 'national', dir: join(home, 'vault'), today: meta.today, meta };
  }
  log(`Generating the national vault (seed ${seed}) into ${home}: a minute or two, once.`);
  const building = `${home}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const vault = new Vault(join(building, 'vault'));
  const { recoveryKey } = await vault.create(BENCH_PASSPHRASE);
  await vault.confirmCreate(recoveryKey);
  const today = todayInParis();
  const started = performance.now();
  const counts = seedNation(vault.connection, { seed, today });
  const seconds = (performance.now() - started) / 1000;
  await vault.lock();
  const meta: NationMeta = { version: NATION_GENERATOR_VERSION, seed, today, counts, seconds };
  writeFileSync(join(building, 'meta.json'), JSON.stringify(meta, null, 2));
  rmSync(home, { recursive: true, force: true });
  renameSync(building, home);
  log(`Generated in ${seconds.toFixed(0)} s.`);
  return { kind: 'national', dir: join(home, 'vault'), today, meta };
}

/** The demo department in `root`/departement, built now. */
export async function departmentVault(root: string): Promise<BenchVault> {
  const dir = join(root, 'departement');
  const vault = new Vault(dir);
  const { recoveryKey } = await vault.create(BENCH_PASSPHRASE);
  await vault.confirmCreate(recoveryKey);
  await seedDemo(vault.db);
  await vault.lock();
  return { kind: 'departement', dir, today: todayInParis() };
}

/** A throwaway copy of a vault (for measures that write). */
export function copyVault(source: BenchVault, into: string): BenchVault {
  cpSync(source.dir, into, { recursive: true });
  return { ...source, dir: into };
}
