/**
 * The network calendar against a real encrypted vault: events created once or repeated,
 * edited, duplicated, held or cancelled, erased; the list's filters; invitations of every
 * kind; attendance; who still lacks a training; a Promeneur's events; the cadence goals.
 * Wherever the day matters, `today` is fixed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cadenceOf } from '../../src/main/services/calendar/cadence';
import {
  getEvent,
  saveImportedEvent,
  setEventStatus,
} from '../../src/main/services/calendar/events';
import { eventFields, type EventFieldsInput } from '../../src/shared/api/calendar';
import type { RouteInput } from '../../src/shared/api/contract';
import type { PromeneurStatus } from '../../src/shared/domain/directory';
import { MAX_OCCURRENCES } from '../../src/shared/domain/calendar';
import { searchKey } from '../../src/shared/rules/text';
import { createTestVault, type TestVault } from '../support/vault';

const TODAY = '2027-03-10';

let vault: TestVault;
/** The scenario's records. */
let s: {
  tilleuls: number;
  valbourg: number;
  camille: number;
  elodie: number;
  bruno: number;
  paul: number;
  ines: number;
  jerome: number;
};

const structure = async (name: string) =>
  (
    await vault.value('structures.create', {
      fields: {
        name,
        type: 'centre_social',
        legalForm: 'association',
        networkStatus: 'dans_le_reseau',
      },
    })
  ).id;

const promeneur = async (
  firstName: string,
  lastName: string,
  structureId: number,
  status: PromeneurStatus = 'actif',
) =>
  (
    await vault.value('promeneurs.create', {
      fields: {
        firstName,
        lastName,
        job: 'animateur',
        structureId,
        status,
        email: `${searchKey(firstName)}.${searchKey(lastName)}@exemple.example`,
      },
    })
  ).id;

const meeting: EventFieldsInput = {
  type: 'rencontre_departementale',
  title: 'Rencontre départementale de printemps',
  start: '2027-04-13T14:00',
  end: '2027-04-13T17:00',
  place: 'Maison des associations, Balise-la-Ville',
};

const create = async (
  fields: Partial<EventFieldsInput> = {},
  repetition?: RouteInput<'calendar.create'>['repetition'],
) =>
  (
    await vault.value('calendar.create', {
      fields: { ...meeting, ...fields },
      ...(repetition ? { repetition } : {}),
    })
  ).id;

const get = (id: number, today = TODAY) => getEvent(vault.session.db, id, today);
const history = (id: number) => vault.value('history.forRecord', { entity: 'event', id });
const count = (table: string) =>
  (
    vault.session.vault.connection.prepare(`select count(*) as n from ${table}`).get() as {
      n: number;
    }
  ).n;

/** The error of a route expected to fail. */
async function failure<R extends Parameters<TestVault['call']>[0]>(route: R, input: RouteInput<R>) {
  const result = await vault.call(route, input);
  if (result.ok) throw new Error(`${route} should have failed`);
  return result.error;
}

beforeEach(async () => {
  vault = await createTestVault();
  const tilleuls = await structure('Centre social des Tilleuls');
  const valbourg = await structure('Mairie de Valbourg');
  const camille = await promeneur('Camille', 'Fictif', tilleuls);
  const elodie = await promeneur('Élodie', 'Zèbre', tilleuls);
  const bruno = await promeneur('Bruno', 'Archivé', tilleuls);
  await vault.value('promeneurs.archive', { id: bruno });
  const paul = await promeneur('Paul', 'Prépa', tilleuls, 'en_preparation');
  const ines = await promeneur('Inès', 'Abeille', valbourg);
  const jerome = await promeneur('Jérôme', 'Factice', valbourg, 'suspendu');
  s = { tilleuls, valbourg, camille, elodie, bruno, paul, ines, jerome };
});
afterEach(() => vault.cleanup());

