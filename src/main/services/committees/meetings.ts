/**
 * A committee meeting — a calendar event of type copil or cotech — as the secretary prepares
 * and records it: the ordered agenda (with the follow-up of earlier actions first), who
 * attended, the minutes per item and their life (draft → approved → circulated).
 */
import type {
  AgendaItem,
  AgendaItemFields,
  AttendanceLineView,
  LabelledLink,
  LinkOption,
  Meeting,
  MeetingSummary,
  MinutesState,
} from '../../../shared/api/committees';
import type { ParsedInput } from '../../../shared/api/contract';
import {
  FOLLOW_UP_TITLE,
  MEETING_ATTENDANCES,
  MINUTES_STATUSES,
  OPEN_ACTION_STATUSES,
  type Committee,
  type LinkKind,
  type MeetingAttendance,
  type MinutesStatus,
} from '../../../shared/domain/committees';
import type { EventStatus } from '../../../shared/domain/calendar';
import { richText, type RichDoc } from '../../../shared/domain/richText';
import {
  attendanceMarkError,
  followedActions,
  minutesChangeErrors,
  moveItem,
  quorumOf,
  sitsOn,
  type AttendanceMark,
} from '../../../shared/rules/committees';
import { todayInParis } from '../../../shared/rules/dates';
import { diffRecords, type FieldChange } from '../../../shared/rules/diff';
import { DomainError } from '../../../shared/result';
import { sql } from 'kysely';
import { inTransaction, type Db } from '../../db/connection';
import { compareText } from '../directory';
import { actionsWhere } from './actions';
import { decisionsWhere } from './decisions';
import { sortMembers } from './members';
import {
  auditCommittee,
  earlierMeetingIds,
  findMeeting,
  meetingDay,
  meetingSubject,
  previousMeeting,
  readRichDoc,
  refOf,
  refuse,
  touchedNow,
  type MeetingRow,
} from './records';

// ---- listing ----------------------------------------------------------------------------

/** A committee's meetings, newest first, with where their minutes, decisions and actions stand. */
export async function listMeetings(db: Db, committee: Committee): Promise<MeetingSummary[]> {
  const rows = await db
    .selectFrom('events')
    .leftJoin('meetingMinutes', 'meetingMinutes.eventId', 'events.id')
    .select((eb) => [
      'events.id',
      'events.title',
      'events.start',
      'events.end',
      'events.place',
      'events.status',
      'meetingMinutes.status as minutesStatus',
      eb
        .selectFrom('meetingAgendaItems')
        .select((s) => s.fn.countAll<number>().as('n'))
        .whereRef('meetingAgendaItems.eventId', '=', 'events.id')
        .as('agendaItems'),
      eb
        .selectFrom('committeeDecisions')
        .select((s) => s.fn.countAll<number>().as('n'))
        .whereRef('committeeDecisions.eventId', '=', 'events.id')
        .as('decisions'),
      eb
        .selectFrom('committeeActions')
        .select((s) => s.fn.countAll<number>().as('n'))
        .whereRef('committeeActions.eventId', '=', 'events.id')
        .where('committeeActions.status', 'in', [...OPEN_ACTION_STATUSES])
        .as('openActions'),
    ])
    .where('events.type', '=', committee)
    .orderBy('events.start', 'desc')
    .orderBy('events.id', 'desc')
    .execute();
  return rows.map((r) => ({
    eventId: r.id,
    title: r.title,
    start: r.start,
    end: r.end,
    place: r.place,
    status: r.status as EventStatus,
    minutesStatus: (r.minutesStatus as MinutesStatus | null) ?? null,
    agendaItems: r.agendaItems ?? 0,
    decisions: r.decisions ?? 0,
    openActions: r.openActions ?? 0,
  }));
}

// ---- linked records -----------------------------------------------------------------------

const LINK_COLUMNS = {
  structure: 'structureId',
  promeneur: 'promeneurId',
  convention: 'conventionId',
  document: 'documentId',
} as const satisfies Record<LinkKind, string>;

