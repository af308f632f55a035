/**
 * One export measured in a process of its own, so its peak memory is the export's alone:
 * reads {dbFile, keyHex, name, today} on stdin, builds the export's WorkbookSpec from the
 * database, writes it as .xlsx (as the contained process does) and every sheet as plain CSV,
 * and prints the times, sizes and peak resident memory as one JSON line.
 */
import { performance } from 'node:perf_hooks';
import { kyselyOf, openConnection } from '../src/main/db/connection';
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

export interface ChildResult {
  specMs: number;
  xlsxMs: number;
  csvMs: number;
  rows: number;
  xlsxBytes: number;
  csvBytes: number;
  peakMb: number;
  baseMb: number;
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
  let start = performance.now();
  const spec = await specOf(db, input.name, input.today);
  const specMs = performance.now() - start;
  // In the app the workbook is written in the contained process, which holds no database:
  // the connection (and its page cache) is closed before writing, as it is not there.
  await db.destroy();
  start = performance.now();
  const xlsx = await writeWorkbook(spec);
  const xlsxMs = performance.now() - start;
  start = performance.now();
  let csvBytes = 0;
  for (const sheet of spec.sheets) csvBytes += writeCsv(sheet).length;
  const csvMs = performance.now() - start;
  const result: ChildResult = {
    specMs,
    xlsxMs,
    csvMs,
    rows: spec.sheets.reduce((t, s) => t + s.rows.length, 0),
    xlsxBytes: xlsx.length,
    csvBytes,
    peakMb: process.resourceUsage().maxRSS / 1024,
    baseMb,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

// Run as a script only: bench/exports.ts imports this module for its names and types.
if (process.argv[1]?.endsWith('exportChild.ts'))
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
