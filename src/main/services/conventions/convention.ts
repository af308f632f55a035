/**
 * Conventions themselves: the agreement between the CAF (and possibly the MSA) and a
 * structure, its terms as signed, its status with its history; reading one gathers
 * everything that follows it (documents, obligations, payments, amendments).
 */
import { sql } from 'kysely';
import type { ParsedInput } from '../../../shared/api/contract';
import type {
  Convention,
  ConventionFields,
  ConventionSummary,
} from '../../../shared/api/conventions';
import {
  CONVENTION_STATUSES,
  ENDING_STATUSES,
  type ConventionKind,
  type ConventionStatus,
} from '../../../shared/domain/conventions';
import type { LegalForm } from '../../../shared/domain/directory';
import {
  noticeDeadlines,
  yearTotals,
  type ObligationDeadline,
} from '../../../shared/rules/conventions';
import { formatDate } from '../../../shared/rules/dates';
import { diffRecords } from '../../../shared/rules/diff';
import { searchKeyOf } from '../../../shared/rules/text';
import { DomainError } from '../../../shared/result';
import { inTransaction, type Db } from '../../db/connection';
import { recordAudit } from '../audit';
import {
  compareByRank,
  compareText,
  containsWord,
  forgetStatusHistory,
  recordStatus,
  searchWords,
  sortRows,
  statusHistoryOf,
} from '../directory';
import { amendmentOf } from './amendments';
import { documentsOf, reconcileChecklist } from './documents';
import { obligationsOf } from './obligations';
import { paymentsOf } from './payments';
import {
  assertTermsHold,
  endDateMoved,
  findConvention,
  obligationDeadline,
  termsOf,
  termsOfMany,
  type ConventionRow,
} from './records';

/** What the record keeps of a convention's fields (subsidies live in their own table). */
type Recorded = ConventionFields;

const RECORDED = [
  'structureId',
  'reference',
  'withMsa',
  'kind',
  'previousId',
  'startDate',
  'endDate',
  'fundedPromeneurs',
  'subsidies',
  'notes',
] as const satisfies (keyof Recorded)[];

const isEnding = (status: string) => (ENDING_STATUSES as readonly string[]).includes(status);

/** The fields in one canonical shape, so that comparing two versions sees only real changes. */
function canonical(f: Recorded): Recorded {
  return {
    structureId: f.structureId,
    reference: f.reference,
    withMsa: f.withMsa,
    kind: f.kind,
    previousId: f.previousId,
    startDate: f.startDate,
    endDate: f.endDate,
    fundedPromeneurs: f.fundedPromeneurs,
    subsidies: [...f.subsidies]
      .sort((a, b) => a.year - b.year)
      .map((s) => ({ year: s.year, amountCents: s.amountCents })),
    notes: f.notes,
  };
}

async function recordedOf(db: Db, row: ConventionRow): Promise<Recorded> {
  const { signed } = await termsOf(db, row);
  return canonical({
    structureId: row.structureId,
    reference: row.reference,
    withMsa: row.withMsa === 1,
    kind: row.kind as ConventionKind,
    previousId: row.previousId,
    startDate: row.startDate,
    endDate: row.endDate,
    fundedPromeneurs: row.fundedPromeneurs,
    subsidies: signed.subsidies,
    notes: row.notes,
  });
}

/** The structure a convention is signed with; reported on the form's field when missing. */
async function structureOf(db: Db, structureId: number) {
  const structure = await db
    .selectFrom('structures')
    .select(['id', 'name', 'legalForm'])
    .where('id', '=', structureId)
    .executeTakeFirst();
  if (!structure)
    throw new DomainError('INVALID_INPUT', 'Saisie à corriger : cette structure n’existe pas.', {
      'fields.structureId': 'Cette structure n’existe pas.',
    });
  return { ...structure, legalForm: structure.legalForm as LegalForm };
}

/**
 * The agreement a renewal follows must exist, belong to the same structure, and not be
 * the convention itself or one of its own renewals.
 */
