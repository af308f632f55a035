/**
 * Every route of the contract, called through the real router with malformed input:
 * each is rejected with a clear French error, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeNames, type RouteName } from '../../src/shared/api/contract';
import type { ConventionFieldsInput } from '../../src/shared/api/conventions';
import type { EventFieldsInput } from '../../src/shared/api/calendar';
import { MAX_ICS_BYTES } from '../../src/shared/domain/calendar';
import { dispatch } from '../../src/main/ipc/router';
import { handlers } from '../../src/main/ipc/handlers';
import { folderFingerprint } from '../support/files';
import { createTestVault, type TestVault } from '../support/vault';

let vault: TestVault;

/** A valid convention (id 1 once created), to build wrong variants from. */
const convention: ConventionFieldsInput = {
  structureId: 1,
  reference: 'CAF-2026-001',
  kind: 'premiere',
  startDate: '2026-01-01',
  endDate: '2027-12-31',
  fundedPromeneurs: 2,
  subsidies: [{ year: 2026, amountCents: 400_000 }],
};
const payment = { year: 2026, kind: 'avance', amountCents: 100, plannedOn: '2026-03-01' } as const;
const notAPdf = Buffer.from('<html>pas un PDF</html>').toString('base64');
/** A valid journal entry (id 1 once created). */
const logEntry = {
  date: '2027-03-12',
  kind: 'accompagnement_pdn',
  channel: 'telephone',
  durationMinutes: 45,
  summary: 'Point sur les permanences en ligne',
} as const;
/** A valid committee member, to build wrong variants from. */
const committeeMember = {
  name: 'Agnès Hypothèse',
  organisationKind: 'caf',
  role: 'membre',
  seat: 'titulaire',
} as const;
/** A valid event, far ahead (id 1 once created, with a guest as invitee 1). */
const event: EventFieldsInput = {
  type: 'rencontre_departementale',
  title: 'Rencontre départementale',
  start: '2030-03-12T14:00',
  end: '2030-03-12T17:00',
};

/** Counts rows in every table: equal counts before and after mean nothing was written. */
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

beforeAll(async () => {
  vault = await createTestVault();
  // Something to damage if a route let bad input through.
  await vault.value('structures.create', {
    fields: {
      name: 'Centre social des Tilleuls',
      type: 'centre_social',
      legalForm: 'association',
      networkStatus: 'dans_le_reseau',
    },
  });
  await vault.value('conventions.create', { fields: convention });
  await vault.value('conventions.payments.create', {
    conventionId: 1,
    fields: { year: 2026, kind: 'avance', amountCents: 100_000, plannedOn: '2026-03-01' },
  });
  await vault.value('conventions.amendments.create', {
    conventionId: 1,
    fields: { signedOn: '2026-06-01', object: 'Un Promeneur de plus', fundedPromeneurs: 3 },
  });
  // Two events, each with one guest (invitees 1 and 2).
  for (const title of ['Rencontre départementale', 'COPIL']) {
    const { id } = await vault.value('calendar.create', { fields: { ...event, title } });
    await vault.value('calendar.invite', { eventId: id, guests: [{ name: 'Agnès Hypothèse' }] });
  }
  // A journal entry (id 1) about the structure.
  await vault.value('journal.create', { fields: { ...logEntry, structureIds: [1] } });
});
afterAll(() => vault.cleanup());

const malformed: unknown[] = ['texte', 42, true, [1, 2]];

