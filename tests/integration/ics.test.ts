/**
 * iCalendar against a real encrypted vault: the exported file parsed back with ical.js and
 * checked field by field (time zone, wall times in winter and summer, folding, CRLF, no
 * personal data); a file shaped like those of Outlook, Thunderbird and Google imported twice
 * without duplicates; unreadable and oversize files refused with nothing written.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventFieldsInput } from '../../src/shared/api/calendar';
import { MAX_ICS_BYTES, MAX_OCCURRENCES } from '../../src/shared/domain/calendar';
import { createTestVault, type TestVault } from '../support/vault';

let vault: TestVault;
let winter: number;
let summer: number;
let cancelled: number;

const event = async (fields: EventFieldsInput) =>
  (await vault.value('calendar.create', { fields })).id;

/** Counts rows in every table. */
function rowCounts(): Record<string, number> {
  const conn = vault.session.vault.connection;
  const tables = (
    conn
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
      .all() as { name: string }[]
  ).map((t) => t.name);
  return Object.fromEntries(
    tables.map((t) => [
      t,
      (conn.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n,
    ]),
  );
}

const eventCount = () => rowCounts().events!;

/** Every event, read straight from the table, by UID. */
function eventsByUid() {
  const rows = vault.session.vault.connection
    .prepare(
      'select uid, type, title, start, "end", place, video_url as videoUrl, description, status, imported from events',
    )
    .all() as {
    uid: string;
    type: string;
    title: string;
    start: string;
    end: string;
    place: string | null;
    videoUrl: string | null;
    description: string | null;
    status: string;
    imported: number;
  }[];
  return new Map(rows.map((r) => [r.uid, r]));
}

const LONG_DESCRIPTION =
  'Ordre du jour : accueil des nouveaux Promeneurs, retour sur l’enquête « présence éducative en ligne », ateliers en petits groupes et échanges de pratiques ; déjeuner offert.';

beforeAll(async () => {
  vault = await createTestVault();
  const structureId = (
    await vault.value('structures.create', {
      fields: {
        name: 'Centre social des Tilleuls',
        type: 'centre_social',
        legalForm: 'association',
        networkStatus: 'dans_le_reseau',
      },
    })
  ).id;
  const promeneurId = (
    await vault.value('promeneurs.create', {
      fields: {
        firstName: 'Zoé',
        lastName: 'Quennehen',
        job: 'animateur',
        structureId,
        status: 'actif',
        email: 'zoe.quennehen@tilleuls.example',
      },
    })
  ).id;
  winter = await event({
    type: 'rencontre_departementale',
    title: 'Rencontre départementale de janvier',
    start: '2027-01-14T14:00',
    end: '2027-01-14T17:00',
    place: 'Maison du Département, salle Jean-Moulin',
    videoUrl: 'https://visio.example.fr/rencontre-janvier',
    description: LONG_DESCRIPTION,
  });
  summer = await event({
    type: 'copil',
    title: 'COPIL de juillet',
    start: '2027-07-08T09:30',
    end: '2027-07-08T12:00',
    place: 'CAF, salle du conseil',
  });
  cancelled = await event({
    type: 'formation',
    title: 'Formation « écoute active »',
    start: '2027-03-30T09:00',
    end: '2027-03-31T17:00',
  });
  await vault.value('calendar.setStatus', { id: cancelled, status: 'annule' });
  await vault.value('calendar.invite', { eventId: winter, promeneurIds: [promeneurId] });
  await vault.value('calendar.invite', {
    eventId: winter,
    guests: [{ name: 'Paul Invité', organisation: 'MSA', email: 'paul.invite@msa.example' }],
  });
});
afterAll(() => vault.cleanup());

/** Parses an exported file back: the calendar and its VEVENTs by UID. */
function parse(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const vevents = calendar.getAllSubcomponents('vevent');
  return { calendar, byUid: new Map(vevents.map((v) => [v.getFirstPropertyValue('uid'), v])) };
}

const uidOf = async (id: number) => (await vault.value('calendar.get', { id })).uid;

describe('export', () => {
  it('writes one event with every field, in Europe/Paris', async () => {
    const file = await vault.value('calendar.exportIcs', { id: winter });
    expect(file.fileName).toBe('balise-2027-01-14-rencontre-departementale-de-janvier.ics');
    expect(file.count).toBe(1);
    const { calendar, byUid } = parse(file.content);
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Balise//Promeneurs du Net//FR');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const zones = calendar.getAllSubcomponents('vtimezone');
    expect(zones).toHaveLength(1);
    expect(zones[0]!.getFirstPropertyValue('tzid')).toBe('Europe/Paris');
    const daylight = zones[0]!.getFirstSubcomponent('daylight')!;
    expect(daylight.getFirstPropertyValue('tzoffsetto')!.toString()).toBe('+02:00');
    expect(String(daylight.getFirstPropertyValue('rrule'))).toContain('BYDAY=-1SU');

    expect(byUid.size).toBe(1);
    const uid = await uidOf(winter);
    expect(uid).toMatch(/@balise$/);
    const vevent = byUid.get(uid)!;
    expect(vevent).toBeDefined();
    const dtstart = vevent.getFirstProperty('dtstart')!;
    expect(dtstart.getParameter('tzid')).toBe('Europe/Paris');
    const start = dtstart.getFirstValue() as ICAL.Time;
    expect(start.toString()).toBe('2027-01-14T14:00:00');
    // Winter: Paris is UTC+1.
    expect(new Date(start.toUnixTime() * 1000).toISOString()).toBe('2027-01-14T13:00:00.000Z');
    const dtend = vevent.getFirstProperty('dtend')!;
    expect(dtend.getParameter('tzid')).toBe('Europe/Paris');
    expect((dtend.getFirstValue() as ICAL.Time).toString()).toBe('2027-01-14T17:00:00');
    const stamp = vevent.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.zone?.tzid).toBe('UTC');
    expect(file.content).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    expect(vevent.getFirstPropertyValue('summary')).toBe('Rencontre départementale de janvier');
    expect(vevent.getFirstPropertyValue('location')).toBe(
      'Maison du Département, salle Jean-Moulin',
    );
    expect(vevent.getFirstPropertyValue('url')).toBe('https://visio.example.fr/rencontre-janvier');
    const description = vevent.getFirstPropertyValue('description') as string;
    expect(description).toContain(LONG_DESCRIPTION);
    expect(description).toContain('https://visio.example.fr/rencontre-janvier');
    expect(vevent.getFirstPropertyValue('categories')).toBe('Rencontre départementale');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(0);
  });

  it('follows RFC 5545’s form: CRLF line ends, lines of at most 75 octets', async () => {
    const { content } = await vault.value('calendar.exportIcs', { id: winter });
    expect(content.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = content.split('\r\n').slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // The long description had to be folded (continuation lines start with a space).
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
  });

  it('never writes the invitees', async () => {
    const { content } = await vault.value('calendar.exportIcs', { id: winter });
    const unfolded = content.replace(/\r\n /g, '');
    for (const secret of [
      'ATTENDEE',
      'ORGANIZER',
      'Quennehen',
      'zoe.quennehen',
      'Paul Invité',
      'msa.example',
    ])
      expect(unfolded).not.toContain(secret);
  });

  it('writes a period’s events, with summer time and cancelled events', async () => {
    const spring = await vault.value('calendar.exportIcs', {
      from: '2027-01-01',
      to: '2027-06-30',
    });
    expect(spring.fileName).toBe('balise-calendrier-2027-01-01-au-2027-06-30.ics');
    expect(spring.count).toBe(2);
    const { byUid } = parse(spring.content);
    expect([...byUid.keys()].sort()).toEqual([await uidOf(winter), await uidOf(cancelled)].sort());
    const training = byUid.get(await uidOf(cancelled))!;
    expect(training.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(training.getFirstPropertyValue('categories')).toBe('Formation');
    expect(training.getFirstPropertyValue('summary')).toBe('Formation « écoute active »');
    // Over the change to summer time (28 March 2027): each day keeps its wall time.
    const start = training.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = training.getFirstPropertyValue('dtend') as ICAL.Time;
    expect(new Date(start.toUnixTime() * 1000).toISOString()).toBe('2027-03-30T07:00:00.000Z');
    expect(new Date(end.toUnixTime() * 1000).toISOString()).toBe('2027-03-31T15:00:00.000Z');

    const july = await vault.value('calendar.exportIcs', { from: '2027-07-08', to: '2027-07-08' });
    expect(july.count).toBe(1);
    const copil = parse(july.content).byUid.get(await uidOf(summer))!;
    const dtstart = copil.getFirstProperty('dtstart')!;
    expect(dtstart.getParameter('tzid')).toBe('Europe/Paris');
    expect((dtstart.getFirstValue() as ICAL.Time).toString()).toBe('2027-07-08T09:30:00');
    // Summer: Paris is UTC+2.
    expect(new Date((dtstart.getFirstValue() as ICAL.Time).toUnixTime() * 1000).toISOString()).toBe(
      '2027-07-08T07:30:00.000Z',
    );
    expect(copil.getFirstPropertyValue('categories')).toBe('COPIL');
    expect(copil.hasProperty('url')).toBe(false);

    const empty = await vault.value('calendar.exportIcs', { from: '2030-01-01', to: '2030-12-31' });
    expect(empty.count).toBe(0);
    expect(parse(empty.content).calendar.getAllSubcomponents('vtimezone')).toHaveLength(1);
  });

  it('raises SEQUENCE when the event changes', async () => {
    const get = await vault.value('calendar.get', { id: summer });
    await vault.value('calendar.update', {
      id: summer,
      fields: {
        type: get.type,
        title: 'COPIL de juillet (bilan de l’année)',
        start: get.start,
        end: get.end,
        place: get.place,
      },
    });
    const { content } = await vault.value('calendar.exportIcs', { id: summer });
    const copil = parse(content).byUid.get(get.uid)!;
    expect(copil.getFirstPropertyValue('sequence')).toBe(1);
    expect(copil.getFirstPropertyValue('summary')).toBe('COPIL de juillet (bilan de l’année)');
  });

  it('refuses an unknown event', async () => {
    const result = await vault.call('calendar.exportIcs', { id: 9999 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('NOT_FOUND');
  });

  it('reads its own export back without changing anything', async () => {
    const { content, count } = await vault.value('calendar.exportIcs', {
      from: '2027-01-01',
      to: '2027-12-31',
    });
    const before = rowCounts();
    const result = await vault.value('calendar.importIcs', { fileName: 'balise.ics', content });
    expect(result).toEqual({ created: 0, updated: 0, unchanged: count, problems: [] });
    expect(rowCounts()).toEqual(before);
  });
});

/** A file as Outlook, Thunderbird or Google Calendar write them (CRLF, folded, own VTIMEZONE). */
const EXTERNAL = [
  'BEGIN:VCALENDAR',
  'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
  'VERSION:2.0',
  'METHOD:PUBLISH',
  'X-WR-CALNAME:Partenaires jeunesse',
  'BEGIN:VTIMEZONE',
  'TZID:Romance Standard Time',
  'BEGIN:STANDARD',
  'DTSTART:16011028T030000',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010325T020000',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
  // 1. In the file's own time zone, with a category and a video link.
  'BEGIN:VEVENT',
  'UID:040000008200E00074C5B7101A82E00800000000D0A1B2C3@outlook',
  'DTSTAMP:20261101T090000Z',
  'DTSTART;TZID=Romance Standard Time:20360115T140000',
  'DTEND;TZID=Romance Standard Time:20360115T163000',
  'SUMMARY:COTECH d’hiver',
  'CATEGORIES:cotech',
  'LOCATION:Maison du Département\\, salle 2',
  'URL:https://visio.example.fr/cotech',
  'DESCRIPTION:Points à l’ordre du jour :\\n- bilan des permanences en ligne\\n- pré',
  ' paration du COPIL de printemps',
  'END:VEVENT',
  // 2. In UTC, in the past: held.
  'BEGIN:VEVENT',
  'UID:7kq3a9d0c2@google.com',
  'DTSTAMP:20261101T090000Z',
  'DTSTART:20210710T080000Z',
  'DTEND:20210710T100000Z',
  'SUMMARY:Formation initiale',
  'CATEGORIES:FORMATION',
  'END:VEVENT',
  // 3. All day, over two days.
  'BEGIN:VEVENT',
  'UID:journee-2036@thunderbird',
  'DTSTAMP:20261101T090000Z',
  'DTSTART;VALUE=DATE:20360520',
  'DTEND;VALUE=DATE:20360522',
  'SUMMARY:Journée départementale des Promeneurs',
  'CATEGORIES:Journee DEPARTEMENTALE',
  'DESCRIPTION:Deux jours de rencontres.',
  'END:VEVENT',
  // 4. Weekly, across the change to summer time, one date excluded, one moved.
  'BEGIN:VEVENT',
  'UID:analyse-hebdo@thunderbird',
  'DTSTAMP:20261101T090000Z',
  'DTSTART;TZID=Romance Standard Time:20360313T180000',
  'DTEND;TZID=Romance Standard Time:20360313T193000',
  'RRULE:FREQ=WEEKLY;COUNT=6',
  'EXDATE;TZID=Romance Standard Time:20360403T180000',
  'SUMMARY:Analyse des pratiques',
  'CATEGORIES:Analyse des pratiques',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:analyse-hebdo@thunderbird',
  'DTSTAMP:20261101T090000Z',
  'RECURRENCE-ID;TZID=Romance Standard Time:20360410T180000',
  'DTSTART;TZID=Romance Standard Time:20360411T100000',
  'DTEND;TZID=Romance Standard Time:20360411T113000',
  'SUMMARY:Analyse des pratiques (déplacée au samedi)',
  'CATEGORIES:Analyse des pratiques',
  'END:VEVENT',
  // 5. Cancelled.
  'BEGIN:VEVENT',
  'UID:lancement@google.com',
  'DTSTAMP:20261101T090000Z',
  'DTSTART:20360605T160000Z',
  'DTEND:20360605T180000Z',
  'SUMMARY:Lancement du réseau',
  'STATUS:CANCELLED',
  'END:VEVENT',
  // 6. Floating time (no zone): read as Paris time; no category.
  'BEGIN:VEVENT',
  'UID:flottant@example.org',
  'DTSTAMP:20261101T090000Z',
  'DTSTART:20361006T090000',
  'DTEND:20361006T120000',
  'SUMMARY:Rencontre avec la Mission locale',
  'CATEGORIES:Partenaires',
  'END:VEVENT',
  // 7. Broken: no start.
  'BEGIN:VEVENT',
  'UID:sans-date@example.org',
  'DTSTAMP:20261101T090000Z',
  'SUMMARY:Réunion sans date',
  'END:VEVENT',
  // 8. Broken: no UID.
  'BEGIN:VEVENT',
  'DTSTAMP:20261101T090000Z',
  'DTSTART:20361107T090000Z',
  'SUMMARY:Réunion sans identifiant',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('import', () => {
  it('imports a file from another calendar, then creates nothing on a second import', async () => {
    const before = eventCount();
    const first = await vault.value('calendar.importIcs', {
      fileName: 'partenaires.ics',
      content: EXTERNAL,
    });
    expect(first.created).toBe(10);
    expect(first.updated).toBe(0);
    expect(first.unchanged).toBe(0);
    expect(first.problems).toHaveLength(2);
    expect(first.problems[0]).toContain('« Réunion sans date »');
    expect(first.problems[0]).toContain('DTSTART');
    expect(first.problems[1]).toContain('« Réunion sans identifiant »');
    expect(first.problems[1]).toContain('UID');
    expect(eventCount()).toBe(before + 10);

    const events = eventsByUid();
    const cotech = events.get('040000008200E00074C5B7101A82E00800000000D0A1B2C3@outlook')!;
    expect(cotech).toMatchObject({
      type: 'cotech',
      title: 'COTECH d’hiver',
      start: '2036-01-15T14:00',
      end: '2036-01-15T16:30',
      place: 'Maison du Département, salle 2',
      videoUrl: 'https://visio.example.fr/cotech',
      description:
        'Points à l’ordre du jour :\n- bilan des permanences en ligne\n- préparation du COPIL de printemps',
      status: 'prevu',
      imported: 1,
    });
    // UTC 08:00 in July is 10:00 in Paris.
    expect(events.get('7kq3a9d0c2@google.com')).toMatchObject({
      type: 'formation',
      start: '2021-07-10T10:00',
      end: '2021-07-10T12:00',
      status: 'tenu',
    });
    const day = events.get('journee-2036@thunderbird')!;
    expect(day).toMatchObject({
      type: 'journee_departementale',
      start: '2036-05-20T00:00',
      end: '2036-05-21T23:59',
    });
    expect(day.description).toContain('Journée entière');
    expect(day.description).toContain('Deux jours de rencontres.');
    // The series: 13/03, 20/03, 27/03 (summer time from 30/03), 03/04 excluded, 10/04 moved, 17/04.
    const series = [...events.values()]
      .filter((e) => e.uid.startsWith('analyse-hebdo@thunderbird/'))
      .sort((a, b) => a.start.localeCompare(b.start));
    expect(series.map((e) => [e.uid.split('/')[1], e.start, e.end])).toEqual([
      ['20360313T1800', '2036-03-13T18:00', '2036-03-13T19:30'],
      ['20360320T1800', '2036-03-20T18:00', '2036-03-20T19:30'],
      ['20360327T1800', '2036-03-27T18:00', '2036-03-27T19:30'],
      ['20360410T1800', '2036-04-11T10:00', '2036-04-11T11:30'],
      ['20360417T1800', '2036-04-17T18:00', '2036-04-17T19:30'],
    ]);
    expect(series.every((e) => e.type === 'analyse_pratiques')).toBe(true);
    expect(series[3]!.title).toBe('Analyse des pratiques (déplacée au samedi)');
    expect(events.get('lancement@google.com')).toMatchObject({
      status: 'annule',
      type: 'autre',
      start: '2036-06-05T18:00',
    });
    expect(events.get('flottant@example.org')).toMatchObject({
      type: 'autre',
      start: '2036-10-06T09:00',
      end: '2036-10-06T12:00',
    });

    const counts = rowCounts();
    const second = await vault.value('calendar.importIcs', {
      fileName: 'partenaires.ics',
      content: EXTERNAL,
    });
    expect(second.created).toBe(0);
    expect(second.updated).toBe(0);
    expect(second.unchanged).toBe(10);
    expect(eventCount()).toBe(before + 10);
    expect(rowCounts()).toEqual(counts);

    // The other calendar changed an event: the next import updates it, still without duplicates.
    const changed = EXTERNAL.replace('SUMMARY:COTECH d’hiver', 'SUMMARY:COTECH d’hiver (avancé)');
    const third = await vault.value('calendar.importIcs', {
      fileName: 'partenaires.ics',
      content: changed,
    });
    expect(third).toMatchObject({ created: 0, updated: 1, unchanged: 9 });
    expect(
      eventsByUid().get('040000008200E00074C5B7101A82E00800000000D0A1B2C3@outlook')!.title,
    ).toBe('COTECH d’hiver (avancé)');
    expect(eventCount()).toBe(before + 10);
  });

  it('reads a time zone the file names without defining it', async () => {
    const content = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//FR',
      'BEGIN:VEVENT',
      'UID:paris-sans-vtimezone@example.org',
      'DTSTAMP:20261101T090000Z',
      'DTSTART;TZID=Europe/Paris:20360902T093000',
      'DTEND;TZID=Europe/Paris:20360902T110000',
      'SUMMARY:COPIL de rentrée',
      'CATEGORIES:Copil',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:montreal@example.org',
      'DTSTAMP:20261101T090000Z',
      'DTSTART;TZID=America/Montreal:20360115T090000',
      'DTEND;TZID=America/Montreal:20360115T100000',
      'SUMMARY:Échange avec le réseau québécois',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const result = await vault.value('calendar.importIcs', { fileName: 'z.ics', content });
    expect(result).toEqual({ created: 2, updated: 0, unchanged: 0, problems: [] });
    const events = eventsByUid();
    expect(events.get('paris-sans-vtimezone@example.org')).toMatchObject({
      type: 'copil',
      start: '2036-09-02T09:30',
      end: '2036-09-02T11:00',
    });
    // 9:00 in Montréal in winter (UTC−5) is 15:00 in Paris (UTC+1).
    expect(events.get('montreal@example.org')).toMatchObject({
      start: '2036-01-15T15:00',
      end: '2036-01-15T16:00',
    });
  });

  it('stops an endless series at the most occurrences allowed, and says so', async () => {
    const content = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//FR',
      'BEGIN:VEVENT',
      'UID:quotidien@example.org',
      'DTSTAMP:20261101T090000Z',
      'DTSTART:20370105T080000Z',
      'DTEND:20370105T083000Z',
      'RRULE:FREQ=DAILY',
      'SUMMARY:Point quotidien',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const result = await vault.value('calendar.importIcs', { fileName: 'q.ics', content });
    expect(result.created).toBe(MAX_OCCURRENCES);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toContain(String(MAX_OCCURRENCES));
  });

  it('refuses an unreadable file and an oversize one, writing nothing', async () => {
    const before = rowCounts();
    for (const content of [
      'bonjour, ceci n’est pas un calendrier',
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoé\r\nEND:VCARD\r\n',
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n',
      '\u0000\u0001\u0002',
    ]) {
      const result = await vault.call('calendar.importIcs', { fileName: 'x.ics', content });
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: 'Ce fichier n’est pas un calendrier .ics lisible.',
        },
      });
    }
    // Too many characters (the route's schema), and too many bytes (the service).
    for (const content of ['x'.repeat(MAX_ICS_BYTES + 1), 'é'.repeat(MAX_ICS_BYTES / 2 + 10)]) {
      const result = await vault.call('calendar.importIcs', { fileName: 'gros.ics', content });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.message).toContain('5 Mo');
      }
    }
    const empty = await vault.call('calendar.importIcs', { fileName: 'vide.ics', content: '' });
    expect(empty.ok).toBe(false);
    expect(rowCounts()).toEqual(before);
  });
});
