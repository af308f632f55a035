/**
 * The committees against a real encrypted vault: members and rules, the agenda with the
 * follow-up of earlier actions, attendance and quorum, the life of the minutes, decisions
 * numbered per committee and year, a status change atomic with its decision, actions in the
 * to-do list, the documents' data and bytes, and committee members' personal data rights.
 */
import { join } from 'node:path';
import mammoth from 'mammoth';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  exclusionLetter,
  minutesDocument,
  networkFigures,
  preparationPack,
} from '../../src/main/services/committees/documentData';
import { listTodo, markTodoDone } from '../../src/main/services/todo';
import type { MemberFieldsInput } from '../../src/shared/api/committees';
import type { RichDoc } from '../../src/shared/domain/richText';
import { createTestVault, type TestVault } from '../support/vault';
import { loadWorkbook } from '../support/workbooks';

let vault: TestVault;
const conn = () => vault.session.vault.connection;
const count = (sql: string, ...params: unknown[]) =>
  (
    conn()
      .prepare(sql)
      .get(...params) as { n: number }
  ).n;
const auditRows = () =>
  conn()
    .prepare(
      `select action, subject, changes from audit_log where entity = 'committee' order by id`,
    )
    .all() as { action: string; subject: string; changes: string }[];

const ids = { interested: 0, inNetwork: 0, promeneur: 0, copilA: 0, copilB: 0, cotech: 0 };

const meeting = async (type: 'copil' | 'cotech', title: string, day: string) =>
  (
    await vault.value('calendar.create', {
      fields: { type, title, start: `${day}T10:00`, end: `${day}T12:00`, place: 'Salle de la CAF' },
    })
  ).id;

const member = (fields: Partial<MemberFieldsInput> & { name: string }): MemberFieldsInput => ({
  organisationKind: 'caf',
  role: 'membre',
  seat: 'titulaire',
  ...fields,
});

const paragraph = (text: string): RichDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

beforeEach(async () => {
  vault = await createTestVault();
  await vault.value('settings.update', { departmentName: 'Val-de-Quille' });
  ids.interested = (
    await vault.value('structures.create', {
      fields: {
        name: 'Centre social des Tilleuls',
        type: 'centre_social',
        legalForm: 'association',
        networkStatus: 'interessee',
        statusSince: '2027-01-05',
        address: '3 rue des Tilleuls',
        postalCode: '49000',
        commune: 'Angers',
        representativeName: 'Odile Carré',
        representativeTitle: 'Présidente',
      },
    })
  ).id;
  ids.inNetwork = (
    await vault.value('structures.create', {
      fields: {
        name: 'MJC du Lac',
        type: 'mjc',
        legalForm: 'association',
        networkStatus: 'dans_le_reseau',
        statusSince: '2025-01-01',
        commune: 'Saumur',
        representativeName: 'Paul Lenoir',
        representativeTitle: 'Président',
      },
    })
  ).id;
  ids.promeneur = (
    await vault.value('promeneurs.create', {
      fields: {
        firstName: 'Léna',
        lastName: 'Moreau',
        job: 'animateur',
        structureId: ids.inNetwork,
        status: 'suspendu',
        statusSince: '2027-02-01',
        phone: '06 12 34 56 78',
      },
    })
  ).id;
  ids.copilA = await meeting('copil', 'COPIL de janvier', '2027-01-12');
  ids.cotech = await meeting('cotech', 'COTECH de mars', '2027-03-10');
  ids.copilB = await meeting('copil', 'COPIL de juin', '2027-06-15');
});
afterEach(() => vault.cleanup());

describe('members and rules', () => {
  it('keeps members with their seat, a substitute after their titular member', async () => {
    const chair = await vault.value('committees.members.create', {
      committee: 'copil',
      fields: member({ name: 'Anne Caf', role: 'president', organisation: 'CAF de Val-de-Quille' }),
    });
    const msa = await vault.value('committees.members.create', {
      committee: 'copil',
      fields: member({ name: 'Marc Msa', organisationKind: 'msa' }),
    });
    await vault.value('committees.members.create', {
      committee: 'copil',
      fields: member({
        name: 'Zoé Suppléante',
        organisationKind: 'msa',
        seat: 'suppleant',
        substituteOf: msa.id,
      }),
    });
    const committee = await vault.value('committees.get', { committee: 'copil' });
    expect(committee.members.map((m) => [m.name, m.substituteOfName])).toEqual([
      ['Anne Caf', null],
      ['Marc Msa', null],
      ['Zoé Suppléante', 'Marc Msa'],
    ]);
    expect((await vault.value('committees.get', { committee: 'cotech' })).members).toEqual([]);

    // A substitute needs a titular member of the same committee.
    const orphan = await vault.call('committees.members.create', {
      committee: 'copil',
      fields: member({ name: 'X', seat: 'suppleant' }),
    });
    expect(orphan.ok).toBe(false);
    if (!orphan.ok) expect(orphan.error.fields?.['fields.substituteOf']).toMatch(/titulaire/);
    const elsewhere = await vault.call('committees.members.create', {
      committee: 'cotech',
      fields: member({ name: 'X', seat: 'suppleant', substituteOf: chair.id }),
    });
    expect(elsewhere.ok).toBe(false);
    expect(count('select count(*) as n from committee_members')).toBe(3);

    await vault.value('committees.updateRules', {
      committee: 'copil',
      rules: 'Un représentant titulaire et un suppléant par institution.',
      quorum: 3,
    });
    expect(await vault.value('committees.get', { committee: 'copil' })).toMatchObject({
      rules: 'Un représentant titulaire et un suppléant par institution.',
      quorum: 3,
    });
    expect(auditRows().map((r) => r.subject)).toEqual([
      'Membre : Anne Caf',
      'Membre : Marc Msa',
      'Membre : Zoé Suppléante',
      'Règlement et quorum',
    ]);
  });
});