/** Every record an agenda item can concern, labelled as the agenda shows it. */
export async function linkOptions(db: Db): Promise<LinkOption[]> {
  const structures = await db
    .selectFrom('structures')
    .select(['id', 'name'])
    .where('archivedAt', 'is', null)
    .execute();
  const promeneurs = await db
    .selectFrom('promeneurs')
    .innerJoin('structures', 'structures.id', 'promeneurs.structureId')
    .select(['promeneurs.id', 'firstName', 'lastName', 'structures.name as structureName'])
    .where('promeneurs.archivedAt', 'is', null)
    .execute();
  const conventions = await db
    .selectFrom('conventions')
    .innerJoin('structures', 'structures.id', 'conventions.structureId')
    .select(['conventions.id', 'reference', 'structures.name as structureName'])
    .execute();
  const documents = await db
    .selectFrom('conventionDocuments')
    .innerJoin('conventions', 'conventions.id', 'conventionDocuments.conventionId')
    .select(['conventionDocuments.id', 'conventionDocuments.label', 'conventions.reference'])
    .where('conventions.status', 'not in', ['echue', 'resiliee', 'resolue'])
    .execute();
  return [
    ...structures
      .sort((a, b) => compareText(a.name, b.name))
      .map((s) => ({ kind: 'structure' as const, id: s.id, label: s.name })),
    ...promeneurs
      .sort((a, b) => compareText(a.lastName, b.lastName) || compareText(a.firstName, b.firstName))
      .map((p) => ({
        kind: 'promeneur' as const,
        id: p.id,
        label: `${p.firstName} ${p.lastName} (${p.structureName})`,
      })),
    ...conventions
      .sort((a, b) => compareText(a.reference, b.reference))
      .map((c) => ({
        kind: 'convention' as const,
        id: c.id,
        label: `${c.reference} — ${c.structureName}`,
      })),
    ...documents
      .sort((a, b) => compareText(a.reference, b.reference) || compareText(a.label, b.label))
      .map((d) => ({
        kind: 'document' as const,
        id: d.id,
        label: `${d.label} (convention ${d.reference})`,
      })),
  ];
}

/** The links of agenda items, labelled (« Structure : MJC de … »), by item. */
async function linksOf(db: Db, itemIds: number[]): Promise<Map<number, LabelledLink[]>> {
  const out = new Map<number, LabelledLink[]>();
  if (itemIds.length === 0) return out;
  const rows = await db
    .selectFrom('agendaItemLinks as l')
    .leftJoin('structures', 'structures.id', 'l.structureId')
    .leftJoin('promeneurs', 'promeneurs.id', 'l.promeneurId')
    .leftJoin('conventions', 'conventions.id', 'l.conventionId')
    .leftJoin('conventionDocuments as doc', 'doc.id', 'l.documentId')
    .leftJoin('conventions as dc', 'dc.id', 'doc.conventionId')
    .select([
      'l.itemId',
      'l.structureId',
      'l.promeneurId',
      'l.conventionId',
      'l.documentId',
      'structures.name as structureName',
      'promeneurs.firstName',
      'promeneurs.lastName',
      'conventions.reference',
      'doc.label as documentLabel',
      'dc.reference as documentReference',
    ])
    .where('l.itemId', 'in', itemIds)
    .orderBy(sql`l.rowid`)
    .execute();
  for (const r of rows) {
    const link: LabelledLink =
      r.structureId !== null
        ? { kind: 'structure', id: r.structureId, label: `Structure : ${r.structureName}` }
        : r.promeneurId !== null
          ? {
              kind: 'promeneur',
              id: r.promeneurId,
              label: `Promeneur : ${r.firstName} ${r.lastName}`,
            }
          : r.conventionId !== null
            ? { kind: 'convention', id: r.conventionId, label: `Convention : ${r.reference}` }
            : {
                kind: 'document',
                id: r.documentId!,
                label: `Pièce : ${r.documentLabel} (convention ${r.documentReference})`,
              };
    out.set(r.itemId, [...(out.get(r.itemId) ?? []), link]);
  }
  return out;
}

// ---- reading a meeting ----------------------------------------------------------------------

