/**
 * The Excel exports for the CAF and the other funders, and the COPIL pack: each route builds
 * one file (an .xlsx, or a .csv for the directory) and hands it back to be saved.
 */
import { z } from 'zod';
import { committee } from './committees';
import { id, isoDate, noInput, optionalDate, year } from './fields';

/** A file to save: its proposed name and its bytes. */
export const exportFile = z.object({ fileName: z.string(), contentBase64: z.string() });
export type ExportFileOutput = z.output<typeof exportFile>;

export const exportFormat = z.enum(['xlsx', 'csv'], {
  error: 'Format : .xlsx ou .csv.',
});

export const attendanceExportInput = z
  .strictObject({
    /** One event; or every event of the period from `from` to `to`. */
    eventId: id.nullable().default(null),
    from: optionalDate,
    to: optionalDate,
  })
  .superRefine((f, ctx) => {
    if (f.eventId !== null) return;
    if (f.from === null)
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'Indiquez le début de la période.' });
    if (f.to === null)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Indiquez la fin de la période.' });
    if (f.from !== null && f.to !== null && f.from > f.to)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'La fin de la période précède son début.',
      });
  });

export const exportsRoutes = {
  /** The yearly report for the CAF: Synthèse (with charts), structures, Promeneurs, activity, network, funding. */
  'exports.bilan': { input: z.strictObject({ year }), output: exportFile },
  /** The public departmental directory: only what each Promeneur agreed to publish. */
  'exports.annuaire': { input: z.strictObject({ format: exportFormat }), output: exportFile },
  /** Every convention with its documents, obligations and payments; overdue cells highlighted. */
  'exports.conventions': { input: noInput, output: exportFile },
  /** The decision register of the committees (the same file as under « Instances »). */
  'exports.decisions': {
    input: z.strictObject({
      year: year.nullable().default(null),
      committee: committee.nullable().default(null),
    }),
    output: exportFile,
  },
  /** Attendance at one event, or at every event of a period. */
  'exports.attendance': { input: attendanceExportInput, output: exportFile },
  /** The steering committee's workbook for a date: figures, conventions, overdue items, decisions to take. */
  'exports.copil': { input: z.strictObject({ date: isoDate }), output: exportFile },
};
