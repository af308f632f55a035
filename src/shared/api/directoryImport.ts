/**
 * Directory import: structures and Promeneurs from a coordinator's spreadsheet (.xlsx or
 * .csv). Three steps, each sending the file again: read (sheets, headings, a proposed or
 * remembered mapping), preview (what each row would do, and why), run (all or nothing).
 */
import { z } from 'zod';
import {
  IMPORT_FIELD_KEYS,
  MAX_DIRECTORY_COLUMNS,
  MAX_DIRECTORY_FILE_BYTES,
  MAX_DIRECTORY_SHEETS,
  SHEET_ROLES,
} from '../domain/directoryImport';
import { enumOf, requiredText } from './fields';
import { job, promeneurStatus } from './promeneurs';
import { legalForm, structureStatus, structureType } from './structures';

export const sheetRole = enumOf(SHEET_ROLES, 'Contenu de la feuille');
export const importField = z.enum(IMPORT_FIELD_KEYS, {
  error: 'Champ : choisissez une valeur de la liste.',
});

const TOO_BIG = `Fichier trop volumineux (${MAX_DIRECTORY_FILE_BYTES / 1024 / 1024} Mo au plus).`;

/** The file as the renderer read it: its name and its bytes in base64. */
export const importFile = z.object({
  fileName: requiredText('Nom du fichier', 200),
  contentBase64: z
    .string({ error: 'Le fichier est vide.' })
    .min(1, 'Le fichier est vide.')
    .max(Math.ceil(MAX_DIRECTORY_FILE_BYTES / 3) * 4, TOO_BIG)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Contenu du fichier illisible.'),
});

/** Which column fills which field, for one sheet. */
export const sheetMapping = z
  .object({
    sheet: requiredText('Feuille', 200),
    role: sheetRole,
    columns: z
      .array(
        z.object({
          field: importField,
          column: z
            .number({ error: 'Colonne invalide.' })
            .int('Colonne invalide.')
            .min(0, 'Colonne invalide.')
            .max(MAX_DIRECTORY_COLUMNS - 1, 'Colonne invalide.'),
        }),
      )
      .max(IMPORT_FIELD_KEYS.length),
  })
  .superRefine((m, ctx) => {
    const seen = new Set<string>();
    m.columns.forEach((c, i) => {
      if (seen.has(c.field))
        ctx.addIssue({
          code: 'custom',
          path: ['columns', i, 'field'],
          message: 'Un champ ne peut venir que d’une colonne.',
        });
      seen.add(c.field);
    });
  });
export type SheetMapping = z.output<typeof sheetMapping>;

/** Values given to new records when the file says nothing (required in the app). */
export const importDefaults = z
  .object({
    structureType: structureType.default('autre'),
    legalForm: legalForm.default('association'),
    networkStatus: structureStatus.default('dans_le_reseau'),
    job: job.default('autre'),
    promeneurStatus: promeneurStatus.default('actif'),
  })
  .prefault({});
export type ImportDefaults = z.output<typeof importDefaults>;

export const importPlanInput = importFile.extend({
  sheets: z
    .array(sheetMapping)
    .min(1, 'Choisissez au moins une feuille.')
    .max(MAX_DIRECTORY_SHEETS),
  defaults: importDefaults,
});
export type ImportPlanInput = z.output<typeof importPlanInput>;

export const sheetProposal = z.object({
  name: z.string(),
  headerLine: z.number().int(),
  headers: z.array(z.string()),
  rowCount: z.number().int(),
  blankRows: z.number().int(),
  /** The first rows, as text, to show next to each column. */
  samples: z.array(z.array(z.string())),
  role: sheetRole,
  columns: sheetMapping.shape.columns,
  /** True when the mapping is the one chosen for a file with the same headings. */
  remembered: z.boolean(),
});
export type SheetProposal = z.output<typeof sheetProposal>;

export const importedTable = z.object({
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  encoding: z.string().nullable(),
  separator: z.string().nullable(),
  sheets: z.array(sheetProposal),
});
export type ImportedTable = z.output<typeof importedTable>;

export const planAction = z.enum(['create', 'update', 'skip']);
export type PlanAction = z.output<typeof planAction>;

export const planItem = z.object({
  sheet: z.string(),
  line: z.number().int(),
  entity: z.enum(['structure', 'promeneur']),
  action: planAction,
  label: z.string(),
  /** Why a row is skipped (« doublon de la ligne 9 », « déjà à jour »…). */
  reasons: z.array(z.string()),
  warnings: z.array(z.string()),
  /** For an update: each field that changes, before → after, as shown on screen. */
  changes: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
});
export type PlanItem = z.output<typeof planItem>;

const counts = z.object({
  create: z.number().int(),
  update: z.number().int(),
  skip: z.number().int(),
});
export type PlanCounts = z.output<typeof counts>;

export const importPlan = z.object({
  items: z.array(planItem),
  structures: counts,
  promeneurs: counts,
});
export type ImportPlan = z.output<typeof importPlan>;

export const directoryImportRoutes = {
  'directoryImport.read': { input: importFile, output: importedTable },
  'directoryImport.preview': { input: importPlanInput, output: importPlan },
  'directoryImport.run': {
    input: importPlanInput,
    output: z.object({
      created: z.number().int(),
      updated: z.number().int(),
      skipped: z.number().int(),
      structures: counts,
      promeneurs: counts,
    }),
  },
};