async function assertPreviousValid(db: Db, f: Recorded, id: number | null): Promise<void> {
  if (f.previousId === null) return;
  const refuse = (message: string) =>
    new DomainError('INVALID_INPUT', `Saisie à corriger : ${message}`, {
      'fields.previousId': message,
    });
  let cursor: number | null = f.previousId;
  for (let depth = 0; cursor !== null && depth < 1000; depth++) {
    if (cursor === id)
      throw refuse(
        'Une convention ne peut pas renouveler elle-même ni l’un de ses renouvellements.',
      );
    const found: { structureId: number; previousId: number | null } | undefined = await db
      .selectFrom('conventions')
      .select(['structureId', 'previousId'])
      .where('id', '=', cursor)
      .executeTakeFirst();
    if (!found) throw refuse('La convention précédente n’existe pas ou a été supprimée.');
    if (depth === 0 && found.structureId !== f.structureId)
      throw refuse('La convention précédente doit être celle de la même structure.');
    cursor = found.previousId;
  }
}

async function replaceSubsidies(db: Db, conventionId: number, f: Recorded): Promise<void> {
  await db.deleteFrom('conventionSubsidies').where('conventionId', '=', conventionId).execute();
  if (f.subsidies.length > 0)
    await db
      .insertInto('conventionSubsidies')
      .values(f.subsidies.map((s) => ({ conventionId, year: s.year, amountCents: s.amountCents })))
      .execute();
}

function columnsOf(f: Recorded, structureName: string) {
  return {
    structureId: f.structureId,
    reference: f.reference,
    withMsa: f.withMsa ? 1 : 0,
    kind: f.kind,
    previousId: f.previousId,
    startDate: f.startDate,
    endDate: f.endDate,
    fundedPromeneurs: f.fundedPromeneurs,
    notes: f.notes,
    searchKey: searchKeyOf([f.reference, structureName]),
  };
}

/** After a structure is renamed, its conventions are found under the new name. */
export async function refreshConventionSearchKeys(db: Db, structureId: number): Promise<void> {
  const structure = await db
    .selectFrom('structures')
    .select('name')
    .where('id', '=', structureId)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('conventions')
    .select(['id', 'reference'])
    .where('structureId', '=', structureId)
    .execute();
  for (const { id, reference } of rows)
    await db
      .updateTable('conventions')
      .set({ searchKey: searchKeyOf([reference, structure.name]) })
      .where('id', '=', id)
      .execute();
}

const compareStatus = compareByRank(CONVENTION_STATUSES);

const comparisons: Record<
  ParsedInput<'conventions.list'>['sort'],
  (a: ConventionSummary, b: ConventionSummary) => number
> = {
  reference: (a, b) => compareText(a.reference, b.reference),
  structure: (a, b) =>
    compareText(a.structureName, b.structureName) || compareText(a.reference, b.reference),
  startDate: (a, b) => a.startDate.localeCompare(b.startDate),
  endDate: (a, b) => a.endDate.localeCompare(b.endDate),
  status: (a, b) => compareStatus(a.status, b.status) || a.endDate.localeCompare(b.endDate),
};

/**
 * The conventions listed. The terms as signed are read with the rows (the subsidy of the
 * covered years summed in SQL); only the conventions that have amendments get their terms
 * as amended computed, the others' being the signed ones.
 */
