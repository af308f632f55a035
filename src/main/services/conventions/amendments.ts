/**
 * Amendments (avenants): each changes the terms (end date, number of funded Promeneurs,
 * subsidy amounts); the convention shows its terms as amended. Numbered by date of signature.
 */
import type { AmendmentFields, Convention } from '../../../shared/api/conventions';
import { coveredYears, type AmendmentChanges } from '../../../shared/rules/conventions';
import { formatDate } from '../../../shared/rules/dates';
import { diffRecords } from '../../../shared/rules/diff';
import { DomainError } from '../../../shared/result';
import { inTransaction, type Db } from '../../db/connection';
import { recordAudit } from '../audit';
import {
  assertTermsHold,
  endDateMoved,
  findConvention,
  numberAmendments,
  termsOf,
  touchConvention,
  type AmendmentRecord,
  type ConventionRow,
  type TermsOf,
} from './records';

export type Amendment = Convention['amendments'][number];

const FIELDS = ['signedOn', 'object', 'endDate', 'fundedPromeneurs', 'subsidies'] as const;

const subjectOf = (number: number) => `Avenant n° ${number}`;

/** The fields in one canonical shape, subsidies by year. */
function recordedOf(a: AmendmentFields | AmendmentRecord) {
  return {
    signedOn: a.signedOn,
    object: a.object,
    endDate: a.endDate,
    fundedPromeneurs: a.fundedPromeneurs,
    subsidies: [...a.subsidies]
      .sort((x, y) => x.year - y.year)
      .map((s) => ({ year: s.year, amountCents: s.amountCents })),
  };
}
type Recorded = ReturnType<typeof recordedOf>;

export function amendmentOf(a: AmendmentRecord): Amendment {
  return { id: a.id, number: a.number, ...recordedOf(a) };
}

async function findAmendment(db: Db, id: number) {
  const found = await db
    .selectFrom('conventionAmendments')
    .select('conventionId')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found) throw new DomainError('NOT_FOUND', 'Cet avenant n’existe pas ou a été supprimé.');
  const row = await findConvention(db, found.conventionId);
  const terms = await termsOf(db, row);
  return { row, terms, amendment: terms.amendments.find((a) => a.id === id)! };
}

/**
 * Checks an amendment against the convention: its new end after the start, the terms
 * as amended still valid, and the years it funds covered. Returns the terms as amended.
 */
async function checkAmendment(
  db: Db,
  row: ConventionRow,
  { signed }: TermsOf,
  amendments: AmendmentChanges[],
  fields: Recorded,
) {
  if (fields.endDate !== null && fields.endDate <= signed.startDate) {
    const message = `La nouvelle date de fin doit suivre le début de la convention (${formatDate(signed.startDate)}).`;
    throw new DomainError('INVALID_INPUT', message, { 'fields.endDate': message });
  }
  const terms = await assertTermsHold(db, row.id, signed, amendments, {
    code: 'INVALID_INPUT',
    field: 'fields.endDate',
  });
  const years = new Set(coveredYears(terms.startDate, terms.endDate));
  const problems: Record<string, string> = {};
  fields.subsidies.forEach((s, i) => {
    if (!years.has(s.year))
      problems[`fields.subsidies.${i}.year`] =
        `L’année ${s.year} n’est pas couverte par la convention telle que modifiée (du ${formatDate(terms.startDate)} au ${formatDate(terms.endDate)}).`;
  });
  const first = Object.values(problems)[0];
  if (first) throw new DomainError('INVALID_INPUT', first, problems);
  return terms;
}

const columnsOf = (r: Recorded) => ({ ...r, subsidies: JSON.stringify(r.subsidies) });

export function createAmendment(
  db: Db,
  conventionId: number,
  fields: AmendmentFields,
): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const row = await findConvention(trx, conventionId);
    const before = await termsOf(trx, row);
    const recorded = recordedOf(fields);
    const after = await checkAmendment(
      trx,
      row,
      before,
      [...before.amendments, recorded],
      recorded,
    );
    const { id } = await trx
      .insertInto('conventionAmendments')
      .values({ conventionId, ...columnsOf(recorded), createdAt: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { number } = numberAmendments([...before.amendments, { id, ...recorded }]).find(
      (a) => a.id === id,
    )!;
    await endDateMoved(trx, conventionId, before.terms.endDate, after.endDate);
    await touchConvention(trx, conventionId);
    await recordAudit(trx, {
      entity: 'convention',
      entityId: conventionId,
      action: 'create',
      subject: subjectOf(number),
      changes: diffRecords(null, recorded, FIELDS),
    });
    return { id };
  });
}

export function updateAmendment(
  db: Db,
  id: number,
  fields: AmendmentFields,
): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const { row, terms: before, amendment } = await findAmendment(trx, id);
    const previous = recordedOf(amendment);
    const recorded = recordedOf(fields);
    const changes = diffRecords(previous, recorded, FIELDS);
    if (changes.length === 0) return { id };
    const amendments = before.amendments.map((a) => (a.id === id ? { ...a, ...recorded } : a));
    const after = await checkAmendment(trx, row, before, amendments, recorded);
    await trx
      .updateTable('conventionAmendments')
      .set(columnsOf(recorded))
      .where('id', '=', id)
      .execute();
    const { number } = numberAmendments(amendments).find((a) => a.id === id)!;
    await endDateMoved(trx, row.id, before.terms.endDate, after.endDate);
    await touchConvention(trx, row.id);
    await recordAudit(trx, {
      entity: 'convention',
      entityId: row.id,
      action: 'update',
      subject: subjectOf(number),
      changes,
    });
    return { id };
  });
}

/** Removes an amendment; refused when the terms without it would not cover its payments. */
export function removeAmendment(db: Db, id: number): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const { row, terms: before, amendment } = await findAmendment(trx, id);
    const after = await assertTermsHold(
      trx,
      row.id,
      before.signed,
      before.amendments.filter((a) => a.id !== id),
      { code: 'CONFLICT' },
    );
    await trx.deleteFrom('conventionAmendments').where('id', '=', id).execute();
    await endDateMoved(trx, row.id, before.terms.endDate, after.endDate);
    await touchConvention(trx, row.id);
    await recordAudit(trx, {
      entity: 'convention',
      entityId: row.id,
      action: 'delete',
      subject: subjectOf(amendment.number),
      changes: diffRecords(recordedOf(amendment), null, FIELDS),
    });
    return { id };
  });
}