async function minutesRow(db: Db, eventId: number) {
  return db
    .selectFrom('meetingMinutes')
    .selectAll()
    .where('eventId', '=', eventId)
    .executeTakeFirst();
}

/** The agenda as stored, with the follow-up of earlier actions first when there is one. */
export async function agendaOf(
  db: Db,
  meeting: MeetingRow,
  followed: number,
  followUpMinutes: RichDoc,
): Promise<AgendaItem[]> {
  const rows = await db
    .selectFrom('meetingAgendaItems')
    .selectAll()
    .where('eventId', '=', meeting.id)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const links = await linksOf(
    db,
    rows.map((r) => r.id),
  );
  const items: AgendaItem[] = [];
  // The follow-up stays once written, even when every action it followed is closed since.
  if (followed > 0 || richText(followUpMinutes) !== '')
    items.push({
      id: null,
      position: 0,
      title: FOLLOW_UP_TITLE,
      presenter: null,
      durationMinutes: null,
      followUp: true,
      links: [],
      minutes: followUpMinutes,
    });
  for (const r of rows)
    items.push({
      id: r.id,
      position: 0,
      title: r.title,
      presenter: r.presenter,
      durationMinutes: r.durationMinutes,
      followUp: false,
      links: links.get(r.id) ?? [],
      minutes: readRichDoc(r.minutes),
    });
  return items.map((item, index) => ({ ...item, position: index + 1 }));
}

/** The members expected at the meeting (sitting on its day) and anyone marked, with marks. */
export async function attendanceOf(db: Db, meeting: MeetingRow): Promise<AttendanceLineView[]> {
  const day = meetingDay(meeting);
  const members = await db
    .selectFrom('committeeMembers')
    .selectAll()
    .where('committee', '=', meeting.committee)
    .execute();
  const marks = await db
    .selectFrom('meetingAttendance')
    .selectAll()
    .where('eventId', '=', meeting.id)
    .execute();
  const marked = new Map(marks.map((m) => [m.memberId, m]));
  const shown = members.filter((m) => sitsOn(m, day) || marked.has(m.id));
  return sortMembers(shown).map((member) => {
    const mark = marked.get(member.id);
    return {
      member,
      attendance: (mark?.attendance as MeetingAttendance | undefined) ?? null,
      representedByMemberId: mark?.representedByMemberId ?? null,
    };
  });
}

const marksOf = (lines: AttendanceLineView[]) =>
  new Map<number, AttendanceMark>(
    lines
      .filter((l) => l.attendance !== null)
      .map((l) => [
        l.member.id,
        { attendance: l.attendance!, representedByMemberId: l.representedByMemberId },
      ]),
  );

export async function quorumAt(db: Db, meeting: MeetingRow, lines: AttendanceLineView[]) {
  const { quorum } = await db
    .selectFrom('committees')
    .select('quorum')
    .where('committee', '=', meeting.committee)
    .executeTakeFirstOrThrow();
  return quorumOf(
    quorum,
    lines.map((l) => l.member),
    marksOf(lines),
  );
}

export async function minutesStateOf(db: Db, eventId: number): Promise<MinutesState> {
  const row = await minutesRow(db, eventId);
  const approvedAt =
    row?.approvedAtEventId != null
      ? await db
          .selectFrom('events')
          .select(['id', 'title', 'start'])
          .where('id', '=', row.approvedAtEventId)
          .executeTakeFirst()
      : undefined;
  return {
    status: (row?.status as MinutesStatus | undefined) ?? 'brouillon',
    approvedOn: row?.approvedOn ?? null,
    approvedAt: approvedAt ? refOf(approvedAt) : null,
    circulatedOn: row?.circulatedOn ?? null,
    recipients: row?.recipients ?? null,
  };
}

/** The actions the meeting follows up: the previous meeting's, and older ones still open. */
async function followedOf(db: Db, meeting: MeetingRow, today: string) {
  const previous = await previousMeeting(db, meeting);
  const earlier = await actionsWhere(db, { eventIds: await earlierMeetingIds(db, meeting) }, today);
  return { previous, actions: followedActions(earlier, previous?.id ?? null) };
}

