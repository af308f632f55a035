/**
 * iCalendar (.ics, RFC 5545) export and import, written and read with ical.js.
 *
 * Export: one event or a period, with the Europe/Paris time zone, for Outlook, Thunderbird and
 * Google Calendar. Invitees are never written: an .ics file is shared widely.
 *
 * Import: the file is parsed by icsRead.ts inside a contained worker (src/main/imports), then
 * every VEVENT of a file from another calendar becomes an event (a recurring one, one
 * event per occurrence), keyed by its UID so that importing the same file again creates
 * nothing new. An unreadable entry is reported and skipped; it never stops the others.
 */
import ICAL from 'ical.js';
import type { Selectable } from 'kysely';
import type { ParsedInput, RouteOutput } from '../../../shared/api/contract';
import { EVENT_TYPES, MAX_ICS_BYTES, type EventType } from '../../../shared/domain/calendar';
import { TIME_ZONE } from '../../../shared/rules/dates';
import { DomainError } from '../../../shared/result';
import { inTransaction, type Db } from '../../db/connection';
import type { EventsTable } from '../../db/schema';
import { saveImportedEvent } from './events';
import { runContained } from '../../imports/contained';
import { slugOf } from './fileName';
import { VIDEO_LINE } from './icsRead';

const PRODID = '-//Balise//Promeneurs du Net//FR';

