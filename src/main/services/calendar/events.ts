/**
 * The network's events (meetings, trainings, committees…): listed over a period, read with
 * their invitees, created once or repeated, edited, duplicated, held or cancelled, erased;
 * and saved from another calendar's .ics file.
 */
import { randomUUID } from 'node:crypto';
import type { CalendarEvent, EventFields, EventSummary } from '../../../shared/api/calendar';
import type { ParsedInput } from '../../../shared/api/contract';
import type { Attendance, EventStatus } from '../../../shared/domain/calendar';
import { formatDate, todayInParis } from '../../../shared/rules/dates';
import { diffRecords } from '../../../shared/rules/diff';
import { DomainError } from '../../../shared/result';
import { inTransaction, type Db } from '../../db/connection';
import { recordAudit } from '../audit';
import { containsWord, searchWords } from '../directory';
import { copyInvitees, inviteesOf } from './invitees';
import { stillLacking } from './lacking';
import {
  columnsOf,
  fieldsOf,
  FIELDS,
  findEvent,
  selectSummaries,
  summaryOf,
  type EventRow,
} from './records';
import { moveSpan, occurrences } from './repetition';

export { findEvent };

export interface CreateOptions {
  /** Makes the iCalendar UIDs (and series ids); random UUIDs by default. */
  newUid?: () => string;
}

const appUid = () => `${randomUUID()}@balise`;

/** Every event that overlaps a period, in date order, filtered by type, status and words. */
export async function listEvents(
  db: Db,
  query: ParsedInput<'calendar.list'>,
): Promise<EventSummary[]> {
  if (query.to < query.from) {
    const message = 'La fin de la période doit suivre son début.';
    throw new DomainError('INVALID_INPUT', `Saisie à corriger : ${message}`, { to: message });
  }
  let select = selectSummaries(db)
    .where('events.start', '<=', `${query.to}T23:59`)
    .where('events.end', '>', `${query.from}T00:00`);
  if (query.types.length > 0) select = select.where('events.type', 'in', query.types);
  if (query.statuses.length > 0) select = select.where('events.status', 'in', query.statuses);
  for (const word of searchWords(query.search))
    select = select.where(containsWord('events.searchKey', word));
  const rows = await select.orderBy('events.start').orderBy('events.id').execute();
  return rows.map(summaryOf);
}

/** An event with its invitees and, for a training, who still lacks it as of `today`. */
export async function getEvent(
  db: Db,
  id: number,
  today: string = todayInParis(),
): Promise<CalendarEvent> {
  const row = await findEvent(db, id);
  return {
    id: row.id,
    ...fieldsOf(row),
    status: row.status as EventStatus,
    seriesId: row.seriesId,
    uid: row.uid,
    imported: row.imported === 1,
    invitees: await inviteesOf(db, id),
    stillLacking: await stillLacking(db, row, today),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function insertEvent(
  db: Db,
  fields: EventFields,
  extra: { uid: string; seriesId: string | null; status: EventStatus; imported: boolean },
  subject?: string,
): Promise<number> {
  const now = new Date().toISOString();
  const { id } = await db
    .insertInto('events')
    .values({
      ...columnsOf(fields),
      status: extra.status,
      seriesId: extra.seriesId,
      uid: extra.uid,
      imported: extra.imported ? 1 : 0,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(db, {
    entity: 'event',
    entityId: id,
    action: 'create',
    ...(subject ? { subject } : {}),
    changes: [
      ...diffRecords(null, fields, FIELDS),
      ...(extra.status === 'prevu' ? [] : [{ field: 'status', before: null, after: extra.status }]),
    ],
  });
  return id;
}

/**
 * Creates an event, planned; a repetition creates one event per date (at most
 * MAX_OCCURRENCES), sharing a series. Returns the first one and every one created.
 */
export function createEvent(
  db: Db,
  fields: EventFields,
  repetition: ParsedInput<'calendar.create'>['repetition'] = { repeat: 'none', until: null },
  options: CreateOptions = {},
): Promise<{ id: number; ids: number[] }> {
  const newUid = options.newUid ?? appUid;
  return inTransaction(db, async (trx) => {
    const spans = occurrences(fields, repetition.repeat, repetition.until);
    const seriesId = spans.length > 1 ? newUid() : null;
    const subject =
      spans.length > 1
        ? `Série de ${spans.length} dates jusqu’au ${formatDate(spans.at(-1)!.start)}`
        : undefined;
    const ids: number[] = [];
    for (const span of spans)
      ids.push(
        await insertEvent(
          trx,
          { ...fields, ...span },
          { uid: newUid(), seriesId, status: 'prevu', imported: false },
          subject,
        ),
      );
    return { id: ids[0]!, ids };
  });
}

export function updateEvent(db: Db, id: number, fields: EventFields): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const before = fieldsOf(await findEvent(trx, id));
    const changes = diffRecords(before, fields, FIELDS);
    if (changes.length === 0) return { id };
    await trx
      .updateTable('events')
      .set({ ...columnsOf(fields), updatedAt: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, { entity: 'event', entityId: id, action: 'update', changes });
    return { id };
  });
}

/** A planned copy at another start (same length), with the same invitees but no attendance. */
export function duplicateEvent(
  db: Db,
  id: number,
  start: string,
  options: CreateOptions = {},
): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const source = await findEvent(trx, id);
    const fields = { ...fieldsOf(source), ...moveSpan(source, start) };
    const copy = await insertEvent(
      trx,
      fields,
      { uid: (options.newUid ?? appUid)(), seriesId: null, status: 'prevu', imported: false },
      `Copie de l’évènement du ${formatDate(source.start)}`,
    );
    await copyInvitees(trx, id, copy);
    return { id: copy };
  });
}

