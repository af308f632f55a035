/**
 * The actions a meeting decides: who, what, by when, and where they stand. Open ones appear
 * in the to-do list and are followed up at the committee's next meeting.
 */
import type { Action, ActionFields } from '../../../shared/api/committees';
import type { ActionStatus } from '../../../shared/domain/committees';
import { actionOverdue } from '../../../shared/rules/committees';
import { todayInParis } from '../../../shared/rules/dates';
import { diffRecords } from '../../../shared/rules/diff';
import { DomainError } from '../../../shared/result';
import { inTransaction, type Db } from '../../db/connection';
import { auditCommittee, findMeeting, meetingSubject, touchedNow } from './records';

const RECORDED = [
  'who',
  'what',
  'dueOn',
  'status',
  'doneOn',
] as const satisfies (keyof ActionFields)[];

export const noAction = () =>
  new DomainError('NOT_FOUND', 'Cette action n’existe pas ou a été supprimée.');

/** Actions with their meeting, oldest meeting first, then in the order they were entered. */
export async function actionsWhere(
  db: Db,
  where: { eventIds?: number[]; ids?: number[] },
  today: string = todayInParis(),
): Promise<Action[]> {
  let query = db
    .selectFrom('committeeActions')
    .innerJoin('events', 'events.id', 'committeeActions.eventId')
    .selectAll('committeeActions')
    .select(['events.title as meetingTitle', 'events.start as meetingStart']);
  if (where.eventIds)
    query = query.where(
      'committeeActions.eventId',
      'in',
      where.eventIds.length > 0 ? where.eventIds : [-1],
    );
  if (where.ids)
    query = query.where('committeeActions.id', 'in', where.ids.length > 0 ? where.ids : [-1]);
  const rows = await query.orderBy('events.start').orderBy('committeeActions.id').execute();
  return rows.map((r) => {
    const fields = {
      who: r.who,
      what: r.what,
      dueOn: r.dueOn,
      status: r.status as ActionStatus,
      doneOn: r.doneOn,
    };
    return {
      id: r.id,
      eventId: r.eventId,
      ...fields,
      overdue: actionOverdue(fields, today),
      meeting: { id: r.eventId, title: r.meetingTitle, start: r.meetingStart },
    };
  });
}

export async function findAction(db: Db, id: number): Promise<Action> {
  const [found] = await actionsWhere(db, { ids: [id] });
  if (!found) throw noAction();
  return found;
}

/** An action marked « faite » without a date was done today; other statuses have none. */
function settled(fields: ActionFields, today: string): ActionFields {
  if (fields.status !== 'faite') return { ...fields, doneOn: null };
  return { ...fields, doneOn: fields.doneOn ?? today };
}

const fieldsOf = (a: Action): ActionFields => ({
  who: a.who,
  what: a.what,
  dueOn: a.dueOn,
  status: a.status,
  doneOn: a.doneOn,
});

const actionSubject = (meeting: { start: string }, what: string) =>
  `${meetingSubject(meeting)} — action : ${what.length > 80 ? `${what.slice(0, 79)}…` : what}`;

export function createAction(
  db: Db,
  eventId: number,
  input: ActionFields,
  today: string = todayInParis(),
): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const meeting = await findMeeting(trx, eventId);
    const fields = settled(input, today);
    const now = touchedNow();
    const { id } = await trx
      .insertInto('committeeActions')
      .values({ eventId, ...fields, createdAt: now, updatedAt: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditCommittee(
      trx,
      meeting.committee,
      'create',
      actionSubject(meeting, fields.what),
      diffRecords(null, fields, RECORDED),
    );
    return { id };
  });
}

export function updateAction(
  db: Db,
  id: number,
  input: ActionFields,
  today: string = todayInParis(),
): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const before = await findAction(trx, id);
    // An action already done keeps its day when it is saved again.
    const fields = settled(
      { ...input, doneOn: input.doneOn ?? (input.status === 'faite' ? before.doneOn : null) },
      today,
    );
    const changes = diffRecords(fieldsOf(before), fields, RECORDED);
    if (changes.length === 0) return { id };
    await trx
      .updateTable('committeeActions')
      .set({ ...fields, updatedAt: touchedNow() })
      .where('id', '=', id)
      .execute();
    const meeting = await findMeeting(trx, before.eventId);
    await auditCommittee(
      trx,
      meeting.committee,
      'update',
      actionSubject(meeting, fields.what),
      changes,
    );
    return { id };
  });
}

export function removeAction(db: Db, id: number): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const before = await findAction(trx, id);
    await trx.deleteFrom('committeeActions').where('id', '=', id).execute();
    const meeting = await findMeeting(trx, before.eventId);
    await auditCommittee(
      trx,
      meeting.committee,
      'delete',
      actionSubject(meeting, before.what),
      diffRecords(fieldsOf(before), null, RECORDED),
    );
    return { id };
  });
}
