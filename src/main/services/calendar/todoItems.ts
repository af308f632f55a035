/**
 * What the calendar adds to the to-do list (À faire): a yearly goal that what is planned
 * no longer meets (cadence_gap), and a past event whose attendance was never recorded
 * (attendance_missing). Neither concerns one structure.
 */
import {
  CADENCE_GOALS,
  EVENT_TYPES,
  type CadenceType,
  type EventType,
} from '../../../shared/domain/calendar';
import type { CadenceGoal } from '../../../shared/rules/calendar';
import { formatDate } from '../../../shared/rules/dates';
import { DomainError } from '../../../shared/result';
import type { Db } from '../../db/connection';
import { cadenceOf } from './cadence';
import { findEvent } from './records';
import { setEventStatus } from './events';
import { isDone, setDone } from '../todoDone';
import type { TodoSink } from '../todo';

/** The words of each goal, singular and plural. */
const PLANNED: Record<CadenceType, [string, string]> = {
  rencontre_departementale: [
    'rencontre départementale planifiée',
    'rencontres départementales planifiées',
  ],
  copil: ['COPIL planifié', 'COPIL planifiés'],
  cotech: ['COTECH planifié', 'COTECH planifiés'],
};

/** « Il manque 1 COPIL planifié pour atteindre l’objectif de 2 en 2027 » */
export function cadenceLabel(goal: CadenceGoal): string {
  const [one, many] = PLANNED[goal.type];
  return `Il manque ${goal.missing} ${goal.missing === 1 ? one : many} pour atteindre l’objectif de ${goal.target} en ${goal.year}`;
}

/** The years whose goals are watched: this one, and the next from 1 October on. */
export function watchedYears(today: string): number[] {
  const year = Number(today.slice(0, 4));
  return today.slice(5) >= '10-01' ? [year, year + 1] : [year];
}

export const cadenceKey = (year: number, type: CadenceType) => `cadence:${year}:${type}`;
export const attendanceKey = (eventId: number) => `event:${eventId}:attendance`;

/** The goals that can no longer be met by what is planned, not marked done. */
export async function cadenceItems(
  db: Db,
  today: string,
  done: Set<string>,
  sink: TodoSink,
): Promise<void> {
  for (const year of watchedYears(today))
    for (const goal of await cadenceOf(db, year, today)) {
      const key = cadenceKey(year, goal.type);
      if (goal.missing === 0 || done.has(key)) continue;
      sink.add('cadence_gap', today, null, () => ({
        key,
        kind: 'cadence_gap',
        date: today,
        overdue: false,
        label: cadenceLabel(goal),
        context: `Objectifs ${year} : ${goal.held} ${goal.held > 1 ? 'tenus' : 'tenu'}, ${goal.planned} ${goal.planned > 1 ? 'prévus' : 'prévu'}`,
        structure: null,
        link: `/calendrier/nouveau?type=${goal.type}`,
      }));
    }
}

/**
 * Past events (ended before today), not cancelled, with invitees but no attendance at all.
 * The events are found from the invitees without a mark (a partial index, small next to
 * the years of marked attendance), then checked: none of their invitees has a mark.
 */
export async function attendanceItems(db: Db, today: string, sink: TodoSink): Promise<void> {
  const rows = await db
    .selectFrom('events')
    .select(['id', 'type', 'title', 'start'])
    .where('id', 'in', (eb) =>
      eb.selectFrom('eventInvitees').select('eventId').where('attendance', 'is', null),
    )
    .where('status', '!=', 'annule')
    .where('end', '<', `${today}T00:00`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('eventInvitees')
            .select('id')
            .whereRef('eventInvitees.eventId', '=', 'events.id')
            .where('eventInvitees.attendance', 'is not', null),
        ),
      ),
    )
    .execute();
  for (const e of rows) {
    const date = e.start.slice(0, 10);
    sink.add('attendance_missing', date, null, () => ({
      key: attendanceKey(e.id),
      kind: 'attendance_missing',
      date,
      overdue: date < today,
      label: `Présences à saisir : ${e.title}`,
      context: `${EVENT_TYPES[e.type as EventType] ?? e.type} du ${formatDate(date)}`,
      structure: null,
      link: `/calendrier/${e.id}`,
    }));
  }
}

const unknownItem = () =>
  new DomainError(
    'NOT_FOUND',
    'Cet élément de la liste « À faire » n’existe plus : la liste a peut-être changé entre-temps.',
  );

export const CALENDAR_KEYS = {
  cadence: new RegExp(`^cadence:(\\d{4}):(${Object.keys(CADENCE_GOALS).join('|')})$`),
  attendance: /^event:(\d+):attendance$/,
};

/** A yearly goal set aside for that year: remembered in todo_done. */
export async function cadenceDone(
  db: Db,
  year: number,
  type: CadenceType,
  today: string,
): Promise<void> {
  const key = cadenceKey(year, type);
  if (await isDone(db, key)) return;
  const goal = watchedYears(today).includes(year)
    ? (await cadenceOf(db, year, today)).find((g) => g.type === type)
    : undefined;
  if (!goal || goal.missing === 0) throw unknownItem();
  await setDone(db, key, today);
}

/** Attendance dealt with: the event is held, once everyone invited has a mark. */
export async function attendanceDone(db: Db, eventId: number, today: string): Promise<void> {
  const event = await findEvent(db, eventId).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') throw unknownItem();
    throw error;
  });
  if (event.status === 'annule') throw unknownItem();
  if (event.status === 'tenu') return;
  const { n } = await db
    .selectFrom('eventInvitees')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('eventId', '=', eventId)
    .where('attendance', 'is', null)
    .executeTakeFirstOrThrow();
  if (n > 0)
    throw new DomainError(
      'CONFLICT',
      n === 1
        ? 'Saisissez d’abord les présences : une personne invitée n’a pas encore de présence (présent, excusé ou absent).'
        : `Saisissez d’abord les présences : ${n} personnes invitées n’ont pas encore de présence (présent, excusé ou absent).`,
    );
  await setEventStatus(db, eventId, 'tenu', today);
}
