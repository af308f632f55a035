/**
 * iCalendar (.ics, RFC 5545) export and import, written and read with ical.js.
 *
 * Export: one event or a period, with the Europe/Paris time zone, for Outlook, Thunderbird and
 * Google Calendar. Invitees are never written: an .ics file is shared widely.
 *
 * Import: every VEVENT of a file from another calendar becomes an event (a recurring one, one
 * event per occurrence), keyed by its UID so that importing the same file again creates
 * nothing new. An unreadable entry is reported and skipped; it never stops the others.
 */
import { TZDate } from '@date-fns/tz';
import ICAL from 'ical.js';
import type { Selectable } from 'kysely';
import { eventFields, type EventFields } from '../../../shared/api/calendar';
import type { ParsedInput, RouteOutput } from '../../../shared/api/contract';
import {
  EVENT_TYPES,
  MAX_ICS_BYTES,
  MAX_OCCURRENCES,
  type EventStatus,
  type EventType,
} from '../../../shared/domain/calendar';
import { TIME_ZONE } from '../../../shared/rules/dates';
import { searchKey } from '../../../shared/rules/text';
import { DomainError } from '../../../shared/result';
import { inTransaction, type Db } from '../../db/connection';
import type { EventsTable } from '../../db/schema';
import { saveImportedEvent } from './events';
import { slugOf } from './fileName';

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

/** Written at the end of the description when the event has a video link, and read back. */
const VIDEO_LINE = 'Lien de la visioconférence : ';

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

// ---- import ------------------------------------------------------------------------------

interface Imported {
  uid: string;
  fields: EventFields;
  status: EventStatus;
}

const pad = (n: number) => String(n).padStart(2, '0');
const wallClock = (y: number, mo: number, d: number, h: number, mi: number) =>
  `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`;

/** An instant (ms since 1970) as a Paris wall-clock time. */
function parisOf(ms: number): string {
  const t = new TZDate(ms, TIME_ZONE);
  return wallClock(t.getFullYear(), t.getMonth() + 1, t.getDate(), t.getHours(), t.getMinutes());
}

/** Now, as a Paris wall-clock time. */
const nowInParis = () => parisOf(Date.now());

/**
 * Any date-time of the file as a Paris wall-clock time: with a time zone the file defines, in
 * UTC, with a TZID the file does not define but that is a known zone name (Europe/Paris…),
 * or floating (read as Paris time, which is where the network lives).
 */
function localOf(time: ICAL.Time, tzid: string | null): string {
  const zone = time.zone;
  const floating = !zone || zone === ICAL.Timezone.localTimezone || zone.tzid === 'floating';
  if (!floating) return parisOf(time.toUnixTime() * 1000);
  const { year, month, day, hour, minute } = time;
  if (tzid) {
    const known = TZDate.tz(tzid, year, month - 1, day, hour, minute).getTime();
    if (!Number.isNaN(known)) return parisOf(known);
  }
  return wallClock(year, month, day, hour, minute);
}

/** A wall-clock time one hour later (same clock arithmetic as the person reading it). */
const anHourAfter = (local: string) =>
  new Date(Date.parse(`${local}:00Z`) + 3_600_000).toISOString().slice(0, 16);

/** The day before a DATE value (an all-day event's DTEND is the day after its last day). */
function dayBefore(time: ICAL.Time): string {
  const d = new Date(Date.UTC(time.year, time.month - 1, time.day - 1));
  return d.toISOString().slice(0, 10);
}

/** The first CATEGORIES value that names an event type (accents and case ignored). */
function typeOf(component: ICAL.Component): EventType {
  const labels = new Map(
    (Object.entries(EVENT_TYPES) as [EventType, string][]).flatMap(([key, label]) => [
      [searchKey(label), key],
      [searchKey(key.replace(/_/g, ' ')), key],
    ]),
  );
  for (const property of component.getAllProperties('categories'))
    for (const value of property.getValues())
      if (typeof value === 'string') {
        const type = labels.get(searchKey(value));
        if (type) return type;
      }
  return 'autre';
}

const textOf = (component: ICAL.Component, name: string): string | null => {
  const value = component.getFirstPropertyValue(name);
  if (typeof value !== 'string') return null;
  const text = value.replace(/\r\n?/g, '\n').trim();
  return text === '' ? null : text;
};

const cut = (text: string | null, max: number) =>
  text !== null && text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** The name of an entry in a problem line: its title, or its position in the file. */
const nameOf = (component: ICAL.Component, index: number) => {
  const summary = textOf(component, 'summary');
  return summary ? `« ${cut(summary, 60)} »` : `n° ${index + 1}`;
};