describe('events', () => {
  it('creates a planned event, with a UID and a search key, and audits it', async () => {
    const { id, ids } = await vault.value('calendar.create', {
      fields: { ...meeting, description: 'Ordre du jour à venir', videoUrl: '' },
    });
    expect(ids).toEqual([id]);
    const event = await get(id);
    expect(event).toMatchObject({
      ...meeting,
      status: 'prevu',
      seriesId: null,
      imported: false,
      description: 'Ordre du jour à venir',
      videoUrl: null,
      invitees: [],
      stillLacking: [],
    });
    expect(event.uid).toMatch(/^[0-9a-f-]{36}@balise$/);
    const entries = await history(id);
    expect(entries.map((e) => e.action)).toEqual(['create']);
    expect(entries[0]!.changes).toEqual(
      expect.arrayContaining([{ field: 'title', before: null, after: meeting.title }]),
    );
  });

  it('repeats weekly, every two weeks, on the 2nd Tuesday, on the same date', async () => {
    const starts = async (
      repeat: 'weekly' | 'biweekly' | 'monthly_weekday' | 'monthly_date',
      start: string,
      until: string,
    ) => {
      const { ids } = await vault.value('calendar.create', {
        fields: {
          ...meeting,
          type: 'analyse_pratiques',
          title: `Analyse ${repeat}`,
          start,
          end: `${start.slice(0, 10)}T${String(Number(start.slice(11, 13)) + 2).padStart(2, '0')}:00`,
        },
        repetition: { repeat, until },
      });
      const events = await Promise.all(ids.map((id) => get(id)));
      expect(new Set(events.map((e) => e.seriesId)).size).toBe(1);
      expect(events[0]!.seriesId).not.toBeNull();
      expect(new Set(events.map((e) => e.uid)).size).toBe(ids.length);
      return events.map((e) => `${e.start}/${e.end.slice(11)}`);
    };
    expect(await starts('weekly', '2027-03-02T09:30', '2027-03-23')).toEqual([
      '2027-03-02T09:30/11:00',
      '2027-03-09T09:30/11:00',
      '2027-03-16T09:30/11:00',
      '2027-03-23T09:30/11:00',
    ]);
    // Across the change to summer time, the wall-clock time stays.
    expect(await starts('biweekly', '2027-03-16T18:00', '2027-04-30')).toEqual([
      '2027-03-16T18:00/20:00',
      '2027-03-30T18:00/20:00',
      '2027-04-13T18:00/20:00',
      '2027-04-27T18:00/20:00',
    ]);
    // 9 March 2027 is the 2nd Tuesday of March.
    expect(await starts('monthly_weekday', '2027-03-09T14:00', '2027-07-31')).toEqual([
      '2027-03-09T14:00/16:00',
      '2027-04-13T14:00/16:00',
      '2027-05-11T14:00/16:00',
      '2027-06-08T14:00/16:00',
      '2027-07-13T14:00/16:00',
    ]);
    // A 5th Tuesday becomes the month's last Tuesday.
    expect(await starts('monthly_weekday', '2027-03-30T10:00', '2027-05-31')).toEqual([
      '2027-03-30T10:00/12:00',
      '2027-04-27T10:00/12:00',
      '2027-05-25T10:00/12:00',
    ]);
    // The 31st: months without one are skipped.
    expect(await starts('monthly_date', '2027-01-31T10:00', '2027-05-31')).toEqual([
      '2027-01-31T10:00/12:00',
      '2027-03-31T10:00/12:00',
      '2027-05-31T10:00/12:00',
    ]);
    const series = await vault.value('calendar.list', {
      from: '2027-01-01',
      to: '2027-12-31',
      search: 'analyse biweekly',
    });
    expect(series).toHaveLength(4);
    const entries = await history(series[0]!.id);
    expect(entries[0]!.subject).toBe('Série de 4 dates jusqu’au 27/04/2027');
  });

  it('creates at most MAX_OCCURRENCES dates, and refuses more or an end before the start', async () => {
    const weekly = (until: string) =>
      vault.call('calendar.create', {
        fields: meeting,
        repetition: { repeat: 'weekly', until },
      });
    // 13/04/2027 + 51 weeks = 04/04/2028: exactly the cap.
    const capped = await weekly('2028-04-04');
    expect(capped.ok && capped.value.ids.length).toBe(MAX_OCCURRENCES);
    const before = count('events');
    for (const until of ['2028-04-11', '2027-04-12']) {
      const result = await weekly(until);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(Object.keys(result.error.fields ?? {})).toEqual(['repetition.until']);
      }
    }
    const tooMany = await weekly('2030-01-01');
    expect(!tooMany.ok && tooMany.error.message).toBe(
      'Saisie à corriger : Au plus 52 dates par répétition : choisissez une fin au 04/04/2028 au plus tard.',
    );
    const noEnd = await vault.call('calendar.create', {
      fields: meeting,
      repetition: { repeat: 'monthly_date' },
    });
    expect(!noEnd.ok && noEnd.error.fields?.['repetition.until']).toBe(
      'Indiquez jusqu’à quand l’évènement se répète.',
    );
    expect(count('events')).toBe(before);
    // A repetition whose end is the first day makes one event, without a series.
    const single = await vault.value('calendar.create', {
      fields: meeting,
      repetition: { repeat: 'weekly', until: '2027-04-13' },
    });
    expect(single.ids).toHaveLength(1);
    expect((await get(single.id)).seriesId).toBeNull();
  });

  it('updates only what changed, and refuses an end before the start', async () => {
    const id = await create();
    await vault.value('calendar.update', { id, fields: meeting });
    expect(await history(id)).toHaveLength(1);
    await vault.value('calendar.update', {
      id,
      fields: { ...meeting, title: 'Rencontre départementale', place: 'Visio' },
    });
    const entries = await history(id);
    expect(entries[0]!.changes).toEqual([
      { field: 'title', before: meeting.title, after: 'Rencontre départementale' },
      { field: 'place', before: meeting.place, after: 'Visio' },
    ]);
    const bad = await failure('calendar.update', {
      id,
      fields: { ...meeting, end: '2027-04-13T13:00' },
    });
    expect(bad.fields?.['fields.end']).toBe('La fin doit suivre le début.');
    expect((await failure('calendar.update', { id: 9999, fields: meeting })).code).toBe(
      'NOT_FOUND',
    );
    // Found by its new words, accents aside.
    const found = await vault.value('calendar.list', {
      from: '2027-04-01',
      to: '2027-04-30',
      search: 'DEPARTEMENTALE visio',
    });
    expect(found.map((e) => e.id)).toEqual([id]);
  });

  it('duplicates at another start with the same length and invitees, without attendance', async () => {
    const id = await create({ start: '2027-03-01T14:00', end: '2027-03-01T17:30' });
    await vault.value('calendar.invite', {
      eventId: id,
      promeneurIds: [s.camille],
      guests: [{ name: 'Agnès Hypothèse', organisation: 'CAF', email: 'a.hypothese@caf.example' }],
    });
    const original = await get(id);
    await vault.value('calendar.attendance', {
      eventId: id,
      marks: original.invitees.map((i) => ({ inviteeId: i.id, attendance: 'present' as const })),
    });
    await setEventStatus(vault.session.db, id, 'tenu', TODAY);
    const { id: copyId } = await vault.value('calendar.duplicate', {
      id,
      start: '2027-10-05T09:00',
    });
    const copy = await get(copyId);
    expect(copy).toMatchObject({
      title: meeting.title,
      start: '2027-10-05T09:00',
      end: '2027-10-05T12:30',
      status: 'prevu',
      seriesId: null,
    });
    expect(copy.uid).not.toBe(original.uid);
    expect(copy.invitees.map((i) => [i.name, i.attendance])).toEqual([
      ['Camille Fictif', null],
      ['Agnès Hypothèse', null],
    ]);
    expect((await get(id)).invitees.every((i) => i.attendance === 'present')).toBe(true);
    expect((await history(copyId))[0]!.subject).toBe('Copie de l’évènement du 01/03/2027');
  });

  it('holds and cancels an event; one still to come cannot be held', async () => {
    const past = await create({ start: '2027-03-01T14:00', end: '2027-03-01T16:00' });
    const future = await create();
    await setEventStatus(vault.session.db, past, 'tenu', TODAY);
    await setEventStatus(vault.session.db, future, 'annule', TODAY);
    expect((await get(past)).status).toBe('tenu');
    expect((await get(future)).status).toBe('annule');
    await expect(setEventStatus(vault.session.db, future, 'tenu', TODAY)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('n’a pas encore eu lieu (le 13/04/2027)'),
    });
    // Held on the day itself.
    await setEventStatus(vault.session.db, future, 'tenu', '2027-04-13');
    expect((await history(future)).map((e) => e.changes[0])).toEqual([
      { field: 'status', before: 'annule', after: 'tenu' },
      { field: 'status', before: 'prevu', after: 'annule' },
      expect.anything(),
    ]);
    // The same status twice writes nothing.
    await setEventStatus(vault.session.db, past, 'tenu', TODAY);
    expect(await history(past)).toHaveLength(2);
  });

  it('removes an event with its invitees, and keeps its history', async () => {
    const id = await create();
    await vault.value('calendar.invite', { eventId: id, allActive: true });
    expect(count('event_invitees')).toBe(3);
    await vault.value('calendar.remove', { id });
    expect(count('event_invitees')).toBe(0);
    expect((await failure('calendar.get', { id })).code).toBe('NOT_FOUND');
    expect((await history(id)).map((e) => e.action)).toEqual(['delete', 'update', 'create']);
    expect((await failure('calendar.remove', { id })).code).toBe('NOT_FOUND');
  });

  it('lists the events of a period by type, status and words, in date order', async () => {
    const copil = await create({
      type: 'copil',
      title: 'COPIL annuel',
      start: '2027-06-08T10:00',
      end: '2027-06-08T12:00',
      place: 'Préfecture',
    });
    const training = await create({
      type: 'formation',
      title: 'Droit à l’image',
      start: '2027-05-03T09:00',
      end: '2027-05-04T17:00',
      place: null,
    });
    const spring = await create();
    const december = await create({
      title: 'Rencontre de décembre',
      start: '2026-12-31T18:00',
      end: '2027-01-01T01:00',
    });
    await setEventStatus(vault.session.db, copil, 'annule', TODAY);
    const ids = async (
      query: Omit<RouteInput<'calendar.list'>, 'from' | 'to'>,
      from = '2027-01-01',
      to = '2027-12-31',
    ) => (await vault.value('calendar.list', { from, to, ...query })).map((e) => e.id);
    expect(await ids({})).toEqual([december, spring, training, copil]);
    // A period includes events that overlap it.
    expect(await ids({}, '2027-05-04', '2027-05-04')).toEqual([training]);
    expect(await ids({}, '2027-05-05', '2027-06-07')).toEqual([]);
    expect(await ids({}, '2026-12-31', '2026-12-31')).toEqual([december]);
    expect(await ids({ types: ['copil', 'formation'] })).toEqual([training, copil]);
    expect(await ids({ statuses: ['annule'] })).toEqual([copil]);
    expect(await ids({ statuses: ['prevu'], types: ['copil'] })).toEqual([]);
    expect(await ids({ search: 'prefecture' })).toEqual([copil]);
    expect(await ids({ search: 'l’image' })).toEqual([training]);
    expect(await ids({ search: 'maison balise' })).toEqual([december, spring]);
    expect(await ids({ search: 'rien de tel' })).toEqual([]);
    const reversed = await failure('calendar.list', { from: '2027-12-31', to: '2027-01-01' });
    expect(reversed.code).toBe('INVALID_INPUT');
    expect(reversed.message).toBe(
      'Saisie à corriger : La fin de la période doit suivre son début.',
    );
  });

  it('saves imported events by UID: created, updated when different, else unchanged', async () => {
    const fields = eventFields.parse({ ...meeting, type: 'autre', title: 'Réunion CAF' });
    const save = (f = fields, status: 'prevu' | 'annule' = 'prevu') =>
      saveImportedEvent(vault.session.db, 'abc-123@outlook.example', f, status);
    expect(await save()).toBe('created');
    expect(await save()).toBe('unchanged');
    expect(await save({ ...fields, place: 'Salle 2' })).toBe('updated');
    expect(await save({ ...fields, place: 'Salle 2' }, 'annule')).toBe('updated');
    const [summary] = await vault.value('calendar.list', { from: '2027-04-01', to: '2027-04-30' });
    expect(summary).toMatchObject({ imported: true, status: 'annule', title: 'Réunion CAF' });
    const entries = await history(summary!.id);
    expect(entries.map((e) => [e.action, e.subject])).toEqual([
      ['update', 'Import .ics'],
      ['update', 'Import .ics'],
      ['create', 'Import .ics'],
    ]);
    expect(entries[0]!.changes).toEqual([{ field: 'status', before: 'prevu', after: 'annule' }]);
  });
});