/** Europe/Paris as RFC 5545 describes it: CET in winter, CEST from the last Sunday of March. */
const PARIS_VTIMEZONE = [
  'BEGIN:VCALENDAR',
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  `X-LIC-LOCATION:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
  'END:VCALENDAR',
].join('\r\n');

/** ical.js folds after this many octets and then adds a space: 74 + 1 keeps every line ≤ 75. */
const FOLD_OCTETS = 74;

type EventRow = Selectable<EventsTable>;

// ---- export ------------------------------------------------------------------------------

/** A fresh Europe/Paris VTIMEZONE and its zone (a component belongs to one calendar). */
function parisZone(): { component: ICAL.Component; zone: ICAL.Timezone } {
  const component = new ICAL.Component(ICAL.parse(PARIS_VTIMEZONE)).getFirstSubcomponent(
    'vtimezone',
  )!;
  return { component, zone: new ICAL.Timezone(component) };
}

/** `YYYY-MM-DDTHH:mm` (Paris wall clock) → a date-time with TZID=Europe/Paris. */
function timeOf(local: string, zone: ICAL.Timezone): ICAL.Time {
  const [date, clock] = local.split('T') as [string, string];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = clock.split(':').map(Number) as [number, number];
  return ICAL.Time.fromData({ year, month, day, hour, minute, second: 0, isDate: false }, zone);
}

function descriptionOf(row: EventRow): string | null {
  const parts = [row.description, row.videoUrl ? `${VIDEO_LINE}${row.videoUrl}` : null];
  const text = parts.filter(Boolean).join('\n\n');
  return text === '' ? null : text;
}

function veventOf(
  row: EventRow,
  zone: ICAL.Timezone,
  stamp: ICAL.Time,
  sequence: number,
): ICAL.Component {
  const component = new ICAL.Component('vevent');
  const event = new ICAL.Event(component);
  event.uid = row.uid;
  component.addPropertyWithValue('dtstamp', stamp);
  event.startDate = timeOf(row.start, zone);
  event.endDate = timeOf(row.end, zone);
  event.summary = row.title;
  if (row.place) event.location = row.place;
  if (row.videoUrl) component.addPropertyWithValue('url', row.videoUrl);
  const description = descriptionOf(row);
  if (description) event.description = description;
  component.addPropertyWithValue(
    'categories',
    EVENT_TYPES[row.type as EventType] ?? EVENT_TYPES.autre,
  );
  component.addPropertyWithValue('status', row.status === 'annule' ? 'CANCELLED' : 'CONFIRMED');
  event.sequence = sequence;
  return component;
}

/** The fields an exported VEVENT shows: a change to one of them is a new SEQUENCE. */
const EXPORTED_FIELDS = new Set([
  'type',
  'title',
  'start',
  'end',
  'place',
  'videoUrl',
  'description',
  'status',
]);

/**
 * How many times each event's exported fields were changed (by hand or by an import): the
 * SEQUENCE that tells a calendar program an event it already has was updated.
 */
async function sequencesOf(db: Db, ids: number[]): Promise<Map<number, number>> {
  const sequences = new Map<number, number>();
  if (ids.length === 0) return sequences;
  const rows = await db
    .selectFrom('auditLog')
    .select(['entityId', 'changes'])
    .where('entity', '=', 'event')
    .where('action', '=', 'update')
    .where('entityId', 'in', ids)
    .execute();
  for (const row of rows) {
    const changes = JSON.parse(row.changes) as { field: string }[];
    if (changes.some((c) => EXPORTED_FIELDS.has(c.field)))
      sequences.set(row.entityId, (sequences.get(row.entityId) ?? 0) + 1);
  }
  return sequences;
}

/** Writes a calendar with RFC 5545's CRLF line ends and lines folded at 75 octets. */
function stringify(calendar: ICAL.Component): string {
  const before = { fold: ICAL.foldLength, newLine: ICAL.newLineChar };
  ICAL.foldLength = FOLD_OCTETS;
  ICAL.newLineChar = '\r\n';
  try {
    return `${calendar.toString()}\r\n`;
  } finally {
    ICAL.foldLength = before.fold;
    ICAL.newLineChar = before.newLine;
  }
}

/** One event (`id`) or every event overlapping a period (`from`–`to`) as an .ics file. */
export async function exportIcs(
  db: Db,
  input: ParsedInput<'calendar.exportIcs'>,
): Promise<RouteOutput<'calendar.exportIcs'>> {
  let rows: EventRow[];
  let fileName: string;
  if (input.id !== null) {
    const row = await db
      .selectFrom('events')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!row) throw new DomainError('NOT_FOUND', 'Cet évènement n’existe pas ou a été supprimé.');
    rows = [row];
    fileName = `balise-${row.start.slice(0, 10)}-${slugOf(row.title)}.ics`;
  } else {
    const from = input.from!;
    const to = input.to!;
    rows = await db
      .selectFrom('events')
      .selectAll()
      .where('start', '<=', `${to}T23:59`)
      .where('end', '>=', `${from}T00:00`)
      .orderBy('start')
      .orderBy('id')
      .execute();
    fileName = `balise-calendrier-${from}-au-${to}.ics`;
  }
  const sequences = await sequencesOf(
    db,
    rows.map((r) => r.id),
  );
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.addPropertyWithValue('prodid', PRODID);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  const paris = parisZone();
  calendar.addSubcomponent(paris.component);
  const stamp = ICAL.Time.fromJSDate(new Date(), true);
  for (const row of rows)
    calendar.addSubcomponent(veventOf(row, paris.zone, stamp, sequences.get(row.id) ?? 0));
  return { fileName, content: stringify(calendar), count: rows.length };
}

/** An .ics file of 5 MB parses in well under a second and 100 MiB; these leave a wide margin. */
const ICS_LIMITS = { maxMemoryMb: 256, timeoutMs: 10_000, field: 'content' };

/** Imports an .ics file; the same file imported twice creates nothing the second time. */
export async function importIcs(
  db: Db,
  input: ParsedInput<'calendar.importIcs'>,
): Promise<RouteOutput<'calendar.importIcs'>> {
  if (Buffer.byteLength(input.content, 'utf8') > MAX_ICS_BYTES)
    throw new DomainError('INVALID_INPUT', 'Fichier trop volumineux (5 Mo au plus).', {
      content: 'Fichier trop volumineux (5 Mo au plus).',
    });
  // Parsed in a contained worker: a hostile file stops there, before anything is written.
  const { events, problems } = await runContained('ics', input.content, ICS_LIMITS);
  const counts = { created: 0, updated: 0, unchanged: 0 };
  await inTransaction(db, async (trx) => {
    for (const e of events) counts[await saveImportedEvent(trx, e.uid, e.fields, e.status)]++;
  });
  return { ...counts, problems };
}
