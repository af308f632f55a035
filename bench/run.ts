/**
 * `npm run bench`: measures the app on the synthetic nation (`demo --scale national`,
 * generated once and cached, see ./vaults) and on the department-sized demo, and prints one
 * table: median and 95th percentile of repeated runs, and peak memory where it matters.
 * Sections: encryption (unlock, encrypted/plain), queries (search, lists, a structure's
 * page, to-do, dashboard), exports (each Excel export, its peak memory, against CSV),
 * imports (5,000-row directory, 500 activity templates), renderer (start-up JavaScript,
 * dashboard first render in Chromium). `--only queries,exports` runs some; the results are
 * also written to bench-results.json in the cache folder, which `npm run bench:check` reads.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchUnlock, benchWorkload } from './encryption';
import { benchExports } from './exports';
import { benchImports } from './imports';
import { resultsTable, takePeak, type Measure } from './measure';
import { benchQueries } from './queries';
import { benchRenderer } from './renderer';
import { openVault } from './session';
import { CACHE_DIR, departmentVault, nationalVault, type BenchVault } from './vaults';

export const SECTIONS = ['encryption', 'queries', 'exports', 'imports', 'renderer'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchRun {
  date: string;
  machine: string;
  results: Measure[];
  /** What could not be measured, and why. */
  skipped: string[];
}

export function machine(): string {
  return `Node ${process.version}, ${process.platform} ${process.arch}, ${cpus().length} CPU(s) (${cpus()[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM`;
}

export const RESULTS_FILE = join(CACHE_DIR, 'bench-results.json');

export async function runBench(sections: readonly Section[]): Promise<BenchRun> {
  const root = mkdtempSync(join(tmpdir(), 'balise-bench-'));
  const results: Measure[] = [];
  const skipped: string[] = [];
  const wants = (s: Section) => sections.includes(s);
  try {
    const national = await nationalVault();
    const department = await departmentVault(root);
    const vaults: BenchVault[] = [national, department];
    console.log(
      `National vault: ${national.meta.counts.structures} structures, ${national.meta.counts.promeneurs} Promeneurs, ${national.meta.counts.activity_reports} activity reports, ${national.meta.counts.events} events, built for ${national.today}.`,
    );
    if (wants('encryption')) {
      for (const target of vaults) results.push(...(await benchUnlock(target)));
      results.push(...benchWorkload(root));
    }
    for (const target of vaults) {
      if (!wants('queries') && !wants('exports')) break;
      const open = await openVault(target);
      try {
        takePeak();
        if (wants('queries')) results.push(...(await benchQueries(target, open)));
        if (wants('exports')) results.push(...(await benchExports(target, open, root, skipped)));
      } finally {
        await open.close();
      }
    }
    save({ date: new Date().toISOString(), machine: machine(), results, skipped });
    if (wants('renderer')) results.push(...(await benchRenderer(national, root, skipped)));
    save({ date: new Date().toISOString(), machine: machine(), results, skipped });
    if (wants('imports')) results.push(...(await benchImports(root, skipped)));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const run = { date: new Date().toISOString(), machine: machine(), results, skipped };
  save(run);
  return run;
}

/** Written after each long section too, so an interrupted run keeps what it measured. */
function save(run: BenchRun): void {
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(RESULTS_FILE, JSON.stringify(run, null, 2));
}

export function printRun(run: BenchRun): void {
  console.log();
  console.log(resultsTable(run.results));
  for (const s of run.skipped) console.log(`Not measured: ${s}`);
  console.log(`Results written to ${RESULTS_FILE}`);
}

export function sectionsFromArgs(): Section[] {
  const { values } = parseArgs({ options: { only: { type: 'string' } }, allowPositionals: false });
  if (!values.only) return [...SECTIONS];
  const asked = values.only.split(',').map((s) => s.trim());
  const unknown = asked.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0)
    throw new Error(`unknown section(s): ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
  return asked as Section[];
}

if (process.argv[1]?.endsWith('run.ts')) {
  const started = performance.now();
  console.log(`Balise benchmark: ${machine()}`);
  runBench(sectionsFromArgs())
    .then((run) => {
      printRun(run);
      console.log(`Total: ${((performance.now() - started) / 1000).toFixed(0)} s`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