describe('a meeting', () => {
  it('opens its agenda with the follow-up of earlier open actions', async () => {
    const open = await vault.value('committees.actions.create', {
      eventId: ids.copilA,
      fields: { who: 'Coordinatrice', what: 'Relancer les candidatures', dueOn: '2027-03-01' },
    });
    await vault.value('committees.actions.create', {
      eventId: ids.copilA,
      fields: { who: 'CAF', what: 'Valider le budget', status: 'faite', doneOn: '2027-02-01' },
    });
    // A COTECH's actions are not the COPIL's.
    await vault.value('committees.actions.create', {
      eventId: ids.cotech,
      fields: { who: 'Coordinatrice', what: 'Préparer la rencontre' },
    });

    const first = await vault.value('committees.agenda.create', {
      eventId: ids.copilB,
      fields: {
        title: 'Candidatures des structures',
        presenter: 'Coordinatrice',
        durationMinutes: 45,
        links: [{ kind: 'structure', id: ids.interested }],
      },
    });
    const second = await vault.value('committees.agenda.create', {
      eventId: ids.copilB,
      fields: { title: 'Budget', durationMinutes: 30 },
    });
    let view = await vault.value('committees.meeting', { eventId: ids.copilB });
    expect(view.previous).toMatchObject({ id: ids.copilA, title: 'COPIL de janvier' });
    expect(view.agenda.map((i) => [i.position, i.title, i.followUp])).toEqual([
      [1, 'Suivi des actions des réunions précédentes', true],
      [2, 'Candidatures des structures', false],
      [3, 'Budget', false],
    ]);
    expect(view.agenda[1]!.links).toEqual([
      { kind: 'structure', id: ids.interested, label: 'Structure : Centre social des Tilleuls' },
    ]);
    expect(view.followedActions.map((a) => [a.what, a.status])).toEqual([
      ['Relancer les candidatures', 'a_faire'],
      ['Valider le budget', 'faite'],
    ]);

    await vault.value('committees.agenda.move', { id: second.id, direction: 'up' });
    view = await vault.value('committees.meeting', { eventId: ids.copilB });
    expect(view.agenda.map((i) => i.title).slice(1)).toEqual([
      'Budget',
      'Candidatures des structures',
    ]);
    await vault.value('committees.agenda.remove', { id: second.id });
    view = await vault.value('committees.meeting', { eventId: ids.copilB });
    expect(view.agenda.map((i) => [i.id, i.position])).toEqual([
      [null, 1],
      [first.id, 2],
    ]);
    expect(
      conn().prepare('select position from meeting_agenda_items where id = ?').get(first.id),
    ).toEqual({ position: 1 });

    // The first meeting follows nothing up; an open action makes its way to the to-do list.
    expect((await vault.value('committees.meeting', { eventId: ids.copilA })).agenda).toEqual([]);
    const todo = await listTodo(
      vault.session.db,
      { horizonMonths: 36, structureId: null, kinds: ['committee_action'], limit: null },
      '2027-03-05',
    );
    expect(todo.items.map((i) => [i.key, i.date, i.overdue, i.label])).toEqual([
      [
        `committee-action:${open.id}`,
        '2027-03-01',
        true,
        'Relancer les candidatures (Coordinatrice)',
      ],
      [
        expect.stringMatching(/^committee-action:/),
        '2027-03-10',
        false,
        'Préparer la rencontre (Coordinatrice)',
      ],
    ]);
    expect(todo.items[0]!.link).toBe(`/instances/reunions/${ids.copilA}?onglet=actions`);

    // Marked done from the list: the action is « faite » that day, and leaves the list.
    await markTodoDone(vault.session.db, `committee-action:${open.id}`, '2027-03-05');
    view = await vault.value('committees.meeting', { eventId: ids.copilA });
    expect(view.actions.find((a) => a.id === open.id)).toMatchObject({
      status: 'faite',
      doneOn: '2027-03-05',
    });
    const after = await listTodo(
      vault.session.db,
      { horizonMonths: 36, structureId: null, kinds: ['committee_action'], limit: null },
      '2027-03-05',
    );
    expect(after.items.map((i) => i.label)).toEqual(['Préparer la rencontre (Coordinatrice)']);
    // The follow-up item stays: the minutes say what was done.
    view = await vault.value('committees.meeting', { eventId: ids.copilB });
    expect(view.agenda[0]!.followUp).toBe(true);
  });

  it('refuses links to records that do not exist, and writes nothing', async () => {
    const result = await vault.call('committees.agenda.create', {
      eventId: ids.copilB,
      fields: { title: 'Point', links: [{ kind: 'promeneur', id: 999 }] },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^Saisie à corriger/);
    expect(count('select count(*) as n from meeting_agenda_items')).toBe(0);
    // An event that is not a committee meeting has no agenda.
    const training = (
      await vault.value('calendar.create', {
        fields: {
          type: 'formation',
          title: 'Formation',
          start: '2027-04-01T09:00',
          end: '2027-04-01T17:00',
        },
      })
    ).id;
    const refused = await vault.call('committees.meeting', { eventId: training });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('NOT_FOUND');
  });

  it('records attendance, excused and represented, against the quorum', async () => {
    await vault.value('committees.updateRules', { committee: 'copil', rules: '', quorum: 3 });
    const add = async (name: string, extra: Partial<MemberFieldsInput> = {}) =>
      (
        await vault.value('committees.members.create', {
          committee: 'copil',
          fields: member({ name, ...extra }),
        })
      ).id;
    const a = await add('Anne Caf', { role: 'president' });
    const b = await add('Bruno Msa');
    const c = await add('Chloé Département');
    const d = await add('Denis Sdjes', { memberUntil: '2027-02-01' });
    const guest = await add('Gilles Invité', { role: 'invite' });
    const other = (
      await vault.value('committees.members.create', {
        committee: 'cotech',
        fields: member({ name: 'Hors COPIL' }),
      })
    ).id;

    let view = await vault.value('committees.meeting', { eventId: ids.copilB });
    // Denis's mandate ended before the meeting: he is not expected.
    expect(view.attendance.map((l) => l.member.name)).toEqual([
      'Anne Caf',
      'Bruno Msa',
      'Chloé Département',
      'Gilles Invité',
    ]);
    expect(view.quorum).toEqual({ required: 3, present: 0, reached: false });

    await vault.value('committees.attendance', {
      eventId: ids.copilB,
      marks: [
        { memberId: a, attendance: 'present' },
        { memberId: b, attendance: 'excuse' },
        { memberId: c, attendance: 'represente', representedByMemberId: a },
        { memberId: guest, attendance: 'present' },
      ],
    });
    view = await vault.value('committees.meeting', { eventId: ids.copilB });
    expect(
      view.attendance.map((l) => [l.member.name, l.attendance, l.representedByMemberId]),
    ).toEqual([
      ['Anne Caf', 'present', null],
      ['Bruno Msa', 'excuse', null],
      ['Chloé Département', 'represente', a],
      ['Gilles Invité', 'present', null],
    ]);
    expect(view.quorum).toEqual({ required: 3, present: 2, reached: false });

    // Refused: represented by nobody, by someone of another committee, a stranger marked.
    const before = count('select count(*) as n from meeting_attendance');
    for (const marks of [
      [{ memberId: b, attendance: 'represente' as const }],
      [{ memberId: b, attendance: 'represente' as const, representedByMemberId: other }],
      [{ memberId: other, attendance: 'present' as const }],
      [
        { memberId: b, attendance: 'present' as const },
        { memberId: d, attendance: 'represente' as const, representedByMemberId: d },
      ],
    ]) {
      const result = await vault.call('committees.attendance', { eventId: ids.copilB, marks });
      expect(result.ok, JSON.stringify(marks)).toBe(false);
    }
    expect(count('select count(*) as n from meeting_attendance')).toBe(before);
    expect(
      count(
        `select count(*) as n from meeting_attendance where member_id = ? and attendance = 'excuse'`,
        b,
      ),
    ).toBe(1);

    // Denis came after all: marked, he shows; the quorum is reached.
    await vault.value('committees.attendance', {
      eventId: ids.copilB,
      marks: [{ memberId: d, attendance: 'present' }],
    });
    view = await vault.value('committees.meeting', { eventId: ids.copilB });
    expect(view.attendance.map((l) => l.member.name)).toContain('Denis Sdjes');
    expect(view.quorum).toEqual({ required: 3, present: 3, reached: true });
    const last = auditRows().at(-1)!;
    expect(last.subject).toBe('Réunion du 15/06/2027 — présences');
    expect(JSON.parse(last.changes)).toEqual([
      { field: 'Denis Sdjes', before: null, after: 'Présent·e' },
    ]);

    // A member in the attendance stays, for the minutes.
    const removal = await vault.call('committees.members.remove', { id: a });
    expect(removal.ok).toBe(false);
    if (!removal.ok) expect(removal.error.code).toBe('CONFLICT');
  });

  it('goes from draft to approved to circulated, and keeps approved minutes as voted', async () => {
    const item = await vault.value('committees.agenda.create', {
      eventId: ids.copilA,
      fields: { title: 'Bilan de l’année' },
    });
    await vault.value('committees.minutes.save', {
      eventId: ids.copilA,
      itemId: item.id,
      minutes: paragraph('Le bilan est présenté par la coordinatrice.'),
    });
    await vault.value('committees.minutes.save', {
      eventId: ids.copilA,
      itemId: item.id,
      minutes: paragraph('Le bilan est présenté par la coordinatrice ; il est adopté.'),
    });
    // Two saves in a row make one entry of the log, from the first text to the last.
    const logged = auditRows().filter((r) => r.subject.includes('compte rendu : Bilan'));
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]!.changes)).toEqual([
      {
        field: 'minutes',
        before: '',
        after: 'Le bilan est présenté par la coordinatrice ; il est adopté.',
      },
    ]);

    // Unsupported rich text never reaches the database.
    const html = await vault.call('committees.minutes.save', {
      eventId: ids.copilA,
      itemId: item.id,
      minutes: { type: 'doc', content: [{ type: 'codeBlock', content: [] }] } as unknown as RichDoc,
    });
    expect(html.ok).toBe(false);

    const noDate = await vault.call('committees.minutes.setStatus', {
      eventId: ids.copilA,
      status: 'approuve',
    });
    expect(noDate.ok).toBe(false);
    if (!noDate.ok) expect(noDate.error.fields?.approvedOn).toBe('Indiquez la date d’approbation.');
    const notLater = await vault.call('committees.minutes.setStatus', {
      eventId: ids.copilA,
      status: 'approuve',
      approvedOn: '2027-06-15',
      approvedAtEventId: ids.cotech,
    });
    expect(notLater.ok).toBe(false);

    await vault.value('committees.minutes.setStatus', {
      eventId: ids.copilA,
      status: 'approuve',
      approvedOn: '2027-06-15',
      approvedAtEventId: ids.copilB,
    });
    let view = await vault.value('committees.meeting', { eventId: ids.copilA });
    expect(view.minutes).toMatchObject({
      status: 'approuve',
      approvedOn: '2027-06-15',
      approvedAt: { id: ids.copilB, title: 'COPIL de juin' },
    });
    expect(view.later.map((m) => m.id)).toEqual([ids.copilB]);
    const locked = await vault.call('committees.minutes.save', {
      eventId: ids.copilA,
      itemId: item.id,
      minutes: paragraph('Réécrit après coup'),
    });
    expect(locked.ok).toBe(false);
    if (!locked.ok) expect(locked.error.code).toBe('CONFLICT');

    await vault.value('committees.minutes.setStatus', {
      eventId: ids.copilA,
      status: 'diffuse',
      approvedOn: '2027-06-15',
      approvedAtEventId: ids.copilB,
      circulatedOn: '2027-06-20',
      recipients: 'Membres du COPIL, structures du réseau',
    });
    view = await vault.value('committees.meeting', { eventId: ids.copilA });
    expect(view.minutes).toMatchObject({
      status: 'diffuse',
      circulatedOn: '2027-06-20',
      recipients: 'Membres du COPIL, structures du réseau',
    });
    expect(
      (await vault.value('committees.meetings', { committee: 'copil' })).map((m) => [
        m.title,
        m.minutesStatus,
      ]),
    ).toEqual([
      ['COPIL de juin', null],
      ['COPIL de janvier', 'diffuse'],
    ]);

    // Back to draft: the dates go, the text can change again.
    await vault.value('committees.minutes.setStatus', { eventId: ids.copilA, status: 'brouillon' });
    view = await vault.value('committees.meeting', { eventId: ids.copilA });
    expect(view.minutes).toEqual({
      status: 'brouillon',
      approvedOn: null,
      approvedAt: null,
      circulatedOn: null,
      recipients: null,
    });
    expect(view.agenda[0]!.minutes).toEqual(
      paragraph('Le bilan est présenté par la coordinatrice ; il est adopté.'),
    );
  });
});

