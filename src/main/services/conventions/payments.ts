/** Payments (versements) of a convention's subsidy: planned, then paid; advance or balance. */
import type { Selectable } from 'kysely';
import type { Convention, PaymentFields } from '../../../shared/api/conventions';
import { PAYMENT_KINDS, type PaymentKind } from '../../../shared/domain/conventions';
import { coveredYears } from '../../../shared/rules/conventions';
import { diffRecords } from '../../../shared/rules/diff';
import { DomainError } from '../../../shared/result';
import { inTransaction, type Db } from '../../db/connection';
import type { ConventionPaymentsTable } from '../../db/schema';
import { recordAudit } from '../audit';
import { findConvention, termsOf, touchConvention } from './records';

type PaymentRow = Selectable<ConventionPaymentsTable>;
export type Payment = Convention['payments'][number];

const FIELDS = ['year', 'kind', 'amountCents', 'plannedOn', 'paidOn', 'comment'] as const;

/** « avance 2027 »: what a payment is, in the audit's subject and the to-do list. */
export const paymentName = (p: { kind: string; year: number }) =>
  `${(PAYMENT_KINDS[p.kind as PaymentKind] ?? p.kind).toLowerCase()} ${p.year}`;

const subjectOf = (p: { kind: string; year: number }) => `Versement : ${paymentName(p)}`;

export async function findPayment(db: Db, id: number): Promise<PaymentRow> {
  const row = await db
    .selectFrom('conventionPayments')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'Ce versement n’existe pas ou a été supprimé.');
  return row;
}

export function paymentOf(row: PaymentRow): Payment {
  return {
    id: row.id,
    year: row.year,
    kind: row.kind as PaymentKind,
    amountCents: row.amountCents,
    plannedOn: row.plannedOn,
    paidOn: row.paidOn,
    comment: row.comment,
  };
}

/** A convention's payments by year, then by date (paid, or else planned). */
export async function paymentsOf(db: Db, conventionId: number): Promise<Payment[]> {
  const rows = await db
    .selectFrom('conventionPayments')
    .selectAll()
    .where('conventionId', '=', conventionId)
    .execute();
  const dateOf = (p: PaymentRow) => p.paidOn ?? p.plannedOn ?? '';
  return rows
    .sort((a, b) => a.year - b.year || dateOf(a).localeCompare(dateOf(b)) || a.id - b.id)
    .map(paymentOf);
}

/** Refuses a payment for a year the convention (as amended) does not cover. */
async function assertYearCovered(db: Db, conventionId: number, year: number): Promise<void> {
  const { terms } = await termsOf(db, await findConvention(db, conventionId));
  const years = coveredYears(terms.startDate, terms.endDate);
  if (years.includes(year)) return;
  const period =
    years.length === 1 ? `l’année ${years[0]}` : `les années ${years[0]} à ${years.at(-1)}`;
  const message = `L’année ${year} n’est pas couverte par la convention, qui porte sur ${period}.`;
  throw new DomainError('INVALID_INPUT', message, { 'fields.year': message });
}

const columnsOf = (f: PaymentFields) => ({
  year: f.year,
  kind: f.kind,
  amountCents: f.amountCents,
  plannedOn: f.plannedOn,
  paidOn: f.paidOn,
  comment: f.comment,
});

export function createPayment(
  db: Db,
  conventionId: number,
  fields: PaymentFields,
): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    await assertYearCovered(trx, conventionId, fields.year);
    const after = columnsOf(fields);
    const { id } = await trx
      .insertInto('conventionPayments')
      .values({ conventionId, ...after })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touchConvention(trx, conventionId);
    await recordAudit(trx, {
      entity: 'convention',
      entityId: conventionId,
      action: 'create',
      subject: subjectOf(after),
      changes: diffRecords(null, after, FIELDS),
    });
    return { id };
  });
}

export function updatePayment(db: Db, id: number, fields: PaymentFields): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const before = await findPayment(trx, id);
    const after = columnsOf(fields);
    const changes = diffRecords(columnsOf(paymentOf(before)), after, FIELDS);
    if (changes.length === 0) return { id };
    if (after.year !== before.year) await assertYearCovered(trx, before.conventionId, after.year);
    await trx.updateTable('conventionPayments').set(after).where('id', '=', id).execute();
    await touchConvention(trx, before.conventionId);
    await recordAudit(trx, {
      entity: 'convention',
      entityId: before.conventionId,
      action: 'update',
      subject: subjectOf(after),
      changes,
    });
    return { id };
  });
}

export function removePayment(db: Db, id: number): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const before = await findPayment(trx, id);
    await trx.deleteFrom('conventionPayments').where('id', '=', id).execute();
    await touchConvention(trx, before.conventionId);
    await recordAudit(trx, {
      entity: 'convention',
      entityId: before.conventionId,
      action: 'delete',
      subject: subjectOf(before),
      changes: diffRecords(before, null, FIELDS),
    });
    return { id };
  });
}
