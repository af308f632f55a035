/**
 * Who is invited to an event — Promeneurs (one by one, by structure, or every active one),
 * people of a structure's team, outside guests — and who came: present, excused, absent.
 */
import type { Invitee } from '../../../shared/api/calendar';
import type { ParsedInput } from '../../../shared/api/contract';
import { INVITEE_KINDS, type Attendance, type InviteeKind } from '../../../shared/domain/calendar';
import { searchKey } from '../../../shared/rules/text';
import { DomainError } from '../../../shared/result';
import { inTransaction, type Db } from '../../db/connection';
import { recordAudit } from '../audit';
import { compareByRank, compareText } from '../directory';
import { findEvent, touchEvent } from './records';

/** Rows inserted at once: SQLite limits the number of values in one statement. */
const CHUNK = 500;

const compareKind = compareByRank(INVITEE_KINDS);

const invalid = (field: string, message: string) =>
  new DomainError('INVALID_INPUT', `Saisie à corriger : ${message}`, { [field]: message });

const cancelled = (what: string) =>
  new DomainError('CONFLICT', `Cet évènement est annulé : ${what}`);

/** An event's invitees: Promeneurs by last name, then teams by structure, then guests. */
export async function inviteesOf(db: Db, eventId: number): Promise<Invitee[]> {
  const rows = await db
    .selectFrom('eventInvitees')
    .leftJoin('promeneurs', 'promeneurs.id', 'eventInvitees.promeneurId')
    .leftJoin('structures as employer', 'employer.id', 'promeneurs.structureId')
    .leftJoin('structures as team', 'team.id', 'eventInvitees.structureId')
    .selectAll('eventInvitees')
    .select([
      'promeneurs.firstName',
      'promeneurs.lastName',
      'promeneurs.email as promeneurEmail',
      'promeneurs.structureId as employerId',
      'employer.name as employerName',
      'team.name as teamName',
    ])
    .where('eventInvitees.eventId', '=', eventId)
    .execute();
  const sorted = rows.sort(
    (a, b) =>
      compareKind(a.kind, b.kind) ||
      compareText(a.lastName, b.lastName) ||
      compareText(a.firstName, b.firstName) ||
      compareText(a.teamName ?? a.organisation, b.teamName ?? b.organisation) ||
      compareText(a.name, b.name) ||
      a.id - b.id,
  );
  return sorted.map((r): Invitee => {
    const attendance = r.attendance as Attendance | null;
    if (r.kind === 'promeneur')
      return {
        id: r.id,
        kind: 'promeneur',
        promeneurId: r.promeneurId,
        structureId: r.employerId,
        name: `${r.firstName ?? ''} ${r.lastName ?? ''}`.trim(),
        organisation: r.employerName,
        email: r.promeneurEmail,
        attendance,
      };
    return {
      id: r.id,
      kind: r.kind as InviteeKind,
      promeneurId: null,
      structureId: r.structureId,
      name: r.name ?? '',
      organisation: r.teamName ?? r.organisation,
      email: r.email,
      attendance,
    };
  });
}

/** The ids among `ids` that are not in `table`. */
async function missingIds(
  db: Db,
  table: 'promeneurs' | 'structures',
  ids: number[],
): Promise<number[]> {
  const found = new Set<number>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom(table)
      .select('id')
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) found.add(r.id);
  }
  return ids.filter((id) => !found.has(id));
}

/** Active Promeneurs (not archived), all of them or those of some structures. */
async function activePromeneurs(db: Db, structureIds: number[] | null): Promise<number[]> {
  let select = db
    .selectFrom('promeneurs')
    .select('id')
    .where('status', '=', 'actif')
    .where('archivedAt', 'is', null);
  if (structureIds !== null) select = select.where('structureId', 'in', structureIds);
  return (await select.execute()).map((r) => r.id);
}

type NewInvitee = {
  kind: InviteeKind;
  promeneurId: number | null;
  structureId: number | null;
  name: string | null;
  organisation: string | null;
  email: string | null;
};

/**
 * Invites people to an event; a Promeneur already invited is not invited twice, nor a
 * team member or a guest of the same name (and structure). Returns how many were added.
 */
