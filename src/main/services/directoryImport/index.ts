/**
 * Directory import: structures and Promeneurs from a coordinator's spreadsheet.
 *
 * Each step (read, preview, run) receives the file again; the table parsed at the read is
 * kept in memory for the steps that follow when the file is the same (file.ts), so the file is
 * parsed once. The run plans again against the vault as it is at that moment, so an edit made
 * between preview and import is never overwritten by a stale plan; the steps stay independent
 * (the CLI runs them in one go).
 */
import type { ParsedInput, RouteOutput } from '../../../shared/api/contract';
import type { ImportPlanInput } from '../../../shared/api/directoryImport';
import { inTransaction, type Db } from '../../db/connection';
import type { ReadTable } from '../../imports/tableRead';
import type { HandlersOf, RoutesOf } from '../../ipc/router';
import { applyPlan } from './apply';
import { forgetTable, readTableFile } from './file';
import { proposalFor, rememberMapping } from './mapping';
import { buildPlan, type Plan } from './plan';

export { readTableBytes } from './file';
export { proposalFor } from './mapping';
export { buildPlan } from './plan';

/** The file's sheets, headings, a few rows, and the remembered or proposed mapping of each. */
export async function describeTable(
  db: Db,
  fileName: string,
  table: ReadTable,
): Promise<RouteOutput<'directoryImport.read'>> {
  const sheets = [];
  for (const sheet of table.sheets) sheets.push(await proposalFor(db, sheet));
  return {
    fileName,
    format: table.format,
    encoding: table.encoding,
    separator: table.separator,
    sheets,
  };
}

/** The plan without its operations: what the preview shows. */
export function previewOf(plan: Plan): RouteOutput<'directoryImport.preview'> {
  return { items: plan.items, structures: plan.structures, promeneurs: plan.promeneurs };
}

/** Plans again and writes, all or nothing; remembers the mapping of each sheet. */
export function runImport(
  db: Db,
  table: ReadTable,
  input: ImportPlanInput,
): Promise<RouteOutput<'directoryImport.run'>> {
  return inTransaction(db, async (trx) => {
    const plan = await buildPlan(trx, table, input);
    await applyPlan(trx, plan);
    for (const sheet of input.sheets) {
      const headers = table.sheets.find((s) => s.name === sheet.sheet)?.headers;
      if (headers) await rememberMapping(trx, headers, sheet);
    }
    const { structures: s, promeneurs: p } = plan;
    return {
      created: s.create + p.create,
      updated: s.update + p.update,
      skipped: s.skip + p.skip,
      structures: s,
      promeneurs: p,
    };
  });
}

async function preview(db: Db, input: ParsedInput<'directoryImport.preview'>) {
  const table = await readTableFile(db, input);
  return previewOf(await buildPlan(db, table, input));
}

async function run(db: Db, input: ParsedInput<'directoryImport.run'>) {
  const table = await readTableFile(db, input);
  const summary = await runImport(db, table, input);
  forgetTable(db); // imported: the file is not needed any more
  return summary;
}

export const directoryImportHandlers: HandlersOf<RoutesOf<'directoryImport'>> = {
  'directoryImport.read': async (input, { session }) => {
    const db = session.db; // a locked vault refuses before the file is read
    return describeTable(db, input.fileName, await readTableFile(db, input));
  },
  'directoryImport.preview': (input, { session }) => preview(session.db, input),
  'directoryImport.run': (input, { session }) => run(session.db, input),
};
