/**
 * What the committee services share: finding a meeting (a calendar event of type copil or
 * cotech) and its neighbours, the audit entries kept under the committee, and reading the
 * rich-text minutes back from the database.
 */
import type { MeetingRef } from '../../../shared/api/committees';
import { COMMITTEE_AUDIT_IDS, COMMITTEES, type Committee } from '../../../shared/domain/committees';
import { EMPTY_RICH_DOC, richDoc, type RichDoc } from '../../../shared/domain/richText';
import { formatDate } from '../../../shared/rules/dates';
import type { FieldChange } from '../../../shared/rules/diff';
import { DomainError } from '../../../shared/result';
import type { Db } from '../../db/connection';
import { recordAudit } from '../audit';

export interface MeetingRow {
  id: number;
  committee: Committee;
  title: string;
  start: string;
  end: string;
  place: string | null;
  videoUrl: string | null;
  status: string;
}

export const isCommittee = (type: string): type is Committee => type in COMMITTEES;

export const noMeeting = () =>
  new DomainError(
    'NOT_FOUND',
    'Cette réunion n’existe pas ou a été supprimée du calendrier (seuls les COPIL et COTECH en sont).',
  );

/** The meeting's event; refused when the event is not a COPIL or COTECH. */
export async function findMeeting(db: Db, eventId: number): Promise<MeetingRow> {
  const row = await db
    .selectFrom('events')
    .select(['id', 'type', 'title', 'start', 'end', 'place', 'videoUrl', 'status'])
    .where('id', '=', eventId)
    .executeTakeFirst();
  if (!row || !isCommittee(row.type)) throw noMeeting();
  return { ...row, committee: row.type };
}

export const meetingDay = (m: { start: string }) => m.start.slice(0, 10);
export const meetingYear = (m: { start: string }) => Number(m.start.slice(0, 4));
export const refOf = (m: { id: number; title: string; start: string }): MeetingRef => ({
  id: m.id,
  title: m.title,
  start: m.start,
});

/** The latest earlier meeting of the same committee that was not cancelled. */
export async function previousMeeting(db: Db, meeting: MeetingRow): Promise<MeetingRef | null> {
  const row = await db
    .selectFrom('events')
    .select(['id', 'title', 'start'])
    .where('type', '=', meeting.committee)
    .where('status', '!=', 'annule')
    .where((eb) =>
      eb.or([
        eb('start', '<', meeting.start),
        eb.and([eb('start', '=', meeting.start), eb('id', '<', meeting.id)]),
      ]),
    )
    .orderBy('start', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ?? null;
}

/** Every earlier meeting of the same committee (cancelled ones included: they hold no actions). */
export async function earlierMeetingIds(db: Db, meeting: MeetingRow): Promise<number[]> {
  const rows = await db
    .selectFrom('events')
    .select('id')
    .where('type', '=', meeting.committee)
    .where((eb) =>
      eb.or([
        eb('start', '<', meeting.start),
        eb.and([eb('start', '=', meeting.start), eb('id', '<', meeting.id)]),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

/** « Réunion du 12/06/2027 » : how the audit log names a meeting. */
export const meetingSubject = (m: { start: string }) => `Réunion du ${formatDate(meetingDay(m))}`;

/** Writes an audit entry under the committee, saying in `subject` what changed. */
export function auditCommittee(
  db: Db,
  committee: Committee,
  action: 'create' | 'update' | 'delete',
  subject: string,
  changes: FieldChange[],
): Promise<void> {
  return recordAudit(db, {
    entity: 'committee',
    entityId: COMMITTEE_AUDIT_IDS[committee],
    action,
    subject,
    changes,
  });
}

/** Rich text as stored; a value that no longer parses reads as empty rather than failing. */
export function readRichDoc(json: string): RichDoc {
  try {
    const parsed = richDoc.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : EMPTY_RICH_DOC;
  } catch {
    return EMPTY_RICH_DOC;
  }
}

export const touchedNow = () => new Date().toISOString();

/** A refusal on one field of the input, with the « Saisie à corriger » message. */
export function refuse(field: string, message: string): DomainError {
  return new DomainError('INVALID_INPUT', `Saisie à corriger : ${message}`, { [field]: message });
}
