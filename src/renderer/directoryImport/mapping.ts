/**
 * The mapping step's arithmetic, kept out of the components: column names as a spreadsheet
 * shows them, samples, which fields a sheet needs, what the file says about itself.
 */
import type { ImportedTable, SheetMapping, SheetProposal } from '../../shared/api/directoryImport';
import {
  fieldsForRole,
  IMPORT_FIELDS,
  MAX_DIRECTORY_FILE_BYTES,
  type ImportEntity,
  type ImportFieldKey,
  type SheetRole,
} from '../../shared/domain/directoryImport';
import { formatSize } from '../conventions/attachmentFile';

/** The Select value meaning « this field comes from no column ». */
export const NO_COLUMN = 'aucune';

/** A column's letter as a spreadsheet names it: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** « C · EPCI », or « C (sans titre) » for a column without heading. */
export function columnLabel(sheet: SheetProposal, index: number): string {
  const heading = sheet.headers[index]?.trim();
  return heading ? `${columnLetter(index)} · ${heading}` : `${columnLetter(index)} (sans titre)`;
}

export function columnOptions(sheet: SheetProposal) {
  return [
    { value: NO_COLUMN, label: 'Aucune colonne' },
    ...sheet.headers.map((_, i) => ({ value: String(i), label: columnLabel(sheet, i) })),
  ];
}

/** The first value the column holds in the first rows, to show what it contains. */
export function sampleOf(sheet: SheetProposal, column: number): string | null {
  for (const row of sheet.samples) {
    const value = row[column]?.trim();
    if (value) return value;
  }
  return null;
}

/** Without these columns, no row of a sheet of that kind can be imported. */
export function requiredFields(role: SheetRole): ImportFieldKey[] {
  if (role === 'structures') return ['structure.name'];
  if (role === 'promeneurs' || role === 'both')
    return ['structure.name', 'promeneur.firstName', 'promeneur.lastName'];
  return [];
}

export function columnOf(mapping: SheetMapping, field: ImportFieldKey): number | null {
  return mapping.columns.find((c) => c.field === field)?.column ?? null;
}

export function withColumn(
  mapping: SheetMapping,
  field: ImportFieldKey,
  column: number | null,
): SheetMapping {
  const others = mapping.columns.filter((c) => c.field !== field);
  return { ...mapping, columns: column === null ? others : [...others, { field, column }] };
}

/** The required fields of the sheet's kind that no column fills. */
export function missingFields(mapping: SheetMapping): ImportFieldKey[] {
  return requiredFields(mapping.role).filter((f) => columnOf(mapping, f) === null);
}

/** The columns no offered field takes: they are left out of the import. */
export function unusedColumns(sheet: SheetProposal, mapping: SheetMapping): number[] {
  const offered = new Set<string>(fieldsForRole(mapping.role));
  const used = new Set(mapping.columns.filter((c) => offered.has(c.field)).map((c) => c.column));
  return sheet.headers.map((_, i) => i).filter((i) => !used.has(i));
}

/** The fields a sheet of that kind offers, by record: the structure's first. */
export function fieldGroups(
  role: SheetRole,
): { entity: ImportEntity; title: string; fields: ImportFieldKey[] }[] {
  const fields = fieldsForRole(role);
  const of = (entity: ImportEntity) => fields.filter((f) => IMPORT_FIELDS[f].entity === entity);
  const groups: { entity: ImportEntity; title: string; fields: ImportFieldKey[] }[] = [];
  if (of('structure').length > 0)
    groups.push({
      entity: 'structure',
      title:
        role === 'promeneurs'
          ? 'Sa structure (pour la retrouver parmi celles de Balise)'
          : 'La structure',
      fields: of('structure'),
    });
  if (of('promeneur').length > 0)
    groups.push({ entity: 'promeneur', title: 'Le Promeneur du Net', fields: of('promeneur') });
  return groups;
}

/** Which records the chosen sheets may create: the defaults asked for follow. */
export function createdKinds(sheets: readonly SheetMapping[]) {
  return {
    structures: sheets.some((s) => s.role === 'structures' || s.role === 'both'),
    promeneurs: sheets.some((s) => s.role === 'promeneurs' || s.role === 'both'),
  };
}

/** The mapping sent back: the proposal's (or the remembered one), as the person left it. */
export function mappingsOf(table: ImportedTable): SheetMapping[] {
  return table.sheets.map((s) => ({ sheet: s.name, role: s.role, columns: s.columns }));
}

/** What the app found out about the file: « CSV, encodage Windows-1252, séparateur « ; » ». */
export function formatDescription(table: ImportedTable): string {
  if (table.format === 'xlsx') return 'Classeur Excel (.xlsx)';
  const parts = ['Fichier CSV'];
  if (table.encoding) parts.push(`encodage ${table.encoding}`);
  if (table.separator)
    parts.push(
      table.separator === 'tabulation'
        ? 'séparateur tabulation'
        : `séparateur « ${table.separator} »`,
    );
  return parts.join(', ');
}

/**
 * Why a picked file is not even sent to be read; null when it can be. Its kind is judged by
 * the reader from its bytes (a .xls or a PDF renamed gets its own message there).
 */
export function fileProblem(file: { name: string; size: number }): string | null {
  if (file.size === 0) return `« ${file.name} » est vide.`;
  if (file.size > MAX_DIRECTORY_FILE_BYTES)
    return `« ${file.name} » est trop volumineux (${formatSize(file.size)}, ${MAX_DIRECTORY_FILE_BYTES / 1024 / 1024} Mo au plus) : découpez-le en plusieurs fichiers.`;
  return null;
}
