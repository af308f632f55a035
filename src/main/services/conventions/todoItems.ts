/**
 * What the conventions add to the to-do list (À faire): missing documents, yearly
 * obligations not received, planned payments, the end of an agreement and the last days to
 * give notice; and how each is marked done from the list.
 *
 * Only what can fall within the horizon is read or generated: SQL reads the conventions
 * whose status feeds a kind wanted, the received obligations' keys (one row per convention), the
 * missing documents and the unpaid payments due within the horizon (partial indexes); the
 * rules generate no obligation nor deadline beyond the horizon, and no notice deadline whose
 * anniversary has passed; a label is written only for an item within the horizon.
 */
import type { TodoItem } from '../../../shared/api/todo';
import type { TodoKind } from '../../../shared/domain/todo';
import {
  NOTICE_MONTHS,
  type ConventionStatus,
  type ObligationKind,
} from '../../../shared/domain/conventions';
import {
  conventionDeadlines,
  type ConventionDeadline,
  eachYearlyObligation,
  formatEuros,
  obligationLabel,
} from '../../../shared/rules/conventions';
import { formatDate } from '../../../shared/rules/dates';
import { DomainError } from '../../../shared/result';
import type { Db } from '../../db/connection';
import { recordAudit } from '../audit';
import type { TodoFilter, TodoSink } from '../todo';
import { documentSubject, findDocument } from './documents';
import {
  generatedObligations,
  mergeObligations,
  obligationStatesOf,
  updateObligation,
} from './obligations';
import { findPayment, paymentName } from './payments';
import {
  amendedEndDates,
  findConvention,
  obligationDeadline,
  termsOf,
  touchConvention,
} from './records';
import { doneKeys, isDone, setDone } from '../todoDone';

/** The kinds of item a convention gives. */
export type ConventionTodoKind = Extract<
  TodoKind,
  | 'document_missing'
  | 'obligation_due'
  | 'payment_planned'
  | 'convention_ending'
  | 'notice_deadline'
>;

/** The tab of the convention's page where each kind of item is dealt with. */
const TAB_OF: Record<ConventionTodoKind, string | null> = {
  document_missing: 'pieces',
  obligation_due: 'obligations',
  payment_planned: 'versements',
  convention_ending: null,
  notice_deadline: null,
};

/** Which conventions feed each kind of item, by status. */
const FED_BY: Record<ConventionTodoKind, readonly ConventionStatus[]> = {
  document_missing: ['brouillon', 'envoyee', 'signee', 'en_cours'],
  obligation_due: ['signee', 'en_cours', 'echue', 'resiliee'],
  payment_planned: ['brouillon', 'envoyee', 'signee', 'en_cours', 'echue'],
  convention_ending: ['signee', 'en_cours'],
  notice_deadline: ['signee', 'en_cours'],
};

const endLabel = (endDate: string) =>
  `Fin de la convention le ${formatDate(endDate)} : pas de tacite reconduction, préparer l’avenant ou le renouvellement`;

const noticeLabel = (anniversary: string) =>
  `Dernier jour pour dénoncer la convention avant l’anniversaire du ${formatDate(anniversary)} (préavis de ${NOTICE_MONTHS} mois)`;

/**
 * `write`, its result kept for each argument: a label written once is shared by the items
 * that repeat it, and then stored, hashed and compared once when the list is sorted.
 */
function writtenOnce<K, T>(write: (k: K) => T): (k: K) => T {
  const written = new Map<K, T>();
  return (k) => {
    let value = written.get(k);
    if (value === undefined) written.set(k, (value = write(k)));
    return value;
  };
}

/** A yearly obligation as eachYearlyObligation visits it. */
interface Owed {
  key: string;
  kind: ObligationKind;
  year: number;
  dueOn: string;
  rank: number;
}

/** Rows grouped by their convention, in their order. */
function byConvention<T extends { conventionId: number }>(rows: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(row.conventionId);
    if (group) group.push(row);
    else groups.set(row.conventionId, [row]);
  }
  return groups;
}

/**
 * The received obligations' keys, by convention (all conventions, or those given), joined by
 * spaces (keys hold none): one short row per convention, kept by triggers (migration 014).
 * Looked up as they come (see holdsKey), not split.
 */