/**
 * A meeting's agenda with its follow-up, and the actions that follow-up lists: what the
 * meeting page, the minutes and the preparation pack all start from.
 */
export async function agendaWithFollowUp(db: Db, meeting: MeetingRow, today: string) {
  const { previous, actions: followed } = await followedOf(db, meeting, today);
  const row = await minutesRow(db, meeting.id);
  const agenda = await agendaOf(
    db,
    meeting,
    followed.length,
    readRichDoc(row?.followUpMinutes ?? '{}'),
  );
  return { previous, followed, agenda };
}

export async function getMeeting(
  db: Db,
  eventId: number,
  today: string = todayInParis(),
): Promise<Meeting> {
  const meeting = await findMeeting(db, eventId);
  const { previous, followed, agenda } = await agendaWithFollowUp(db, meeting, today);
  const later = await db
    .selectFrom('events')
    .select(['id', 'title', 'start'])
    .where('type', '=', meeting.committee)
    .where('status', '!=', 'annule')
    .where('start', '>', meeting.start)
    .orderBy('start')
    .execute();
  const attendance = await attendanceOf(db, meeting);
  return {
    event: {
      id: meeting.id,
      committee: meeting.committee,
      title: meeting.title,
      start: meeting.start,
      end: meeting.end,
      place: meeting.place,
      videoUrl: meeting.videoUrl,
      status: meeting.status as EventStatus,
    },
    previous,
    later: later.map(refOf),
    agenda,
    followedActions: followed,
    attendance,
    quorum: await quorumAt(db, meeting, attendance),
    minutes: await minutesStateOf(db, eventId),
    decisions: (await decisionsWhere(db, { eventIds: [eventId] })).map(
      ({ date: _d, meetingTitle: _t, ...d }) => d,
    ),
    actions: await actionsWhere(db, { eventIds: [eventId] }, today),
  };
}

// ---- the agenda -------------------------------------------------------------------------------

const noItem = () =>
  new DomainError('NOT_FOUND', 'Ce point de l’ordre du jour n’existe pas ou a été supprimé.');

async function findItem(db: Db, id: number) {
  const row = await db
    .selectFrom('meetingAgendaItems')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw noItem();
  return row;
}

const agendaSubject = (meeting: MeetingRow, title: string) =>
  `${meetingSubject(meeting)} — ordre du jour : ${title}`;

/** Refuses links to records that no longer exist; keeps each record once. */
async function checkedLinks(db: Db, links: AgendaItemFields['links']) {
  const unique = [...new Map(links.map((l) => [`${l.kind}:${l.id}`, l])).values()];
  const tables = {
    structure: 'structures',
    promeneur: 'promeneurs',
    convention: 'conventions',
    document: 'conventionDocuments',
  } as const;
  for (const [index, link] of unique.entries()) {
    const found = await db
      .selectFrom(tables[link.kind])
      .select('id')
      .where('id', '=', link.id)
      .executeTakeFirst();
    if (!found)
      throw refuse(
        `fields.links.${index}`,
        'Une des fiches liées n’existe pas ou a été supprimée.',
      );
  }
  return unique;
}

async function writeLinks(db: Db, itemId: number, links: AgendaItemFields['links']) {
  await db.deleteFrom('agendaItemLinks').where('itemId', '=', itemId).execute();
  for (const link of links)
    await db
      .insertInto('agendaItemLinks')
      .values({
        itemId,
        structureId: null,
        promeneurId: null,
        conventionId: null,
        documentId: null,
        [LINK_COLUMNS[link.kind]]: link.id,
      })
      .execute();
}

/** What the log keeps of an item, as stored: its links by their labels. */
async function recordedItem(db: Db, id: number) {
  const row = await findItem(db, id);
  const links = (await linksOf(db, [id])).get(id) ?? [];
  return {
    title: row.title,
    presenter: row.presenter,
    durationMinutes: row.durationMinutes,
    links: links.map((l) => l.label).sort(),
  };
}
const ITEM_FIELDS = ['title', 'presenter', 'durationMinutes', 'links'] as const;