/** Inputs that are objects of the right kind but wrong in a field, per route where it applies. */
const wrongFields: Partial<Record<RouteName, unknown[]>> = {
  'vault.status': [{ unexpected: true }],
  'vault.lock': [{ unexpected: true }],
  'vault.create': [{ passphrase: 'court' }, {}],
  'vault.unlock': [{ passphrase: '' }],
  'vault.unlockWithRecoveryKey': [
    { recoveryKey: '', newPassphrase: 'une phrase assez longue' },
    { recoveryKey: 'ABCD', newPassphrase: 'court' },
  ],
  'vault.changePassphrase': [{ current: 'correct horse battery staple', next: 'court' }],
  'vault.confirmCreate': [{ recoveryKey: '' }],
  'settings.update': [
    { retentionYears: 0 },
    { retentionYears: 31 },
    { retentionYears: 2.5 },
    { autoLockMinutes: 0 },
    { autoLockMinutes: 100000 },
    { autoLockMinutes: 'quinze' },
    { obligationDueDay: 31, obligationDueMonth: 4 },
    { obligationDueDay: 30, obligationDueMonth: 2 },
    { obligationDueDay: 31 },
    { obligationDueMonth: 13 },
    { todoHorizonMonths: 0 },
    { todoHorizonMonths: 1.5 },
  ],
  'structures.list': [{ statuses: ['inconnu'] }, { sort: 'password' }],
  'structures.get': [{ id: -1 }, { id: 1.5 }],
  'structures.create': [
    { fields: { name: '', type: 'mjc', legalForm: 'association', networkStatus: 'interessee' } },
    {
      fields: {
        name: 'X',
        type: 'mjc',
        legalForm: 'association',
        networkStatus: 'interessee',
        siret: '12345678901234',
      },
    },
    {
      fields: {
        name: 'X',
        type: 'mjc',
        legalForm: 'association',
        networkStatus: 'interessee',
        phone: '12',
      },
    },
    {
      fields: {
        name: 'X',
        type: 'mjc',
        legalForm: 'association',
        networkStatus: 'interessee',
        email: 'pas-un-email',
      },
    },
    {
      fields: { name: 'X', type: 'banque', legalForm: 'association', networkStatus: 'interessee' },
    },
  ],
  'structures.update': [
    { id: 1, fields: { name: 'Y', type: 'mjc', legalForm: 'sarl', networkStatus: 'interessee' } },
  ],
  'promeneurs.create': [
    {
      fields: {
        firstName: 'A',
        lastName: 'B',
        job: 'animateur',
        structureId: 1,
        status: 'actif',
        dutySlots: [{ weekday: 1, start: '18:00', end: '17:00' }],
      },
    },
    {
      fields: {
        firstName: 'A',
        lastName: 'B',
        job: 'animateur',
        structureId: 1,
        status: 'actif',
        profiles: [{ platform: 'myspace', name: 'x' }],
      },
    },
    {
      fields: {
        firstName: 'A',
        lastName: 'B',
        job: 'animateur',
        structureId: 'un',
        status: 'actif',
      },
    },
  ],
  'history.forRecord': [{ entity: 'password', id: 1 }],
  'history.search': [
    { entity: 'password' },
    { entityId: 0 },
    { from: '31/12/2026' },
    { to: '2026-02-30' },
    { from: '2027-02-01', to: '2027-01-01' },
    { action: 'burn' },
    { text: 'x'.repeat(201) },
    { limit: 0 },
    { limit: 201 },
    { offset: -1 },
    { offset: 1.5 },
  ],
  'rights.people': [{ search: 42 }, { search: 'x'.repeat(201) }],
  'rights.export': [
    {},
    { person: { kind: 'promeneur', id: 1 } },
    { person: { kind: 'promeneur', id: 1 }, format: 'csv' },
    { person: { kind: 'voisin', id: 1 }, format: 'json' },
    { person: { kind: 'promeneur', id: 0 }, format: 'json' },
    { person: { kind: 'guest', name: '  ', email: null }, format: 'json' },
    { person: { kind: 'guest', name: 'Agnès Hypothèse' }, format: 'json' },
    { person: { kind: 'contact', name: 'x'.repeat(201) }, format: 'xlsx' },
  ],
  'rights.erase': [
    {},
    { person: { kind: 'guest', name: 'Agnès Hypothèse', email: null } },
    { person: { kind: 'promeneur', id: 'un' }, confirm: 'x' },
    { person: { kind: 'guest', name: 'Agnès Hypothèse', email: null }, confirm: 42 },
    // Checked by the service: the name must be typed back.
    { person: { kind: 'guest', name: 'Agnès Hypothèse', email: null }, confirm: '' },
    { person: { kind: 'guest', name: 'Agnès Hypothèse', email: null }, confirm: 'Agnès' },
  ],
  'rights.retention': [{ on: '2026-13-01' }, { on: 20260101 }],
  'rights.register': [{ unexpected: true }],
  'conventions.list': [{ statuses: ['perdue'] }, { sort: 'montant' }, { structureId: 0 }],
  'conventions.get': [{ id: 0 }, { id: 'un' }],
  'conventions.create': [
    { fields: { ...convention, reference: '' } },
    { fields: { ...convention, kind: 'avenant' } },
    { fields: { ...convention, endDate: '2025-12-31' } },
    { fields: { ...convention, endDate: '2036-12-31' } },
    { fields: { ...convention, startDate: '01/01/2026' } },
    { fields: { ...convention, fundedPromeneurs: 0 } },
    { fields: { ...convention, previousId: 1 } },
    { fields: { ...convention, subsidies: [{ year: 2030, amountCents: 1 }] } },
    {
      fields: {
        ...convention,
        subsidies: [
          { year: 2026, amountCents: 1 },
          { year: 2026, amountCents: 2 },
        ],
      },
    },
    { fields: { ...convention, subsidies: [{ year: 2026, amountCents: -1 }] } },
    { fields: { ...convention, subsidies: [{ year: 2026, amountCents: 10.5 }] } },
    // Checked by the service: the structure and the previous convention must exist.
    { fields: { ...convention, structureId: 999 } },
    { fields: { ...convention, kind: 'renouvellement', previousId: 999 } },
  ],
  'conventions.update': [
    { id: 1 },
    { id: 1, fields: { ...convention, endDate: '2026-01-01' } },
    { id: 1, fields: { ...convention, structureId: 999 } },
    { id: 1, fields: { ...convention, kind: 'renouvellement', previousId: 1 } },
    // The payment of 2026 would no longer be covered.
    {
      id: 1,
      fields: { ...convention, startDate: '2027-01-01', endDate: '2027-12-31', subsidies: [] },
    },
  ],
  'conventions.setStatus': [
    { id: 1, status: 'resiliee', since: '2026-06-01' },
    { id: 1, status: 'resolue', since: '2026-06-01', reason: '   ' },
    { id: 1, status: 'perdue', since: '2026-06-01' },
    { id: 1, status: 'signee', since: '31/12/2026' },
    { id: 1, status: 'resiliee', since: '2025-06-01', reason: 'Avant le début' },
  ],
  'conventions.remove': [{ id: -1 }],
  'conventions.documents.add': [
    { conventionId: 1, label: '' },
    { conventionId: 1, label: 'Pièce', category: 'divers' },
    { conventionId: 'un', label: 'Pièce' },
  ],
  'conventions.documents.update': [
    { id: 1, fields: { validatedOn: '2026-01-01' } },
    { id: 1, fields: { receivedOn: '2026-02-01', validatedOn: '2026-01-01' } },
    { id: 1, fields: { receivedOn: 'hier' } },
  ],
  'conventions.documents.remove': [{ id: 'un' }],
  'conventions.attachments.add': [
    { documentId: 1, fileName: 'a.zip', mimeType: 'application/zip', contentBase64: notAPdf },
    { documentId: 1, fileName: '', mimeType: 'application/pdf', contentBase64: notAPdf },
    { documentId: 1, fileName: 'a.pdf', mimeType: 'application/pdf', contentBase64: '' },
    { documentId: 1, fileName: 'a.pdf', mimeType: 'application/pdf', contentBase64: '@@@@' },
    // Checked by the service: the bytes must be of the type announced.
    { documentId: 1, fileName: 'a.pdf', mimeType: 'application/pdf', contentBase64: notAPdf },
    { documentId: 1, fileName: 'a.png', mimeType: 'image/png', contentBase64: notAPdf },
  ],
  'conventions.attachments.open': [{ id: 0 }],
  'conventions.attachments.remove': [{ id: 0 }],
  'conventions.obligations.update': [
    { conventionId: 1, key: '', fields: {} },
    { conventionId: 1, key: 'attestation_service_fait:2026', fields: { receivedOn: 'hier' } },
    { conventionId: 1, key: 'x'.repeat(101), fields: {} },
  ],
  'conventions.payments.create': [
    { conventionId: 1, fields: { ...payment, amountCents: 0 } },
    { conventionId: 1, fields: { ...payment, plannedOn: null } },
    { conventionId: 1, fields: { ...payment, kind: 'prime' } },
    { conventionId: 1, fields: { ...payment, year: 1999 } },
    // Checked by the service: the year must be covered.
    { conventionId: 1, fields: { ...payment, year: 2040 } },
  ],
  'conventions.payments.update': [
    { id: 1, fields: { ...payment, amountCents: -5 } },
    { id: 1, fields: { ...payment, year: 2040 } },
  ],
  'conventions.payments.remove': [{ id: 0 }],
  'conventions.amendments.create': [
    { conventionId: 1, fields: { signedOn: '2026-06-01', object: '' } },
    { conventionId: 1, fields: { signedOn: 'juin', object: 'Objet' } },
    { conventionId: 1, fields: { signedOn: '2026-06-01', object: 'Objet', fundedPromeneurs: 0 } },
    {
      conventionId: 1,
      fields: {
        signedOn: '2026-06-01',
        object: 'Objet',
        subsidies: [
          { year: 2027, amountCents: 1 },
          { year: 2027, amountCents: 2 },
        ],
      },
    },
    // Checked by the service: the terms as amended must hold.
    { conventionId: 1, fields: { signedOn: '2026-06-01', object: 'Objet', endDate: '2025-01-01' } },
    { conventionId: 1, fields: { signedOn: '2026-06-01', object: 'Objet', endDate: '2026-01-01' } },
    {
      conventionId: 1,
      fields: {
        signedOn: '2026-06-01',
        object: 'Objet',
        subsidies: [{ year: 2031, amountCents: 1 }],
      },
    },
  ],
  'conventions.amendments.update': [
    { id: 1, fields: { signedOn: 'x', object: 'y' } },
    { id: 1, fields: { signedOn: '2026-06-01', object: 'Objet', endDate: '2025-06-30' } },
  ],
  'conventions.amendments.remove': [{ id: 0 }],
  'calendar.list': [
    { from: '2030-01-01' },
    { from: '2030-13-01', to: '2030-12-31' },
    { from: '2030-01-01', to: '2030-12-31', types: ['fete'] },
    { from: '2030-01-01', to: '2030-12-31', statuses: ['reporte'] },
    { from: '2030-01-01', to: '2030-12-31', search: 'x'.repeat(201) },
    // Checked by the service: the period must not be reversed.
    { from: '2030-12-31', to: '2030-01-01' },
  ],
  'calendar.get': [{ id: 0 }, { id: 'un' }],
  'calendar.create': [
    { fields: { ...event, title: '  ' } },
    { fields: { ...event, type: 'fete' } },
    { fields: { ...event, start: '2030-03-12 14:00' } },
    { fields: { ...event, start: '2030-02-30T14:00' } },
    { fields: { ...event, end: '2030-03-12T24:00' } },
    { fields: { ...event, end: '2030-03-12T13:00' } },
    { fields: { ...event, videoUrl: 'pas une adresse' } },
    { fields: { ...event, description: 'x'.repeat(5001) } },
    { fields: event, repetition: { repeat: 'weekly' } },
    { fields: event, repetition: { repeat: 'daily', until: '2030-06-01' } },
    { fields: event, repetition: { repeat: 'weekly', until: '01/06/2030' } },
    // Checked by the service: the end of the repetition, and at most 52 dates.
    { fields: event, repetition: { repeat: 'weekly', until: '2030-03-01' } },
    { fields: event, repetition: { repeat: 'weekly', until: '2035-12-31' } },
  ],
  'calendar.update': [
    { id: 1 },
    { id: 1, fields: { ...event, end: event.start } },
    { id: 1, fields: { ...event, place: 'x'.repeat(301) } },
  ],
  'calendar.duplicate': [
    { id: 1 },
    { id: 1, start: 'demain' },
    { id: 1, start: '2030-03-12T25:00' },
  ],
  'calendar.setStatus': [
    { id: 1, status: 'reporte' },
    { id: 1 },
    // Checked by the service: an event still to come cannot be held.
    { id: 1, status: 'tenu' },
  ],
  'calendar.remove': [{ id: -1 }],
  'calendar.invite': [
    { eventId: 1, promeneurIds: ['un'] },
    { eventId: 1, guests: [{ name: '' }] },
    { eventId: 1, guests: [{ name: 'X', email: 'pas-un-email' }] },
    { eventId: 1, staff: [{ name: 'X' }] },
    { eventId: 1, allActive: 'oui' },
    // Checked by the service: the Promeneurs and structures must exist.
    { eventId: 1, promeneurIds: [999] },
    { eventId: 1, structureIds: [999] },
    { eventId: 1, staff: [{ structureId: 999, name: 'X' }] },
  ],
  'calendar.uninvite': [{ id: 0 }],
  'calendar.attendance': [
    { eventId: 1, marks: [] },
    { eventId: 1, marks: [{ inviteeId: 1, attendance: 'en_retard' }] },
    { eventId: 1, marks: [{ inviteeId: 'un', attendance: 'present' }] },
    // Checked by the service: only the event's own invitees.
    { eventId: 1, marks: [{ inviteeId: 2, attendance: 'present' }] },
    { eventId: 1, marks: [{ inviteeId: 999, attendance: 'present' }] },
  ],
  'calendar.attendanceSheet': [{}, { id: 0 }, { id: 'un' }],
  'calendar.exportIcs': [
    {},
    { from: '2030-01-01' },
    { from: '2030-12-31', to: '2030-01-01' },
    { from: '31/12/2030', to: '2031-01-01' },
    { id: 0 },
  ],
  'calendar.importIcs': [
    { fileName: 'agenda.ics' },
    { fileName: 'agenda.ics', content: '' },
    { fileName: '', content: 'BEGIN:VCALENDAR' },
    { fileName: 'agenda.ics', content: 'x'.repeat(MAX_ICS_BYTES + 1) },
  ],
  'calendar.cadence': [{}, { year: 1999 }, { year: '2030' }, { year: 2030.5 }],
  'calendar.forPromeneur': [{}, { promeneurId: 0 }],
  'journal.list': [
    {},
    { year: 1999 },
    { year: 2027.5 },
    { year: 2027, kinds: ['sieste'] },
    { year: 2027, promeneurId: 0 },
    { year: 2027, structureId: 'un' },
  ],
  'journal.create': [
    {},
    { fields: { ...logEntry, date: '12/03/2027' } },
    { fields: { ...logEntry, date: '2027-02-30' } },
    { fields: { ...logEntry, kind: 'sieste' } },
    { fields: { ...logEntry, channel: 'pigeon' } },
    { fields: { ...logEntry, durationMinutes: 0 } },
    { fields: { ...logEntry, durationMinutes: 1.5 } },
    { fields: { ...logEntry, durationMinutes: 24 * 60 + 1 } },
    { fields: { ...logEntry, durationMinutes: '45' } },
    { fields: { ...logEntry, summary: '   ' } },
    { fields: { ...logEntry, summary: 'x'.repeat(501) } },
    { fields: { ...logEntry, partners: 'x'.repeat(501) } },
    { fields: { ...logEntry, promeneurIds: [0] } },
    { fields: { ...logEntry, structureIds: ['un'] } },
    // Checked by the service: the Promeneurs and structures must exist.
    { fields: { ...logEntry, promeneurIds: [999] } },
    { fields: { ...logEntry, structureIds: [1, 999] } },
  ],
  'journal.update': [
    { id: 1 },
    { id: 1, fields: { ...logEntry, kind: 'sieste' } },
    { id: 'un', fields: logEntry },
    // Checked by the service.
    { id: 1, fields: { ...logEntry, promeneurIds: [999] } },
    { id: 1, fields: { ...logEntry, structureIds: [999] } },
  ],
  'journal.remove': [{}, { id: 0 }, { id: 'un' }],
  'journal.totals': [{}, { year: 1800 }, { year: '2027' }, { year: 2027.5 }],
  'committees.get': [{}, { committee: 'copul' }],
  'committees.updateRules': [
    {},
    { committee: 'copil', quorum: 0 },
    { committee: 'copil', quorum: 2.5 },
    { committee: 'copil', quorum: '3' },
    { committee: 'copil', rules: 'x'.repeat(20_001) },
  ],
  'committees.members.create': [
    { committee: 'copil' },
    { committee: 'copil', fields: { ...committeeMember, name: '' } },
    { committee: 'copil', fields: { ...committeeMember, seat: 'suppleant' } },
    { committee: 'copil', fields: { ...committeeMember, substituteOf: 1 } },
    { committee: 'copil', fields: { ...committeeMember, email: 'pas-un-courriel' } },
    { committee: 'copil', fields: { ...committeeMember, phone: '12' } },
    { committee: 'copil', fields: { ...committeeMember, organisationKind: 'banque' } },
    {
      committee: 'copil',
      fields: { ...committeeMember, memberFrom: '2027-02-01', memberUntil: '2027-01-01' },
    },
  ],
  'committees.members.update': [
    { id: 0, fields: committeeMember },
    { id: 1, fields: { ...committeeMember, role: 'tresorier' } },
  ],
  'committees.members.remove': [{}, { id: 0 }],
  'committees.meetings': [{}, { committee: 1 }],
  'committees.meeting': [{}, { eventId: '1' }],
  'committees.linkOptions': [{ unexpected: true }],
  'committees.agenda.create': [
    { eventId: 1, fields: { title: '' } },
    { eventId: 1, fields: { title: 'Point', durationMinutes: 0 } },
    { eventId: 1, fields: { title: 'Point', durationMinutes: 601 } },
    { eventId: 1, fields: { title: 'Point', links: [{ kind: 'jeune', id: 1 }] } },
    {
      eventId: 1,
      fields: {
        title: 'Point',
        links: Array.from({ length: 21 }, (_, i) => ({ kind: 'structure', id: i + 1 })),
      },
    },
  ],
  'committees.agenda.update': [
    { id: 1, fields: { title: ' ' } },
    { id: 0, fields: { title: 'X' } },
  ],
  'committees.agenda.move': [{ id: 1 }, { id: 1, direction: 'left' }],
  'committees.agenda.remove': [{}, { id: -1 }],
  'committees.attendance': [
    { eventId: 1, marks: [] },
    { eventId: 1, marks: [{ memberId: 1, attendance: 'en_retard' }] },
    { eventId: 1, marks: [{ memberId: 0, attendance: 'present' }] },
  ],
  'committees.minutes.save': [
    { eventId: 1, minutes: { type: 'doc', content: [] } },
    { eventId: 1, itemId: null, minutes: '<p>Compte rendu</p>' },
    { eventId: 1, itemId: null, minutes: { type: 'doc', content: [{ type: 'codeBlock' }] } },
    {
      eventId: 1,
      itemId: null,
      minutes: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'lien',
                marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
              },
            ],
          },
        ],
      },
    },
  ],
  'committees.minutes.setStatus': [
    { eventId: 1, status: 'publie' },
    { eventId: 1, status: 'approuve', approvedOn: '31/12/2027' },
  ],
  'committees.decisions.create': [
    { eventId: 1, fields: { type: 'structure_retenue', title: 'Candidature retenue' } },
    { eventId: 1, fields: { type: 'promeneur_exclu', title: 'Exclusion' } },
    { eventId: 1, fields: { type: 'autre', title: '' } },
    { eventId: 1, fields: { type: 'veto', title: 'Veto' } },
  ],
  'committees.decisions.update': [{ id: 1, fields: { type: 'autre' } }],
  'committees.decisions.remove': [{}, { id: 1.5 }],
  'committees.decisions.register': [
    { year: 1800 },
    { committee: 'ag' },
    { type: 'veto' },
    { search: 'x'.repeat(201) },
  ],
  'committees.decisions.exportRegister': [{ year: '2027' }, { committee: 'ag' }],
  'committees.decisions.letter': [{}, { id: 0 }],
  'committees.actions.create': [
    { eventId: 1, fields: { who: '', what: 'Relancer' } },
    { eventId: 1, fields: { who: 'CAF', what: 'Relancer', dueOn: 'demain' } },
    { eventId: 1, fields: { who: 'CAF', what: 'Relancer', status: 'oubliee' } },
    { eventId: 1, fields: { who: 'CAF', what: 'Relancer', doneOn: '2027-01-01' } },
  ],
  'committees.actions.update': [{ id: 1, fields: { who: 'CAF' } }],
  'committees.actions.remove': [{ id: '1' }],
  'committees.minutesPdf': [{}, { eventId: 0 }],
  'committees.minutesDocx': [{}, { eventId: 0 }],
  'committees.preparationPack': [{}, { eventId: 0 }],
  'activity.lists': [{ unexpected: true }],
  'activity.lists.create': [
    {},
    { list: 'canaux', label: 'Reddit' },
    { list: 'channels', label: '   ' },
    { list: 'themes', label: 'x'.repeat(61) },
  ],
  'activity.lists.rename': [
    { list: 'channels', id: 0, label: 'Reddit' },
    { list: 'themes', id: 1, label: '' },
  ],
  'activity.lists.reorder': [
    { list: 'channels', ids: [] },
    { list: 'channels', ids: [1, 'deux'] },
    // Not every value of the list: refused by the service, nothing moved.
    { list: 'channels', ids: [2, 1] },
  ],
  'activity.lists.remove': [
    { list: 'themes', id: -1 },
    { list: 'lieux', id: 1 },
  ],
  'activity.reports.get': [
    { promeneurId: 1, periodKey: '2026-T5' },
    { promeneurId: 0, periodKey: '2026-T3' },
  ],
  'activity.reports.list': [{}, { periodKey: '3e trimestre 2026' }, { periodKey: '2026-13' }],
  'activity.reports.create': [
    { promeneurId: 1, periodKey: '2026-T3', figures: {} },
    {
      promeneurId: 1,
      periodKey: '2026-T3',
      figures: {
        youngContacted: 10,
        youngMet: 11,
        projectsStarted: 0,
        exchanges: 0,
        concernsReferred: 0,
        hoursOnline: 0,
      },
    },
    {
      promeneurId: 1,
      periodKey: '2026-T3',
      figures: {
        youngContacted: -1,
        youngMet: 0,
        projectsStarted: 0,
        exchanges: 0,
        concernsReferred: 0,
        hoursOnline: 1.001,
      },
    },
    {
      promeneurId: 1,
      periodKey: '1999',
      figures: {
        youngContacted: 1,
        youngMet: 0,
        projectsStarted: 0,
        exchanges: 0,
        concernsReferred: 0,
        hoursOnline: 0,
      },
    },
  ],
  'activity.reports.update': [
    {
      id: 1,
      figures: {
        youngContacted: 'dix',
        youngMet: 0,
        projectsStarted: 0,
        exchanges: 0,
        concernsReferred: 0,
        hoursOnline: 0,
      },
    },
    {
      id: 1,
      figures: {
        youngContacted: 3,
        youngMet: 0,
        projectsStarted: 0,
        exchanges: 0,
        concernsReferred: 0,
        hoursOnline: 0,
        ageBands: { age12to14: 2, age15to17: 2, age18to25: 0 },
      },
    },
  ],
  'activity.reports.remove': [{}, { id: 0 }],
  'activity.completeness': [{}, { periodKey: 2026 }],
  'activity.templates': [{ periodKey: 'T3' }, { periodKey: '2026-T3', promeneurId: -4 }],
  'activity.importPreview': [
    { periodKey: '2026-T3' },
    // One file, but not in the list.
    { periodKey: '2026-T3', fileName: 'a.xlsx', contentBase64: 'UEsDBA==' },
    { periodKey: '2026-T3', files: [] },
    { periodKey: '2026-T3', files: 'a.xlsx' },
    { periodKey: '2026-T3', files: [{ fileName: 'a.xlsx', contentBase64: 42 }] },
    { periodKey: '2026-T9', files: [{ fileName: 'a.xlsx', contentBase64: 'UEsDBA==' }] },
    { periodKey: '2026-T3', files: [{ fileName: '', contentBase64: 'UEsDBA==' }] },
    { periodKey: '2026-T3', files: [{ fileName: 'a.xlsx', contentBase64: 'pas du base64 !' }] },
    { periodKey: '2026-T3', files: [{ fileName: 'a.xlsx', contentBase64: 'A'.repeat(3_000_000) }] },
    {
      periodKey: '2026-T3',
      files: Array.from({ length: 21 }, (_, i) => ({
        fileName: `${i}.xlsx`,
        contentBase64: 'UEsDBA==',
      })),
    },
  ],
  'activity.importConfirm': [
    { periodKey: '2026-T9', fileName: 'a.xlsx', contentBase64: 'UEsDBA==' },
    { periodKey: '2026-T3', fileName: 'a.xlsx', contentBase64: '', replace: 'oui' },
  ],
  'activity.aggregates': [
    { from: '2026-13-01' },
    { from: '2026-09-30', to: '2026-07-01' },
    { structureType: 'banque' },
  ],
  'dashboard.data': [
    { year: 1999 },
    { year: 2026, from: '2026-01-01', to: '2026-06-30' },
    { from: '2026-01-01' },
    { from: '2026-09-30', to: '2026-07-01' },
    { structureType: 'banque' },
    { structureId: 0 },
    { unexpected: true },
  ],
  'dashboard.options': [{ unexpected: true }],
  'exports.bilan': [{}, { year: 1999 }, { year: '2026' }, { year: 2026.5 }, { year: 2026, x: 1 }],
  'exports.annuaire': [{}, { format: 'ods' }, { format: 'csv', unexpected: true }],
  'exports.conventions': [{ unexpected: true }],
  'exports.decisions': [{ year: 1999 }, { committee: 'bureau' }, { year: 2026, unexpected: true }],
  'exports.attendance': [
    {},
    { from: '2026-01-01' },
    { from: '2026-13-01', to: '2026-12-31' },
    { from: '2026-09-30', to: '2026-07-01' },
    { eventId: 0 },
    { eventId: 'un' },
  ],
  'exports.copil': [
    {},
    { date: '20/11/2026' },
    { date: '2026-02-30' },
    { date: '2026-11-20', x: 1 },
  ],
  'todo.list': [
    { horizonMonths: 99 },
    { horizonMonths: -1 },
    { kinds: ['reunion'] },
    { structureId: -2 },
    { limit: 0 },
    { limit: 2.5 },
    { limit: '100' },
  ],
  'todo.markDone': [
    { key: '' },
    { key: 'x'.repeat(201) },
    { key: 'bogus' },
    { key: 'document:abc' },
  ],
  'backups.settings.get': [{ unexpected: true }],
  'backups.settings.update': [
    { keep: 0 },
    { keep: 101 },
    { keep: 2.5 },
    { keep: '10' },
    { automatic: 'oui' },
    { folder: '' },
    { folder: 'x'.repeat(4097) },
    { useDefaultFolder: false },
    { unexpected: true },
    // Checked by the service: an absolute path to an existing, writable folder.
    { folder: 'sauvegardes/balise' },
    { folder: '/dossier/qui/n-existe/pas' },
  ],
  'backups.list': [{ unexpected: true }],
  'backups.create': [{ unexpected: true }, { kind: 'automatic' }],
  'backups.verify': [
    {},
    { name: 'balise-2026-11-22-140312-manuelle' },
    { name: '../../etc/passwd', passphrase: 'correct horse battery staple' },
    { name: 'balise-2026-11-22-140312-autre', passphrase: 'correct horse battery staple' },
    { name: 'balise-2026-11-22-140312-manuelle', passphrase: '' },
    { name: 'balise-2026-11-22-140312-manuelle', recoveryKey: '' },
    { name: 42, passphrase: 'correct horse battery staple' },
  ],
  'backups.restore': [
    {},
    { name: 'balise-2026-11-22-140312-manuelle' },
    { name: '/tmp/balise-2026-11-22-140312-manuelle', passphrase: 'correct horse battery staple' },
    { name: 'balise-2026-11-22-140312-manuelle', passphrase: '' },
    // The recovery key needs the new passphrase to set.
    { name: 'balise-2026-11-22-140312-manuelle', recoveryKey: 'ABCD-EFGH' },
    { name: 'balise-2026-11-22-140312-manuelle', recoveryKey: 'ABCD', newPassphrase: 'court' },
  ],
};