async function receivedObligations(
  db: Db,
  conventionIds: number[] | null,
): Promise<Map<number, string>> {
  let select = db.selectFrom('receivedObligationKeys').select(['conventionId', 'keys']);
  if (conventionIds !== null) select = select.where('conventionId', 'in', conventionIds);
  return new Map((await select.execute()).map((r) => [r.conventionId, r.keys]));
}

/** Whether space-separated keys hold one key, whole. */
export function holdsKey(keys: string, key: string): boolean {
  for (let at = keys.indexOf(key); at !== -1; at = keys.indexOf(key, at + 1)) {
    const end = at + key.length;
    if ((at === 0 || keys[at - 1] === ' ') && (end === keys.length || keys[end] === ' '))
      return true;
  }
  return false;
}

/** What an item says of its convention. */
interface ConventionOfItem {
  id: number;
  reference: string;
  structureId: number;
  structureName: string;
}

/** An item of a convention, written whole: only when the to-do sink builds it. */
function itemOf(
  convention: ConventionOfItem,
  kind: ConventionTodoKind,
  key: string,
  date: string,
  label: string,
  today: string,
): TodoItem {
  return {
    key,
    kind,
    date,
    overdue: date < today,
    label,
    context: convention.reference,
    structure: { id: convention.structureId, name: convention.structureName },
    link: linkOf(convention.id, kind),
  };
}

/** The convention's page, at the tab where the kind of item is dealt with. */
const linkOf = (conventionId: number, kind: ConventionTodoKind) =>
  TAB_OF[kind]
    ? `/conventions/${conventionId}?onglet=${TAB_OF[kind]}`
    : `/conventions/${conventionId}`;

