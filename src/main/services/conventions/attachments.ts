/**
 * Scans of supporting documents (PDF, JPEG, PNG), stored as BLOBs inside the encrypted
 * database: they never touch the disk in clear. They travel as base64 over the API.
 */
import type { ParsedInput } from '../../../shared/api/contract';
import { MAX_ATTACHMENT_BYTES, type AttachmentType } from '../../../shared/domain/conventions';
import { DomainError } from '../../../shared/result';
import { inTransaction, type Db } from '../../db/connection';
import { recordAudit } from '../audit';
import { documentSubject, findDocument } from './documents';
import { touchConvention } from './records';

/** The first bytes every file of a type starts with. */
const MAGIC: Record<AttachmentType, Buffer> = {
  'application/pdf': Buffer.from('%PDF-', 'latin1'),
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff]),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
};

const TYPE_NAMES: Record<AttachmentType, string> = {
  'application/pdf': 'un PDF',
  'image/jpeg': 'une image JPEG',
  'image/png': 'une image PNG',
};

const MAX_MEGABYTES = Math.round(MAX_ATTACHMENT_BYTES / (1024 * 1024));

const invalidFile = (message: string) =>
  new DomainError('INVALID_INPUT', message, { contentBase64: message });

/** The file's name without any folder a client may have sent along with it. */
const baseName = (fileName: string) => fileName.split(/[/\\]/).pop()!.trim() || 'fichier';

/** Decodes the bytes and checks them: not empty, not too large, of the type announced. */
export function checkedContent(contentBase64: string, mimeType: AttachmentType): Buffer {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0) throw invalidFile('Le fichier est vide.');
  if (bytes.length > MAX_ATTACHMENT_BYTES)
    throw invalidFile(`Fichier trop volumineux (${MAX_MEGABYTES} Mo au plus).`);
  const magic = MAGIC[mimeType];
  if (bytes.length < magic.length || !bytes.subarray(0, magic.length).equals(magic))
    throw invalidFile(
      `Ce fichier n’est pas ${TYPE_NAMES[mimeType]} : son contenu ne correspond pas au type annoncé. Joignez le document numérisé en PDF, JPEG ou PNG.`,
    );
  return bytes;
}

export function addAttachment(
  db: Db,
  input: ParsedInput<'conventions.attachments.add'>,
): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const doc = await findDocument(trx, input.documentId);
    const content = checkedContent(input.contentBase64, input.mimeType);
    const fileName = baseName(input.fileName);
    const { id } = await trx
      .insertInto('documentAttachments')
      .values({
        documentId: doc.id,
        fileName,
        mimeType: input.mimeType,
        size: content.length,
        content,
        addedAt: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touchConvention(trx, doc.conventionId);
    await recordAudit(trx, {
      entity: 'convention',
      entityId: doc.conventionId,
      action: 'update',
      subject: documentSubject(doc.label),
      changes: [{ field: 'attachments', before: null, after: fileName }],
    });
    return { id };
  });
}

async function findAttachment(db: Db, id: number) {
  const row = await db
    .selectFrom('documentAttachments')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'Ce fichier joint n’existe pas ou a été supprimé.');
  return row;
}

/** The scan's bytes, to show it in the app (never written to a file). */
export async function openAttachment(db: Db, id: number) {
  const row = await findAttachment(db, id);
  return {
    id: row.id,
    fileName: row.fileName,
    mimeType: row.mimeType as AttachmentType,
    contentBase64: Buffer.from(row.content).toString('base64'),
  };
}

export function removeAttachment(db: Db, id: number): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const row = await findAttachment(trx, id);
    const doc = await findDocument(trx, row.documentId);
    await trx.deleteFrom('documentAttachments').where('id', '=', id).execute();
    await touchConvention(trx, doc.conventionId);
    await recordAudit(trx, {
      entity: 'convention',
      entityId: doc.conventionId,
      action: 'update',
      subject: documentSubject(doc.label),
      changes: [{ field: 'attachments', before: row.fileName, after: null }],
    });
    return { id };
  });
}