describe('every route rejects malformed input and writes nothing', () => {
  it.each(routeNames)('%s', async (route) => {
    const rowsBefore = rowCounts();
    const filesBefore = folderFingerprint(vault.session.vault.dir);
    for (const input of [...malformed, ...(wrongFields[route] ?? [])]) {
      const result = await dispatch(handlers, vault.ctx, route, input);
      expect(result.ok, `${route} accepted ${JSON.stringify(input)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.message).toMatch(/[a-zàâçéèêëîïôûù]/i);
        expect(result.error.message).not.toMatch(/Expected|Invalid input|received/);
      }
    }
    expect(rowCounts()).toEqual(rowsBefore);
    expect(folderFingerprint(vault.session.vault.dir)['balise.keys.json']).toBe(
      filesBefore['balise.keys.json'],
    );
    expect(vault.session.vault.state()).toBe('unlocked');
  });

  it('answers a well-formed file that is no workbook with its refusal, in French', async () => {
    const rowsBefore = rowCounts();
    // Refused by the reader, in its contained process: said in the file's answer.
    const result = await dispatch(handlers, vault.ctx, 'activity.importPreview', {
      periodKey: '2026-T3',
      files: [{ fileName: 'a.xlsx', contentBase64: 'JVBERi0xLjcK' }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual([
      { ok: false, fileName: 'a.xlsx', message: expect.stringMatching(/PDF renommé/) },
    ]);
    expect(rowCounts()).toEqual(rowsBefore);
  });

  it('rejects an unknown route', async () => {
    const result = await dispatch(handlers, vault.ctx, 'fs.readFile', { path: '/etc/passwd' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Action inconnue.' },
    });
  });

  it('gives field-level messages for forms', async () => {
    const result = await vault.call('structures.create', {
      fields: {
        name: '',
        type: 'mjc',
        legalForm: 'association',
        networkStatus: 'interessee',
        siret: '123',
      },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.fields?.['fields.name']).toBe('Nom : champ obligatoire.');
      expect(result.error.fields?.['fields.siret']).toBe(
        'Le SIRET doit compter exactement 14 chiffres.',
      );
    }
  });
});

describe('a locked vault answers every data route with VAULT_LOCKED', () => {
  it('refuses reads and writes while locked', async () => {
    const locked = await createTestVault();
    await locked.session.lock();
    const list = await locked.call('structures.list', {});
    expect(list.ok).toBe(false);
    if (!list.ok) expect(list.error.code).toBe('VAULT_LOCKED');
    const create = await locked.call('structures.create', {
      fields: { name: 'X', type: 'mjc', legalForm: 'association', networkStatus: 'interessee' },
    });
    expect(create.ok).toBe(false);
    await locked.cleanup();
  });
});
