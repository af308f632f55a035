/** Everything the vault holds about one person, as labelled tables (the export's content). */
import type { PersonRef } from '../../../shared/api/rights';
import {
  ATTENDANCES,
  EVENT_STATUSES,
  EVENT_TYPES,
  INVITEE_KINDS,
  LOG_CHANNELS,
  LOG_KINDS,
} from '../../../shared/domain/calendar';
import {
  COMPLIANCE_POINTS,
  JOBS,
  PLATFORMS,
  PROMENEUR_STATUSES,
  PUBLICATION_FIELDS,
  WEEKDAYS,
} from '../../../shared/domain/directory';
import { DomainError } from '../../../shared/result';
import type { Db } from '../../db/connection';
import { committeeMemberDossier } from './committeeMembers';
import { activitySection } from '../activity/rights';

export type CellType = 'text' | 'date' | 'number';
export interface Column {
  key: string;
  label: string;
  type?: CellType;
}
export interface Section {
  title: string;
  columns: Column[];
  rows: Record<string, string | number | null>[];
}
export interface Dossier {
  name: string;
  sections: Section[];
}

const label = (list: Record<string, string>, key: string | null) =>
  key === null ? null : (list[key] ?? key);
const checked = (json: string, list: Record<string, string>) =>
  Object.entries(JSON.parse(json) as Record<string, boolean>)
    .filter(([, v]) => v)
    .map(([k]) => list[k] ?? k)
    .join(' ; ');
const day = (instant: string | null) => (instant ? instant.slice(0, 10) : null);
const fold = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');
export const sameName = (a: string | null, b: string) => a !== null && fold(a) === fold(b);

export const promeneurNotFound = () =>
  new DomainError('NOT_FOUND', 'Ce Promeneur du Net n’existe pas ou a déjà été effacé.');
export const nobodyFound = () =>
  new DomainError('NOT_FOUND', 'Cette personne n’apparaît plus dans le coffre.');

/** The log entries that name `needles` (a name, an e-mail), or that are about the given records. */
export async function auditSection(
  db: Db,
  needles: string[],
  records: { entity: string; id: number }[],
): Promise<Section> {
  const rows = await db.selectFrom('auditLog').selectAll().orderBy('at').orderBy('id').execute();
  const lower = needles.filter(Boolean).map((n) => n.toLocaleLowerCase('fr'));
  const out: Section['rows'] = [];
  for (const r of rows) {
    const own = records.some((rec) => rec.entity === r.entity && rec.id === r.entityId);
    const text = `${r.subject ?? ''} ${r.changes}`.toLocaleLowerCase('fr');
    if (!own && !lower.some((n) => text.includes(n))) continue;
    const changes = JSON.parse(r.changes) as { field: string; before: unknown; after: unknown }[];
    const show = (v: unknown) =>
      v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v);
    for (const c of changes.length > 0 ? changes : [{ field: '', before: null, after: null }])
      out.push({
        at: r.at.slice(0, 10),
        record: `${r.entity} n° ${r.entityId}`,
        action: r.action,
        subject: r.subject,
        field: c.field || null,
        before: show(c.before),
        after: show(c.after),
      });
  }
  return {
    title: 'Journal des modifications',
    columns: [
      { key: 'at', label: 'Date', type: 'date' },
      { key: 'record', label: 'Fiche' },
      { key: 'action', label: 'Action' },
      { key: 'subject', label: 'Partie de la fiche' },
      { key: 'field', label: 'Champ' },
      { key: 'before', label: 'Ancienne valeur' },
      { key: 'after', label: 'Nouvelle valeur' },
    ],
    rows: out,
  };
}

/** The coordinator's journal entries linked to a Promeneur or whose text names the person. */
export async function journalSection(
  db: Db,
  promeneurId: number | null,
  name: string,
): Promise<Section> {
  const linked = promeneurId
    ? (
        await db
          .selectFrom('journalLinks')
          .select('entryId')
          .where('promeneurId', '=', promeneurId)
          .execute()
      ).map((r) => r.entryId)
    : [];
  const all = await db.selectFrom('journalEntries').selectAll().orderBy('date').execute();
  const needle = name.toLocaleLowerCase('fr');
  const rows = all
    .filter(
      (e) =>
        linked.includes(e.id) ||
        `${e.summary} ${e.partners ?? ''}`.toLocaleLowerCase('fr').includes(needle),
    )
    .map((e) => ({
      date: e.date,
      kind: label(LOG_KINDS, e.kind),
      channel: label(LOG_CHANNELS, e.channel),
      minutes: e.durationMinutes,
      summary: e.summary,
      partners: e.partners,
    }));
  return {
    title: 'Journal d’activité',
    columns: [
      { key: 'date', label: 'Date', type: 'date' },
      { key: 'kind', label: 'Nature' },
      { key: 'channel', label: 'Canal' },
      { key: 'minutes', label: 'Durée (minutes)', type: 'number' },
      { key: 'summary', label: 'Résumé' },
      { key: 'partners', label: 'Partenaires' },
    ],
    rows,
  };
}