export async function listConventions(
  db: Db,
  query: ParsedInput<'conventions.list'>,
): Promise<ConventionSummary[]> {
  let select = db
    .selectFrom('conventions')
    .innerJoin('structures', 'structures.id', 'conventions.structureId')
    .select((eb) => [
      'conventions.id',
      'conventions.reference',
      'conventions.structureId',
      'conventions.kind',
      'conventions.withMsa',
      'conventions.startDate',
      'conventions.endDate',
      'conventions.fundedPromeneurs',
      'conventions.status',
      'structures.name as structureName',
      eb
        .selectFrom('conventionDocuments')
        .select((d) => d.fn.countAll<number>().as('n'))
        .whereRef('conventionDocuments.conventionId', '=', 'conventions.id')
        .where('conventionDocuments.receivedOn', 'is', null)
        .as('missingDocuments'),
      eb
        .selectFrom('conventionSubsidies')
        .select(
          sql<number>`coalesce(sum(${sql.ref('conventionSubsidies.amountCents')}), 0)`.as('t'),
        )
        .whereRef('conventionSubsidies.conventionId', '=', 'conventions.id')
        .where(
          'conventionSubsidies.year',
          '>=',
          sql<number>`cast(substr(${sql.ref('conventions.startDate')}, 1, 4) as integer)`,
        )
        .where(
          'conventionSubsidies.year',
          '<=',
          sql<number>`cast(substr(${sql.ref('conventions.endDate')}, 1, 4) as integer)`,
        )
        .as('signedTotalCents'),
      eb
        .exists(
          eb
            .selectFrom('conventionAmendments')
            .select('conventionAmendments.id')
            .whereRef('conventionAmendments.conventionId', '=', 'conventions.id'),
        )
        .as('amended'),
    ]);
  if (query.statuses.length > 0) select = select.where('conventions.status', 'in', query.statuses);
  if (query.structureId !== null)
    select = select.where('conventions.structureId', '=', query.structureId);
  for (const word of searchWords(query.search))
    select = select.where(containsWord('conventions.searchKey', word));
  const rows = await select.execute();
  const terms = await termsOfMany(
    db,
    rows.filter((r) => r.amended),
  );
  const summaries = rows.map((r): ConventionSummary => {
    const amended = terms.get(r.id)?.terms;
    return {
      id: r.id,
      reference: r.reference,
      structureId: r.structureId,
      structureName: r.structureName,
      kind: r.kind as ConventionKind,
      withMsa: r.withMsa === 1,
      startDate: amended?.startDate ?? r.startDate,
      endDate: amended?.endDate ?? r.endDate,
      fundedPromeneurs: amended?.fundedPromeneurs ?? r.fundedPromeneurs,
      totalCents: amended
        ? amended.subsidies.reduce((sum, s) => sum + s.amountCents, 0)
        : (r.signedTotalCents ?? 0),
      status: r.status as ConventionStatus,
      missingDocuments: r.missingDocuments ?? 0,
    };
  });
  return sortRows(summaries, comparisons[query.sort], query.direction);
}

const linkOf = (r: { id: number; reference: string }) => ({ id: r.id, reference: r.reference });