async function changeStatus(db: Db, row: EventRow, status: EventStatus): Promise<void> {
  if (row.status === status) return;
  await db
    .updateTable('events')
    .set({ status, updatedAt: new Date().toISOString() })
    .where('id', '=', row.id)
    .execute();
  await recordAudit(db, {
    entity: 'event',
    entityId: row.id,
    action: 'update',
    changes: [{ field: 'status', before: row.status, after: status }],
  });
}

/** Planned, held or cancelled; an event still to come cannot be held. */
export function setEventStatus(
  db: Db,
  id: number,
  status: EventStatus,
  today: string = todayInParis(),
): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const row = await findEvent(trx, id);
    if (status === 'tenu' && row.start.slice(0, 10) > today) {
      const message = `l’évènement n’a pas encore eu lieu (le ${formatDate(row.start)}) : il ne peut pas être marqué « tenu ».`;
      throw new DomainError('INVALID_INPUT', `Saisie à corriger : ${message}`, {
        status: message,
      });
    }
    await changeStatus(trx, row, status);
    return { id };
  });
}

/** Erases an event with its invitees and attendance. */
export function removeEvent(db: Db, id: number): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const before = fieldsOf(await findEvent(trx, id));
    await trx.deleteFrom('events').where('id', '=', id).execute();
    await recordAudit(trx, {
      entity: 'event',
      entityId: id,
      action: 'delete',
      changes: diffRecords(before, null, FIELDS),
    });
    return { id };
  });
}

/**
 * Saves an event read from an .ics file: created (marked imported) the first time its UID
 * is seen, updated when a field or the status differs, left alone otherwise.
 */
export function saveImportedEvent(
  db: Db,
  uid: string,
  fields: EventFields,
  status: EventStatus,
): Promise<'created' | 'updated' | 'unchanged'> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('events')
      .selectAll()
      .where('uid', '=', uid)
      .executeTakeFirst();
    if (!row) {
      await insertEvent(
        trx,
        fields,
        { uid, seriesId: null, status, imported: true },
        'Import .ics',
      );
      return 'created';
    }
    const changes = diffRecords(fieldsOf(row), fields, FIELDS);
    if (row.status !== status) changes.push({ field: 'status', before: row.status, after: status });
    if (changes.length === 0) return 'unchanged';
    await trx
      .updateTable('events')
      .set({ ...columnsOf(fields), status, updatedAt: new Date().toISOString() })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, {
      entity: 'event',
      entityId: row.id,
      action: 'update',
      subject: 'Import .ics',
      changes,
    });
    return 'updated';
  });
}

/** The events a Promeneur was invited to, newest first, with their attendance. */
export async function eventsOfPromeneur(
  db: Db,
  promeneurId: number,
): Promise<(EventSummary & { attendance: Attendance | null })[]> {
  const promeneur = await db
    .selectFrom('promeneurs')
    .select('id')
    .where('id', '=', promeneurId)
    .executeTakeFirst();
  if (!promeneur)
    throw new DomainError('NOT_FOUND', 'Ce Promeneur du Net n’existe pas ou a été supprimé.');
  const rows = await selectSummaries(db)
    .innerJoin('eventInvitees as mine', 'mine.eventId', 'events.id')
    .select('mine.attendance as attendance')
    .where('mine.promeneurId', '=', promeneurId)
    .orderBy('events.start', 'desc')
    .orderBy('events.id', 'desc')
    .execute();
  return rows.map((r) => ({
    ...summaryOf(r),
    attendance: r.attendance as Attendance | null,
  }));
}
