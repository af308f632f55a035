/**
 * The renderer: the JavaScript the app loads at start (the entry script and the chunks it
 * imports statically, gzipped), built with `electron-vite build --outDir out-bench` so the
 * app's own `out/` is left alone; and the time to first render of the dashboard in Chromium
 * on the national vault, through the end-to-end harness (tests/e2e/harness.ts), from the
 * navigation to the key figures on screen.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { measure, median, type Measure } from './measure';
import { BENCH_PASSPHRASE, type BenchVault } from './vaults';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const BENCH_OUT = 'out-bench';
const RENDER_RUNS = 5;

function build(): string {
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'),
      'build',
      '--outDir',
      join(ROOT, BENCH_OUT),
    ],
    {
      cwd: ROOT,
      stdio: 'ignore',
    },
  );
  return join(ROOT, BENCH_OUT, 'renderer');
}

/** The scripts index.html loads at start: its module entry and its modulepreload links. */
export function startupScripts(rendererDir: string): string[] {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1]!.replace(/^\.?\//, ''));
  return [...new Set(refs)].map((ref) => join(rendererDir, ref));
}

function bundleSizes(rendererDir: string): Measure[] {
  const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;
  const startup = startupScripts(rendererDir);
  const all = readdirSync(join(rendererDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(rendererDir, 'assets', f));
  const startupKb = startup.reduce((t, f) => t + gz(f), 0);
  const allKb = all.reduce((t, f) => t + gz(f), 0);
  return [
    measure(
      'renderer.startupJs',
      'renderer: JavaScript loaded at start, gzipped',
      '-',
      [startupKb],
      {
        unit: 'KB',
        note: `${startup.length} file(s); all ${all.length} chunks together ${allKb.toFixed(0)} KB gzipped`,
      },
    ),
  ];
}

async function firstRender(national: BenchVault): Promise<Measure> {
  process.env.BALISE_OUT_DIR = BENCH_OUT;
  const { startHarness } = await import('../tests/e2e/harness');
  const times: number[] = [];
  for (let i = 0; i < RENDER_RUNS; i++) {
    const h = await startHarness({ open: false });
    try {
      // The harness's own vault folder, filled with a copy of the national vault.
      cpSync(national.dir, join(h.dir, 'vault'), { recursive: true });
      const unlocked = await h.invoke('vault.unlock', { passphrase: BENCH_PASSPHRASE });
      if (!unlocked.ok) throw new Error(unlocked.error.message);
      const started = performance.now();
      await h.page.goto(`${h.url}#/tableau-de-bord`);
      await h.page.getByText('Promeneurs actifs').first().waitFor({ timeout: 60_000 });
      times.push(performance.now() - started);
    } finally {
      await h.close();
    }
  }
  return measure(
    'renderer.dashboardFirstRender',
    'renderer: dashboard first render in Chromium',
    'national',
    times,
    {
      note: `from navigation to the key figures, median ${median(times).toFixed(0)} ms`,
    },
  );
}

export async function benchRenderer(
  national: BenchVault,
  _root: string,
  skipped: string[],
): Promise<Measure[]> {
  const out: Measure[] = [];
  let rendererDir: string;
  try {
    rendererDir = build();
  } catch (error) {
    skipped.push(`renderer build failed (${String(error).split('\n')[0]})`);
    return out;
  }
  try {
    out.push(...bundleSizes(rendererDir));
  } catch (error) {
    skipped.push(`start-up JavaScript size (${String(error).split('\n')[0]})`);
  }
  if (!existsSync('/usr/bin/chromium')) {
    skipped.push('dashboard first render: /usr/bin/chromium is missing');
    return out;
  }
  try {
    out.push(await firstRender(national));
  } catch (error) {
    skipped.push(`dashboard first render (${String(error).split('\n')[0]})`);
  }
  return out;
}
