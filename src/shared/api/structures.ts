import { z } from 'zod';
import { LEGAL_FORMS, STRUCTURE_STATUSES, STRUCTURE_TYPES } from '../domain/directory';
import {
  enumOf,
  id,
  isoDate,
  noInput,
  optionalDate,
  optionalEmail,
  optionalPhone,
  optionalSiret,
  optionalText,
  optionalUrl,
  requiredText,
  sortDirection,
  year,
} from './fields';

export const structureType = enumOf(STRUCTURE_TYPES, 'Type de structure');
export const legalForm = enumOf(LEGAL_FORMS, 'Forme juridique');
export const structureStatus = enumOf(STRUCTURE_STATUSES, 'Statut dans le réseau');

/** What a person fills in for a host structure. */
export const structureFields = z
  .object({
    name: requiredText('Nom'),
    type: structureType,
    legalForm: legalForm,
    siret: optionalSiret,
    address: optionalText(300),
    postalCode: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
      z
        .string()
        .trim()
        .regex(/^\d{5}$/, 'Code postal : 5 chiffres.')
        .nullable()
        .default(null),
    ),
    commune: optionalText(),
    territory: optionalText(),
    qpv: z.boolean().default(false),
    phone: optionalPhone,
    email: optionalEmail,
    website: optionalUrl,
    representativeName: optionalText(),
    representativeTitle: optionalText(),
    networkStatus: structureStatus,
    /** The date the current network status took effect (defaults to today on a change). */
    statusSince: optionalDate,
    selectionYear: year.nullable().default(null),
    charterSignedOn: optionalDate,
    charterSignatory: optionalText(),
    notes: optionalText(5000),
  })
  .superRefine((s, ctx) => {
    if (s.networkStatus === 'retenue' && s.selectionYear === null)
      ctx.addIssue({
        code: 'custom',
        path: ['selectionYear'],
        message: 'Indiquez l’année où le COPIL a retenu la structure.',
      });
    if (s.charterSignedOn && !s.charterSignatory)
      ctx.addIssue({
        code: 'custom',
        path: ['charterSignatory'],
        message: 'Indiquez qui a signé la charte.',
      });
  });
export type StructureFields = z.output<typeof structureFields>;
export type StructureFieldsInput = z.input<typeof structureFields>;

export const statusChange = z.object({
  status: z.string(),
  since: isoDate,
});

export const structureSummary = z.object({
  id,
  name: z.string(),
  type: structureType,
  commune: z.string().nullable(),
  territory: z.string().nullable(),
  networkStatus: structureStatus,
  promeneurCount: z.number().int(),
  charterSignedOn: z.string().nullable(),
  archivedAt: z.string().nullable(),
});
export type StructureSummary = z.output<typeof structureSummary>;

export const structure = z.object({
  id,
  ...z.object(structureFields.shape).omit({ statusSince: true }).shape,
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  statusHistory: z.array(statusChange),
  promeneurs: z.array(
    z.object({
      id,
      firstName: z.string(),
      lastName: z.string(),
      status: z.string(),
      archivedAt: z.string().nullable(),
    }),
  ),
});
export type Structure = z.output<typeof structure>;

export const structureSort = z.enum(['name', 'commune', 'networkStatus', 'updatedAt']);

export const structureListQuery = z.object({
  search: z.string().max(200).default(''),
  statuses: z.array(structureStatus).default([]),
  types: z.array(structureType).default([]),
  territory: z.string().nullable().default(null),
  archived: z.boolean().default(false),
  sort: structureSort.default('name'),
  direction: sortDirection,
});
export type StructureListQuery = z.input<typeof structureListQuery>;

const byId = z.object({ id });
const done = z.object({ id });

export const structuresRoutes = {
  'structures.list': { input: structureListQuery, output: z.array(structureSummary) },
  'structures.get': { input: byId, output: structure },
  'structures.create': { input: z.object({ fields: structureFields }), output: done },
  'structures.update': { input: z.object({ id, fields: structureFields }), output: done },
  'structures.archive': { input: byId, output: done },
  'structures.restore': { input: byId, output: done },
  'structures.remove': { input: byId, output: done },
  'structures.territories': { input: noInput, output: z.array(z.string()) },
};