export function createAgendaItem(
  db: Db,
  eventId: number,
  fields: AgendaItemFields,
): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const meeting = await findMeeting(trx, eventId);
    const links = await checkedLinks(trx, fields.links);
    const { last } = await trx
      .selectFrom('meetingAgendaItems')
      .select((eb) => eb.fn.max<number | null>('position').as('last'))
      .where('eventId', '=', eventId)
      .executeTakeFirstOrThrow();
    const now = touchedNow();
    const { id } = await trx
      .insertInto('meetingAgendaItems')
      .values({
        eventId,
        position: (last ?? 0) + 1,
        title: fields.title,
        presenter: fields.presenter,
        durationMinutes: fields.durationMinutes,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeLinks(trx, id, links);
    await auditCommittee(
      trx,
      meeting.committee,
      'create',
      agendaSubject(meeting, fields.title),
      diffRecords(null, await recordedItem(trx, id), ITEM_FIELDS),
    );
    return { id };
  });
}

export function updateAgendaItem(
  db: Db,
  id: number,
  fields: AgendaItemFields,
): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const row = await findItem(trx, id);
    const meeting = await findMeeting(trx, row.eventId);
    const links = await checkedLinks(trx, fields.links);
    const before = await recordedItem(trx, id);
    await trx
      .updateTable('meetingAgendaItems')
      .set({
        title: fields.title,
        presenter: fields.presenter,
        durationMinutes: fields.durationMinutes,
        updatedAt: touchedNow(),
      })
      .where('id', '=', id)
      .execute();
    await writeLinks(trx, id, links);
    const changes = diffRecords(before, await recordedItem(trx, id), ITEM_FIELDS);
    if (changes.length > 0)
      await auditCommittee(
        trx,
        meeting.committee,
        'update',
        agendaSubject(meeting, fields.title),
        changes,
      );
    return { id };
  });
}

/** Numbers the meeting's items 1…n in the given order. */
async function renumber(db: Db, ids: number[]): Promise<void> {
  for (const [index, itemId] of ids.entries())
    await db
      .updateTable('meetingAgendaItems')
      .set({ position: index + 1 })
      .where('id', '=', itemId)
      .execute();
}

async function orderedIds(db: Db, eventId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('meetingAgendaItems')
    .select('id')
    .where('eventId', '=', eventId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Moves an item one place up or down (the follow-up of earlier actions always opens). */
export function moveAgendaItem(
  db: Db,
  id: number,
  direction: 'up' | 'down',
): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const row = await findItem(trx, id);
    const meeting = await findMeeting(trx, row.eventId);
    const before = await orderedIds(trx, row.eventId);
    const after = moveItem(before, id, direction);
    if (after === before) return { id };
    await renumber(trx, after);
    await auditCommittee(trx, meeting.committee, 'update', agendaSubject(meeting, row.title), [
      { field: 'position', before: before.indexOf(id) + 1, after: after.indexOf(id) + 1 },
    ]);
    return { id };
  });
}

export function removeAgendaItem(db: Db, id: number): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const recorded = await recordedItem(trx, id);
    const row = await findItem(trx, id);
    const meeting = await findMeeting(trx, row.eventId);
    await trx.deleteFrom('meetingAgendaItems').where('id', '=', id).execute();
    await renumber(trx, await orderedIds(trx, row.eventId));
    await auditCommittee(trx, meeting.committee, 'delete', agendaSubject(meeting, row.title), [
      ...diffRecords(recorded, null, ITEM_FIELDS),
      ...(richText(readRichDoc(row.minutes))
        ? [{ field: 'minutes', before: richText(readRichDoc(row.minutes)), after: null }]
        : []),
    ]);
    return { id };
  });
}

// ---- attendance -------------------------------------------------------------------------------

