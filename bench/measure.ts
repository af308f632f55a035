/** Timing, statistics, the memory sampler and the printed table shared by every bench module. */
import { performance } from 'node:perf_hooks';

/** One line of the final table. */
export interface Measure {
  /** Stable id, used by bench/budgets.json. */
  id: string;
  label: string;
  /** Which vault it ran on: national, departement, or none. */
  vault: 'national' | 'departement' | '-';
  runs: number;
  median: number;
  p95: number;
  /** What median and p95 count: milliseconds by default. */
  unit?: 'ms' | 'KB' | 'ratio';
  /** The peak resident memory of the process that did the work, in MiB, when measured. */
  peakMb?: number;
  note?: string;
}

let peakRss = process.memoryUsage().rss;
export const sampleMemory = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
/** The peak since the last reset, in MiB; starts a new window. */
export function takePeak(): number {
  sampleMemory();
  const peak = peakRss / 1024 / 1024;
  peakRss = process.memoryUsage().rss;
  return peak;
}
// Samples between awaits (scrypt and SQLite run off the JS thread at times).
const sampler = setInterval(sampleMemory, 5);
sampler.unref();

export async function time(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  const elapsed = performance.now() - start;
  sampleMemory();
  return elapsed;
}

/** Runs `warmUp` uncounted times, then `runs` counted ones. */
export async function repeat(runs: number, work: () => unknown, warmUp = 0): Promise<number[]> {
  for (let i = 0; i < warmUp; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await time(work));
  return times;
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
export function median(values: number[]): number {
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
/** Nearest-rank percentile: with 7 runs, p95 is the slowest. */
export const percentile = (values: number[], p: number) =>
  sorted(values)[Math.ceil((p / 100) * values.length) - 1]!;

export function measure(
  id: string,
  label: string,
  vault: Measure['vault'],
  values: number[],
  extra: Partial<Measure> = {},
): Measure {
  return {
    id,
    label,
    vault,
    runs: values.length,
    median: median(values),
    p95: percentile(values, 95),
    ...extra,
  };
}

export const fixed = (value: number) =>
  value < 10 ? value.toFixed(2) : value < 1000 ? value.toFixed(1) : value.toFixed(0);

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The one table of `npm run bench`. */
export function resultsTable(results: Measure[]): string {
  return table(
    ['Measure', 'vault', 'runs', 'median', 'p95', 'unit', 'peak MiB', 'note'],
    results.map((r) => [
      r.label,
      r.vault,
      String(r.runs),
      fixed(r.median),
      fixed(r.p95),
      r.unit ?? 'ms',
      r.peakMb === undefined ? '' : r.peakMb.toFixed(0),
      r.note ?? '',
    ]),
  );
}

/** As a Markdown table, for docs/performance.md. */
export function markdownTable(results: Measure[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.label} | ${r.vault} | ${r.runs} | ${fixed(r.median)} | ${fixed(r.p95)} | ${r.unit ?? 'ms'} | ${r.peakMb === undefined ? '' : r.peakMb.toFixed(0)} | ${r.note ?? ''} |`,
  );
  return [
    '| Measure | vault | runs | median | p95 | unit | peak MiB | note |',
    '|---|---|--:|--:|--:|---|--:|---|',
    ...rows,
  ].join('\n');
}