/** The conventions' items due on or before `filter.until`, into `todo`. */
export async function conventionItems(
  db: Db,
  filter: TodoFilter,
  today: string,
  todo: TodoSink,
): Promise<void> {
  const wanted = (Object.keys(FED_BY) as ConventionTodoKind[]).filter(
    (kind) => filter.kinds.length === 0 || filter.kinds.includes(kind),
  );
  const wants = (kind: ConventionTodoKind) => wanted.includes(kind);
  const fed = (kind: ConventionTodoKind, status: string) =>
    wants(kind) && (FED_BY[kind] as readonly string[]).includes(status);
  const statuses = [...new Set(wanted.flatMap((kind) => FED_BY[kind]))];
  if (statuses.length === 0) return;

  let select = db
    .selectFrom('conventions')
    .innerJoin('structures', 'structures.id', 'conventions.structureId')
    .select([
      'conventions.id',
      'conventions.structureId',
      'conventions.reference',
      'conventions.status',
      'conventions.startDate',
      'conventions.endDate',
      'conventions.endedOn',
      'structures.name as structureName',
    ])
    .where('conventions.status', 'in', statuses);
  if (filter.structureId !== null)
    select = select.where('conventions.structureId', '=', filter.structureId);
  const rows = await select.execute();
  type Row = (typeof rows)[number];
  if (rows.length === 0) return;
  // Without a structure filter every convention is read: no need to list their ids.
  const ids = filter.structureId === null ? null : rows.map((r) => r.id);

  const endDates = await amendedEndDates(db, ids);
  const received = wants('obligation_due')
    ? await receivedObligations(db, ids)
    : new Map<number, string>();
  const deadline = await obligationDeadline(db);
  const done = await doneKeys(db, 'convention:');
  let documents = db
    .selectFrom('conventionDocuments')
    .select(['id', 'conventionId', 'label'])
    .where('receivedOn', 'is', null);
  if (ids !== null) documents = documents.where('conventionId', 'in', ids);
  const missingDocuments = byConvention(
    wants('document_missing')
      ? await documents.orderBy('conventionId').orderBy('position').execute()
      : [],
  );
  // Only the payments that can give an item: unpaid, of a convention that feeds the kind, due
  // within the horizon: planned by then (read from the partial index on the planned date), or
  // not planned and the convention starting by then.
  const unpaid = (planned: boolean) => {
    let select = db
      .selectFrom('conventionPayments')
      .innerJoin('conventions', 'conventions.id', 'conventionPayments.conventionId')
      .select([
        'conventionPayments.id',
        'conventionPayments.conventionId',
        'conventionPayments.kind',
        'conventionPayments.year',
        'conventionPayments.amountCents',
        'conventionPayments.plannedOn',
      ])
      .where('conventionPayments.paidOn', 'is', null)
      .where('conventions.status', 'in', [...FED_BY.payment_planned]);
    select = planned
      ? select.where('conventionPayments.plannedOn', '<=', filter.until)
      : select
          .where('conventionPayments.plannedOn', 'is', null)
          .where('conventions.startDate', '<=', filter.until);
    if (filter.structureId !== null)
      select = select.where('conventions.structureId', '=', filter.structureId);
    return select;
  };
  const payments = unpaid(true).unionAll(unpaid(false));
  const plannedPayments = byConvention(wants('payment_planned') ? await payments.execute() : []);
  type PlannedPayment = Awaited<ReturnType<typeof payments.execute>>[number];

  // Labels repeat across conventions: the same document, the same payment and amount (a flat
  // rate per Promeneur), the same dates. Each is written once, then shared.
  const missingLabel = writtenOnce((label: string) => `Pièce manquante : ${label}`);
  const paymentLabel = writtenOnce((name: string) =>
    writtenOnce((cents: number) => `Versement prévu : ${name}, ${formatEuros(cents)}`),
  );
  const endLabelOf = writtenOnce(endLabel);
  const noticeLabelOf = writtenOnce(noticeLabel);
  const window = { after: today, until: filter.until };
  // Conventions share their terms (hundreds of distinct start and end dates for thousands of
  // conventions): the obligations and deadlines of each set of terms are generated once in
  // this list, then looked up by each convention.
  const owedUnder = writtenOnce((startDate: string) =>
    writtenOnce((endDate: string) =>
      writtenOnce((endedOn: string | null) => {
        const owed: Owed[] = [];
        eachYearlyObligation(
          { startDate, endDate },
          deadline,
          endedOn,
          (key, kind, year, dueOn, rank) => owed.push({ key, kind, year, dueOn, rank }),
          filter.until,
        );
        return owed;
      }),
    ),
  );
  // Each obligation's label, shared by the conventions on its terms (an anniversary report's
  // names its rank and date; a year's obligations share theirs already, see obligationLabel).
  const owedLabel = writtenOnce((o: Owed) => obligationLabel(o.kind, o.year, o.dueOn, o.rank));
  const deadlinesUnder = writtenOnce((startDate: string) =>
    writtenOnce((endDate: string) => conventionDeadlines({ startDate, endDate }, window)),
  );
  // Each item is handed to the sink unbuilt: its key, label and link are written only if built.
  // The builders are made by these functions, so that the loops below capture nothing (a loop
  // whose body makes a closure allocates a scope on every turn, item or not).
  const missing = (row: Row, d: { id: number; label: string }) => () =>
    itemOf(
      row,
      'document_missing',
      `document:${d.id}`,
      row.startDate,
      missingLabel(d.label),
      today,
    );
  const owedItem = (row: Row, o: Owed) => () =>
    itemOf(row, 'obligation_due', `obligation:${row.id}:${o.key}`, o.dueOn, owedLabel(o), today);
  const planned = (row: Row, p: PlannedPayment, date: string) => () =>
    itemOf(
      row,
      'payment_planned',
      `payment:${p.id}`,
      date,
      paymentLabel(paymentName(p))(p.amountCents),
      today,
    );
  const deadlineItem = (row: Row, d: ConventionDeadline, key: string) => () =>
    d.kind === 'end'
      ? itemOf(row, 'convention_ending', key, d.date, endLabelOf(d.date), today)
      : itemOf(row, 'notice_deadline', key, d.date, noticeLabelOf(d.anniversary!), today);
  for (const row of rows) {
    const endDate = endDates.get(row.id) ?? row.endDate;
    if (fed('document_missing', row.status))
      for (const d of missingDocuments.get(row.id) ?? [])
        todo.add('document_missing', row.startDate, row.structureId, missing(row, d));
    if (fed('obligation_due', row.status)) {
      // The obligations in force not received: those generated now whose state (if any)
      // has no date of receipt, as mergeObligations gives them.
      const got = received.get(row.id);
      for (const o of owedUnder(row.startDate)(endDate)(row.endedOn))
        if (got === undefined || !holdsKey(got, o.key))
          todo.add('obligation_due', o.dueOn, row.structureId, owedItem(row, o));
    }
    if (fed('payment_planned', row.status))
      for (const p of plannedPayments.get(row.id) ?? []) {
        const date = p.plannedOn ?? row.startDate;
        todo.add('payment_planned', date, row.structureId, planned(row, p, date));
      }
    const ending = fed('convention_ending', row.status);
    const notice = fed('notice_deadline', row.status);
    if (!ending && !notice) continue;
    // A notice deadline whose anniversary has passed has nothing left to do: not generated.
    for (const d of deadlinesUnder(row.startDate)(endDate)) {
      if (!(d.kind === 'end' ? ending : notice)) continue;
      const key = `convention:${row.id}:${d.key}`;
      if (done.has(key)) continue;
      const kind = d.kind === 'end' ? 'convention_ending' : 'notice_deadline';
      todo.add(kind, d.date, row.structureId, deadlineItem(row, d, key));
    }
  }
}