export function invite(db: Db, input: ParsedInput<'calendar.invite'>): Promise<{ added: number }> {
  return inTransaction(db, async (trx) => {
    const event = await findEvent(trx, input.eventId);
    if (event.status === 'annule') throw cancelled('on n’y invite plus personne.');

    const unknownPromeneurs = await missingIds(trx, 'promeneurs', [...new Set(input.promeneurIds)]);
    if (unknownPromeneurs.length > 0)
      throw invalid('promeneurIds', 'ce Promeneur n’existe pas ou a été supprimé.');
    const structureIds = [
      ...new Set([...input.structureIds, ...input.staff.map((s) => s.structureId)]),
    ];
    const unknownStructures = await missingIds(trx, 'structures', structureIds);
    if (unknownStructures.length > 0)
      throw invalid(
        input.structureIds.some((id) => unknownStructures.includes(id)) ? 'structureIds' : 'staff',
        'cette structure n’existe pas ou a été supprimée.',
      );

    const promeneurIds = new Set(input.promeneurIds);
    if (input.structureIds.length > 0)
      for (const id of await activePromeneurs(trx, input.structureIds)) promeneurIds.add(id);
    if (input.allActive) for (const id of await activePromeneurs(trx, null)) promeneurIds.add(id);

    const existing = await trx
      .selectFrom('eventInvitees')
      .select(['kind', 'promeneurId', 'structureId', 'name'])
      .where('eventId', '=', event.id)
      .execute();
    const personKey = (kind: string, structureId: number | null, name: string | null) =>
      `${kind}:${structureId ?? ''}:${searchKey(name ?? '')}`;
    const invited = new Set(existing.map((e) => e.promeneurId).filter((id) => id !== null));
    const known = new Set(existing.map((e) => personKey(e.kind, e.structureId, e.name)));

    const added: NewInvitee[] = [];
    for (const id of [...promeneurIds].sort((a, b) => a - b))
      if (!invited.has(id))
        added.push({
          kind: 'promeneur',
          promeneurId: id,
          structureId: null,
          name: null,
          organisation: null,
          email: null,
        });
    const teamNames = new Map(
      (structureIds.length > 0
        ? await trx
            .selectFrom('structures')
            .select(['id', 'name'])
            .where('id', 'in', structureIds)
            .execute()
        : []
      ).map((s) => [s.id, s.name]),
    );
    const people = [
      ...input.staff.map((s) => ({
        kind: 'structure' as const,
        structureId: s.structureId,
        name: s.name,
        // The structure's name is kept, should the structure be erased one day.
        organisation: teamNames.get(s.structureId) ?? s.organisation,
        email: s.email,
      })),
      ...input.guests.map((g) => ({ kind: 'invite' as const, structureId: null, ...g })),
    ];
    for (const p of people) {
      const key = personKey(p.kind, p.structureId, p.name);
      if (known.has(key)) continue;
      known.add(key);
      added.push({ ...p, promeneurId: null });
    }
    if (added.length === 0) return { added: 0 };

    for (let i = 0; i < added.length; i += CHUNK)
      await trx
        .insertInto('eventInvitees')
        .values(added.slice(i, i + CHUNK).map((a) => ({ ...a, eventId: event.id })))
        .execute();
    const names = await namesOf(trx, added);
    await touchEvent(trx, event.id);
    await recordAudit(trx, {
      entity: 'event',
      entityId: event.id,
      action: 'update',
      subject: 'Invités',
      changes: [{ field: 'invitees', before: null, after: names }],
    });
    return { added: added.length };
  });
}

/** The names of people about to be invited, as the history shows them. */
async function namesOf(db: Db, people: NewInvitee[]): Promise<string[]> {
  const ids = people.map((p) => p.promeneurId).filter((id) => id !== null);
  const names = new Map<number, string>();
  for (let i = 0; i < ids.length; i += CHUNK)
    for (const p of await db
      .selectFrom('promeneurs')
      .select(['id', 'firstName', 'lastName'])
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute())
      names.set(p.id, `${p.firstName} ${p.lastName}`);
  return people.map((p) =>
    p.promeneurId !== null ? (names.get(p.promeneurId) ?? '') : (p.name ?? ''),
  );
}

/** Takes someone off an event's list, with their attendance. */
export function uninvite(db: Db, inviteeId: number): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('eventInvitees')
      .selectAll()
      .where('id', '=', inviteeId)
      .executeTakeFirst();
    if (!row)
      throw new DomainError('NOT_FOUND', 'Cette personne n’est plus invitée à cet évènement.');
    const person = (await inviteesOf(trx, row.eventId)).find((i) => i.id === inviteeId)!;
    await trx.deleteFrom('eventInvitees').where('id', '=', inviteeId).execute();
    await touchEvent(trx, row.eventId);
    await recordAudit(trx, {
      entity: 'event',
      entityId: row.eventId,
      action: 'update',
      subject: 'Invités',
      changes: [{ field: 'invitees', before: person.name, after: null }],
    });
    return { id: row.eventId };
  });
}

/**
 * Records who came, for invitees of that event only (null clears a mark). Allowed on a
 * planned event whose date has passed; refused on a cancelled one.
 */
export function recordAttendance(
  db: Db,
  eventId: number,
  marks: ParsedInput<'calendar.attendance'>['marks'],
): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const event = await findEvent(trx, eventId);
    const invitees = new Map((await inviteesOf(trx, eventId)).map((i) => [i.id, i]));
    if (marks.some((m) => !invitees.has(m.inviteeId)))
      throw invalid(
        'marks',
        'une personne de la liste n’est pas invitée à cet évènement (elle a peut-être été retirée entre-temps).',
      );
    if (event.status === 'annule') throw cancelled('on n’y saisit pas de présences.');
    const wanted = new Map(marks.map((m) => [m.inviteeId, m.attendance]));
    const changes = [...wanted]
      .map(([id, after]) => ({ invitee: invitees.get(id)!, after }))
      .filter(({ invitee, after }) => invitee.attendance !== after);
    if (changes.length === 0) return { id: eventId };
    for (const { invitee, after } of changes)
      await trx
        .updateTable('eventInvitees')
        .set({ attendance: after })
        .where('id', '=', invitee.id)
        .execute();
    await touchEvent(trx, eventId);
    await recordAudit(trx, {
      entity: 'event',
      entityId: eventId,
      action: 'update',
      subject: 'Présences',
      changes: changes.map(({ invitee, after }) => ({
        field: invitee.name,
        before: invitee.attendance,
        after,
      })),
    });
    return { id: eventId };
  });
}

/** The invitees of an event copied to another (a duplicate), without their attendance. */
export async function copyInvitees(db: Db, fromId: number, toId: number): Promise<void> {
  const rows = await db
    .selectFrom('eventInvitees')
    .select(['kind', 'promeneurId', 'structureId', 'name', 'organisation', 'email'])
    .where('eventId', '=', fromId)
    .orderBy('id')
    .execute();
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('eventInvitees')
      .values(rows.slice(i, i + CHUNK).map((r) => ({ ...r, eventId: toId, attendance: null })))
      .execute();
}
