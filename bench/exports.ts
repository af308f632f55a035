/**
 * Each Excel export on each vault, in child processes of its own (./exportChild) so that
 * its peak memory is measured alone: the time to build and write the .xlsx, the peak
 * resident memory, and the ratio to writing the same rows as plain CSV. As in the app, one
 * process builds the spec from the database and another, with the contained processes'
 * settings, writes it; the peak reported is the larger of the two, both are in the note.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { unwrapWithPassphrase } from '../src/main/vault/keys';
import { Vault } from '../src/main/vault/vault';
import { EXPORTS, type ChildResult } from './exportChild';
import { measure, median, type Measure } from './measure';
import type { OpenVault } from './session';
import { BENCH_PASSPHRASE, type BenchVault } from './vaults';

const RUNS = 3;
const CHILD = fileURLToPath(new URL('./exportChild.ts', import.meta.url));

const LABELS: Record<(typeof EXPORTS)[number], string> = {
  bilan: 'export: Bilan annuel (one year)',
  annuaire: 'export: annuaire départemental',
  conventions: 'export: suivi des conventions',
  attendance: 'export: présences (one year)',
  copil: 'export: dossier COPIL',
};

function runChild(input: object): ChildResult {
  const child = spawnSync(process.execPath, [...process.execArgv, CHILD], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(child.stderr.trim().split('\n').slice(-5).join('\n'));
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

export async function benchExports(
  target: BenchVault,
  _open: OpenVault,
  _root: string,
  skipped: string[],
): Promise<Measure[]> {
  const vault = new Vault(target.dir);
  const key = (await unwrapWithPassphrase(vault.readKeyFile(), BENCH_PASSPHRASE))!;
  const out: Measure[] = [];
  for (const name of EXPORTS) {
    const runs: ChildResult[] = [];
    try {
      for (let i = 0; i < RUNS; i++)
        runs.push(
          runChild({
            dbFile: vault.dbFile,
            keyHex: key.toString('hex'),
            name,
            today: target.today,
          }),
        );
    } catch (error) {
      skipped.push(`${LABELS[name]} on the ${target.kind} vault: ${String(error)}`);
      continue;
    }
    const totals = runs.map((r) => r.specMs + r.xlsxMs);
    // The larger of the two processes' peaks (the app builds the spec in main, writes it in
    // the contained process).
    const specPeak = Math.max(...runs.map((r) => r.specPeakMb));
    const writePeak = Math.max(...runs.map((r) => r.peakMb));
    const peakMb = Math.max(specPeak, writePeak);
    const xlsx = median(runs.map((r) => r.xlsxMs));
    const csv = median(runs.map((r) => r.csvMs));
    const r = runs[0]!;
    out.push(
      measure(`${target.kind}.export.${name}`, LABELS[name], target.kind, totals, {
        peakMb,
        note: `${r.rows} rows; SQL ${median(runs.map((x) => x.specMs)).toFixed(0)} ms + xlsx ${xlsx.toFixed(0)} ms (${(r.xlsxBytes / 1024).toFixed(0)} KiB); CSV ${csv.toFixed(0)} ms; peaks: building ${specPeak.toFixed(0)} MiB (base ${r.baseMb.toFixed(0)}), writing ${writePeak.toFixed(0)} MiB`,
      }),
      measure(
        `${target.kind}.export.${name}.csvRatio`,
        `${LABELS[name]}: xlsx/CSV writing time`,
        target.kind,
        runs.map((x) => x.xlsxMs / Math.max(0.01, x.csvMs)),
        { unit: 'ratio' },
      ),
    );
  }
  return out;
}
