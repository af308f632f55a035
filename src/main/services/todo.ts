/**
 * The to-do list (À faire): everything due, from every capability, in one list sorted by
 * date. Conventions add missing documents, yearly obligations, planned payments, their end
 * and the last days to give notice; the calendar adds yearly meeting goals not met by what
 * is planned, and past events whose attendance is still to record. Each item can be marked
 * done from the list.
 */
import { sql } from 'kysely';
import type { ParsedInput } from '../../shared/api/contract';
import type { TodoItem } from '../../shared/api/todo';
import type { TodoKind } from '../../shared/domain/todo';
import type { CadenceType } from '../../shared/domain/calendar';
import { NOTICE_MONTHS, type ConventionStatus } from '../../shared/domain/conventions';
import {
  conventionDeadlines,
  eachYearlyObligation,
  formatEuros,
} from '../../shared/rules/conventions';
import { addMonths, formatDate, todayInParis } from '../../shared/rules/dates';
import { DomainError } from '../../shared/result';
import { inTransaction, type Db } from '../db/connection';
import type { HandlersOf, RoutesOf } from '../ipc/router';
import { ACTIVITY_KEYS, activityDone, activityItems } from './activity/todoItems';
import { recordAudit } from './audit';
import {
  attendanceDone,
  attendanceItems,
  CALENDAR_KEYS,
  cadenceDone,
  cadenceItems,
} from './calendar/todoItems';
import { actionDone, actionItems, COMMITTEE_KEYS } from './committees/todoItems';
import { compareText } from './directory';
import { documentSubject, findDocument } from './conventions/documents';
import {
  generatedObligations,
  mergeObligations,
  obligationStatesOf,
  updateObligation,
} from './conventions/obligations';
import { findPayment, paymentName } from './conventions/payments';
import {
  amendedEndDates,
  findConvention,
  obligationDeadline,
  termsOf,
  touchConvention,
} from './conventions/records';
import { readSettings } from './settings';

/** The kinds of item a convention gives. */
type ConventionTodoKind = Exclude<
  TodoKind,
  'cadence_gap' | 'attendance_missing' | 'committee_action' | 'activity_missing'
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

export interface TodoFilter {
  /** The last day looked at (YYYY-MM-DD): items due later are left out. */
  until: string;
  structureId: number | null;
  /** The kinds wanted; every kind when empty. */
  kinds: TodoKind[];
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

const endLabel = (endDate: string) =>
  `Fin de la convention le ${formatDate(endDate)} : pas de tacite reconduction, préparer l’avenant ou le renouvellement`;

const noticeLabel = (anniversary: string) =>
  `Dernier jour pour dénoncer la convention avant l’anniversaire du ${formatDate(anniversary)} (préavis de ${NOTICE_MONTHS} mois)`;

/**
 * Everything not done that is due on or before `filter.until`, sorted by date then label;
 * an item is overdue when its date is before `today`. A notice deadline whose anniversary
 * has passed is left out: there is nothing left to do for it. The calendar's items concern
 * no structure: a structure filter leaves them out.
 */
export async function dueItems(db: Db, filter: TodoFilter, today: string): Promise<TodoItem[]> {
  const wants = (kind: TodoKind) => filter.kinds.length === 0 || filter.kinds.includes(kind);
  const items: TodoItem[] = [];
  if (filter.structureId === null) {
    const done = new Set(
      (await db.selectFrom('todoDone').select('key').execute()).map((r) => r.key),
    );
    if (wants('cadence_gap')) items.push(...(await cadenceItems(db, today, done)));
    if (wants('attendance_missing')) items.push(...(await attendanceItems(db, today)));
    if (wants('committee_action')) items.push(...(await actionItems(db, today)));
  }
  if (wants('activity_missing'))
    items.push(...(await activityItems(db, today, filter.structureId)));
  items.push(...(await conventionItems(db, filter, today)));
  return items
    .filter((i) => i.date <= filter.until)
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) || compareText(a.label, b.label) || a.key.localeCompare(b.key),
    );
}

