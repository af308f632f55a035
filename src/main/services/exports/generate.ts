/**
 * Every export ends here: its WorkbookSpec, built in main from SQL, is written to .xlsx or
 * .csv in the contained process (src/main/imports/contained.ts, task `exportFile`), so a
 * large workbook (or a chart to rasterise) never holds up the window; the bytes come back.
 */
import { DomainError } from '../../../shared/result';
import { runContained } from '../../imports/contained';
import type { WorkbookSpec } from './model';

export interface ExportFile {
  fileName: string;
  contentBase64: string;
}

/** Generous bounds: the spec is ours, not a stranger's file; they only stop a runaway. */
export const EXPORT_LIMITS = { maxMemoryMb: 2048, timeoutMs: 180_000 };

/** `bilan-annuel-2026` + the format → `bilan-annuel-2026.xlsx`. */
export async function generate(
  spec: WorkbookSpec,
  stem: string,
  format: 'xlsx' | 'csv' = 'xlsx',
): Promise<ExportFile> {
  let bytes: Uint8Array;
  try {
    bytes = await runContained('exportFile', { spec, format }, EXPORT_LIMITS);
  } catch (error) {
    if (error instanceof DomainError)
      throw new DomainError(
        'INTERNAL',
        `Le fichier « ${spec.title} » n’a pas pu être produit (trop volumineux, ou le traitement a été interrompu). Réessayez ; si cela se reproduit, réduisez la période.`,
      );
    throw error;
  }
  return { fileName: `${stem}.${format}`, contentBase64: Buffer.from(bytes).toString('base64') };
}