/** Records attendance marks (null clears one); refuses a mark that does not hold. */
export function recordMeetingAttendance(
  db: Db,
  eventId: number,
  marks: ParsedInput<'committees.attendance'>['marks'],
): Promise<{ eventId: number }> {
  return inTransaction(db, async (trx) => {
    const meeting = await findMeeting(trx, eventId);
    const members = await trx
      .selectFrom('committeeMembers')
      .select(['id', 'name'])
      .where('committee', '=', meeting.committee)
      .execute();
    const names = new Map(members.map((m) => [m.id, m.name]));
    const ids = new Set(names.keys());
    const before = new Map(
      (
        await trx
          .selectFrom('meetingAttendance')
          .selectAll()
          .where('eventId', '=', eventId)
          .execute()
      ).map((m) => [m.memberId, m]),
    );
    const changes: FieldChange[] = [];
    for (const [index, mark] of marks.entries()) {
      if (!ids.has(mark.memberId))
        throw refuse(`marks.${index}.memberId`, 'Ce membre n’appartient pas à cette instance.');
      const name = names.get(mark.memberId)!;
      const previous = before.get(mark.memberId);
      if (mark.attendance === null) {
        if (!previous) continue;
        await trx
          .deleteFrom('meetingAttendance')
          .where('eventId', '=', eventId)
          .where('memberId', '=', mark.memberId)
          .execute();
        changes.push({
          field: name,
          before: MEETING_ATTENDANCES[previous.attendance as MeetingAttendance],
          after: null,
        });
        continue;
      }
      const problem = attendanceMarkError(
        mark.memberId,
        { attendance: mark.attendance, representedByMemberId: mark.representedByMemberId },
        ids,
      );
      if (problem) throw refuse(`marks.${index}.representedByMemberId`, `${name} : ${problem}`);
      if (
        previous?.attendance === mark.attendance &&
        previous.representedByMemberId === mark.representedByMemberId
      )
        continue;
      await trx
        .insertInto('meetingAttendance')
        .values({
          eventId,
          memberId: mark.memberId,
          attendance: mark.attendance,
          representedByMemberId: mark.representedByMemberId,
        })
        .onConflict((oc) =>
          oc.columns(['eventId', 'memberId']).doUpdateSet({
            attendance: mark.attendance!,
            representedByMemberId: mark.representedByMemberId,
          }),
        )
        .execute();
      const said = (m: { attendance: string; representedByMemberId: number | null }) => {
        const label = MEETING_ATTENDANCES[m.attendance as MeetingAttendance] ?? m.attendance;
        const by = m.representedByMemberId !== null ? names.get(m.representedByMemberId) : null;
        return by ? `${label} par ${by}` : label;
      };
      changes.push({
        field: name,
        before: previous ? said(previous) : null,
        after: said({
          attendance: mark.attendance,
          representedByMemberId: mark.representedByMemberId,
        }),
      });
    }
    if (changes.length > 0)
      await auditCommittee(
        trx,
        meeting.committee,
        'update',
        `${meetingSubject(meeting)} — présences`,
        changes,
      );
    return { eventId };
  });
}

// ---- minutes ---------------------------------------------------------------------------------

/** The minutes row of a meeting, created as a draft the first time it is needed. */
async function ensureMinutes(db: Db, eventId: number) {
  const row = await minutesRow(db, eventId);
  if (row) return row;
  await db
    .insertInto('meetingMinutes')
    .values({ eventId, status: 'brouillon', updatedAt: touchedNow() })
    .execute();
  return (await minutesRow(db, eventId))!;
}

/** Successive saves of one item within this many minutes make one entry of the log. */
const COALESCE_MINUTES = 10;

/**
 * Saves the minutes of one item (autosave). Refused once approved: the approved text is the
 * one the committee voted. Typing in bursts gives one log entry per burst, not per save.
 */
