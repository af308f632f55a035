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

export const promeneurListQuery = z.object({
  search: z.string().max(200).default(''),
  statuses: z.array(promeneurStatus).default([]),
  jobs: z.array(job).default([]),
  structureId: id.nullable().default(null),
  territory: z.string().nullable().default(null),
  archived: z.boolean().default(false),
  sort: promeneurSort.default('lastName'),
  direction: sortDirection,
});
export type PromeneurListQuery = z.input<typeof promeneurListQuery>;

const byId = z.object({ id });
const done = z.object({ id });

export const promeneursRoutes = {
  'promeneurs.list': { input: promeneurListQuery, output: z.array(promeneurSummary) },
  'promeneurs.get': { input: byId, output: promeneur },
  'promeneurs.create': { input: z.object({ fields: promeneurFields }), output: done },
  'promeneurs.update': { input: z.object({ id, fields: promeneurFields }), output: done },
  'promeneurs.archive': { input: byId, output: done },
  'promeneurs.restore': { input: byId, output: done },
  'promeneurs.remove': { input: byId, output: done },
};
