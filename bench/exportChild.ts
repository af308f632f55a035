/**
 * One export measured in processes of its own, split as the app splits it, so that each peak
 * memory is the export's alone: reads {dbFile, keyHex, name, today} on stdin and builds the
 * export's WorkbookSpec from the database (as the app's main process does); then a second
 * process, started with the contained processes' engine settings and given the spec by
 * structured clone (as the app's contained process is), writes it as .xlsx and every sheet
 * as plain CSV. Prints the times, sizes and both peaks of resident memory as one JSON line.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { kyselyOf, openConnection } from '../src/main/db/connection';
import { containedV8Flags } from '../src/main/imports/contained';
import { EXPORT_LIMITS } from '../src/main/services/exports/generate';
import { annuaireSpec } from '../src/main/services/exports/annuaire';
import { attendanceSpec } from '../src/main/services/exports/attendance';
import { bilanSpec } from '../src/main/services/exports/bilan';
import { conventionsSpec } from '../src/main/services/exports/conventions';
import { copilSpec } from '../src/main/services/exports/copil';
import { writeCsv } from '../src/main/services/exports/csv';
import type { WorkbookSpec } from '../src/main/services/exports/model';
import { writeWorkbook } from '../src/main/services/exports/writer';
import type { Db } from '../src/main/db/connection';

export const EXPORTS = ['bilan', 'annuaire', 'conventions', 'attendance', 'copil'] as const;
export type ExportName = (typeof EXPORTS)[number];

interface Written {
  xlsxMs: number;
  csvMs: number;
  xlsxBytes: number;
  csvBytes: number;
  /** The writing process's peak resident memory, the .xlsx written. */
  peakMb: number;
}

export interface ChildResult extends Written {
  specMs: number;
  rows: number;
  /** The peak resident memory of the process that built the spec. */
  specPeakMb: number;
  /** Its resident memory once the modules are loaded and the vault open. */
  baseMb: number;
}

const SELF = fileURLToPath(import.meta.url);

/**
 * This process's own peak resident memory since it started, in MiB. On Linux, from VmHWM:
 * getrusage's maxRSS (`process.resourceUsage().maxRSS`) is kept across exec, so a child's
 * counts its parent's resident memory at the moment it was forked (a child of a 600 MiB
 * process reads 605 MiB while its own peak is 46). Elsewhere maxRSS is all there is.
 */
function ownPeakMb(): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb !== undefined) return Number(kb) / 1024;
  } catch {
    // Not Linux: no /proc.
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** The spec written in a process of its own, as the contained process writes it. */
function writtenApart(spec: WorkbookSpec): Promise<Written> {
  const child = fork(SELF, ['write'], {
    execArgv: [...process.execArgv, ...containedV8Flags(EXPORT_LIMITS.maxMemoryMb)],
    serialization: 'advanced',
  });
  return new Promise((resolve, reject) => {
    child.once('message', (written) => resolve(written as Written));
    child.once('exit', (code) => reject(new Error(`the writing process ended (${code})`)));
    child.send(spec);
  });
}

/** The writing process: one spec in, its .xlsx and CSV written, the figures sent back. */
function write(): void {
  process.once('message', (message) => {
    void (async () => {
      const spec = message as WorkbookSpec;
      let start = performance.now();
      const xlsx = await writeWorkbook(spec);
      const xlsxMs = performance.now() - start;
      // The app writes one format: the peak is the .xlsx's, before the CSV for the ratio.
      const peakMb = ownPeakMb();
      start = performance.now();
      let csvBytes = 0;
      for (const sheet of spec.sheets) csvBytes += writeCsv(sheet).length;
      const written: Written = {
        xlsxMs,
        csvMs: performance.now() - start,
        xlsxBytes: xlsx.length,
        csvBytes,
        peakMb,
      };
      process.send!(written, () => process.exit(0));
    })();
  });
}

function specOf(db: Db, name: ExportName, today: string): Promise<WorkbookSpec> {
  const year = Number(today.slice(0, 4)) - 1;
  const created = new Date(`${today}T12:00:00Z`);
  switch (name) {
    case 'bilan':
      return bilanSpec(db, year, today, created);
    case 'annuaire':
      return annuaireSpec(db, created);
    case 'conventions':
      return conventionsSpec(db, today, created);
    case 'attendance':
      return attendanceSpec(
        db,
        { eventId: null, from: `${year}-01-01`, to: `${year}-12-31` },
        created,
      ).then((r) => r.spec);
    case 'copil':
      return copilSpec(db, today, created);
  }
}

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
    dbFile: string;
    keyHex: string;
    name: ExportName;
    today: string;
  };
  const db = kyselyOf(
    openConnection(input.dbFile, Buffer.from(input.keyHex, 'hex'), { readonly: true }),
  );
  const baseMb = process.memoryUsage().rss / 1024 / 1024;
  const start = performance.now();
  const spec = await specOf(db, input.name, input.today);
  const specMs = performance.now() - start;
  // The app's main process keeps its connection and the spec while the workbook is written.
  const written = await writtenApart(spec);
  await db.destroy();
  const result: ChildResult = {
    specMs,
    rows: spec.sheets.reduce((t, s) => t + s.rows.length, 0),
    specPeakMb: ownPeakMb(),
    baseMb,
    ...written,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

// Run as a script only: bench/exports.ts imports this module for its names and types.
if (process.argv[1]?.endsWith('exportChild.ts') && process.argv[2] === 'write') write();
else if (process.argv[1]?.endsWith('exportChild.ts'))
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
