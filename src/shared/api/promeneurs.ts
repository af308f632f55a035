import { z } from 'zod';
import {
  COMPLIANCE_POINTS,
  JOBS,
  PLATFORMS,
  PROMENEUR_STATUSES,
  PUBLICATION_FIELDS,
  type CompliancePoint,
  type PublicationField,
} from '../domain/directory';
import {
  enumOf,
  id,
  optionalDate,
  optionalEmail,
  optionalPhone,
  optionalText,
  optionalUrl,
  requiredText,
  sortDirection,
  timeOfDay,
} from './fields';
import { statusChange } from './structures';

export const job = enumOf(JOBS, 'Métier');
export const promeneurStatus = enumOf(PROMENEUR_STATUSES, 'Statut');
export const platform = enumOf(PLATFORMS, 'Plateforme');

export const profile = z.object({
  platform,
  name: requiredText('Nom du profil', 100),
  url: optionalUrl,
});

export const dutySlot = z
  .object({
    weekday: z.number().int().min(1).max(7, 'Jour invalide.'),
    start: timeOfDay,
    end: timeOfDay,
  })
  .refine((s) => s.end > s.start, {
    path: ['end'],
    message: 'L’heure de fin doit suivre l’heure de début.',
  });

const flags = <K extends string>(keys: readonly K[]) =>
  z.object(
    Object.fromEntries(keys.map((k) => [k, z.boolean().default(false)])) as Record<
      K,
      z.ZodDefault<z.ZodBoolean>
    >,
  );

export const compliance = flags(Object.keys(COMPLIANCE_POINTS) as CompliancePoint[]);
export const publication = flags(Object.keys(PUBLICATION_FIELDS) as PublicationField[]);

/** What a person fills in for a Promeneur du Net. */
export const promeneurFields = z.object({
  firstName: requiredText('Prénom', 100),
  lastName: requiredText('Nom', 100),
  job,
  structureId: z.number({ error: 'Structure employeuse : champ obligatoire.' }).int().positive(),
  email: optionalEmail,
  phone: optionalPhone,
  startDate: optionalDate,
  charterSignedOn: optionalDate,
  status: promeneurStatus,
  /** The date the current status took effect (defaults to today on a change). */
  statusSince: optionalDate,
  profiles: z.array(profile).max(30).default([]),
  dutySlots: z.array(dutySlot).max(30).default([]),
  compliance: compliance.prefault({}),
  complianceCheckedOn: optionalDate,
  publication: publication.prefault({}),
  notes: optionalText(5000),
});
export type PromeneurFields = z.output<typeof promeneurFields>;
export type PromeneurFieldsInput = z.input<typeof promeneurFields>;

export const promeneurSummary = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  job,
  status: promeneurStatus,
  structureId: id,
  structureName: z.string(),
  territory: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  complianceCheckedOn: z.string().nullable(),
  archivedAt: z.string().nullable(),
});
export type PromeneurSummary = z.output<typeof promeneurSummary>;

export const promeneur = z.object({
  id,
  ...promeneurFields.omit({ statusSince: true }).shape,
  structureName: z.string(),
  hoursPerWeek: z.number(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  statusHistory: z.array(statusChange),
});
export type Promeneur = z.output<typeof promeneur>;

export const promeneurSort = z.enum(['lastName', 'structureName', 'status', 'updatedAt']);

/** The rows the Promeneurs list page asks for at a time, as the person scrolls. */
export const PROMENEUR_PAGE = 100;
export const MAX_PROMENEUR_PAGE = 500;

export const promeneurListQuery = z.object({
  search: z.string().max(200).default(''),
  statuses: z.array(promeneurStatus).default([]),
  jobs: z.array(job).default([]),
  structureId: id.nullable().default(null),
  territory: z.string().nullable().default(null),
  archived: z.boolean().default(false),
  sort: promeneurSort.default('lastName'),
  direction: sortDirection,
  /** Where the page starts in the sorted list (0 for the first row). */
  offset: z
    .number()
    .int('Le début de la page doit être un nombre entier.')
    .min(0, 'Le début de la page ne peut pas être négatif.')
    .default(0),
  /** How many rows the page holds; null for every row from `offset` on (a picker's list). */
  limit: z
    .number()
    .int('La taille de la page doit être un nombre entier.')
    .min(1, 'Une page compte au moins 1 Promeneur.')
    .max(MAX_PROMENEUR_PAGE, `Une page compte au plus ${MAX_PROMENEUR_PAGE} Promeneurs.`)
    .nullable()
    .default(null),
});
export type PromeneurListQuery = z.input<typeof promeneurListQuery>;

/** A page of the list, and how many Promeneurs the search and filters match in all. */
export const promeneurPage = z.object({
  total: z.number().int(),
  rows: z.array(promeneurSummary),
});
export type PromeneurPage = z.output<typeof promeneurPage>;

const byId = z.object({ id });
const done = z.object({ id });

export const promeneursRoutes = {
  'promeneurs.list': { input: promeneurListQuery, output: promeneurPage },
  'promeneurs.get': { input: byId, output: promeneur },
  'promeneurs.create': { input: z.object({ fields: promeneurFields }), output: done },
  'promeneurs.update': { input: z.object({ id, fields: promeneurFields }), output: done },
  'promeneurs.archive': { input: byId, output: done },
  'promeneurs.restore': { input: byId, output: done },
  'promeneurs.remove': { input: byId, output: done },
};
