/**
 * Reading an .ics file (RFC 5545) into plain events, with ical.js. Pure: no database, no
 * Electron, so that it runs inside a contained worker (src/main/imports) where a hostile file
 * can exhaust only that worker's memory and time. The result is plain JSON; the main side
 * (ics.ts) writes it to the vault.
 *
 * Every VEVENT becomes an event (a recurring one, one event per occurrence), keyed by its UID.
 * An unreadable entry is reported and skipped; it never stops the others.
 */
import { TZDate } from '@date-fns/tz';
import ICAL from 'ical.js';
import { eventFields, type EventFields } from '../../../shared/api/calendar';
import {
  EVENT_TYPES,
  MAX_OCCURRENCES,
  type EventStatus,
  type EventType,
} from '../../../shared/domain/calendar';
import { TIME_ZONE } from '../../../shared/rules/dates';
import { searchKey } from '../../../shared/rules/text';
import { DomainError } from '../../../shared/result';

/** Written at the end of the description when the event has a video link, and read back. */
export const VIDEO_LINE = 'Lien de la visioconférence : ';

/** The most events one file may bring (beyond, the file is refused: import it in parts). */
export const MAX_IMPORTED_EVENTS = 5000;

/** The most problem lines returned; the rest are counted in one last line. */
export const MAX_PROBLEM_LINES = 50;

export interface ReadCalendar {
  events: Imported[];
  problems: string[];
}

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
const tooMany = () => {
  const message = `Ce fichier contient plus de ${MAX_IMPORTED_EVENTS.toLocaleString('fr-FR')} évènements : importez-le en plusieurs fois (une période à la fois). Rien n’a été importé.`;
  return new DomainError('INVALID_INPUT', message, { content: message });
};

export function readCalendar(content: string): ReadCalendar {
  let calendars: ICAL.Component[];
  try {
    // A byte-order mark (Windows editors write one) is not part of the calendar.
    const parsed: unknown = ICAL.parse(content.replace(/^\uFEFF/, ''));
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
      if (events.length === MAX_IMPORTED_EVENTS) throw tooMany();
      seen.add(found.uid);
      events.push(found);
    }
  };
  const vevents = calendars.flatMap((c) => c.getAllSubcomponents('vevent'));
  if (vevents.length > MAX_IMPORTED_EVENTS) throw tooMany();
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
    } catch (error) {
      if (error instanceof DomainError) throw error;
      add('son contenu est illisible.', name);
    }
  });
  if (problems.length > MAX_PROBLEM_LINES) {
    const more = problems.length - MAX_PROBLEM_LINES;
    problems.length = MAX_PROBLEM_LINES;
    problems.push(
      `… et ${more.toLocaleString('fr-FR')} autre${more > 1 ? 's' : ''} problème${more > 1 ? 's' : ''}.`,
    );
  }
  return { events, problems };
}
