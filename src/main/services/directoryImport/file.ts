/**
 * The picked file, read: its size checked first, then its bytes parsed in the contained
 * import process (imports/tableRead.ts), never in the app's own process.
 *
 * The read, the preview and the import each receive the file again. The table parsed at the
 * read is kept in memory for the steps that follow (imports/kept.ts), so a file is parsed once
 * rather than three times (each parse starts a process: about half a second, and a second or
 * more for a large workbook). Only the last file is kept; it goes once its import has run.
 */
import { MAX_DIRECTORY_FILE_BYTES } from '../../../shared/domain/directoryImport';
import { DomainError } from '../../../shared/result';
import type { Db } from '../../db/connection';
import { runContained } from '../../imports/contained';
import { KEPT_MS, KeptReads } from '../../imports/kept';
import type { ReadTable } from '../../imports/tableRead';

/**
 * A 10 MB workbook of 10 000 rows reads in a few seconds and well under 200 MiB; a crafted
 * one (a data validation or a defined name over a whole sheet) hits these limits instead.
 */
const TABLE_LIMITS = { maxMemoryMb: 384, timeoutMs: 20_000, field: 'contentBase64' };

const refuse = (message: string) =>
  new DomainError('INVALID_INPUT', message, { contentBase64: message });

/** Reads a file's bytes into sheets of rows; refuses an empty or oversized file before parsing. */
export async function readTableBytes(bytes: Uint8Array, fileName: string): Promise<ReadTable> {
  if (bytes.length === 0) throw refuse(`« ${fileName} » est vide.`);
  if (bytes.length > MAX_DIRECTORY_FILE_BYTES)
    throw refuse(
      `« ${fileName} » est trop volumineux (${MAX_DIRECTORY_FILE_BYTES / 1024 / 1024} Mo au plus) : découpez-le en plusieurs fichiers.`,
    );
  return runContained('table', { bytes, fileName }, TABLE_LIMITS);
}

/** How long a parsed table is kept unused. */
export const TABLE_KEPT_MS = KEPT_MS;

/** The last table parsed, per open vault. */
const tables = new KeptReads<ReadTable>(1);

/** Drops the table kept for `db` (its import has run). */
export function forgetTable(db: Db): void {
  tables.forget(db);
}

/**
 * The renderer's file (base64) as a table: the one kept from an earlier step when it is the
 * same file, else parsed in the contained process and kept. Callers must not change it.
 */
export async function readTableFile(
  db: Db,
  input: { fileName: string; contentBase64: string },
): Promise<ReadTable> {
  const bytes = new Uint8Array(Buffer.from(input.contentBase64, 'base64'));
  const read = await tables.read(db, input.fileName, bytes, () =>
    readTableBytes(bytes, input.fileName),
  );
  return read.value;
}