/**
 * The received obligations' keys, by convention (all conventions, or those given): one
 * row per convention, the keys joined by spaces (keys hold none), far cheaper to read than
 * one row per obligation.
 */
async function receivedObligations(
  db: Db,
  conventionIds: number[] | null,
): Promise<Map<number, Set<string>>> {
  let select = db
    .selectFrom('obligationStates')
    .select(['conventionId', sql<string>`group_concat(key, ' ')`.as('keys')])
    .where('receivedOn', 'is not', null)
    .groupBy('conventionId');
  if (conventionIds !== null) select = select.where('conventionId', 'in', conventionIds);
  const received = new Map<number, Set<string>>();
  for (const { conventionId, keys } of await select.execute())
    received.set(conventionId, new Set(keys.split(' ')));
  return received;
}

/**
 * The conventions' items, unsorted. Only what an item needs is read: the period as amended
 * (not the subsidies), the keys of received obligations, the missing documents and the
 * planned payments; an item's label is built only once its date is within the horizon.
 */
async function conventionItems(db: Db, filter: TodoFilter, today: string): Promise<TodoItem[]> {
  const wants = (kind: TodoKind) => filter.kinds.length === 0 || filter.kinds.includes(kind);
  const fed = (kind: ConventionTodoKind, status: string) =>
    wants(kind) && (FED_BY[kind] as readonly string[]).includes(status);

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
    ]);
  if (filter.structureId !== null)
    select = select.where('conventions.structureId', '=', filter.structureId);
  const rows = await select.execute();
  if (rows.length === 0) return [];
  // Without a structure filter every convention is read: no need to list their ids.
  const ids = filter.structureId === null ? null : rows.map((r) => r.id);

  const endDates = await amendedEndDates(db, ids);
  const received = wants('obligation_due')
    ? await receivedObligations(db, ids)
    : new Map<number, Set<string>>();
  const deadline = await obligationDeadline(db);
  const done = new Set((await db.selectFrom('todoDone').select('key').execute()).map((r) => r.key));
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
  // Only the payments that can give an item: of a convention that feeds the kind, due
  // (planned, or else the convention's start) within the horizon.
  let payments = db
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
    .where('conventions.status', 'in', [...FED_BY.payment_planned])
    .where(
      (eb) => eb.fn.coalesce('conventionPayments.plannedOn', 'conventions.startDate'),
      '<=',
      filter.until,
    );
  if (filter.structureId !== null)
    payments = payments.where('conventions.structureId', '=', filter.structureId);
  const plannedPayments = byConvention(wants('payment_planned') ? await payments.execute() : []);

  const items: TodoItem[] = [];
  for (const row of rows) {
    const t = { startDate: row.startDate, endDate: endDates.get(row.id) ?? row.endDate };
    const add = (kind: ConventionTodoKind, key: string, date: string, label: () => string) => {
      if (date > filter.until) return;
      items.push({
        key,
        kind,
        date,
        overdue: date < today,
        label: label(),
        context: row.reference,
        structure: { id: row.structureId, name: row.structureName },
        link: `/conventions/${row.id}${TAB_OF[kind] ? `?onglet=${TAB_OF[kind]}` : ''}`,
      });
    };
    if (fed('document_missing', row.status))
      for (const d of missingDocuments.get(row.id) ?? [])
        add(
          'document_missing',
          `document:${d.id}`,
          row.startDate,
          () => `Pièce manquante : ${d.label}`,
        );
    if (fed('obligation_due', row.status)) {
      // The obligations in force not received: those generated now whose state (if any)
      // has no date of receipt, as mergeObligations gives them.
      const got = received.get(row.id);
      eachYearlyObligation(t, deadline, row.endedOn, (key, _kind, _year, dueOn, label) => {
        if (got?.has(key)) return;
        add('obligation_due', `obligation:${row.id}:${key}`, dueOn, label);
      });
    }
    if (fed('payment_planned', row.status))
      for (const p of plannedPayments.get(row.id) ?? [])
        add(
          'payment_planned',
          `payment:${p.id}`,
          p.plannedOn ?? row.startDate,
          () => `Versement prévu : ${paymentName(p)}, ${formatEuros(p.amountCents)}`,
        );
    const ending = fed('convention_ending', row.status);
    const notice = fed('notice_deadline', row.status);
    if (!ending && !notice) continue;
    for (const d of conventionDeadlines(t)) {
      const key = `convention:${row.id}:${d.key}`;
      if (done.has(key)) continue;
      if (d.kind === 'end' && ending) add('convention_ending', key, d.date, () => endLabel(d.date));
      if (d.kind === 'notice' && notice && d.anniversary! > today)
        add('notice_deadline', key, d.date, () => noticeLabel(d.anniversary!));
    }
  }
  return items;
}