describe('invitations and attendance', () => {
  it('invites by id, by structure, all active, a structure’s staff and guests, never twice', async () => {
    const id = await create();
    expect(
      await vault.value('calendar.invite', { eventId: id, promeneurIds: [s.paul, s.paul] }),
    ).toEqual({ added: 1 });
    // The structure's active Promeneurs only: not Bruno (archived) nor Paul (in preparation).
    expect(
      await vault.value('calendar.invite', { eventId: id, structureIds: [s.tilleuls] }),
    ).toEqual({ added: 2 });
    // Every active Promeneur: only Inès is new (Jérôme is suspended).
    expect(await vault.value('calendar.invite', { eventId: id, allActive: true })).toEqual({
      added: 1,
    });
    expect(
      await vault.value('calendar.invite', {
        eventId: id,
        allActive: true,
        promeneurIds: [s.camille],
        structureIds: [s.valbourg],
      }),
    ).toEqual({ added: 0 });
    expect(
      await vault.value('calendar.invite', {
        eventId: id,
        staff: [
          {
            structureId: s.valbourg,
            name: 'Hervé Supposition',
            email: 'h.supposition@valbourg.example',
          },
          { structureId: s.valbourg, name: 'herve supposition' },
        ],
        guests: [
          { name: 'Agnès Hypothèse', organisation: 'CAF de Val-de-Balise' },
          { name: 'Bernard Litote' },
        ],
      }),
    ).toEqual({ added: 3 });
    expect(
      await vault.value('calendar.invite', {
        eventId: id,
        guests: [{ name: 'AGNÈS HYPOTHESE' }],
      }),
    ).toEqual({ added: 0 });

    const event = await get(id);
    expect(event.invitees.map((i) => [i.kind, i.name, i.organisation])).toEqual([
      ['promeneur', 'Inès Abeille', 'Mairie de Valbourg'],
      ['promeneur', 'Camille Fictif', 'Centre social des Tilleuls'],
      ['promeneur', 'Paul Prépa', 'Centre social des Tilleuls'],
      ['promeneur', 'Élodie Zèbre', 'Centre social des Tilleuls'],
      ['structure', 'Hervé Supposition', 'Mairie de Valbourg'],
      ['invite', 'Agnès Hypothèse', 'CAF de Val-de-Balise'],
      ['invite', 'Bernard Litote', null],
    ]);
    const ines = event.invitees[0]!;
    expect(ines).toMatchObject({
      promeneurId: s.ines,
      structureId: s.valbourg,
      email: 'ines.abeille@exemple.example',
      attendance: null,
    });
    expect(event.invitees[4]).toMatchObject({
      structureId: s.valbourg,
      email: 'h.supposition@valbourg.example',
    });
    const entries = await history(id);
    expect(entries[0]).toMatchObject({
      subject: 'Invités',
      changes: [
        {
          field: 'invitees',
          before: null,
          after: ['Hervé Supposition', 'Agnès Hypothèse', 'Bernard Litote'],
        },
      ],
    });
    // Nothing added, nothing written.
    expect(entries).toHaveLength(5);
    expect(
      (await vault.value('calendar.list', { from: '2027-04-13', to: '2027-04-13' }))[0],
    ).toMatchObject({
      invited: 7,
      present: 0,
    });
  });

  it('refuses unknown people and structures, and a cancelled event', async () => {
    const id = await create();
    const before = count('event_invitees');
    const unknownPromeneur = await failure('calendar.invite', {
      eventId: id,
      promeneurIds: [s.camille, 9999],
    });
    expect(unknownPromeneur.code).toBe('INVALID_INPUT');
    expect(unknownPromeneur.fields?.promeneurIds).toMatch(/n’existe pas/);
    expect(
      (await failure('calendar.invite', { eventId: id, structureIds: [9999] })).fields
        ?.structureIds,
    ).toMatch(/n’existe pas/);
    expect(
      (
        await failure('calendar.invite', {
          eventId: id,
          staff: [{ structureId: 9999, name: 'Quelqu’un' }],
        })
      ).fields?.staff,
    ).toMatch(/n’existe pas/);
    expect((await failure('calendar.invite', { eventId: 9999, allActive: true })).code).toBe(
      'NOT_FOUND',
    );
    await setEventStatus(vault.session.db, id, 'annule', TODAY);
    const cancelled = await failure('calendar.invite', { eventId: id, allActive: true });
    expect(cancelled.code).toBe('CONFLICT');
    expect(cancelled.message).toMatch(/annulé/);
    expect(count('event_invitees')).toBe(before);
  });

  it('records attendance in bulk, only for the event’s invitees', async () => {
    const id = await create({ start: '2027-03-01T14:00', end: '2027-03-01T17:00' });
    const other = await create();
    await vault.value('calendar.invite', { eventId: id, allActive: true });
    await vault.value('calendar.invite', { eventId: other, allActive: true });
    const [ines, camille, elodie] = (await get(id)).invitees.map((i) => i.id) as [
      number,
      number,
      number,
    ];
    const foreign = (await get(other)).invitees[0]!.id;

    // A planned event whose date has passed takes attendance.
    await vault.value('calendar.attendance', {
      eventId: id,
      marks: [
        { inviteeId: ines, attendance: 'present' },
        { inviteeId: camille, attendance: 'excuse' },
        { inviteeId: elodie, attendance: 'absent' },
      ],
    });
    expect((await get(id)).invitees.map((i) => i.attendance)).toEqual([
      'present',
      'excuse',
      'absent',
    ]);
    expect((await get(id)).status).toBe('prevu');

    const refused = await failure('calendar.attendance', {
      eventId: id,
      marks: [
        { inviteeId: camille, attendance: 'present' },
        { inviteeId: foreign, attendance: 'present' },
      ],
    });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toMatch(
      /^Saisie à corriger : une personne de la liste n’est pas invitée/,
    );
    expect((await get(id)).invitees[1]!.attendance).toBe('excuse');
    expect((await get(other)).invitees[0]!.attendance).toBeNull();

    // A mark cleared, one unchanged: only the change is written.
    await vault.value('calendar.attendance', {
      eventId: id,
      marks: [
        { inviteeId: ines, attendance: 'present' },
        { inviteeId: elodie, attendance: null },
      ],
    });
    const entries = await history(id);
    expect(entries[0]).toMatchObject({
      subject: 'Présences',
      changes: [{ field: 'Élodie Zèbre', before: 'absent', after: null }],
    });
    expect(entries[1]!.changes).toHaveLength(3);
    expect(
      (await vault.value('calendar.list', { from: '2027-03-01', to: '2027-03-01' }))[0],
    ).toMatchObject({ invited: 3, present: 1 });

    await setEventStatus(vault.session.db, other, 'annule', TODAY);
    expect(
      (
        await failure('calendar.attendance', {
          eventId: other,
          marks: [{ inviteeId: foreign, attendance: 'excuse' }],
        })
      ).code,
    ).toBe('CONFLICT');
  });

  it('uninvites someone with their attendance', async () => {
    const id = await create();
    await vault.value('calendar.invite', { eventId: id, promeneurIds: [s.camille, s.ines] });
    const [ines] = (await get(id)).invitees;
    await vault.value('calendar.uninvite', { id: ines!.id });
    expect((await get(id)).invitees.map((i) => i.name)).toEqual(['Camille Fictif']);
    expect((await history(id))[0]!.changes).toEqual([
      { field: 'invitees', before: 'Inès Abeille', after: null },
    ]);
    expect((await failure('calendar.uninvite', { id: ines!.id })).code).toBe('NOT_FOUND');
  });
});

