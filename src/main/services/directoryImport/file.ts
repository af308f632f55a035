/**
 * The picked file, read: its size checked first, then its bytes parsed in the contained
 * import process (imports/tableRead.ts), never in the app's own process.
 */
import { MAX_DIRECTORY_FILE_BYTES } from '../../../shared/domain/directoryImport';
import { DomainError } from '../../../shared/result';
import { runContained } from '../../imports/contained';
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

/** The same, from the renderer's base64. */
export function readTableFile(input: { fileName: string; contentBase64: string }) {
  const bytes = new Uint8Array(Buffer.from(input.contentBase64, 'base64'));
  return readTableBytes(bytes, input.fileName);
}
