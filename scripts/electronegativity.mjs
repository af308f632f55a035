// Scans the Electron sources with Electronegativity and fails on any finding of high or
// medium severity. The tool itself exits 0 on findings, so its CSV report is parsed here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'balise-electronegativity-'));
const report = join(dir, 'report.csv');
const cli = join('node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const offline = join('scripts', 'electronegativity-offline.cjs');
const run = spawnSync(
  process.execPath,
  [
    '--require',
    `./${offline}`,
    cli,
    '-i',
    'src',
    '-o',
    report,
    '-r',
    '-e',
    '45.0.0',
    '-x',
    'AvailableSecurityFixesGlobalCheck',
  ],
  { encoding: 'utf8' },
);
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  console.error('Electronegativity failed to run.');
  process.exit(1);
}

/** Splits one CSV line, honouring quotes. */
function cells(line) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const [header, ...rows] = readFileSync(report, 'utf8').split(/\r?\n/).filter(Boolean);
rmSync(dir, { recursive: true, force: true });
const columns = cells(header).map((c) => c.trim().toLowerCase());
const col = (name) => columns.indexOf(name);
const findings = rows.map(cells).map((r) => ({
  issue: r[col('issue')],
  severity: (r[col('severity')] ?? '').toUpperCase(),
  confidence: r[col('confidence')],
  file: r[col('filename')],
  line: r[col('location')],
  description: r[col('description')],
}));
const blocking = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
for (const f of findings) {
  console.log(`${f.severity.padEnd(13)} ${f.issue} ${f.file}:${f.line}`);
}
if (blocking.length > 0) {
  console.error(`Electronegativity: ${blocking.length} finding(s) of high or medium severity.`);
  process.exit(1);
}
console.log(`Electronegativity: ${findings.length} finding(s), none of high or medium severity.`);