describe('decisions', () => {
  const decide = (eventId: number, title: string) =>
    vault.value('committees.decisions.create', { eventId, fields: { type: 'autre', title } });

  it('are numbered per committee and year', async () => {
    const copil2028 = await meeting('copil', 'COPIL 2028', '2028-01-20');
    expect((await decide(ids.copilA, 'Calendrier')).reference).toBe('COPIL-2027-01');
    expect((await decide(ids.copilB, 'Budget')).reference).toBe('COPIL-2027-02');
    expect((await decide(ids.cotech, 'Communication')).reference).toBe('COTECH-2027-01');
    expect((await decide(copil2028, 'Orientations')).reference).toBe('COPIL-2028-01');
    const removed = await decide(ids.copilB, 'Erreur de saisie');
    expect(removed.reference).toBe('COPIL-2027-03');
    await vault.value('committees.decisions.remove', { id: removed.id });
    expect((await decide(ids.copilB, 'Feuille de route')).reference).toBe('COPIL-2027-03');

    const register = await vault.value('committees.decisions.register', {});
    expect(register.map((r) => r.reference)).toEqual([
      'COPIL-2028-01',
      'COPIL-2027-03',
      'COPIL-2027-02',
      'COTECH-2027-01',
      'COPIL-2027-01',
    ]);
    const filtered = await vault.value('committees.decisions.register', {
      committee: 'copil',
      year: 2027,
      search: 'feuille',
    });
    expect(filtered.map((r) => [r.reference, r.date, r.meetingTitle])).toEqual([
      ['COPIL-2027-03', '2027-06-15', 'COPIL de juin'],
    ]);
  });

  it('select a structure: its status becomes « retenue » that year, with its history', async () => {
    const { reference } = await vault.value('committees.decisions.create', {
      eventId: ids.copilB,
      fields: {
        type: 'structure_retenue',
        title: 'Candidature retenue',
        structureId: ids.interested,
      },
    });
    expect(reference).toBe('COPIL-2027-01');
    const structure = await vault.value('structures.get', { id: ids.interested });
    expect(structure).toMatchObject({ networkStatus: 'retenue', selectionYear: 2027 });
    expect(structure.statusHistory.map((h) => [h.status, h.since])).toEqual([
      ['retenue', '2027-06-15'],
      ['interessee', '2027-01-05'],
    ]);
    const history = await vault.value('history.forRecord', {
      entity: 'structure',
      id: ids.interested,
    });
    expect(history[0]!.changes).toEqual(
      expect.arrayContaining([{ field: 'networkStatus', before: 'interessee', after: 'retenue' }]),
    );
    const [decision] = (await vault.value('committees.meeting', { eventId: ids.copilB })).decisions;
    expect(decision).toMatchObject({ subject: 'Structure : Centre social des Tilleuls' });

    // A structure already in the network cannot be selected: nothing is written.
    const refused = await vault.call('committees.decisions.create', {
      eventId: ids.copilB,
      fields: { type: 'structure_retenue', title: 'Retenue', structureId: ids.inNetwork },
    });
    expect(refused.ok).toBe(false);
    expect(count('select count(*) as n from committee_decisions')).toBe(1);
    // Its type and record are fixed; its wording is not.
    const retyped = await vault.call('committees.decisions.update', {
      id: decision!.id,
      fields: { type: 'autre', title: 'Candidature retenue' },
    });
    expect(retyped.ok).toBe(false);
    await vault.value('committees.decisions.update', {
      id: decision!.id,
      fields: {
        type: 'structure_retenue',
        title: 'Candidature du centre social retenue',
        text: 'Le COPIL retient la candidature pour un Promeneur.',
        structureId: ids.interested,
      },
    });
  });

  it('exclude a Promeneur: the status changes, and the letter to the structure is ready', async () => {
    const { id } = await vault.value('committees.decisions.create', {
      eventId: ids.copilB,
      fields: {
        type: 'promeneur_exclu',
        title: 'Exclusion d’un Promeneur',
        text: 'Manquements répétés à la charte.',
        promeneurId: ids.promeneur,
      },
    });
    const p = await vault.value('promeneurs.get', { id: ids.promeneur });
    expect(p.status).toBe('exclu');
    expect(p.phone).toBe('+33612345678');
    expect(p.statusHistory[0]).toMatchObject({ status: 'exclu', since: '2027-06-15' });
    const letter = await exclusionLetter(vault.session.db, id, '2027-06-18');
    expect(letter).toEqual({
      departmentName: 'Val-de-Quille',
      date: '2027-06-18',
      structure: {
        name: 'MJC du Lac',
        address: null,
        postalCode: null,
        commune: 'Saumur',
        representativeName: 'Paul Lenoir',
        representativeTitle: 'Président',
      },
      promeneur: { firstName: 'Léna', lastName: 'Moreau' },
      decision: {
        reference: 'COPIL-2027-01',
        meetingDate: '2027-06-15',
        text: 'Manquements répétés à la charte.',
      },
    });
    // Deciding it again changes nothing more.
    await vault.value('committees.decisions.create', {
      eventId: ids.copilB,
      fields: { type: 'promeneur_exclu', title: 'Confirmation', promeneurId: ids.promeneur },
    });
    expect(
      count(
        `select count(*) as n from status_history where entity = 'promeneur' and status = 'exclu'`,
      ),
    ).toBe(1);
  });

  it('write nothing when the status cannot change (one transaction)', async () => {
    conn().exec(
      `create trigger refuse_status before update on structures begin select raise(abort, 'panne simulée'); end`,
    );
    const auditBefore = count('select count(*) as n from audit_log');
    const result = await vault.call('committees.decisions.create', {
      eventId: ids.copilB,
      fields: { type: 'structure_retenue', title: 'Retenue', structureId: ids.interested },
    });
    expect(result.ok).toBe(false);
    expect(count('select count(*) as n from committee_decisions')).toBe(0);
    expect(count('select count(*) as n from audit_log')).toBe(auditBefore);
    expect(
      count(
        `select count(*) as n from status_history where entity = 'structure' and status = 'retenue'`,
      ),
    ).toBe(0);
    conn().exec('drop trigger refuse_status');
    // Once the failure is gone, the same decision takes number 1.
    expect(
      (
        await vault.value('committees.decisions.create', {
          eventId: ids.copilB,
          fields: { type: 'structure_retenue', title: 'Retenue', structureId: ids.interested },
        })
      ).reference,
    ).toBe('COPIL-2027-01');
  });
});

