/** What the calendar's services share: reading an event's row, its fields, its summary. */
import type { Selectable } from 'kysely';
import type { EventFields, EventSummary } from '../../../shared/api/calendar';
import type { EventStatus, EventType } from '../../../shared/domain/calendar';
import { searchKeyOf } from '../../../shared/rules/text';
import { DomainError } from '../../../shared/result';
import type { Db } from '../../db/connection';
import type { EventsTable } from '../../db/schema';

export type EventRow = Selectable<EventsTable>;

/** The fields the audit log follows. */
export const FIELDS = [
  'type',
  'title',
  'start',
  'end',
  'place',
  'videoUrl',
  'description',
] as const satisfies (keyof EventFields)[];

export const noEvent = () =>
  new DomainError('NOT_FOUND', 'Cet évènement n’existe pas ou a été supprimé.');

export async function findEvent(db: Db, id: number): Promise<EventRow> {
  const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw noEvent();
  return row;
}

export function fieldsOf(row: EventRow): EventFields {
  return {
    type: row.type as EventType,
    title: row.title,
    start: row.start,
    end: row.end,
    place: row.place,
    videoUrl: row.videoUrl,
    description: row.description,
  };
}

/** The columns a form's fields fill, with the search key (title and place). */
export function columnsOf(f: EventFields) {
  return {
    type: f.type,
    title: f.title,
    start: f.start,
    end: f.end,
    place: f.place,
    videoUrl: f.videoUrl,
    description: f.description,
    searchKey: searchKeyOf([f.title, f.place]),
  };
}

export async function touchEvent(db: Db, id: number): Promise<void> {
  await db
    .updateTable('events')
    .set({ updatedAt: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

/** Events with their number of invitees and of people present, for lists. */
export function selectSummaries(db: Db) {
  return db
    .selectFrom('events')
    .selectAll('events')
    .select((eb) => [
      eb
        .selectFrom('eventInvitees')
        .select((i) => i.fn.countAll<number>().as('n'))
        .whereRef('eventInvitees.eventId', '=', 'events.id')
        .as('invited'),
      eb
        .selectFrom('eventInvitees')
        .select((i) => i.fn.countAll<number>().as('n'))
        .whereRef('eventInvitees.eventId', '=', 'events.id')
        .where('eventInvitees.attendance', '=', 'present')
        .as('present'),
    ]);
}

export function summaryOf(
  row: EventRow & { invited: number | null; present: number | null },
): EventSummary {
  return {
    id: row.id,
    type: row.type as EventType,
    title: row.title,
    start: row.start,
    end: row.end,
    status: row.status as EventStatus,
    place: row.place,
    seriesId: row.seriesId,
    invited: row.invited ?? 0,
    present: row.present ?? 0,
    imported: row.imported === 1,
  };
}