describe('trainings and Promeneurs', () => {
  it('lists the active Promeneurs who were never present at a held session of a training', async () => {
    const title = 'Droit à l’image et protection de l’enfance';
    const first = await create({
      type: 'formation',
      title,
      start: '2026-11-05T09:00',
      end: '2026-11-05T17:00',
    });
    await vault.value('calendar.invite', { eventId: first, allActive: true });
    const marks = (await get(first)).invitees.map((i) => ({
      inviteeId: i.id,
      attendance: i.promeneurId === s.camille ? ('present' as const) : ('excuse' as const),
    }));
    await vault.value('calendar.attendance', { eventId: first, marks });
    // Present at a cancelled session, or one of another title, does not count.
    const cancelled = await create({
      type: 'formation',
      title,
      start: '2027-01-05T09:00',
      end: '2027-01-05T17:00',
    });
    await vault.value('calendar.invite', { eventId: cancelled, promeneurIds: [s.elodie] });
    await vault.value('calendar.attendance', {
      eventId: cancelled,
      marks: [{ inviteeId: (await get(cancelled)).invitees[0]!.id, attendance: 'present' }],
    });
    await setEventStatus(vault.session.db, cancelled, 'annule', TODAY);
    const other = await create({
      type: 'formation',
      title: 'Réseaux sociaux : paramétrages et outils',
      start: '2027-02-05T09:00',
      end: '2027-02-05T17:00',
    });
    await vault.value('calendar.invite', { eventId: other, promeneurIds: [s.ines] });
    await vault.value('calendar.attendance', {
      eventId: other,
      marks: [{ inviteeId: (await get(other)).invitees[0]!.id, attendance: 'present' }],
    });
    const next = await create({
      type: 'formation',
      title: 'DROIT A L’IMAGE ET PROTECTION DE L’ENFANCE',
      start: '2027-05-05T09:00',
      end: '2027-05-05T17:00',
    });
    const lacking = (await get(next)).stillLacking;
    expect(lacking.map((p) => `${p.firstName} ${p.lastName} (${p.structureName})`)).toEqual([
      'Inès Abeille (Mairie de Valbourg)',
      'Élodie Zèbre (Centre social des Tilleuls)',
    ]);
    expect(lacking[0]!.id).toBe(s.ines);
    // Another title has its own sessions.
    expect((await get(other)).stillLacking.map((p) => p.id)).toEqual([s.camille, s.elodie]);
    // Other types have nobody lacking.
    await vault.value('calendar.invite', { eventId: await create(), allActive: true });
    expect((await get(await create())).stillLacking).toEqual([]);
  });

  it('lists the events a Promeneur was invited to, newest first, with attendance', async () => {
    const older = await create({ start: '2027-01-12T14:00', end: '2027-01-12T16:00' });
    const newer = await create({ type: 'formation', title: 'Posture professionnelle' });
    await create({ type: 'copil', title: 'COPIL sans Promeneurs' });
    await vault.value('calendar.invite', { eventId: older, promeneurIds: [s.camille, s.ines] });
    await vault.value('calendar.invite', { eventId: newer, promeneurIds: [s.camille] });
    const camille = (await get(older)).invitees.find((i) => i.promeneurId === s.camille)!;
    await vault.value('calendar.attendance', {
      eventId: older,
      marks: [{ inviteeId: camille.id, attendance: 'present' }],
    });
    const events = await vault.value('calendar.forPromeneur', { promeneurId: s.camille });
    expect(events.map((e) => [e.id, e.attendance, e.invited, e.present])).toEqual([
      [newer, null, 1, 0],
      [older, 'present', 2, 1],
    ]);
    expect(await vault.value('calendar.forPromeneur', { promeneurId: s.paul })).toEqual([]);
    expect((await failure('calendar.forPromeneur', { promeneurId: 9999 })).code).toBe('NOT_FOUND');
  });

  it('keeps events when a Promeneur or a structure is erased', async () => {
    const id = await create();
    const other = await structure('Association éphémère');
    await vault.value('calendar.invite', {
      eventId: id,
      promeneurIds: [s.paul, s.camille],
      staff: [{ structureId: other, name: 'Odile Périphrase' }],
    });
    await vault.value('promeneurs.remove', { id: s.paul });
    await vault.value('structures.remove', { id: other });
    const event = await get(id);
    expect(event.invitees.map((i) => [i.name, i.structureId, i.organisation])).toEqual([
      ['Camille Fictif', s.tilleuls, 'Centre social des Tilleuls'],
      // The team member stays, with the structure's name as it was.
      ['Odile Périphrase', null, 'Association éphémère'],
    ]);
  });
});