describe('the documents', () => {
  it('gather the minutes: agenda, attendance, per-item text, decisions, actions, follow-up', async () => {
    await vault.value('committees.updateRules', { committee: 'copil', rules: '', quorum: 2 });
    const titular = (
      await vault.value('committees.members.create', {
        committee: 'copil',
        fields: member({
          name: 'Anne Caf',
          role: 'president',
          organisation: 'CAF de Val-de-Quille',
        }),
      })
    ).id;
    const msa = (
      await vault.value('committees.members.create', {
        committee: 'copil',
        fields: member({ name: 'Marc Msa', organisationKind: 'msa' }),
      })
    ).id;
    await vault.value('committees.attendance', {
      eventId: ids.copilB,
      marks: [
        { memberId: titular, attendance: 'present' },
        { memberId: msa, attendance: 'represente', representedByMemberId: titular },
      ],
    });
    await vault.value('committees.actions.create', {
      eventId: ids.copilA,
      fields: { who: 'CAF', what: 'Transmettre les chiffres', dueOn: '2027-05-01' },
    });
    const item = await vault.value('committees.agenda.create', {
      eventId: ids.copilB,
      fields: { title: 'Budget', presenter: 'Anne Caf', durationMinutes: 30 },
    });
    await vault.value('committees.minutes.save', {
      eventId: ids.copilB,
      itemId: item.id,
      minutes: paragraph('Budget adopté.'),
    });
    await vault.value('committees.minutes.save', {
      eventId: ids.copilB,
      itemId: null,
      minutes: paragraph('Chiffres reçus.'),
    });
    await vault.value('committees.decisions.create', {
      eventId: ids.copilB,
      fields: { type: 'budget_valide', title: 'Budget 2028 validé' },
    });
    await vault.value('committees.actions.create', {
      eventId: ids.copilB,
      fields: { who: 'Coordinatrice', what: 'Diffuser le compte rendu', dueOn: '2027-06-30' },
    });

    const doc = await minutesDocument(vault.session.db, ids.copilB, '2027-06-16');
    expect(doc.meeting).toEqual({
      committee: 'copil',
      departmentName: 'Val-de-Quille',
      title: 'COPIL de juin',
      start: '2027-06-15T10:00',
      end: '2027-06-15T12:00',
      place: 'Salle de la CAF',
    });
    expect(doc.quorum).toEqual({ required: 2, present: 2 });
    expect(doc.attendance).toEqual([
      {
        name: 'Anne Caf',
        organisation: 'CAF de Val-de-Quille',
        role: 'Président·e, titulaire',
        attendance: 'present',
        representedBy: null,
      },
      {
        name: 'Marc Msa',
        organisation: 'MSA',
        role: 'Membre, titulaire',
        attendance: 'represente',
        representedBy: 'Anne Caf',
      },
    ]);
    expect(doc.agenda.map((a) => [a.position, a.title, a.followUp, a.minutes])).toEqual([
      [1, 'Suivi des actions des réunions précédentes', true, paragraph('Chiffres reçus.')],
      [2, 'Budget', false, paragraph('Budget adopté.')],
    ]);
    expect(doc.decisions).toEqual([
      {
        reference: 'COPIL-2027-01',
        type: 'budget_valide',
        title: 'Budget 2028 validé',
        subject: null,
        text: null,
      },
    ]);
    expect(doc.actions).toEqual([
      {
        who: 'Coordinatrice',
        what: 'Diffuser le compte rendu',
        dueOn: '2027-06-30',
        status: 'a_faire',
      },
    ]);
    expect(doc.previousActions).toEqual([
      { who: 'CAF', what: 'Transmettre les chiffres', dueOn: '2027-05-01', status: 'a_faire' },
    ]);

    const pack = await preparationPack(vault.session.db, ids.copilB, '2027-06-10');
    expect(pack.agenda.map((a) => a.title)).toEqual([
      'Suivi des actions des réunions précédentes',
      'Budget',
    ]);
    expect(pack.openActions).toHaveLength(1);
    // A meeting to come: the figures are today's.
    expect(pack.figures.asOf).toBe('2027-06-10');
  });

  it('count the network at a date from the status history', async () => {
    const held = await meeting('copil', 'COPIL passé', '2026-01-13');
    await vault.value('calendar.setStatus', { id: held, status: 'tenu' });
    const figures = await networkFigures(vault.session.db, '2026-06-20');
    expect(figures).toMatchObject({
      asOf: '2026-06-20',
      year: 2026,
      activePromeneurs: 0,
      activeStructures: 1,
      conventionsInForce: 0,
      committedCents: 0,
      paidCents: 0,
      meetingsHeld: [
        { label: 'Rencontre départementale', count: 0, target: 2 },
        { label: 'COPIL', count: 1, target: 2 },
        { label: 'COTECH', count: 0, target: 4 },
      ],
    });
    // The same figures as the dashboard's for that period, read on that day.
    const { figures: dashboard } = await vault.value('dashboard.data', {
      from: '2026-01-01',
      to: '2026-06-20',
    });
    expect(figures.activeStructures).toBe(dashboard.structuresInNetwork);
    expect((await networkFigures(vault.session.db, '2024-12-31')).activeStructures).toBe(0);
  });
});

