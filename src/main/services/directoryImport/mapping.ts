/**
 * Column mappings: the one proposed from a sheet's headings, and the one a coordinator chose,
 * remembered by the sheet's headings (never its cells) for the next file laid out the same way.
 */
import type { SheetMapping, SheetProposal } from '../../../shared/api/directoryImport';
import {
  fieldsForRole,
  IMPORT_FIELD_KEYS,
  SHEET_ROLES,
  type ImportFieldKey,
  type SheetRole,
} from '../../../shared/domain/directoryImport';
import {
  fold,
  headerSignature,
  proposeMapping,
  proposeRole,
  textOf,
  type Cell,
  type ColumnMapping,
} from '../../../shared/rules/directoryImport';
import { formatDate } from '../../../shared/rules/dates';
import type { Db } from '../../db/connection';
import type { TableSheet } from '../../imports/tableRead';

/** What is kept: the sheet's kind and, per field, the heading of its column (folded). */
interface Remembered {
  role: SheetRole;
  columns: Partial<Record<ImportFieldKey, string>>;
}

const SAMPLE_ROWS = 3;

const isRole = (v: unknown): v is SheetRole => typeof v === 'string' && v in SHEET_ROLES;
const isField = (v: string): v is ImportFieldKey =>
  (IMPORT_FIELD_KEYS as readonly string[]).includes(v);

async function rememberedFor(db: Db, headers: readonly string[]): Promise<Remembered | null> {
  const row = await db
    .selectFrom('importMappings')
    .select('mapping')
    .where('signature', '=', headerSignature(headers))
    .executeTakeFirst();
  if (!row) return null;
  try {
    const parsed = JSON.parse(row.mapping) as Remembered;
    return isRole(parsed.role) ? parsed : null;
  } catch {
    return null;
  }
}

/** A column mapping as the API sends it: a list of { field, column }. */
export function columnsList(mapping: ColumnMapping): SheetMapping['columns'] {
  return IMPORT_FIELD_KEYS.filter((f) => mapping[f] !== undefined).map((field) => ({
    field,
    column: mapping[field]!,
  }));
}

/** The API's list back to a mapping, keeping only the fields a sheet of that kind offers. */
export function mappingOf(sheet: SheetMapping): ColumnMapping {
  const offered = new Set(fieldsForRole(sheet.role));
  const mapping: ColumnMapping = {};
  for (const { field, column } of sheet.columns) if (offered.has(field)) mapping[field] = column;
  return mapping;
}

const shown = (cell: Cell): string => {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'Oui' : 'Non';
  const text = textOf(cell) ?? '';
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? formatDate(text) : text;
};

/** A sheet as the mapping step shows it: headings, a few rows, the remembered or proposed mapping. */
export async function proposalFor(db: Db, sheet: TableSheet): Promise<SheetProposal> {
  const base = {
    name: sheet.name,
    headerLine: sheet.headerLine,
    headers: sheet.headers,
    rowCount: sheet.rows.length,
    blankRows: sheet.blankRows,
    samples: sheet.rows.slice(0, SAMPLE_ROWS).map((r) => r.cells.map(shown)),
  };
  const remembered = await rememberedFor(db, sheet.headers);
  if (remembered) {
    const byHeading = new Map(sheet.headers.map((h, i) => [fold(h), i] as const));
    const mapping: ColumnMapping = {};
    for (const [field, heading] of Object.entries(remembered.columns))
      if (isField(field) && heading !== undefined && byHeading.has(heading))
        mapping[field] = byHeading.get(heading)!;
    return { ...base, role: remembered.role, columns: columnsList(mapping), remembered: true };
  }
  const role = proposeRole(sheet.headers);
  return {
    ...base,
    role,
    columns: columnsList(proposeMapping(sheet.headers, role)),
    remembered: false,
  };
}

/** Keeps a sheet's chosen mapping for the next file with the same headings. */
export async function rememberMapping(
  db: Db,
  headers: readonly string[],
  chosen: SheetMapping,
): Promise<void> {
  const columns: Remembered['columns'] = {};
  for (const [field, column] of Object.entries(mappingOf(chosen)))
    if (headers[column] !== undefined) columns[field as ImportFieldKey] = fold(headers[column]);
  const mapping = JSON.stringify({ role: chosen.role, columns } satisfies Remembered);
  const usedAt = new Date().toISOString();
  await db
    .insertInto('importMappings')
    .values({ signature: headerSignature(headers), mapping, usedAt })
    .onConflict((oc) => oc.column('signature').doUpdateSet({ mapping, usedAt }))
    .execute();
}