const unknownItem = () =>
  new DomainError(
    'NOT_FOUND',
    'Cet élément de la liste « À faire » n’existe plus : la liste a peut-être changé entre-temps.',
  );

/** A record behind a key that no longer exists makes the item unknown. */
function asUnknownItem(error: unknown): never {
  if (error instanceof DomainError && error.code === 'NOT_FOUND') throw unknownItem();
  throw error;
}

/** A document received today. */
export async function documentReceived(db: Db, id: number, today: string): Promise<void> {
  const doc = await findDocument(db, id).catch(asUnknownItem);
  if (doc.receivedOn !== null) return;
  await db
    .updateTable('conventionDocuments')
    .set({ receivedOn: today })
    .where('id', '=', id)
    .execute();
  await touchConvention(db, doc.conventionId);
  await recordAudit(db, {
    entity: 'convention',
    entityId: doc.conventionId,
    action: 'update',
    subject: documentSubject(doc.label),
    changes: [{ field: 'receivedOn', before: null, after: today }],
  });
}

/** An obligation received today, its comment kept. */
export async function obligationReceived(
  db: Db,
  conventionId: number,
  key: string,
  today: string,
): Promise<void> {
  const row = await findConvention(db, conventionId).catch(asUnknownItem);
  const { terms } = await termsOf(db, row);
  const states = (await obligationStatesOf(db, [conventionId])).get(conventionId) ?? [];
  const obligation = mergeObligations(
    generatedObligations(row, terms, await obligationDeadline(db)),
    states,
  ).find((o) => o.key === key);
  if (!obligation) throw unknownItem();
  if (obligation.receivedOn !== null) return;
  await updateObligation(db, conventionId, key, { receivedOn: today, comment: obligation.comment });
}

/** A planned payment paid today. */
export async function paymentPaid(db: Db, id: number, today: string): Promise<void> {
  const payment = await findPayment(db, id).catch(asUnknownItem);
  if (payment.paidOn !== null) return;
  await db.updateTable('conventionPayments').set({ paidOn: today }).where('id', '=', id).execute();
  await touchConvention(db, payment.conventionId);
  await recordAudit(db, {
    entity: 'convention',
    entityId: payment.conventionId,
    action: 'update',
    subject: `Versement : ${paymentName(payment)}`,
    changes: [{ field: 'paidOn', before: null, after: today }],
  });
}

/** A convention's end or notice deadline dealt with: remembered in todo_done. */
export async function deadlineDone(
  db: Db,
  conventionId: number,
  deadlineKey: string,
  today: string,
): Promise<void> {
  const row = await findConvention(db, conventionId).catch(asUnknownItem);
  const { terms } = await termsOf(db, row);
  const deadline = conventionDeadlines(terms).find((d) => d.key === deadlineKey);
  if (!deadline) throw unknownItem();
  const key = `convention:${conventionId}:${deadlineKey}`;
  if (await isDone(db, key)) return;
  await setDone(db, key, today);
  await recordAudit(db, {
    entity: 'convention',
    entityId: conventionId,
    action: 'update',
    subject:
      deadline.kind === 'end'
        ? `À faire : ${endLabel(deadline.date)}`
        : `À faire : ${noticeLabel(deadline.anniversary!)}`,
    changes: [{ field: 'done', before: null, after: today }],
  });
}

export const CONVENTION_KEYS = {
  document: /^document:(\d+)$/,
  obligation: /^obligation:(\d+):([a-z_]+:\d+)$/,
  payment: /^payment:(\d+)$/,
  convention: /^convention:(\d+):(end|notice:\d{4}-\d{2}-\d{2})$/,
};