/** The fields of one occurrence, as a person would have typed them. */
function occurrenceOf(
  uid: string,
  source: ICAL.Component,
  start: ICAL.Time,
  end: ICAL.Time,
  tzid: string | null,
  now: string,
): Imported | string {
  const allDay = start.isDate;
  const startLocal = allDay ? `${start.toString().slice(0, 10)}T00:00` : localOf(start, tzid);
  let endLocal: string;
  if (allDay) {
    const lastDay = end.isDate && end.compare(start) > 0 ? dayBefore(end) : startLocal.slice(0, 10);
    endLocal = `${lastDay}T23:59`;
  } else {
    endLocal = localOf(end, tzid);
    // No DTEND nor DURATION (or an end before the start): an hour, for a usable event.
    if (endLocal <= startLocal) endLocal = anHourAfter(startLocal);
  }
  const url = textOf(source, 'url');
  const videoUrl = url && /^https?:\/\//i.test(url) ? url : null;
  let description = textOf(source, 'description');
  if (description && videoUrl && description.endsWith(`${VIDEO_LINE}${videoUrl}`))
    description = description.slice(0, -`${VIDEO_LINE}${videoUrl}`.length).trim() || null;
  if (allDay) description = ['Journée entière.', description].filter(Boolean).join('\n\n');
  const parsed = eventFields.safeParse({
    type: typeOf(source),
    title: cut(textOf(source, 'summary'), 200) ?? 'Sans titre',
    start: startLocal,
    end: endLocal,
    place: cut(textOf(source, 'location'), 300),
    videoUrl,
    description: cut(description, 5000),
  });
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'contenu illisible';
  const cancelled =
    String(source.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';
  const status: EventStatus = cancelled ? 'annule' : endLocal < now ? 'tenu' : 'prevu';
  return { uid, fields: parsed.data, status };
}

/** `${UID}/yyyymmddThhmm`: an occurrence's own UID, from its original start in Paris time. */
const occurrenceUid = (uid: string, recurrenceId: ICAL.Time, tzid: string | null) => {
  const local = recurrenceId.isDate
    ? `${recurrenceId.toString().slice(0, 10)}T00:00`
    : localOf(recurrenceId, tzid);
  return `${uid}/${local.replace(/-/g, '').replace(':', '')}`;
};

/** Reads the whole file before anything is written; throws only when it is no calendar. */
function readCalendar(content: string): { events: Imported[]; problems: string[] } {
  let calendars: ICAL.Component[];
  try {
    const parsed: unknown = ICAL.parse(content);
    const jcals = Array.isArray(parsed) && typeof parsed[0] === 'string' ? [parsed] : parsed;
    if (!Array.isArray(jcals) || jcals.length === 0) throw new Error('empty');
    calendars = jcals.map((j) => new ICAL.Component(j as unknown[]));
    if (calendars.some((c) => c.name !== 'vcalendar')) throw new Error('not a calendar');
  } catch {
    throw new DomainError('INVALID_INPUT', 'Ce fichier n’est pas un calendrier .ics lisible.', {
      content: 'Ce fichier n’est pas un calendrier .ics lisible.',
    });
  }
  const now = nowInParis();
  const events: Imported[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (found: Imported | string, name: string) => {
    if (typeof found === 'string') problems.push(`Évènement ${name} non importé : ${found}`);
    else if (seen.has(found.uid))
      problems.push(`Évènement ${name} non importé : il figure deux fois dans le fichier.`);
    else {
      seen.add(found.uid);
      events.push(found);
    }
  };
  const vevents = calendars.flatMap((c) => c.getAllSubcomponents('vevent'));
  // Overridden occurrences (RECURRENCE-ID) go with their series, found by UID.
  const masters = new Set(
    vevents
      .filter((v) => !v.hasProperty('recurrence-id'))
      .map((v) => v.getFirstPropertyValue('uid'))
      .filter((uid): uid is string => typeof uid === 'string'),
  );
  vevents.forEach((component, index) => {
    const name = nameOf(component, index);
    try {
      const uid = textOf(component, 'uid');
      if (!uid) return add('il n’a pas d’identifiant (UID).', name);
      if (uid.length > 300) return add('son identifiant (UID) est trop long.', name);
      if (!component.hasProperty('dtstart'))
        return add('il n’a pas de date de début (DTSTART).', name);
      const tzid = component.getFirstProperty('dtstart')!.getParameter('tzid') ?? null;
      const tz = typeof tzid === 'string' ? tzid : null;
      const event = new ICAL.Event(component);
      if (component.hasProperty('recurrence-id')) {
        // Handled with its series, unless the series is not in the file.
        if (masters.has(uid)) return;
        return add(
          occurrenceOf(
            occurrenceUid(uid, event.recurrenceId, tz),
            component,
            event.startDate,
            event.endDate,
            tz,
            now,
          ),
          name,
        );
      }
      if (!event.isRecurring())
        return add(occurrenceOf(uid, component, event.startDate, event.endDate, tz, now), name);
      const exceptions = vevents.filter(
        (v) => v !== component && v.hasProperty('recurrence-id') && textOf(v, 'uid') === uid,
      );
      const series = new ICAL.Event(component, { exceptions });
      const limit = series.startDate.clone();
      limit.year += 2;
      const iterator = series.iterator();
      let count = 0;
      for (let next = iterator.next(); next; next = iterator.next()) {
        if (next.compare(limit) > 0) break;
        if (count === MAX_OCCURRENCES) {
          problems.push(
            `Série ${name} : seules les ${MAX_OCCURRENCES} premières occurrences ont été importées.`,
          );
          break;
        }
        count++;
        const details = series.getOccurrenceDetails(next);
        add(
          occurrenceOf(
            occurrenceUid(uid, details.recurrenceId, tz),
            details.item.component,
            details.startDate,
            details.endDate,
            tz,
            now,
          ),
          `${name} du ${localOf(details.recurrenceId, tz).slice(0, 10).split('-').reverse().join('/')}`,
        );
      }
    } catch {
      add('son contenu est illisible.', name);
    }
  });
  return { events, problems };
}

/** Imports an .ics file; the same file imported twice creates nothing the second time. */
export async function importIcs(
  db: Db,
  input: ParsedInput<'calendar.importIcs'>,
): Promise<RouteOutput<'calendar.importIcs'>> {
  if (Buffer.byteLength(input.content, 'utf8') > MAX_ICS_BYTES)
    throw new DomainError('INVALID_INPUT', 'Fichier trop volumineux (5 Mo au plus).', {
      content: 'Fichier trop volumineux (5 Mo au plus).',
    });
  const { events, problems } = readCalendar(input.content);
  const counts = { created: 0, updated: 0, unchanged: 0 };
  await inTransaction(db, async (trx) => {
    for (const e of events) counts[await saveImportedEvent(trx, e.uid, e.fields, e.status)]++;
  });
  return { ...counts, problems };
}
