/**
 * Supporting documents (pièces justificatives): the checklist generated from the guide's
 * annex 2 for the structure's legal form and the kind of agreement, plus documents added
 * by hand; each with its received and validated dates and a comment.
 */
import type { Selectable } from 'kysely';
import type { Convention } from '../../../shared/api/conventions';
import type { ParsedInput } from '../../../shared/api/contract';
import {
  REQUIRED_DOCUMENTS,
  type ConventionKind,
  type DocumentCategory,
} from '../../../shared/domain/conventions';
import type { LegalForm } from '../../../shared/domain/directory';
import { diffRecords } from '../../../shared/rules/diff';
import { DomainError } from '../../../shared/result';
import { inTransaction, type Db } from '../../db/connection';
import type { ConventionDocumentsTable } from '../../db/schema';
import { recordAudit } from '../audit';
import { findConvention, touchConvention } from './records';

type DocumentRow = Selectable<ConventionDocumentsTable>;
type DocumentState = ParsedInput<'conventions.documents.update'>['fields'];
export type ConventionDocument = Convention['documents'][number];

const STATE_FIELDS = ['receivedOn', 'validatedOn', 'comment'] as const;

export const documentSubject = (label: string) => `Pièce : ${label}`;

export async function findDocument(db: Db, id: number): Promise<DocumentRow> {
  const row = await db
    .selectFrom('conventionDocuments')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'Cette pièce n’existe pas ou a été supprimée.');
  return row;
}

async function nextPosition(db: Db, conventionId: number): Promise<number> {
  const { last } = await db
    .selectFrom('conventionDocuments')
    .select((eb) => eb.fn.max<number | null>('position').as('last'))
    .where('conventionId', '=', conventionId)
    .executeTakeFirstOrThrow();
  return (last ?? -1) + 1;
}

/**
 * Brings the generated checklist in line with the legal form and kind: adds the items
 * now required, and drops those no longer required that hold nothing (no date, no
 * comment, no scan). Items holding something stay. Audits each addition and removal,
 * except when the checklist is first generated (the convention's creation says it all).
 */
export async function reconcileChecklist(
  db: Db,
  conventionId: number,
  legalForm: LegalForm,
  kind: ConventionKind,
  audit = true,
): Promise<void> {
  const required = REQUIRED_DOCUMENTS[legalForm][kind];
  const existing = await db
    .selectFrom('conventionDocuments')
    .select((eb) => [
      'id',
      'key',
      'label',
      'receivedOn',
      'validatedOn',
      'comment',
      eb
        .selectFrom('documentAttachments')
        .select((a) => a.fn.countAll<number>().as('n'))
        .whereRef('documentAttachments.documentId', '=', 'conventionDocuments.id')
        .as('attachmentCount'),
    ])
    .where('conventionId', '=', conventionId)
    .where('key', 'is not', null)
    .execute();
  const requiredKeys = new Set(required.map((d) => d.key));
  for (const doc of existing) {
    const empty =
      doc.receivedOn === null &&
      doc.validatedOn === null &&
      doc.comment === null &&
      (doc.attachmentCount ?? 0) === 0;
    if (requiredKeys.has(doc.key!) || !empty) continue;
    await db.deleteFrom('conventionDocuments').where('id', '=', doc.id).execute();
    await recordAudit(db, {
      entity: 'convention',
      entityId: conventionId,
      action: 'delete',
      subject: documentSubject(doc.label),
      changes: [],
    });
  }
  const present = new Set(existing.map((d) => d.key));
  let position = await nextPosition(db, conventionId);
  for (const doc of required) {
    if (present.has(doc.key)) continue;
    await db
      .insertInto('conventionDocuments')
      .values({
        conventionId,
        position: position++,
        key: doc.key,
        category: doc.category,
        label: doc.label,
      })
      .execute();
    if (audit)
      await recordAudit(db, {
        entity: 'convention',
        entityId: conventionId,
        action: 'create',
        subject: documentSubject(doc.label),
        changes: [],
      });
  }
}

/** A convention's documents in checklist order, each with its scans (without their bytes). */
export async function documentsOf(db: Db, conventionId: number): Promise<ConventionDocument[]> {
  const docs = await db
    .selectFrom('conventionDocuments')
    .selectAll()
    .where('conventionId', '=', conventionId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const attachments =
    docs.length === 0
      ? []
      : await db
          .selectFrom('documentAttachments')
          .select(['id', 'documentId', 'fileName', 'mimeType', 'size', 'addedAt'])
          .where(
            'documentId',
            'in',
            docs.map((d) => d.id),
          )
          .orderBy('addedAt')
          .orderBy('id')
          .execute();
  return docs.map((d) => ({
    id: d.id,
    key: d.key,
    category: d.category as DocumentCategory,
    label: d.label,
    receivedOn: d.receivedOn,
    validatedOn: d.validatedOn,
    comment: d.comment,
    attachments: attachments
      .filter((a) => a.documentId === d.id)
      .map(({ documentId: _documentId, ...a }) => ({
        ...a,
        mimeType: a.mimeType as ConventionDocument['attachments'][number]['mimeType'],
      })),
  }));
}

/** Adds a document by hand to the checklist, at its end. */
export function addDocument(
  db: Db,
  conventionId: number,
  label: string,
  category: DocumentCategory,
): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    await findConvention(trx, conventionId);
    const { id } = await trx
      .insertInto('conventionDocuments')
      .values({
        conventionId,
        position: await nextPosition(trx, conventionId),
        key: null,
        category,
        label,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touchConvention(trx, conventionId);
    await recordAudit(trx, {
      entity: 'convention',
      entityId: conventionId,
      action: 'create',
      subject: documentSubject(label),
      changes: [{ field: 'category', before: null, after: category }],
    });
    return { id };
  });
}

/** Records a document's received and validated dates and its comment. */
export function updateDocument(db: Db, id: number, fields: DocumentState): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const doc = await findDocument(trx, id);
    const after = {
      receivedOn: fields.receivedOn,
      validatedOn: fields.validatedOn,
      comment: fields.comment,
    };
    const changes = diffRecords(doc, after, STATE_FIELDS);
    if (changes.length === 0) return { id };
    await trx.updateTable('conventionDocuments').set(after).where('id', '=', id).execute();
    await touchConvention(trx, doc.conventionId);
    await recordAudit(trx, {
      entity: 'convention',
      entityId: doc.conventionId,
      action: 'update',
      subject: documentSubject(doc.label),
      changes,
    });
    return { id };
  });
}

/** Removes a document added by hand, with its scans; the annex's documents stay. */
export function removeDocument(db: Db, id: number): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const doc = await findDocument(trx, id);
    if (doc.key !== null)
      throw new DomainError(
        'CONFLICT',
        'Cette pièce fait partie de la liste exigée par l’annexe 2 de la convention : elle ne peut pas être retirée. Laissez-la sans date de réception ou expliquez pourquoi dans son commentaire.',
      );
    await trx.deleteFrom('conventionDocuments').where('id', '=', id).execute();
    await touchConvention(trx, doc.conventionId);
    await recordAudit(trx, {
      entity: 'convention',
      entityId: doc.conventionId,
      action: 'delete',
      subject: documentSubject(doc.label),
      changes: diffRecords(doc, null, STATE_FIELDS),
    });
    return { id };
  });
}