export function saveItemMinutes(
  db: Db,
  eventId: number,
  itemId: number | null,
  minutes: RichDoc,
): Promise<{ eventId: number }> {
  return inTransaction(db, async (trx) => {
    const meeting = await findMeeting(trx, eventId);
    const state = await ensureMinutes(trx, eventId);
    if (state.status !== 'brouillon')
      throw new DomainError(
        'CONFLICT',
        'Ce compte rendu est approuvé : repassez-le en brouillon pour le modifier.',
      );
    const json = JSON.stringify(minutes);
    let before: string;
    let title: string;
    if (itemId === null) {
      before = state.followUpMinutes;
      title = FOLLOW_UP_TITLE;
      await trx
        .updateTable('meetingMinutes')
        .set({ followUpMinutes: json, updatedAt: touchedNow() })
        .where('eventId', '=', eventId)
        .execute();
    } else {
      const item = await findItem(trx, itemId);
      if (item.eventId !== eventId) throw noItem();
      before = item.minutes;
      title = item.title;
      await trx
        .updateTable('meetingAgendaItems')
        .set({ minutes: json, updatedAt: touchedNow() })
        .where('id', '=', itemId)
        .execute();
    }
    const [was, now] = [richText(readRichDoc(before)), richText(minutes)];
    if (was === now) return { eventId };
    const subject = `${meetingSubject(meeting)} — compte rendu : ${title}`;
    const last = await trx
      .selectFrom('auditLog')
      .select(['id', 'at', 'subject', 'changes'])
      .where('entity', '=', 'committee')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    const recent =
      last?.subject === subject && Date.now() - Date.parse(last.at) < COALESCE_MINUTES * 60_000;
    if (recent) {
      const [change] = JSON.parse(last.changes) as FieldChange[];
      await trx
        .updateTable('auditLog')
        .set({
          at: new Date().toISOString(),
          changes: JSON.stringify([
            { field: 'minutes', before: change?.before ?? was, after: now },
          ]),
        })
        .where('id', '=', last.id)
        .execute();
    } else {
      await auditCommittee(trx, meeting.committee, 'update', subject, [
        { field: 'minutes', before: was, after: now },
      ]);
    }
    return { eventId };
  });
}

/** Draft → approved (day, at which meeting) → circulated (day, recipients); or back to draft. */
export function setMinutesStatus(
  db: Db,
  input: ParsedInput<'committees.minutes.setStatus'>,
): Promise<{ eventId: number }> {
  return inTransaction(db, async (trx) => {
    const meeting = await findMeeting(trx, input.eventId);
    const state = await ensureMinutes(trx, input.eventId);
    const draft = input.status === 'brouillon';
    const after = {
      status: input.status,
      approvedOn: draft ? null : input.approvedOn,
      approvedAtEventId: draft ? null : input.approvedAtEventId,
      circulatedOn: input.status === 'diffuse' ? input.circulatedOn : null,
      recipients: input.status === 'diffuse' ? input.recipients : null,
    };
    const errors = minutesChangeErrors(after, meetingDay(meeting));
    if (after.approvedAtEventId !== null) {
      const at = await trx
        .selectFrom('events')
        .select(['type', 'start'])
        .where('id', '=', after.approvedAtEventId)
        .executeTakeFirst();
      if (!at || at.type !== meeting.committee || at.start <= meeting.start)
        errors.approvedAtEventId = 'Choisissez une réunion suivante de la même instance.';
    }
    const [field, message] = Object.entries(errors)[0] ?? [];
    if (field)
      throw new DomainError(
        'INVALID_INPUT',
        `Saisie à corriger : ${message}`,
        Object.fromEntries(Object.entries(errors)),
      );
    const changes = diffRecords(
      {
        status: state.status,
        approvedOn: state.approvedOn,
        approvedAtEventId: state.approvedAtEventId,
        circulatedOn: state.circulatedOn,
        recipients: state.recipients,
      },
      after,
      ['status', 'approvedOn', 'approvedAtEventId', 'circulatedOn', 'recipients'],
    );
    if (changes.length === 0) return { eventId: input.eventId };
    await trx
      .updateTable('meetingMinutes')
      .set({ ...after, updatedAt: touchedNow() })
      .where('eventId', '=', input.eventId)
      .execute();
    await auditCommittee(
      trx,
      meeting.committee,
      'update',
      `${meetingSubject(meeting)} — compte rendu (${MINUTES_STATUSES[input.status].toLowerCase()})`,
      changes,
    );
    return { eventId: input.eventId };
  });
}
