/**
 * What every part of a convention needs: finding its row, loading its terms as signed and
 * as amended, checking that amended terms still hold, and the J/M date of the obligations.
 */
import type { Selectable } from 'kysely';
import { MAX_CONVENTION_YEARS } from '../../../shared/api/conventions';
import {
  amendedTerms,
  coveredYears,
  type AmendmentChanges,
  type ConventionTerms,
  type ObligationDeadline,
  type YearAmount,
} from '../../../shared/rules/conventions';
import { formatDate } from '../../../shared/rules/dates';
import { DomainError, type ErrorCode } from '../../../shared/result';
import type { Db } from '../../db/connection';
import type { ConventionsTable } from '../../db/schema';
import { readSettings } from '../settings';

export type ConventionRow = Selectable<ConventionsTable>;

export const conventionNotFound = () =>
  new DomainError('NOT_FOUND', 'Cette convention n’existe pas ou a été supprimée.');

export async function findConvention(db: Db, id: number): Promise<ConventionRow> {
  const row = await db
    .selectFrom('conventions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw conventionNotFound();
  return row;
}

/** Marks the convention as changed now (after a change to one of its parts). */
export async function touchConvention(db: Db, id: number): Promise<void> {
  await db
    .updateTable('conventions')
    .set({ updatedAt: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

/** An amendment as stored, numbered by date of signature (1 for the first signed). */
export interface AmendmentRecord extends AmendmentChanges {
  id: number;
  conventionId: number;
  number: number;
  object: string;
}

export interface TermsOf {
  signed: ConventionTerms;
  amendments: AmendmentRecord[];
  /** The terms as amended. */
  terms: ConventionTerms;
}

const byYear = (a: YearAmount, b: YearAmount) => a.year - b.year;

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Numbers amendments by date of signature, then by order of entry; returns them in that order. */
export function numberAmendments<T extends { id: number; signedOn: string }>(
  amendments: T[],
): (T & { number: number })[] {
  return [...amendments]
    .sort((a, b) => a.signedOn.localeCompare(b.signedOn) || a.id - b.id)
    .map((a, index) => ({ ...a, number: index + 1 }));
}

/** The signed terms, the amendments and the terms as amended of each convention given. */
export async function termsOfMany(
  db: Db,
  rows: ReadonlyArray<Pick<ConventionRow, 'id' | 'startDate' | 'endDate' | 'fundedPromeneurs'>>,
): Promise<Map<number, TermsOf>> {
  const result = new Map<number, TermsOf>();
  if (rows.length === 0) return result;
  const ids = rows.map((r) => r.id);
  const subsidies = await db
    .selectFrom('conventionSubsidies')
    .select(['conventionId', 'year', 'amountCents'])
    .where('conventionId', 'in', ids)
    .execute();
  const amendments = await db
    .selectFrom('conventionAmendments')
    .select([
      'id',
      'conventionId',
      'signedOn',
      'object',
      'endDate',
      'fundedPromeneurs',
      'subsidies',
    ])
    .where('conventionId', 'in', ids)
    .execute();
  // Grouped once, so the work grows with the rows read, not with rows × conventions.
  const subsidiesOf = groupBy(subsidies, (s) => s.conventionId);
  const amendmentsOf = groupBy(amendments, (a) => a.conventionId);
  for (const row of rows) {
    const signed: ConventionTerms = {
      startDate: row.startDate,
      endDate: row.endDate,
      fundedPromeneurs: row.fundedPromeneurs,
      subsidies: (subsidiesOf.get(row.id) ?? [])
        .map((s) => ({ year: s.year, amountCents: s.amountCents }))
        .sort(byYear),
    };
    const own = numberAmendments(
      (amendmentsOf.get(row.id) ?? []).map((a) => ({
        ...a,
        subsidies: (JSON.parse(a.subsidies) as YearAmount[]).sort(byYear),
      })),
    );
    result.set(row.id, { signed, amendments: own, terms: amendedTerms(signed, own) });
  }
  return result;
}

/**
 * The end date as amended of each convention that an amendment moved (all conventions, or
 * those given): the end date of the last amendment that sets one, amendments taken in the
 * order `amendedTerms` applies them (date of signature, then order of entry). One query,
 * for readers that need the period only (the to-do list), not the subsidies.
 */
export async function amendedEndDates(
  db: Db,
  conventionIds: number[] | null = null,
): Promise<Map<number, string>> {
  let select = db
    .selectFrom('conventionAmendments')
    .select(['conventionId', 'endDate'])
    .where('endDate', 'is not', null)
    .orderBy('conventionId')
    .orderBy('signedOn')
    .orderBy('id');
  if (conventionIds !== null) {
    if (conventionIds.length === 0) return new Map();
    select = select.where('conventionId', 'in', conventionIds);
  }
  const ends = new Map<number, string>();
  for (const a of await select.execute()) ends.set(a.conventionId, a.endDate!);
  return ends;
}

export async function termsOf(db: Db, row: ConventionRow): Promise<TermsOf> {
  return (await termsOfMany(db, [row])).get(row.id)!;
}

/** The J/M date of year N+1 by which the documents of year N are due, from the settings. */
export async function obligationDeadline(db: Db): Promise<ObligationDeadline> {
  const settings = await readSettings(db);
  return { day: settings.obligationDueDay, month: settings.obligationDueMonth };
}

const listOf = (years: number[]) =>
  years.length === 1
    ? `l’année ${years[0]}`
    : `les années ${years.slice(0, -1).join(', ')} et ${years.at(-1)}`;

/** How a refusal of the terms is reported: on a form's field, or as a conflict. */
export type TermsRefusal = { code: 'INVALID_INPUT'; field: string } | { code: 'CONFLICT' };

function refuse(how: TermsRefusal, message: string): DomainError {
  const code: ErrorCode = how.code;
  return how.code === 'INVALID_INPUT'
    ? new DomainError(code, message, { [how.field]: message })
    : new DomainError(code, message);
}

/**
 * Checks that the terms as amended still make sense: the end after the start, at most
 * MAX_CONVENTION_YEARS years, and every year that has payments still covered (a
 * subsidy of a year no longer covered is dropped by amendedTerms; a payment never is).
 * Returns the terms as amended.
 */
export async function assertTermsHold(
  db: Db,
  conventionId: number | null,
  signed: ConventionTerms,
  amendments: AmendmentChanges[],
  how: TermsRefusal,
): Promise<ConventionTerms> {
  const terms = amendedTerms(signed, amendments);
  if (terms.endDate <= terms.startDate)
    throw refuse(
      how,
      `Avec ses avenants, la convention finirait le ${formatDate(terms.endDate)}, avant son début le ${formatDate(terms.startDate)}.`,
    );
  if (
    Number(terms.endDate.slice(0, 4)) - Number(terms.startDate.slice(0, 4)) >
    MAX_CONVENTION_YEARS
  )
    throw refuse(
      how,
      `Avec ses avenants, la convention couvrirait plus de ${MAX_CONVENTION_YEARS} ans.`,
    );
  if (conventionId !== null) {
    const covered = new Set(coveredYears(terms.startDate, terms.endDate));
    const paid = await db
      .selectFrom('conventionPayments')
      .select('year')
      .distinct()
      .where('conventionId', '=', conventionId)
      .orderBy('year')
      .execute();
    const cut = paid.map((p) => p.year).filter((y) => !covered.has(y));
    if (cut.length > 0)
      throw refuse(
        how,
        `La convention irait du ${formatDate(terms.startDate)} au ${formatDate(terms.endDate)} et ne couvrirait plus ${listOf(cut)}, qui ${cut.length === 1 ? 'a' : 'ont'} des versements enregistrés : modifiez ou supprimez d’abord ces versements.`,
      );
  }
  return terms;
}

/**
 * When the end date as amended moves, the « end of agreement » to-do item marked done is
 * forgotten: the new end needs preparing again.
 */
export async function endDateMoved(
  db: Db,
  conventionId: number,
  before: string,
  after: string,
): Promise<void> {
  if (before === after) return;
  await db.deleteFrom('todoDone').where('key', '=', `convention:${conventionId}:end`).execute();
}