describe('cadence goals', () => {
  it('counts, per goal, what was held and what is still planned this year', async () => {
    const at = (start: string) => ({ start: `${start}T10:00`, end: `${start}T12:00` });
    await create({ type: 'copil', title: 'COPIL 1', ...at('2027-02-02') });
    await create({ type: 'copil', title: 'COPIL 2', ...at('2027-11-02') });
    const held = await create({ type: 'cotech', title: 'COTECH 1', ...at('2027-01-20') });
    await setEventStatus(vault.session.db, held, 'tenu', TODAY);
    await create({ type: 'cotech', title: 'COTECH 2', ...at('2027-05-20') });
    const cancelled = await create({ type: 'cotech', title: 'COTECH 3', ...at('2027-09-20') });
    await setEventStatus(vault.session.db, cancelled, 'annule', TODAY);
    await create({ type: 'cotech', title: 'COTECH 2026', ...at('2026-12-10') });
    await create({ type: 'rencontre_departementale', ...at('2027-04-13') });
    await create({ type: 'formation', title: 'Hors objectifs', ...at('2027-04-14') });

    expect(await cadenceOf(vault.session.db, 2027, TODAY)).toEqual([
      {
        type: 'rencontre_departementale',
        label: 'Rencontre départementale',
        year: 2027,
        target: 2,
        held: 0,
        planned: 1,
        missing: 1,
      },
      { type: 'copil', label: 'COPIL', year: 2027, target: 2, held: 1, planned: 1, missing: 0 },
      { type: 'cotech', label: 'COTECH', year: 2027, target: 4, held: 1, planned: 1, missing: 2 },
    ]);
    await vault.value('settings.update', { cotechPerYear: 2, departmentalMeetingsPerYear: 0 });
    const route = await vault.value('calendar.cadence', { year: 2027 });
    expect(route.map((g) => [g.type, g.target, g.missing])).toEqual([
      ['rencontre_departementale', 0, 0],
      ['copil', 2, 0],
      ['cotech', 2, 0],
    ]);
    expect((await cadenceOf(vault.session.db, 2026, TODAY))[2]).toMatchObject({
      held: 1,
      planned: 0,
      missing: 1,
    });
  });
});
