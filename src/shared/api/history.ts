import { z } from 'zod';
import { fieldChange, id } from './fields';

export const auditEntity = z.enum([
  'structure',
  'promeneur',
  'convention',
  'event',
  'journal',
  'settings',
]);
export type AuditEntity = z.output<typeof auditEntity>;

export const auditAction = z.enum(['create', 'update', 'archive', 'restore', 'delete']);
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

export const historyRoutes = {
  'history.forRecord': {
    input: z.object({ entity: auditEntity, id }),
    output: z.array(auditEntry),
  },
};
