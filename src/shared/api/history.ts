import { z } from 'zod';
import { fieldChange, id, isoDate } from './fields';

export const auditEntity = z.enum([
  'structure',
  'promeneur',
  'convention',
  'event',
  'journal',
  'activity',
  'committee',
  'settings',
]);
export type AuditEntity = z.output<typeof auditEntity>;

export const auditAction = z.enum(['create', 'update', 'archive', 'restore', 'delete', 'erase']);
export type AuditAction = z.output<typeof auditAction>;

export const auditEntry = z.object({
  id,
  at: z.string(),
  entity: auditEntity,
  entityId: z.number().int(),
  action: auditAction,
  /** The part of the record concerned, e.g. « Versement : Avance 2027 »; null for the record itself. */
  subject: z.string().nullable(),
  changes: z.array(fieldChange),
});
export type AuditEntry = z.output<typeof auditEntry>;

/** An entry of the whole log, with a label of its record (null when the record is gone). */
export const auditLogEntry = auditEntry.extend({ label: z.string().nullable() });
export type AuditLogEntry = z.output<typeof auditLogEntry>;

export const historyQuery = z
  .object({
    entity: auditEntity.optional(),
    entityId: id.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    action: auditAction.optional(),
    /** Words in the part of the record or the fields changed. */
    text: z.string().trim().max(200, 'Au plus 200 caractères.').default(''),
    limit: z.number().int().min(1).max(200).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    message: 'La date de fin précède la date de début.',
  });
export type HistoryQuery = z.output<typeof historyQuery>;

export const historyRoutes = {
  'history.search': {
    input: historyQuery,
    output: z.object({ total: z.number().int(), entries: z.array(auditLogEntry) }),
  },
  'history.forRecord': {
    input: z.object({ entity: auditEntity, id }),
    output: z.array(auditEntry),
  },
};
