/**
 * What the committees add to the to-do list (À faire): the open actions decided in a
 * meeting, due on their date (or the meeting's day when they have none). Marking one done
 * sets the action « faite » today.
 */
import {
  COMMITTEES,
  OPEN_ACTION_STATUSES,
  type Committee,
} from '../../../shared/domain/committees';
import { formatDate } from '../../../shared/rules/dates';
import { DomainError } from '../../../shared/result';
import type { Db } from '../../db/connection';
import { findAction, updateAction } from './actions';
import type { TodoSink } from '../todo';

export const actionKey = (id: number) => `committee-action:${id}`;
export const COMMITTEE_KEYS = { action: /^committee-action:(\d+)$/ };

export async function actionItems(db: Db, today: string, sink: TodoSink): Promise<void> {
  const rows = await db
    .selectFrom('committeeActions')
    .innerJoin('events', 'events.id', 'committeeActions.eventId')
    .select([
      'committeeActions.id',
      'committeeActions.who',
      'committeeActions.what',
      'committeeActions.dueOn',
      'events.id as eventId',
      'events.type',
      'events.start',
    ])
    .where('committeeActions.status', 'in', [...OPEN_ACTION_STATUSES])
    .execute();
  for (const a of rows) {
    const date = a.dueOn ?? a.start.slice(0, 10);
    sink.add('committee_action', date, null, () => ({
      key: actionKey(a.id),
      kind: 'committee_action',
      date,
      overdue: date < today,
      label: `${a.what} (${a.who})`,
      context: `Action décidée au ${COMMITTEES[a.type as Committee] ?? a.type} du ${formatDate(a.start.slice(0, 10))}`,
      structure: null,
      link: `/instances/reunions/${a.eventId}?onglet=actions`,
    }));
  }
}

/** The action done today; doing it twice changes nothing. */
export async function actionDone(db: Db, id: number, today: string): Promise<void> {
  const action = await findAction(db, id).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'NOT_FOUND')
      throw new DomainError(
        'NOT_FOUND',
        'Cet élément de la liste « À faire » n’existe plus : la liste a peut-être changé entre-temps.',
      );
    throw error;
  });
  if (action.status === 'faite' || action.status === 'abandonnee') return;
  await updateAction(
    db,
    id,
    { who: action.who, what: action.what, dueOn: action.dueOn, status: 'faite', doneOn: today },
    today,
  );
}
