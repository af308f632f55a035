/**
 * `npm run bench:check`: runs the benchmark (or, with --last, reads the results of the last
 * run) and compares each measure with its budget in bench/budgets.json. Exits with 1 when a
 * budget is exceeded or its measure is missing, printing which. Not part of `npm test`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fixed, table, type Measure } from './measure';
import { printRun, RESULTS_FILE, runBench, SECTIONS, type BenchRun } from './run';

export interface Budget {
  id: string;
  stat: 'median' | 'p95' | 'peakMb';
  max: number;
  why: string;
}

export interface Verdict {
  budget: Budget;
  value: number | null;
  ok: boolean;
}

export function loadBudgets(): Budget[] {
  const file = fileURLToPath(new URL('./budgets.json', import.meta.url));
  return (JSON.parse(readFileSync(file, 'utf8')) as { budgets: Budget[] }).budgets;
}

export function judge(budgets: Budget[], results: Measure[]): Verdict[] {
  return budgets.map((budget) => {
    const value = results.find((r) => r.id === budget.id)?.[budget.stat] ?? null;
    return { budget, value, ok: value !== null && value <= budget.max };
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { last: { type: 'boolean' } } });
  let run: BenchRun;
  if (values.last) {
    if (!existsSync(RESULTS_FILE))
      throw new Error(`no results yet (${RESULTS_FILE}): run npm run bench first`);
    run = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as BenchRun;
    console.log(`Results of ${run.date} (${run.machine})`);
  } else {
    run = await runBench(SECTIONS);
    printRun(run);
  }
  const verdicts = judge(loadBudgets(), run.results);
  console.log();
  console.log(
    table(
      ['Budget', 'measure', 'stat', 'limit', 'measured', 'verdict'],
      verdicts.map((v) => [
        v.budget.why,
        v.budget.id,
        v.budget.stat,
        fixed(v.budget.max),
        v.value === null ? '—' : fixed(v.value),
        v.value === null ? 'NOT MEASURED' : v.ok ? 'ok' : 'EXCEEDED',
      ]),
    ),
  );
  const failed = verdicts.filter((v) => !v.ok);
  if (failed.length > 0) {
    console.log();
    console.log(`${failed.length} budget(s) not met:`);
    for (const v of failed)
      console.log(
        `  - ${v.budget.why}: ${v.budget.id} ${v.budget.stat} = ${v.value === null ? 'not measured' : fixed(v.value)} (limit ${fixed(v.budget.max)})`,
      );
    process.exitCode = 1;
  } else console.log('\nEvery budget is met.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
