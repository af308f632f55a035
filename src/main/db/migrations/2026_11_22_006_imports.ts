/**
 * Spreadsheet imports: the column mapping a coordinator chose for a directory file, kept by
 * the file's layout (its headings) so that the next file laid out the same way is mapped the
 * same way. Headings only, never a cell of the file.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_mappings')
    /** The sheet's headings, folded and sorted (rules/directoryImport.ts headerSignature). */
    .addColumn('signature', 'text', (c) => c.primaryKey())
    /** JSON: what the sheet holds and, per field, the heading of its column. */
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text', (c) => c.notNull())
    .execute();
}
