/** The audit log: every change to a record, with when, which record, which fields, old → new. */
import type { AuditAction, AuditEntity, AuditEntry } from '../../shared/api/history';
import type { FieldChange } from '../../shared/rules/diff';
import type { Db } from '../db/connection';
import type { HandlersOf, RoutesOf } from '../ipc/router';

export interface AuditRecord {
  entity: AuditEntity;
  entityId: number;
  action: AuditAction;
  /** The part of the record concerned (« Pièce : Statuts »); omitted for the record itself. */
  subject?: string;
  changes: FieldChange[];
}

/** Writes one entry; call it inside the transaction that makes the change. */
export async function recordAudit(db: Db, record: AuditRecord): Promise<void> {
  await db
    .insertInto('auditLog')
    .values({
      at: new Date().toISOString(),
      entity: record.entity,
      entityId: record.entityId,
      action: record.action,
      subject: record.subject ?? null,
      changes: JSON.stringify(record.changes),
    })
    .execute();
}

/** A record's history, newest first. */
export async function historyOf(
  db: Db,
  entity: AuditEntity,
  entityId: number,
): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('auditLog')
    .selectAll()
    .where('entity', '=', entity)
    .where('entityId', '=', entityId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    entity: r.entity as AuditEntity,
    entityId: r.entityId,
    action: r.action as AuditAction,
    subject: r.subject,
    changes: JSON.parse(r.changes) as FieldChange[],
  }));
}

export const historyHandlers: HandlersOf<RoutesOf<'history'>> = {
  'history.forRecord': (input, { session }) => historyOf(session.db, input.entity, input.id),
};