const STANDARD_FONTS = join(process.cwd(), 'node_modules/pdfjs-dist/standard_fonts/');

/** A PDF's text, every page, spaces folded. */
async function pdfText(base64: string): Promise<string> {
  const data = new Uint8Array(Buffer.from(base64, 'base64'));
  const pdf = await getDocument({ data, standardFontDataUrl: STANDARD_FONTS }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages.join(' ').replace(/\s+/g, ' ');
}

describe('the files', () => {
  beforeEach(async () => {
    const chair = (
      await vault.value('committees.members.create', {
        committee: 'copil',
        fields: member({ name: 'Anne Caf', role: 'president' }),
      })
    ).id;
    const excused = (
      await vault.value('committees.members.create', {
        committee: 'copil',
        fields: member({ name: 'Marc Msa', organisationKind: 'msa' }),
      })
    ).id;
    await vault.value('committees.attendance', {
      eventId: ids.copilB,
      marks: [
        { memberId: chair, attendance: 'present' },
        { memberId: excused, attendance: 'excuse' },
      ],
    });
    const item = await vault.value('committees.agenda.create', {
      eventId: ids.copilB,
      fields: { title: 'Situation d’un Promeneur', durationMinutes: 20 },
    });
    await vault.value('committees.minutes.save', {
      eventId: ids.copilB,
      itemId: item.id,
      minutes: paragraph('Le comité décide l’exclusion après échange avec la structure.'),
    });
    await vault.value('committees.decisions.create', {
      eventId: ids.copilB,
      fields: {
        type: 'promeneur_exclu',
        title: 'Exclusion du dispositif',
        text: 'Manquements répétés à la charte.',
        promeneurId: ids.promeneur,
      },
    });
    await vault.value('committees.actions.create', {
      eventId: ids.copilB,
      fields: { who: 'Coordinatrice', what: 'Envoyer la lettre de notification' },
    });
  });

  it('give the minutes as a PDF and as a .docx that read back', async () => {
    const pdf = await vault.value('committees.minutesPdf', { eventId: ids.copilB });
    expect(pdf.fileName).toBe('compte-rendu-copil-2027-06-15.pdf');
    expect(Buffer.from(pdf.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf.contentBase64);
    for (const words of [
      'COPIL de juin',
      'Anne Caf',
      'Marc Msa',
      'Situation d’un Promeneur',
      'COPIL-2027-01',
      'Envoyer la lettre de notification',
    ])
      expect(text).toContain(words);

    const docx = await vault.value('committees.minutesDocx', { eventId: ids.copilB });
    expect(docx.fileName).toBe('compte-rendu-copil-2027-06-15.docx');
    const { value: raw } = await mammoth.extractRawText({
      buffer: Buffer.from(docx.contentBase64, 'base64'),
    });
    for (const words of [
      'COPIL de juin',
      'Marc Msa',
      'Le comité décide l’exclusion après échange avec la structure.',
      'COPIL-2027-01',
    ])
      expect(raw).toContain(words);
  });

  it('give the preparation pack, the exclusion letter and the register', async () => {
    const pack = await vault.value('committees.preparationPack', { eventId: ids.copilB });
    expect(pack.fileName).toBe('dossier-preparation-copil-2027-06-15.pdf');
    expect(await pdfText(pack.contentBase64)).toContain('Situation d’un Promeneur');

    const [decision] = (await vault.value('committees.meeting', { eventId: ids.copilB })).decisions;
    const letter = await vault.value('committees.decisions.letter', { id: decision!.id });
    expect(letter.fileName).toMatch(/^notification-exclusion-lena-moreau-\d{4}-\d{2}-\d{2}\.pdf$/);
    const letterText = await pdfText(letter.contentBase64);
    expect(letterText).toContain('MJC du Lac');
    expect(letterText).toContain('COPIL-2027-01');
    // Only an exclusion has a letter.
    const other = await vault.value('committees.decisions.create', {
      eventId: ids.copilB,
      fields: { type: 'autre', title: 'Calendrier validé' },
    });
    const refused = await vault.call('committees.decisions.letter', { id: other.id });
    expect(refused.ok).toBe(false);

    const register = await vault.value('committees.decisions.exportRegister', {
      committee: 'copil',
    });
    expect(register.fileName).toMatch(/^releve-des-decisions-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = await loadWorkbook(register.contentBase64);
    const cells = workbook.worksheets
      .flatMap((sheet) => sheet.getSheetValues())
      .flat()
      .map((v) => String(v ?? ''));
    expect(cells).toContain('COPIL-2027-01');
    expect(cells).toContain('COPIL-2027-02');
  });
});

describe('a committee member’s personal data', () => {
  it('is found, exported and erased, their name taken out of the committees’ texts', async () => {
    const NAME = 'Hermine Vasseurqx';
    const id = (
      await vault.value('committees.members.create', {
        committee: 'copil',
        fields: member({ name: NAME, email: 'hermine@caf.example', phone: '02 41 00 00 00' }),
      })
    ).id;
    await vault.value('committees.attendance', {
      eventId: ids.copilB,
      marks: [{ memberId: id, attendance: 'excuse' }],
    });
    await vault.value('committees.actions.create', {
      eventId: ids.copilB,
      fields: { who: NAME, what: 'Envoyer la note de la CAF' },
    });
    const item = await vault.value('committees.agenda.create', {
      eventId: ids.copilB,
      fields: { title: 'Point CAF', presenter: NAME },
    });
    await vault.value('committees.minutes.save', {
      eventId: ids.copilB,
      itemId: item.id,
      minutes: {
        type: 'doc',
        content: [
          {
            type: 'bulletList',
            content: [
              { type: 'listItem', content: [paragraph(`${NAME} présente la note.`).content![0]!] },
            ],
          },
        ],
      },
    });

    const people = await vault.value('rights.people', { search: 'vasseurqx' });
    expect(people).toEqual([
      {
        person: { kind: 'committee_member', id },
        name: NAME,
        details: 'CAF · hermine@caf.example',
        appearances: ['Membre du COPIL (membre, titulaire)', 'Présences à 1 réunion'],
      },
    ]);
    const file = await vault.value('rights.export', {
      person: { kind: 'committee_member', id },
      format: 'json',
    });
    const data = JSON.parse(Buffer.from(file.contentBase64, 'base64').toString('utf8')) as {
      données: Record<string, Record<string, unknown>[]>;
    };
    expect(data.données['Présences aux réunions']).toEqual([
      {
        Réunion: 'COPIL de juin',
        Date: '2027-06-15',
        Présence: 'Excusé·e',
        'Représenté par': null,
      },
    ]);
    expect(data.données['Actions des instances qui le nomment']).toHaveLength(1);

    const wrong = await vault.call('rights.erase', {
      person: { kind: 'committee_member', id },
      confirm: 'Hermine',
    });
    expect(wrong.ok).toBe(false);
    const { erased } = await vault.value('rights.erase', {
      person: { kind: 'committee_member', id },
      confirm: NAME,
    });
    expect(erased).toEqual([
      '1 fiche de membre d’instance',
      '1 présence à une réunion',
      '2 textes des instances où le nom est remplacé',
    ]);
    expect(count('select count(*) as n from committee_members')).toBe(0);
    expect(count('select count(*) as n from meeting_attendance')).toBe(0);
    const everything = JSON.stringify(
      ['committee_actions', 'meeting_agenda_items', 'audit_log'].map((t) =>
        conn().prepare(`select * from ${t}`).all(),
      ),
    );
    expect(everything).not.toMatch(/Vasseurqx|hermine@caf|0241000000/i);
    expect(everything).toContain('[nom effacé] présente la note.');
  });
});