/** The list as the app shows it: up to the query's horizon, or the setting's when none. */
export async function listTodo(
  db: Db,
  query: ParsedInput<'todo.list'>,
  today: string = todayInParis(),
): Promise<{ items: TodoItem[]; horizonMonths: number; today: string }> {
  const horizonMonths = query.horizonMonths ?? (await readSettings(db)).todoHorizonMonths;
  const items = await dueItems(
    db,
    { until: addMonths(today, horizonMonths), structureId: query.structureId, kinds: query.kinds },
    today,
  );
  return { items, horizonMonths, today };
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
async function documentReceived(db: Db, id: number, today: string): Promise<void> {
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
async function obligationReceived(
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
async function paymentPaid(db: Db, id: number, today: string): Promise<void> {
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
async function deadlineDone(
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
  const already = await db
    .selectFrom('todoDone')
    .select('key')
    .where('key', '=', key)
    .executeTakeFirst();
  if (already) return;
  await db.insertInto('todoDone').values({ key, doneOn: today }).execute();
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

const KEY_PATTERNS = {
  document: /^document:(\d+)$/,
  obligation: /^obligation:(\d+):([a-z_]+:\d+)$/,
  payment: /^payment:(\d+)$/,
  convention: /^convention:(\d+):(end|notice:\d{4}-\d{2}-\d{2})$/,
};

/**
 * Marks an item done: a document or an obligation received today, a payment paid today,
 * a convention's end or notice deadline dealt with, a yearly goal set aside for that year,
 * an event held once everyone's attendance is recorded. Doing it twice changes nothing.
 */
export function markTodoDone(
  db: Db,
  key: string,
  today: string = todayInParis(),
): Promise<{ key: string }> {
  return inTransaction(db, async (trx) => {
    let m: RegExpExecArray | null;
    if ((m = KEY_PATTERNS.document.exec(key))) await documentReceived(trx, Number(m[1]), today);
    else if ((m = KEY_PATTERNS.obligation.exec(key)))
      await obligationReceived(trx, Number(m[1]), m[2]!, today);
    else if ((m = KEY_PATTERNS.payment.exec(key))) await paymentPaid(trx, Number(m[1]), today);
    else if ((m = KEY_PATTERNS.convention.exec(key)))
      await deadlineDone(trx, Number(m[1]), m[2]!, today);
    else if ((m = CALENDAR_KEYS.cadence.exec(key)))
      await cadenceDone(trx, Number(m[1]), m[2] as CadenceType, today);
    else if ((m = CALENDAR_KEYS.attendance.exec(key)))
      await attendanceDone(trx, Number(m[1]), today);
    else if ((m = COMMITTEE_KEYS.action.exec(key))) await actionDone(trx, Number(m[1]), today);
    else if ((m = ACTIVITY_KEYS.missing.exec(key)))
      await activityDone(trx, Number(m[1]), m[2]!, today);
    else
      throw new DomainError(
        'INVALID_INPUT',
        'Saisie à corriger : cet élément de la liste « À faire » n’est pas reconnu.',
        { key: 'Élément de la liste « À faire » non reconnu.' },
      );
    return { key };
  });
}

export const todoHandlers: HandlersOf<RoutesOf<'todo'>> = {
  'todo.list': (input, { session }) => listTodo(session.db, input),
  'todo.markDone': (input, { session }) => markTodoDone(session.db, input.key),
};
