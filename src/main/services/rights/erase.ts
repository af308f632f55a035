/**
 * Erasing a person: their data goes in one transaction, with SQLite's secure delete so the
 * freed space is overwritten; the audit log keeps that an erasure happened and which fields,
 * never the erased values, and earlier entries about them lose their values too.
 */
import { sql } from 'kysely';
import type { PersonRef } from '../../../shared/api/rights';
import { searchKeyOf } from '../../../shared/rules/text';
import { DomainError } from '../../../shared/result';
import { inTransaction, type Db } from '../../db/connection';
import { detachActivity } from '../activity/rights';
import { recordAudit } from '../audit';
import { eraseCommitteeMember } from './committeeMembers';
import { contactStructures, guestRows, nobodyFound, promeneurNotFound, sameName } from './dossier';

/** What replaces an erased name where the coordinator's own text mentioned it. */
export const ERASED_NAME = '[nom effacé]';

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Scrubs the log: the record's own entries keep their field names and dates, not their values;
 * any other entry naming the person loses the values that hold the name (a field named after
 * the person, as the attendance entries are, is renamed).
 */
export async function scrubAudit(
  trx: Db,
  needles: string[],
  own: { entity: string; ids: number[] } | null,
): Promise<void> {
  const lower = needles.filter(Boolean).map((n) => n.toLocaleLowerCase('fr'));
  const holds = (v: unknown) =>
    v !== null &&
    v !== undefined &&
    lower.some((n) =>
      (typeof v === 'string' ? v : JSON.stringify(v)).toLocaleLowerCase('fr').includes(n),
    );
  const rows = await trx
    .selectFrom('auditLog')
    .select(['id', 'entity', 'entityId', 'subject', 'changes'])
    .execute();
  for (const r of rows) {
    const isOwn = own !== null && r.entity === own.entity && own.ids.includes(r.entityId);
    if (!isOwn && !holds(r.changes) && !holds(r.subject)) continue;
    const changes = JSON.parse(r.changes) as { field: string; before: unknown; after: unknown }[];
    const scrubbed = changes.map((c) =>
      isOwn
        ? { field: c.field, before: null, after: null }
        : {
            field: holds(c.field) ? ERASED_NAME : c.field,
            before: holds(c.before) ? null : c.before,
            after: holds(c.after) ? null : c.after,
          },
    );
    const subject = holds(r.subject) ? ERASED_NAME : r.subject;
    await trx
      .updateTable('auditLog')
      .set({ changes: JSON.stringify(scrubbed), subject })
      .where('id', '=', r.id)
      .execute();
  }
}

/** Replaces the name in the journal's free text; returns how many entries changed. */
export async function scrubJournal(trx: Db, name: string): Promise<number> {
  const pattern = new RegExp(escapeRegExp(name.trim()).replace(/\s+/g, '\\s+'), 'giu');
  const entries = await trx
    .selectFrom('journalEntries')
    .select(['id', 'summary', 'partners'])
    .execute();
  let count = 0;
  for (const e of entries) {
    const summary = e.summary.replace(pattern, ERASED_NAME);
    const partners = e.partners?.replace(pattern, ERASED_NAME) ?? null;
    if (summary === e.summary && partners === e.partners) continue;
    await trx
      .updateTable('journalEntries')
      .set({ summary, partners })
      .where('id', '=', e.id)
      .execute();
    count += 1;
  }
  return count;
}