/** Everything about a convention; the J/M date of obligations comes from the settings when not given. */
export async function getConvention(
  db: Db,
  id: number,
  deadline?: ObligationDeadline,
): Promise<Convention> {
  const row = await findConvention(db, id);
  const { signed, amendments, terms } = await termsOf(db, row);
  const structure = await db
    .selectFrom('structures')
    .select(['id', 'name', 'legalForm'])
    .where('id', '=', row.structureId)
    .executeTakeFirstOrThrow();
  const previous =
    row.previousId === null
      ? undefined
      : await db
          .selectFrom('conventions')
          .select(['id', 'reference'])
          .where('id', '=', row.previousId)
          .executeTakeFirst();
  const renewals = await db
    .selectFrom('conventions')
    .select(['id', 'reference'])
    .where('previousId', '=', id)
    .orderBy('startDate')
    .orderBy('id')
    .execute();
  const payments = await paymentsOf(db, id);
  const notices = noticeDeadlines(terms.startDate, terms.endDate).filter(
    (n) => row.endedOn === null || n.anniversary <= row.endedOn,
  );
  return {
    id,
    structure: { ...structure, legalForm: structure.legalForm as LegalForm },
    reference: row.reference,
    withMsa: row.withMsa === 1,
    kind: row.kind as ConventionKind,
    previous: previous ? linkOf(previous) : null,
    renewals: renewals.map(linkOf),
    signed,
    terms,
    status: row.status as ConventionStatus,
    statusHistory: await statusHistoryOf(db, 'convention', id),
    endedOn: row.endedOn,
    endReason: row.endReason,
    notes: row.notes,
    notices,
    documents: await documentsOf(db, id),
    obligations: await obligationsOf(db, row, terms, deadline ?? (await obligationDeadline(db))),
    payments,
    totals: yearTotals(terms.subsidies, payments),
    amendments: amendments.map(amendmentOf),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Creates a convention as a draft, with its checklist of documents generated from the annex. */
export function createConvention(db: Db, fields: ConventionFields): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const recorded = canonical(fields);
    const structure = await structureOf(trx, recorded.structureId);
    await assertPreviousValid(trx, recorded, null);
    const now = new Date().toISOString();
    const { id } = await trx
      .insertInto('conventions')
      .values({
        ...columnsOf(recorded, structure.name),
        status: 'brouillon',
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceSubsidies(trx, id, recorded);
    await reconcileChecklist(trx, id, structure.legalForm, recorded.kind, false);
    await recordStatus(trx, 'convention', id, 'brouillon', null);
    await recordAudit(trx, {
      entity: 'convention',
      entityId: id,
      action: 'create',
      changes: diffRecords(null, recorded, RECORDED),
    });
    return { id };
  });
}

/**
 * Saves the fields; the terms as amended must still hold. A change of kind (or of
 * structure) brings the checklist in line, keeping the documents that hold something.
 */
export function updateConvention(
  db: Db,
  id: number,
  fields: ConventionFields,
): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const row = await findConvention(trx, id);
    const before = await recordedOf(trx, row);
    const after = canonical(fields);
    const changes = diffRecords(before, after, RECORDED);
    if (changes.length === 0) return { id };
    const structure = await structureOf(trx, after.structureId);
    await assertPreviousValid(trx, after, id);
    const current = await termsOf(trx, row);
    const terms = await assertTermsHold(
      trx,
      id,
      {
        startDate: after.startDate,
        endDate: after.endDate,
        fundedPromeneurs: after.fundedPromeneurs,
        subsidies: after.subsidies,
      },
      current.amendments,
      { code: 'INVALID_INPUT', field: 'fields.endDate' },
    );
    await trx
      .updateTable('conventions')
      .set({ ...columnsOf(after, structure.name), updatedAt: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await replaceSubsidies(trx, id, after);
    if (after.kind !== before.kind || after.structureId !== before.structureId)
      await reconcileChecklist(trx, id, structure.legalForm, after.kind);
    await endDateMoved(trx, id, current.terms.endDate, terms.endDate);
    await recordAudit(trx, { entity: 'convention', entityId: id, action: 'update', changes });
    return { id };
  });
}

/**
 * Changes the status as of a date. Résiliée and résolue keep that date and the reason
 * (obligations after it are no longer due); any other status clears them.
 */
export function setConventionStatus(
  db: Db,
  input: ParsedInput<'conventions.setStatus'>,
): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const row = await findConvention(trx, input.id);
    const ending = isEnding(input.status);
    if (ending && input.since < row.startDate) {
      const message = `La date d’effet ne peut pas précéder le début de la convention (${formatDate(row.startDate)}).`;
      throw new DomainError('INVALID_INPUT', `Saisie à corriger : ${message}`, { since: message });
    }
    const before = { status: row.status, endedOn: row.endedOn, endReason: row.endReason };
    const after = {
      status: input.status,
      endedOn: ending ? input.since : null,
      endReason: ending ? input.reason : null,
    };
    const changes = diffRecords(before, after, ['status', 'endedOn', 'endReason']);
    if (changes.length === 0) return { id: row.id };
    await trx
      .updateTable('conventions')
      .set({ ...after, updatedAt: new Date().toISOString() })
      .where('id', '=', row.id)
      .execute();
    if (after.status !== before.status || after.endedOn !== before.endedOn)
      await recordStatus(trx, 'convention', row.id, after.status, input.since);
    await recordAudit(trx, { entity: 'convention', entityId: row.id, action: 'update', changes });
    return { id: row.id };
  });
}

/** Erases a convention with all its parts and its status history; its renewals lose the link. */
export function removeConvention(db: Db, id: number): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const row = await findConvention(trx, id);
    const before = await recordedOf(trx, row);
    await forgetStatusHistory(trx, 'convention', id);
    await trx.deleteFrom('todoDone').where('key', 'like', `convention:${id}:%`).execute();
    await trx.deleteFrom('conventions').where('id', '=', id).execute();
    await recordAudit(trx, {
      entity: 'convention',
      entityId: id,
      action: 'delete',
      changes: diffRecords(before, null, RECORDED),
    });
    return { id };
  });
}