const eventColumns: Column[] = [
  { key: 'title', label: 'Évènement' },
  { key: 'type', label: 'Type' },
  { key: 'start', label: 'Date', type: 'date' },
  { key: 'status', label: 'Statut de l’évènement' },
  { key: 'as', label: 'Invité en tant que' },
  { key: 'organisation', label: 'Structure ou organisation' },
  { key: 'email', label: 'E-mail' },
  { key: 'attendance', label: 'Présence' },
];

async function promeneurDossier(db: Db, id: number): Promise<Dossier> {
  const p = await db.selectFrom('promeneurs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw promeneurNotFound();
  const structure = await db
    .selectFrom('structures')
    .select('name')
    .where('id', '=', p.structureId)
    .executeTakeFirst();
  const name = `${p.firstName} ${p.lastName}`;
  const profiles = await db
    .selectFrom('promeneurProfiles')
    .selectAll()
    .where('promeneurId', '=', id)
    .orderBy('position')
    .execute();
  const slots = await db
    .selectFrom('dutySlots')
    .selectAll()
    .where('promeneurId', '=', id)
    .orderBy('position')
    .execute();
  const statuses = await db
    .selectFrom('statusHistory')
    .selectAll()
    .where('entity', '=', 'promeneur')
    .where('entityId', '=', id)
    .orderBy('since')
    .execute();
  const events = await db
    .selectFrom('eventInvitees')
    .innerJoin('events', 'events.id', 'eventInvitees.eventId')
    .select([
      'events.title',
      'events.type',
      'events.start',
      'events.status',
      'eventInvitees.attendance',
    ])
    .where('eventInvitees.promeneurId', '=', id)
    .orderBy('events.start')
    .execute();
  return {
    name,
    sections: [
      {
        title: 'Fiche',
        columns: [
          { key: 'firstName', label: 'Prénom' },
          { key: 'lastName', label: 'Nom' },
          { key: 'job', label: 'Métier' },
          { key: 'structure', label: 'Structure employeuse' },
          { key: 'email', label: 'E-mail professionnel' },
          { key: 'phone', label: 'Téléphone professionnel' },
          { key: 'startDate', label: 'Entrée dans le dispositif le', type: 'date' },
          { key: 'charterSignedOn', label: 'Charte signée le', type: 'date' },
          { key: 'status', label: 'Statut' },
          { key: 'compliance', label: 'Conformité du profil' },
          { key: 'complianceCheckedOn', label: 'Dernier contrôle du profil', type: 'date' },
          { key: 'publication', label: 'Publication dans l’annuaire' },
          { key: 'notes', label: 'Notes' },
          { key: 'archivedAt', label: 'Archivé le', type: 'date' },
          { key: 'createdAt', label: 'Créé le', type: 'date' },
          { key: 'updatedAt', label: 'Modifié le', type: 'date' },
        ],
        rows: [
          {
            firstName: p.firstName,
            lastName: p.lastName,
            job: label(JOBS, p.job),
            structure: structure?.name ?? null,
            email: p.email,
            phone: p.phone,
            startDate: p.startDate,
            charterSignedOn: p.charterSignedOn,
            status: label(PROMENEUR_STATUSES, p.status),
            compliance: checked(p.compliance, COMPLIANCE_POINTS),
            complianceCheckedOn: p.complianceCheckedOn,
            publication: checked(p.publication, PUBLICATION_FIELDS),
            notes: p.notes,
            archivedAt: day(p.archivedAt),
            createdAt: day(p.createdAt),
            updatedAt: day(p.updatedAt),
          },
        ],
      },
      {
        title: 'Profils',
        columns: [
          { key: 'platform', label: 'Plateforme' },
          { key: 'name', label: 'Nom du profil' },
          { key: 'url', label: 'Adresse' },
        ],
        rows: profiles.map((r) => ({
          platform: label(PLATFORMS, r.platform),
          name: r.name,
          url: r.url,
        })),
      },
      {
        title: 'Permanences',
        columns: [
          { key: 'weekday', label: 'Jour' },
          { key: 'start', label: 'Début' },
          { key: 'end', label: 'Fin' },
        ],
        rows: slots.map((s) => ({
          weekday: (WEEKDAYS as Record<number, string>)[s.weekday] ?? String(s.weekday),
          start: s.start,
          end: s.end,
        })),
      },
      {
        title: 'Historique du statut',
        columns: [
          { key: 'status', label: 'Statut' },
          { key: 'since', label: 'Depuis le', type: 'date' },
          { key: 'recordedAt', label: 'Enregistré le', type: 'date' },
        ],
        rows: statuses.map((s) => ({
          status: label(PROMENEUR_STATUSES, s.status),
          since: s.since,
          recordedAt: day(s.recordedAt),
        })),
      },
      {
        title: 'Évènements',
        columns: eventColumns,
        rows: events.map((e) => ({
          title: e.title,
          type: label(EVENT_TYPES, e.type),
          start: e.start.slice(0, 10),
          status: label(EVENT_STATUSES, e.status),
          as: INVITEE_KINDS.promeneur,
          organisation: structure?.name ?? null,
          email: p.email,
          attendance: label(ATTENDANCES, e.attendance) ?? 'Non renseignée',
        })),
      },
      await activitySection(db, id),
      await journalSection(db, id, name),
      await auditSection(db, [name], [{ entity: 'promeneur', id }]),
    ],
  };
}

/** The invitation rows of a guest or a structure's team member, by name and e-mail. */
export async function guestRows(db: Db, name: string, email: string | null) {
  const rows = await db
    .selectFrom('eventInvitees')
    .innerJoin('events', 'events.id', 'eventInvitees.eventId')
    .leftJoin('structures', 'structures.id', 'eventInvitees.structureId')
    .select([
      'eventInvitees.id',
      'eventInvitees.eventId',
      'eventInvitees.kind',
      'eventInvitees.name',
      'eventInvitees.email',
      'eventInvitees.organisation',
      'eventInvitees.attendance',
      'structures.name as structureName',
      'events.title',
      'events.type',
      'events.start',
      'events.status',
    ])
    .where('eventInvitees.kind', 'in', ['structure', 'invite'])
    .orderBy('events.start')
    .execute();
  return rows.filter(
    (r) => sameName(r.name, name) && (r.email ?? '').toLowerCase() === (email ?? '').toLowerCase(),
  );
}

async function guestDossier(db: Db, name: string, email: string | null): Promise<Dossier> {
  const rows = await guestRows(db, name, email);
  if (rows.length === 0) throw nobodyFound();
  const shownName = rows[0]!.name ?? name;
  return {
    name: shownName,
    sections: [
      {
        title: 'Identité',
        columns: [
          { key: 'name', label: 'Nom' },
          { key: 'email', label: 'E-mail' },
        ],
        rows: [{ name: shownName, email }],
      },
      {
        title: 'Évènements',
        columns: eventColumns,
        rows: rows.map((r) => ({
          title: r.title,
          type: label(EVENT_TYPES, r.type),
          start: r.start.slice(0, 10),
          status: label(EVENT_STATUSES, r.status),
          as: label(INVITEE_KINDS, r.kind),
          organisation: r.structureName ?? r.organisation,
          email: r.email,
          attendance: label(ATTENDANCES, r.attendance) ?? 'Non renseignée',
        })),
      },
      await journalSection(db, null, shownName),
      await auditSection(db, [shownName, ...(email ? [email] : [])], []),
    ],
  };
}

/** The structures where `name` is the legal representative or the charter signatory. */
export async function contactStructures(db: Db, name: string) {
  const rows = await db
    .selectFrom('structures')
    .select([
      'id',
      'name',
      'representativeName',
      'representativeTitle',
      'charterSignatory',
      'charterSignedOn',
    ])
    .where((eb) =>
      eb.or([eb('representativeName', 'is not', null), eb('charterSignatory', 'is not', null)]),
    )
    .orderBy('name')
    .execute();
  return rows
    .map((r) => ({
      ...r,
      isRepresentative: sameName(r.representativeName, name),
      isSignatory: sameName(r.charterSignatory, name),
    }))
    .filter((r) => r.isRepresentative || r.isSignatory);
}

async function contactDossier(db: Db, name: string): Promise<Dossier> {
  const rows = await contactStructures(db, name);
  if (rows.length === 0) throw nobodyFound();
  const shownName =
    (rows[0]!.isRepresentative ? rows[0]!.representativeName : rows[0]!.charterSignatory) ?? name;
  return {
    name: shownName,
    sections: [
      {
        title: 'Structures',
        columns: [
          { key: 'structure', label: 'Structure' },
          { key: 'role', label: 'Rôle' },
          { key: 'title', label: 'Qualité du représentant légal' },
          { key: 'charterSignedOn', label: 'Charte signée le', type: 'date' },
        ],
        rows: rows.map((r) => ({
          structure: r.name,
          role: [
            r.isRepresentative && 'Représentant légal',
            r.isSignatory && 'Signataire de la charte',
          ]
            .filter(Boolean)
            .join(' et '),
          title: r.isRepresentative ? r.representativeTitle : null,
          charterSignedOn: r.isSignatory ? r.charterSignedOn : null,
        })),
      },
      await journalSection(db, null, shownName),
      await auditSection(db, [shownName], []),
    ],
  };
}

export function dossierOf(db: Db, person: PersonRef): Promise<Dossier> {
  if (person.kind === 'promeneur') return promeneurDossier(db, person.id);
  if (person.kind === 'guest') return guestDossier(db, person.name, person.email);
  if (person.kind === 'committee_member') return committeeMemberDossier(db, person.id);
  return contactDossier(db, person.name);
}