async function erasePromeneur(trx: Db, id: number, confirm: string): Promise<string[]> {
  const p = await trx.selectFrom('promeneurs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw promeneurNotFound();
  const name = `${p.firstName} ${p.lastName}`;
  assertConfirmed(name, confirm);
  const count = async (
    table: 'promeneurProfiles' | 'dutySlots' | 'eventInvitees' | 'journalLinks',
  ) =>
    Number(
      (
        await trx
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('promeneurId', '=', id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const profiles = await count('promeneurProfiles');
  const slots = await count('dutySlots');
  const invitations = await count('eventInvitees');
  const links = await count('journalLinks');
  const statuses = await trx
    .deleteFrom('statusHistory')
    .where('entity', '=', 'promeneur')
    .where('entityId', '=', id)
    .executeTakeFirst();
  // Activity figures stay in the statistics, detached, their free texts deleted.
  const reports = await detachActivity(trx, id);
  // Profiles, duty slots, invitations and journal links go with the row (ON DELETE CASCADE).
  await trx.deleteFrom('promeneurs').where('id', '=', id).execute();
  const journal = await scrubJournal(trx, name);
  await scrubAudit(trx, [name, ...(p.email ? [p.email] : [])], { entity: 'promeneur', ids: [id] });
  const fields = [
    'firstName',
    'lastName',
    'job',
    'structureId',
    'email',
    'phone',
    'startDate',
    'charterSignedOn',
    'status',
    'profiles',
    'dutySlots',
    'compliance',
    'complianceCheckedOn',
    'publication',
    'notes',
    'statusHistory',
    'invitations',
    'journalLinks',
    'activityReports',
  ];
  await recordAudit(trx, {
    entity: 'promeneur',
    entityId: id,
    action: 'erase',
    changes: fields.map((field) => ({ field, before: null, after: null })),
  });
  return [
    '1 fiche de Promeneur du Net',
    plural(profiles, 'profil', 'profils'),
    plural(slots, 'permanence', 'permanences'),
    plural(Number(statuses.numDeletedRows), 'statut de l’historique', 'statuts de l’historique'),
    plural(invitations, 'invitation à un évènement', 'invitations à des évènements'),
    plural(links, 'lien du journal d’activité', 'liens du journal d’activité'),
    ...(reports > 0
      ? [
          plural(
            reports,
            'bilan d’activité détaché (chiffres gardés, textes effacés)',
            'bilans d’activité détachés (chiffres gardés, textes effacés)',
          ),
        ]
      : []),
    ...(journal > 0
      ? [
          plural(
            journal,
            'entrée du journal où le nom est remplacé',
            'entrées du journal où le nom est remplacé',
          ),
        ]
      : []),
  ];
}

async function eraseGuest(
  trx: Db,
  name: string,
  email: string | null,
  confirm: string,
): Promise<string[]> {
  const rows = await guestRows(trx, name, email);
  if (rows.length === 0) throw nobodyFound();
  const shownName = rows[0]!.name ?? name;
  assertConfirmed(shownName, confirm);
  await trx
    .deleteFrom('eventInvitees')
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const journal = await scrubJournal(trx, shownName);
  await scrubAudit(trx, [shownName, ...(email ? [email] : [])], null);
  const events = [...new Set(rows.map((r) => r.eventId))];
  await recordAudit(trx, {
    entity: 'event',
    entityId: events[0]!,
    action: 'erase',
    subject: `Effacement d’une personne invitée (${plural(events.length, 'évènement', 'évènements')})`,
    changes: ['name', 'email', 'organisation', 'attendance'].map((field) => ({
      field,
      before: null,
      after: null,
    })),
  });
  return [
    plural(rows.length, 'invitation à un évènement', 'invitations à des évènements'),
    ...(journal > 0
      ? [
          plural(
            journal,
            'entrée du journal où le nom est remplacé',
            'entrées du journal où le nom est remplacé',
          ),
        ]
      : []),
  ];
}

async function eraseContact(trx: Db, name: string, confirm: string): Promise<string[]> {
  const rows = await contactStructures(trx, name);
  if (rows.length === 0) throw nobodyFound();
  const shownName =
    (rows[0]!.isRepresentative ? rows[0]!.representativeName : rows[0]!.charterSignatory) ?? name;
  assertConfirmed(shownName, confirm);
  const fields = new Set<string>();
  for (const r of rows) {
    const patch: {
      representativeName?: null;
      representativeTitle?: null;
      charterSignatory?: null;
    } = {};
    if (r.isRepresentative) {
      patch.representativeName = null;
      patch.representativeTitle = null;
      fields.add('representativeName').add('representativeTitle');
    }
    if (r.isSignatory) {
      patch.charterSignatory = null;
      fields.add('charterSignatory');
    }
    await trx.updateTable('structures').set(patch).where('id', '=', r.id).execute();
    const s = await trx
      .selectFrom('structures')
      .selectAll()
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('structures')
      .set({
        searchKey: searchKeyOf([
          s.name,
          s.commune,
          s.territory,
          s.email,
          s.siret,
          s.representativeName,
        ]),
      })
      .where('id', '=', r.id)
      .execute();
  }
  const journal = await scrubJournal(trx, shownName);
  await scrubAudit(trx, [shownName], null);
  await recordAudit(trx, {
    entity: 'structure',
    entityId: rows[0]!.id,
    action: 'erase',
    subject:
      rows.length > 1
        ? `Effacement d’un représentant ou signataire (${plural(rows.length, 'structure', 'structures')})`
        : 'Effacement d’un représentant ou signataire',
    changes: [...fields].map((field) => ({ field, before: null, after: null })),
  });
  return [
    plural(
      rows.length,
      'structure dont les champs sont vidés',
      'structures dont les champs sont vidés',
    ),
    ...(journal > 0
      ? [
          plural(
            journal,
            'entrée du journal où le nom est remplacé',
            'entrées du journal où le nom est remplacé',
          ),
        ]
      : []),
  ];
}

const fold = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');

export function assertConfirmed(name: string, confirm: string): void {
  if (!sameName(confirm, name) || fold(confirm) === '')
    throw new DomainError(
      'INVALID_INPUT',
      `Pour confirmer, saisissez exactement le nom « ${name} ».`,
      { confirm: `Saisissez « ${name} » pour confirmer.` },
    );
}

export async function erasePerson(
  db: Db,
  person: PersonRef,
  confirm: string,
): Promise<{ erased: string[] }> {
  // Secure delete overwrites the freed space, so the erased values do not linger in the file.
  await sql`PRAGMA secure_delete = ON`.execute(db);
  const erased = await inTransaction(db, (trx) => {
    if (person.kind === 'promeneur') return erasePromeneur(trx, person.id, confirm);
    if (person.kind === 'guest') return eraseGuest(trx, person.name, person.email, confirm);
    if (person.kind === 'committee_member') return eraseCommitteeMember(trx, person.id, confirm);
    return eraseContact(trx, person.name, confirm);
  });
  // The write-ahead log still holds the pages as they were before: fold it into the file.
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  return { erased };
}
